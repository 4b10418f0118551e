import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DB_NAME } from '../../../src/store/db.ts';

describe('the side panel’s early database open (public/sidepanel/open-db.js)', () => {
  it('reads the database Dexie uses, and never creates one', () => {
    const script = readFileSync(new URL('../../../public/sidepanel/open-db.js', import.meta.url), 'utf8');
    expect(script).toContain(`indexedDB.open('${DB_NAME}')`);
    expect(script).toContain('transaction?.abort()');
    expect(script).toContain(`transaction(['drafts', 'clips', 'conflicts'], 'readonly')`);
  });
});
