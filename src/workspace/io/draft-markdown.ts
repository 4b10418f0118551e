/** One draft as a Markdown document, for pasting into a ticket or an e-mail. */
import type { Clip, Draft } from '../../core/draft.ts';
import { sourceTier } from '../source-tier.ts';

const quoteBlock = (text: string) => text.split('\n').map((line) => `> ${line}`).join('\n');

export function draftToMarkdown(draft: Draft, clips: Clip[]): string {
  const own = clips.filter((clip) => clip.draftId === draft.id);
  const quoted = draft.sources.filter((source) => own.some((clip) => clip.sourceId === source.id));
  const facts = [
    ['Severity', draft.severity],
    ['Announcement date', draft.announcementDate],
    ['Incident date', draft.incidentDate],
    ['Providers', draft.providers.join(', ')],
    ['Codes', draft.codes.join(', ')],
    ['Tags', draft.tags.join(', ')],
    // `?? []`: a draft stored before these fields existed and not saved since has none (rows are read unparsed).
    ['Deployers', (draft.deployers ?? []).join(', ')],
    ['Harmed parties', (draft.harmedParties ?? []).join(', ')],
    ['Source tier', `${sourceTier(quoted)} (${draft.sources.length} source${draft.sources.length === 1 ? '' : 's'})`],
  ].filter(([, value]) => value);
  const parts = [`# ${draft.title || 'Untitled draft'}`, facts.map(([name, value]) => `- **${name}:** ${value}`).join('\n')];
  if (draft.summary) parts.push(`## Summary\n\n${draft.summary}`);
  if (draft.rationale) parts.push(`## Why this is an AI incident\n\n${draft.rationale}`);
  if (draft.counterfactual) parts.push(`## But-for test\n\n${draft.counterfactual}`);
  if (draft.sources.length > 0) {
    parts.push(
      `## Sources\n\n${draft.sources
        .map((source, index) => {
          const meta = [source.publisher, source.authors.join(', '), source.publishedDate].filter(Boolean).join(' · ');
          const quotes = own.filter((clip) => clip.sourceId === source.id).map((clip) => quoteBlock(clip.quote));
          return [`${index + 1}. [${source.title || source.url}](${source.url})${meta ? ` ${meta}` : ''}`, ...quotes].join('\n\n');
        })
        .join('\n\n')}`,
    );
  }
  if (draft.notes) parts.push(`## Editor notes\n\n${draft.notes}`);
  return `${parts.join('\n\n')}\n`;
}
