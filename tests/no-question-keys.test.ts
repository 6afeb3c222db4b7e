// Everything that changes from edition to edition is data the bureau edits (issue 17): a question
// key written in the code would tie a key result, a status rule or a label to one wording of one
// year, and silently drop it when the bureau renames the question. The demo module (which makes up
// answers to the shipped questionnaires) and tests may name keys; nothing else in src/ may.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuestionnaires } from '../src/modules/questionnaire/index.ts';

const SRC = join(import.meta.dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return relative(SRC, path) === join('modules', 'demo') ? [] : sourceFiles(path);
    return /\.(ts|tsx|typ|js)$/.test(e.name) && !/\.test\.ts$|test-fixtures\.ts$/.test(e.name) ? [path] : [];
  });
}

/** Every place in `text` where `key` stands as a string literal ('key', "key", `key`) or a property `key:`. */
function literals(text: string, key: string): number {
  const quoted = new RegExp(`(['"\`])${key}\\1`, 'g');
  const property = new RegExp(`[{,]\\s*${key}\\s*:`, 'g');
  return (text.match(quoted)?.length ?? 0) + (text.match(property)?.length ?? 0);
}

describe('no question key in src/ outside the demo', () => {
  const keys = [...new Set([...loadQuestionnaires().values()].flatMap((qn) => qn.questions.map((q) => q.key)))];

  it('knows the shipped keys (so the check below can fail)', () => {
    expect(keys).toContain('signaalpunt');
    expect(literals("const x = { signaalpunt: 1 }; f('financiering')", 'signaalpunt') + literals("f('financiering')", 'financiering')).toBe(2);
  });

  it('finds none', () => {
    const found: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const text = readFileSync(file, 'utf8');
      for (const key of keys) if (literals(text, key)) found.push(`${relative(SRC, file)}: "${key}"`);
    }
    expect(found).toEqual([]);
  });
});
