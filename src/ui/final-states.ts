/** Review states after which a draft takes no edits: the archive refuses them (published) or nothing comes of them (rejected). */
import type { ReviewState } from '../core/draft.ts';

export const FINAL_STATES: ReadonlySet<ReviewState> = new Set<ReviewState>(['published', 'rejected']);
