// `charter import` with many files or folders: one process, each charter on its own, a summary.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { readCharter, type CharterDocument } from '../charters/index.ts';
import { openDatabase } from '../core/db/connection.ts';
import { openTestDatabase, type TestDatabase } from '../core/db/test-database.ts';
import { DATA_ROOT } from '../core/paths.ts';
import { listCharterFiles } from './charter-import.ts';
import { cliRunner } from './cli-harness.ts';
import { CliUsageError } from './command.ts';
import { CliInputError } from './input-file.ts';
import { commands } from './run-cli.ts';

const JAINTIAPUR = readFileSync(path.join(DATA_ROOT, 'charters/jaintiapur.txt'), 'utf8');
const JESSORE = readFileSync(path.join(DATA_ROOT, 'charters/jessore-sadar.txt'), 'utf8');

let scratch: string;
let database: TestDatabase;
let charters: string;

/** The Jaintiapur charter as another office's, by its portal address (the office's slug comes from it). */
function asOffice(host: string, change: (doc: CharterDocument) => CharterDocument = (doc) => doc): string {
  const doc = readCharter(Buffer.from(JAINTIAPUR));
  return JSON.stringify(change({ ...doc, office: { ...doc.office, website: `https://${host}` } }));
}

function write(file: string, content: string | Uint8Array): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

before(async () => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'protishruti-cli-bulk-'));
  database = await openTestDatabase();
  charters = path.join(scratch, 'charters');
  write(path.join(charters, 'jaintiapur.txt'), JAINTIAPUR);
  write(path.join(charters, 'khulna/jessore-sadar.md'), JESSORE);
  // a new upazila that the refused charter below creates and takes back with it, and that this one needs afterwards
  write(path.join(charters, 'sylhet/gowainghat/zz-goainghat.json'), asOffice('doict.gowainghat.sylhet.gov.bd'));
  // PostgreSQL takes no NUL in text: refused by the database halfway through its transaction
  write(
    path.join(charters, 'sylhet/gowainghat/nul-in-a-service.json'),
    asOffice('nul.gowainghat.sylhet.gov.bd', (doc) => ({ ...doc, services: doc.services.map((s, i) => (i === 3 ? { ...s, name_bn: `${s.name_bn}\u0000` } : s)) })),
  );
  write(path.join(charters, 'scanned.txt'), Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0xfe, 0x01, 0x02]));
  write(path.join(charters, 'sylhet/empty.txt'), '');
  // not read: hidden, or not a kind of file the importer reads
  write(path.join(charters, '.hidden.txt'), asOffice('hidden.jaintiapur.sylhet.gov.bd'));
  write(path.join(charters, '.git/old.txt'), asOffice('git.jaintiapur.sylhet.gov.bd'));
  write(path.join(charters, 'charter.pdf'), asOffice('pdf.jaintiapur.sylhet.gov.bd'));
});
after(async () => {
  rmSync(scratch, { recursive: true, force: true });
  await database.drop();
});

async function cli(args: string[], dataDir = path.join(scratch, 'data')) {
  return cliRunner(dataDir, database.url)(args);
}

/** The offices stored, with the status of each version, read from the database the CLI wrote. */
async function storedOffices(dataDir = path.join(scratch, 'data')): Promise<Record<string, string[]>> {
  const read = async (db: TestDatabase['db']) => {
    const rows = await db
      .selectFrom('offices as o')
      .innerJoin('charter_versions as v', 'v.office_id', 'o.id')
      .select(['o.slug', 'v.version_no', 'v.status'])
      .orderBy('o.slug')
      .orderBy('v.version_no')
      .execute();
    const offices: Record<string, string[]> = {};
    for (const row of rows) (offices[row.slug] ??= []).push(row.status);
    return offices;
  };
  if (database.url) return read(database.db);
  const embedded = await openDatabase({ pgliteDir: path.join(dataDir, 'pglite') });
  try {
    return await read(embedded.db);
  } finally {
    await embedded.close();
  }
}

test('a folder is walked in name order, every level down, for the kinds of file the importer reads, hidden ones left out', async () => {
  const listed = await listCharterFiles([charters]);
  assert.deepEqual(
    listed.map(({ file }) => path.relative(charters, file)),
    ['jaintiapur.txt', 'khulna/jessore-sadar.md', 'scanned.txt', 'sylhet/empty.txt', 'sylhet/gowainghat/nul-in-a-service.json', 'sylhet/gowainghat/zz-goainghat.json'],
  );
  assert.ok(listed.every(({ problem }) => problem === undefined));
});

test('files and folders are taken in the order named, each file once', async () => {
  const named = path.join(charters, 'charter.pdf');
  const listed = await listCharterFiles([named, path.join(charters, 'khulna'), path.join(charters, 'khulna/jessore-sadar.md'), path.join(scratch, 'missing.txt')]);
  assert.deepEqual(
    listed.map(({ file }) => path.relative(scratch, file)),
    // a file named is read whatever its name says; one missing is refused when its turn comes
    ['charters/charter.pdf', 'charters/khulna/jessore-sadar.md', 'missing.txt'],
  );
});

test('a symbolic link inside a folder is not followed', { skip: process.platform === 'win32' }, async () => {
  const folder = path.join(scratch, 'linked');
  write(path.join(folder, 'real/a.txt'), JAINTIAPUR);
  symlinkSync(path.join(folder, 'real'), path.join(folder, 'loop'));
  symlinkSync(path.join(folder, 'real/a.txt'), path.join(folder, 'b.txt'));
  assert.deepEqual(
    (await listCharterFiles([folder])).map(({ file }) => path.relative(folder, file)),
    ['real/a.txt'],
  );
});

