import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { test } from 'node:test';
import { generateSchemaTypes, parseInList, SCHEMA_FILE } from './generate-types.ts';

test('schema.ts is what the migrations generate', async () => {
  const [generated, committed] = await Promise.all([generateSchemaTypes(), fs.readFile(SCHEMA_FILE, 'utf8')]);
  if (generated === committed) return;
  const ours = committed.split('\n');
  const theirs = generated.split('\n');
  const line = theirs.findIndex((text, i) => text !== ours[i]);
  assert.fail(
    'src/core/db/schema.ts is out of date with migrations/: run `npm run db:types` and commit the result\n' +
      `first difference at line ${line + 1}: committed ${JSON.stringify(ours[line])}, generated ${JSON.stringify(theirs[line])}`,
  );
});

test('a text column checked against a list of values is typed as those values', () => {
  assert.deepEqual(
    parseInList("CHECK ((kind = ANY (ARRAY['general'::text, 'local_closure'::text, 'it''s'::text])))"),
    ['general', 'local_closure', "it's"],
  );
  assert.deepEqual(parseInList("CHECK ((status = 'open'::text))"), ['open']);
});

test('any other check leaves the column a plain string', () => {
  assert.equal(parseInList("CHECK ((slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'::text))"), undefined);
  assert.equal(parseInList("CHECK ((level = ANY (ARRAY[1, 2, 3])))"), undefined);
  assert.equal(parseInList("CHECK (((status = 'draft'::text) = (published_at IS NULL)))"), undefined);
});
