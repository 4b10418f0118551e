import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { t } from '../../../src/i18n/i18n.ts';
import { ROOT } from '../../e2e/support/paths.ts';

const messages = JSON.parse(readFileSync(path.join(ROOT, 'public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

/** Every place a user-visible string is written: the pages, and what the worker, the content scripts and the store say. */
const UI_DIRS = ['sidepanel', 'popup', 'options', 'src/ui', 'src/workspace', 'src/background', 'src/content', 'src/core', 'src/archive', 'src/store'];

describe('UI strings in _locales', () => {
  it('has an English message for every literal key passed to t(), tr() or storedMessage()', () => {
    const used = new Set<string>();
    for (const file of UI_DIRS.flatMap((dir) => sourceFiles(path.join(ROOT, dir)))) {
      const source = readFileSync(file, 'utf8');
      // t('key', ...) and t(cond ? 'key' : 'other', ...): every quoted key inside the first argument.
      for (const match of source.matchAll(/\b(?:t|tr|storedMessage|submissionError)\(\s*([^,()]*?)\s*[,)]/g)) {
        for (const key of match[1]!.matchAll(/'([A-Za-z0-9_]+)'/g)) used.add(key[1]!);
      }
    }
    expect(used.size).toBeGreaterThan(80);
    for (const key of ['menu_clip_selection', 'page_restricted', 'capture_too_long', 'connection_ok', 'outbox_error_retrying', 'clip_button_add_current', 'toast_quote_added']) {
      expect(used, `${key} is looked up somewhere`).toContain(key);
    }
    expect([...used].filter((key) => !messages[key])).toEqual([]);
  });

  it('has a message for every key built from a prefix (readiness checks, save states, tiers, revisions)', () => {
    const families: Record<string, string[]> = {
      readiness_: ['title', 'quotedSource', 'severity', 'code', 'archiveRules', 'summary', 'rationale', 'counterfactual', 'announcementDate', 'independentSources'],
      save_: ['saved', 'pending', 'saving', 'error'],
      tier_: ['none', 'single', 'standard', 'strong'],
      revision_: ['edit', 'restore', 'conflict', 'import', 'upgrade'],
    };
    const missing = Object.entries(families).flatMap(([prefix, ids]) => ids.map((id) => prefix + id).filter((key) => !messages[key]));
    expect(missing).toEqual([]);
  });

  it('resolves every __MSG_*__ name in manifest.json', () => {
    const manifest = readFileSync(path.join(ROOT, 'manifest.json'), 'utf8');
    const names = [...manifest.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(2);
    expect(names.filter((name) => !messages[name])).toEqual([]);
    expect(JSON.parse(manifest).default_locale).toBe('en');
  });

  it('fills placeholders outside the extension, as i18n.getMessage does', () => {
    expect(t('source_label', 2, 'The Ledger')).toBe('Source 2: The Ledger');
    expect(t('readiness_ready')).toBe('Ready to submit');
  });
});
