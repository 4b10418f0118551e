import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readiness } from '../../../src/workspace/readiness.ts';
import { saveCapture } from '../../../src/store/drafts.ts';
import { newNote } from '../../../src/workspace/note.ts';
import { capture, freshDb } from '../support/fixtures.ts';

const failing = (r: ReturnType<typeof readiness>) => ({ blockers: r.blockers.map((c) => c.id), advice: r.advice.map((c) => c.id) });

describe('readiness checklist', () => {
  it('blocks an empty note on what the archive requires (title, quoted source), and advises the rest', () => {
    const result = readiness(newNote());
    expect(result.ready).toBe(false);
    expect(failing(result)).toEqual({
      blockers: ['title', 'quotedSource'],
      advice: ['severity', 'code', 'provider', 'summary', 'rationale', 'counterfactual', 'announcementDate', 'independentSources'],
    });
  });

  it('is ready exactly when the archive would accept the submission; advice does not block', async () => {
    const store = freshDb();
    const { draft } = await saveCapture(capture(), 'new', { store });
    const clipped = readiness(draft);
    expect(clipped.ready).toBe(true);
    expect(failing(clipped).advice).toEqual(['severity', 'code', 'provider', 'summary', 'rationale', 'counterfactual', 'independentSources']);
    const classified = readiness({ ...draft, severity: 'SEV-3', codes: ['M1'], providers: ['OpenAI'] });
    expect(failing(classified).advice).toEqual(['summary', 'rationale', 'counterfactual', 'independentSources']);
  });

  it('counts a source only when it has a quote, and two publishers only when they differ', async () => {
    const store = freshDb();
    const { draft, clip } = await saveCapture(capture(), 'new', { store });
    const other = await saveCapture(capture({ url: 'https://second.example/a', publisher: 'Second Wire' }), draft.id, { store });
    const both = readiness(other.draft);
    expect(both.checks.find((c) => c.id === 'independentSources')?.ok).toBe(true);
    const onlyFirstQuoted = readiness({ ...other.draft, clips: [clip] });
    expect(onlyFirstQuoted.checks.find((c) => c.id === 'independentSources')?.ok).toBe(false);
    const samePublisher = await saveCapture(capture({ url: 'https://news.example/other' }), draft.id, { store });
    const sameTwice = readiness({ ...samePublisher.draft, clips: [clip, samePublisher.clip] });
    expect(sameTwice.checks.find((c) => c.id === 'independentSources')?.ok).toBe(false);
  });

  it('reports the archive schema problems the named checks do not cover', async () => {
    const store = freshDb();
    const { draft } = await saveCapture(capture(), 'new', { store });
    const ftp = { ...draft.sources[0]!, url: 'ftp://files.example/report.txt' };
    const result = readiness({ ...draft, sources: [ftp], severity: 'SEV-2', codes: ['M1'] });
    expect(result.ready).toBe(false);
    expect(result.blockers.map((c) => c.id)).toEqual(['archiveRules']);
    expect(result.blockers[0]?.details?.[0]).toMatch(/^sources\.0\.url:/);
    expect(readiness({ ...draft, title: 'x'.repeat(501) }).blockers.map((c) => c.id)).toContain('title');
  });

  describe('with the archive\'s taxonomy naming what it requires', () => {
    const SEED = ['title', 'severity', 'code', 'provider', 'rationale', 'counterfactual', 'quotedSource'];

    it('blocks a freshly clipped draft on every required field still empty, and keeps the rest as advice', async () => {
      const { draft } = await saveCapture(capture(), 'new', { store: freshDb() });
      const bare = readiness(draft, SEED);
      expect(bare.ready).toBe(false);
      expect(failing(bare)).toEqual({ blockers: ['severity', 'code', 'provider', 'rationale', 'counterfactual'], advice: ['summary', 'independentSources'] });
      expect(bare.checks.filter((check) => check.level === 'required').map((check) => check.id)).toEqual(['title', 'quotedSource', ...failing(bare).blockers]);
    });

    it('is ready once the required fields are there, whatever advice is left; a blank provider does not count', async () => {
      const { draft } = await saveCapture(capture(), 'new', { store: freshDb() });
      const filled = { ...draft, severity: 'SEV-3' as const, codes: ['M1'], providers: ['OpenAI'], rationale: 'A chatbot made it up.', counterfactual: 'Without it, no false policy.' };
      const done = readiness(filled, SEED);
      expect(done.ready).toBe(true);
      expect(failing(done)).toEqual({ blockers: [], advice: ['summary', 'independentSources'] });
      expect(failing(readiness({ ...filled, providers: ['  '] }, SEED)).blockers).toEqual(['provider']);
      expect(failing(readiness({ ...filled, rationale: ' \n ' }, SEED)).blockers).toEqual(['rationale']);
    });

    it('still needs a title and a quoted source when the archive names neither, and ignores names it has no check for', () => {
      const result = readiness(newNote(), ['summary', 'a-future-requirement']);
      expect(failing(result).blockers).toEqual(['title', 'quotedSource', 'summary']);
    });
  });
});
