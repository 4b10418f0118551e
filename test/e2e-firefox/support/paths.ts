import path from 'node:path';
import { ROOT } from '../../e2e/support/paths.ts';

/** The Firefox build this run loads; the global setup gives each run its own folder. */
export const FIREFOX_DIST = process.env.CLIPPER_FIREFOX_DIST ?? path.join(ROOT, '.tmp/e2e-firefox-dist');
