// Property: whatever text it is given, the importer returns a well-formed canonical document
// (or, for whole files, a ChartersError) — it never throws anything else.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { DATA_ROOT } from '../../core/paths.ts';
import { charterDocumentSchema } from '../charter-schema.ts';
import { ChartersError } from '../errors.ts';
import { readCharter } from '../read-charter.ts';
import { parseCharterText } from './charter-text.ts';

const seeds = ['jaintiapur.txt', 'jessore-sadar.txt'].map((file) =>
  readFileSync(path.join(DATA_ROOT, 'charters', file), 'utf8'),
);
// the same charter in every shape it may be pasted in (see input-shapes.test.ts)
seeds.push(
  ...[
    'shape-html-page.html.txt',
    'shape-spreadsheet.tsv.txt',
    'shape-spreadsheet.csv.txt',
    'shape-pipe-cells.txt',
    'shape-cell-per-line.txt',
    'shape-labelled.txt',
    'shape-pdftotext-layout.txt',
  ].map((file) => readFileSync(new URL(`./fixtures/${file}`, import.meta.url), 'utf8')),
);

function assertWellFormed(text: string): void {
  const doc = parseCharterText(text);
  const checked = charterDocumentSchema.safeParse(doc);
  assert.ok(checked.success, checked.success ? '' : JSON.stringify(checked.error.issues.slice(0, 3)));
}

const banglaChar = fc.integer({ min: 0x0980, max: 0x09ff }).map((code) => String.fromCharCode(code));
const charterishChar = fc.oneof(
  banglaChar,
  fc.constantFrom('\t', '\n', ' ', '/', '-', '(', ')', '।', ':', 'ঃ', '<b>', '</b>', '|', '#', '*', '@', '.', '০১', '৭'),
  fc.string({ maxLength: 1 }),
);
const charterishText = fc.array(charterishChar, { maxLength: 400 }).map((parts) => parts.join(''));

test('random text never makes the importer throw', () => {
  fc.assert(fc.property(fc.string({ maxLength: 500 }), assertWellFormed), { numRuns: 300 });
  fc.assert(fc.property(charterishText, assertWellFormed), { numRuns: 300 });
});

/** A mutation of a real charter: lines dropped, duplicated, swapped, cut, cells shuffled, noise added. */
const mutation = fc.record({
  seed: fc.integer({ min: 0, max: seeds.length - 1 }),
  edits: fc.array(
    fc.record({
      kind: fc.constantFrom('drop', 'duplicate', 'swap', 'truncate', 'shuffle-cells', 'insert-noise', 'drop-tabs'),
      at: fc.nat(),
      other: fc.nat(),
      noise: charterishText,
    }),
    { minLength: 1, maxLength: 12 },
  ),
});

interface Edit {
  kind: string;
  at: number;
  other: number;
  noise: string;
}

function mutate(text: string, edits: Edit[]): string {
  const lines = text.split('\n');
  for (const edit of edits) {
    const i = edit.at % Math.max(lines.length, 1);
    const j = edit.other % Math.max(lines.length, 1);
    const line = lines[i] ?? '';
    switch (edit.kind) {
      case 'drop':
        lines.splice(i, 1);
        break;
      case 'duplicate':
        lines.splice(i, 0, line);
        break;
      case 'swap':
        lines[i] = lines[j] ?? '';
        lines[j] = line;
        break;
      case 'truncate':
        lines[i] = line.slice(0, edit.other % (line.length + 1));
        break;
      case 'shuffle-cells': {
        const cells = line.split('\t');
        cells.push(...cells.splice(0, edit.other % (cells.length + 1)));
        lines[i] = cells.join('\t');
        break;
      }
      case 'insert-noise':
        lines.splice(i, 0, edit.noise);
        break;
      case 'drop-tabs':
        lines[i] = line.replace(/\t/g, ' ');
        break;
    }
  }
  return lines.join('\n');
}

test('mutated real charters never make the importer throw', () => {
  fc.assert(
    fc.property(mutation, ({ seed, edits }) => assertWellFormed(mutate(seeds[seed] ?? '', edits))),
    { numRuns: 200 },
  );
});

test('arbitrary bytes are either read or refused with a ChartersError', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
      try {
        charterDocumentSchema.parse(readCharter(bytes));
      } catch (error) {
        assert.ok(error instanceof ChartersError, String(error));
      }
    }),
    { numRuns: 300 },
  );
});
