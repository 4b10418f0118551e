// Layering (DESIGN.md "Layout"): a module imports only from its own floor or below. A test rather than a
// convention, so a stranger's change that reaches upward fails here with the offending import named.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Lowest first. Folders of one floor may import each other; none may import a higher floor. */
const FLOORS: string[][] = [
  ['src/i18n'],
  ['src/core'],
  ['src/capture', 'src/workspace'],
  ['src/archive'],
  ['src/store'],
  ['src/sync'],
  ['src/ui'],
  ['src/background', 'src/content', 'popup', 'options', 'sidepanel'],
];

function floorOf(file: string): number | undefined {
  const index = FLOORS.findIndex((folders) => folders.some((folder) => file === folder || file.startsWith(`${folder}/`)));
  return index === -1 ? undefined : index;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

const IMPORT = /(?:^|\s)(?:import|export)\b[^'"`;]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

function upwardImports(): string[] {
  const roots = [...new Set(FLOORS.flat().map((folder) => folder.split('/')[0]!))];
  const found: string[] = [];
  for (const file of roots.flatMap((root) => sourceFiles(root))) {
    const from = floorOf(file);
    if (from === undefined) continue;
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = path.normalize(path.join(path.dirname(file), match[1] ?? match[2]!));
      const to = floorOf(target);
      if (to !== undefined && to > from) found.push(`${file} imports ${target}`);
    }
  }
  return found;
}

describe('layering', () => {
  it('no module imports from a higher floor', () => {
    expect(upwardImports()).toEqual([]);
  });

  it('finds an upward import when there is one', () => {
    // The rule above can fail: a core module importing a UI hook is on a higher floor, and the import is read.
    expect(floorOf('src/core/draft.ts')).toBeLessThan(floorOf('src/ui/use-taxonomy.ts') ?? 0);
    const sample = "import { useTaxonomy } from '../ui/use-taxonomy.ts';";
    expect([...sample.matchAll(IMPORT)].map((match) => match[1])).toEqual(['../ui/use-taxonomy.ts']);
  });
});
