/** One draft as a Markdown document, for pasting into a ticket or an e-mail. */
import type { Draft } from '../../core/draft.ts';
import { sourceTier } from '../source-tier.ts';

/**
 * Text as Markdown that shows it literally: HTML is written as entities (no tag a renderer would run), and
 * the characters that make emphasis, code or links are backslash-escaped, so a page's `[x](javascript:…)`
 * stays text. Page titles, authors and quotes reach the export through here.
 */
export function markdownText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]~]/g, (char) => `\\${char}`);
}

/** For one-line places (a heading, a list item): a line break in page text must not start a block of its own. */
const inlineText = (text: string) => markdownText(text.replace(/\s+/g, ' ').trim());

/** A link target only for http(s) addresses, with the parentheses that would end it early encoded. */
function markdownLink(label: string, url: string): string {
  let href: URL | undefined;
  try {
    href = new URL(url);
  } catch {
    href = undefined;
  }
  if (!href || (href.protocol !== 'http:' && href.protocol !== 'https:')) return inlineText(label);
  return `[${inlineText(label)}](${href.href.replace(/\(/g, '%28').replace(/\)/g, '%29')})`;
}

/**
 * The notes are the editor's own Markdown (the editor renders them so), kept as written, except what the
 * editor's renderer would not run either: raw HTML becomes text, and links other than http(s)/mailto lose their target.
 */
const notesMarkdown = (notes: string) =>
  notes
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/\]\((?!https?:|mailto:)/gi, '\\](');

const quoteBlock = (text: string) => markdownText(text).split('\n').map((line) => `> ${line}`).join('\n');

export function draftToMarkdown(draft: Draft): string {
  const own = draft.clips;
  const quoted = draft.sources.filter((source) => own.some((clip) => clip.sourceId === source.id));
  const facts = [
    ['Severity', draft.severity],
    ['Announcement date', draft.announcementDate],
    ['Incident date', draft.incidentDate],
    ['Providers', inlineText(draft.providers.join(', '))],
    ['Codes', inlineText(draft.codes.join(', '))],
    ['Tags', inlineText(draft.tags.join(', '))],
    ['Deployers', inlineText(draft.deployers.join(', '))],
    ['Harmed parties', inlineText(draft.harmedParties.join(', '))],
    ['Source tier', `${sourceTier(quoted)} (${draft.sources.length} source${draft.sources.length === 1 ? '' : 's'})`],
  ].filter(([, value]) => value);
  const parts = [`# ${inlineText(draft.title) || 'Untitled draft'}`, facts.map(([name, value]) => `- **${name}:** ${value}`).join('\n')];
  if (draft.summary) parts.push(`## Summary\n\n${markdownText(draft.summary)}`);
  if (draft.rationale) parts.push(`## Why this is an AI incident\n\n${markdownText(draft.rationale)}`);
  if (draft.counterfactual) parts.push(`## But-for test\n\n${markdownText(draft.counterfactual)}`);
  if (draft.sources.length > 0) {
    parts.push(
      `## Sources\n\n${draft.sources
        .map((source, index) => {
          const meta = inlineText([source.publisher, source.authors.join(', '), source.publishedDate].filter(Boolean).join(' · '));
          const quotes = own.filter((clip) => clip.sourceId === source.id).map((clip) => quoteBlock(clip.quote));
          return [`${index + 1}. ${markdownLink(source.title || source.url, source.url)}${meta ? ` ${meta}` : ''}`, ...quotes].join('\n\n');
        })
        .join('\n\n')}`,
    );
  }
  if (draft.notes) parts.push(`## Editor notes\n\n${notesMarkdown(draft.notes)}`);
  return `${parts.join('\n\n')}\n`;
}