test('a folder import goes on past refused charters: the good ones are published, each refused one named with its reason, exit 1', async () => {
  const result = await cli(['charter', 'import', charters, '--publish']);
  assert.equal(result.code, 1, result.stderr);
  const refused = (name: string) => `${path.join(charters, name)}: `;
  const lines = result.stdout.trimEnd().split('\n');
  assert.deepEqual(lines.slice(0, 3), ['imported: 3 (3 published, 0 draft)', 'with warnings: 2 (30 warnings)', 'refused: 3']);
  assert.equal(lines.length, 6, result.stdout);
  const [binary, empty, nul] = lines.slice(3);
  assert.ok(binary?.startsWith(`${refused('scanned.txt')}This is not a text file`), binary);
  assert.ok(empty?.startsWith(`${refused('sylhet/empty.txt')}The file is empty.`), empty);
  assert.ok(nul?.startsWith(refused('sylhet/gowainghat/nul-in-a-service.json')), nul);
  assert.match(nul ?? '', /the database refused: .*\(SQLSTATE 22021\)$/);
  // the same text the import of that one file alone ends with
  const alone = await cli(['charter', 'import', path.join(charters, 'scanned.txt')]);
  assert.equal(`${refused('scanned.txt')}${alone.stderr.replace(/^error: /, '')}`, `${binary}\n`);

  // the refused charter left nothing behind, not even the upazila it created, which the charter after it then created again
  assert.deepEqual(await storedOffices(), {
    'doict-gowainghat-sylhet': ['published'],
    'doict-jaintiapur-sylhet': ['published'],
    'doict-sadar-jessore': ['published'],
  });
  // progress on a pipe: a plain line, not one per file
  assert.match(result.stderr, /^6\/6 {2}100% {2}[\d,]+\/min {2}ETA 0:00$/m);
  assert.ok(result.stderr.trim().split('\n').length < 6, result.stderr);
});

test('--json prints one object: how many were imported, what was refused and why, and each imported file', async () => {
  const result = await cli(['charter', 'import', path.join(charters, 'khulna'), path.join(charters, 'jaintiapur.txt'), path.join(charters, 'scanned.txt'), '--json']);
  assert.equal(result.code, 1, result.stderr);
  const { refused, ...summary } = JSON.parse(result.stdout) as { refused: { file: string; error: string; message: string }[] };
  assert.deepEqual(summary, {
    dryRun: false,
    imported: 2,
    warnings: 15,
    stopped: null,
    files: [
      // imported again, as drafts now: each office's version 2
      { file: path.join(charters, 'khulna/jessore-sadar.md'), officeSlug: 'doict-sadar-jessore', versionNo: 2, status: 'draft', warnings: 0 },
      { file: path.join(charters, 'jaintiapur.txt'), officeSlug: 'doict-jaintiapur-sylhet', versionNo: 2, status: 'draft', warnings: 15 },
    ],
  });
  assert.equal(refused.length, 1);
  assert.deepEqual({ ...refused[0], message: undefined }, { file: path.join(charters, 'scanned.txt'), error: 'binary_input', message: undefined });
  // the CLI's one line for the error, without its "error: " mark
  assert.match(refused[0]?.message ?? '', /^This is not a text file .*\(not valid UTF-8\) \/ \S/);
  assert.equal((await storedOffices())['doict-sadar-jessore']?.join(), 'published,draft');
});

test('--dry-run reads every file and writes nothing', async () => {
  const dataDir = path.join(scratch, 'dry-run');
  const result = await cli(['charter', 'import', charters, '--dry-run'], dataDir);
  assert.equal(result.code, 1, result.stderr);
  assert.match(result.stdout, /^checked: 4 \(--dry-run: nothing written\)\n/);
  assert.match(result.stdout, /^refused: 2$/m);
  assert.equal(existsSync(dataDir), false);
});

test('--office with several files, or a folder, is a usage error: it would import them all into one office', async () => {
  const run = commands['charter import']?.run;
  assert.ok(run);
  const two = [path.join(charters, 'jaintiapur.txt'), path.join(charters, 'khulna/jessore-sadar.md')];
  await assert.rejects(run([...two, '--office', 'one-office']), (e) => e instanceof CliUsageError && /--office takes one file/.test(e.message));
  await assert.rejects(run([charters, '--office', 'one-office']), (e) => e instanceof CliUsageError && /--office takes one file, not a folder/.test(e.message));
  const dataDir = path.join(scratch, 'office');
  const result = await cli(['charter', 'import', ...two, '--office', 'one-office'], dataDir);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /^error: unexpected argument ".*jessore-sadar\.md": --office takes one file\n\nUsage: npm run --silent cli -- charter import <file\|folder>\.\.\./);
  assert.equal(result.stdout, '');
  assert.equal(existsSync(dataDir), false);
});

test('a folder without a charter file in it is an error, not an import of nothing', async () => {
  const run = commands['charter import']?.run;
  assert.ok(run);
  const folder = write(path.join(scratch, 'nothing/notes.pdf'), 'not looked at');
  await assert.rejects(run([path.dirname(folder)]), (e) => e instanceof CliInputError && /no charter files in .*nothing \(a folder is searched for \.txt/.test(e.message));
});
