/** The three-way text merge moved to src/core/text-merge.ts (the sync model in core uses it too). */
export { mergeText, tokenize } from '../core/text-merge.ts';
