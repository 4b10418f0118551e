/** What a readiness check is called; it lives with the words for the archive's own requirement refusal. */
export { checkLabel } from '../workspace/requirement-words.ts';
