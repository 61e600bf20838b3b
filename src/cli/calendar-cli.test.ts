// The calendar and deadline commands as an officer runs them.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { openTestDatabase, type TestDatabase } from '../core/db/test-database.ts';
import { cliRunner } from './cli-harness.ts';

let scratch: string;
let database: TestDatabase;
let cli: ReturnType<typeof cliRunner>;

before(async () => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'protishruti-calendar-cli-'));
  database = await openTestDatabase();
  cli = cliRunner(path.join(scratch, 'data'), database.url);
});
after(async () => {
  rmSync(scratch, { recursive: true, force: true });
  await database.drop();
});

async function dueAt(from: string, limit: string, extra: string[] = []) {
  const result = await cli(['sla', 'due', '--from', from, '--limit', limit, ...extra, '--json']);
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout) as { due_at: string | null; expected_at: string | null; rule: string };
}

test('sla due gives the examples of the deadline rules', async () => {
  const first = await dueAt('2026-12-03T10:00:00+06:00', '৩ কার্যদিবস');
  assert.equal(first.due_at, '2026-12-08T11:00:00.000Z');
  assert.equal(first.rule, 'working_days:3');
  assert.equal((await dueAt('2026-12-03T18:30', '৩ কার্যদিবস')).due_at, '2026-12-09T11:00:00.000Z');
  assert.equal((await dueAt('2026-12-15T10:00', '১ কার্যদিবস')).due_at, '2026-12-17T11:00:00.000Z');
  const range = await dueAt('2026-12-03T10:00', 'তাৎক্ষণিক/ ৩ কার্যদিবস (প্রযোজ্য ক্ষেত্রে)');
  assert.equal(range.expected_at, '2026-12-03T11:00:00.000Z');
  assert.equal(range.due_at, '2026-12-08T11:00:00.000Z');
  assert.equal((await dueAt('2026-12-03T10:00', '২৪ (চব্বিশ) ঘণ্টা')).due_at, '2026-12-04T04:00:00.000Z');
  assert.deepEqual(await dueAt('2026-12-03T10:00', 'শুনানী সাপেক্ষে').then((r) => [r.due_at, r.rule]), [null, 'no_fixed_limit']);
});

test('calendar add, list and remove; an added holiday moves sla due', async () => {
  const added = await cli(['calendar', 'add', '--date', '2026-12-07', '--name-bn', 'পরীক্ষার ছুটি', '--name-en', 'Test', '--kind', 'executive_order', '--json']);
  assert.equal(added.code, 0, added.stderr);
  const id = (JSON.parse(added.stdout) as { id: number }).id;
  assert.equal((await dueAt('2026-12-03T10:00', '৩ কার্যদিবস')).due_at, '2026-12-09T11:00:00.000Z');
  const listed = JSON.parse((await cli(['calendar', 'list', '--year', '2026', '--json'])).stdout) as { holidays: { id: number; date: string }[] };
  assert.ok(listed.holidays.some((h) => h.id === id && h.date === '2026-12-07'));
  assert.ok(listed.holidays.some((h) => h.date === '2026-12-16'));
  assert.equal((await cli(['calendar', 'move', '--id', String(id), '--to', '2026-12-10'])).code, 0);
  assert.equal((await dueAt('2026-12-03T10:00', '৩ কার্যদিবস')).due_at, '2026-12-08T11:00:00.000Z');
  assert.equal((await cli(['calendar', 'remove', '--id', String(id)])).code, 0);
  const gone = await cli(['calendar', 'remove', '--id', String(id)]);
  assert.equal(gone.code, 1);
  assert.match(gone.stderr, /No such holiday/);
  const changes = JSON.parse((await cli(['calendar', 'changes', '--json', '--limit', '3'])).stdout) as { action: string; actor: string }[];
  assert.deepEqual(changes.map((c) => c.action), ['holiday.remove', 'holiday.move', 'holiday.add']);
  assert.ok(changes.every((c) => c.actor.startsWith('cli:')));
});

test('export-ics and import-ics round-trip a year', async () => {
  const exported = await cli(['calendar', 'export-ics', '--year', '2026']);
  assert.equal(exported.code, 0, exported.stderr);
  assert.match(exported.stdout, /^BEGIN:VCALENDAR\r\n/);
  const file = path.join(scratch, 'holidays.ics');
  writeFileSync(file, exported.stdout);
  const imported = JSON.parse((await cli(['calendar', 'import-ics', file, '--json'])).stdout) as { added: number; skipped: number };
  assert.equal(imported.added, 0);
  assert.ok(imported.skipped > 20);
  const garbage = path.join(scratch, 'garbage.ics');
  writeFileSync(garbage, 'hello');
  const refused = await cli(['calendar', 'import-ics', garbage]);
  assert.equal(refused.code, 1);
  assert.equal(refused.stderr.trim().split('\n').length, 1);
});

test('wrong input is one clear line: a bad date, a missing option, an unknown office', async () => {
  const badDate = await cli(['sla', 'due', '--from', '3rd December', '--limit', '৩ কার্যদিবস']);
  assert.equal(badDate.code, 1);
  assert.match(badDate.stderr, /not a valid date/);
  assert.equal((await cli(['sla', 'due', '--limit', '৩ কার্যদিবস'])).code, 2);
  const office = await cli(['sla', 'due', '--from', '2026-12-03T10:00', '--limit', '৩ কার্যদিবস', '--office', 'nowhere']);
  assert.equal(office.code, 1);
  assert.match(office.stderr, /No office/);
  // the rule lives in the calendar service, so the CLI says what the API says
  const closure = await cli(['calendar', 'add', '--date', '2026-12-07', '--name-bn', 'x', '--kind', 'local_closure']);
  assert.equal(closure.code, 1);
  assert.match(closure.stderr, /office closure \(kind local_closure\) needs an office/);
});

/** Exit code 1 and one line on stderr, no stack trace. */
function assertOneLineError(result: { code: number; stderr: string }, pattern: RegExp) {
  assert.equal(result.code, 1, result.stderr);
  assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
  assert.doesNotMatch(result.stderr, /\n\s+at /);
  assert.match(result.stderr, pattern);
}

test('a --limit with no duration is an error, but words for "no fixed limit" still answer so', async () => {
  const refused = await cli(['sla', 'due', '--from', '2026-12-03T10:00', '--limit', 'abc']);
  assertOneLineError(refused, /no duration that can be counted.*\(abc\) \/ সময়সীমায় গণনা করা যায়/);
  const onDemand = await dueAt('2026-12-03T10:00', 'চাহিদা অনুযায়ী');
  assert.deepEqual([onDemand.due_at, onDemand.rule], [null, 'no_fixed_limit']);
});

test('impossible dates and years are refused: year 0, before 1971, after 2100', async () => {
  assertOneLineError(await cli(['sla', 'due', '--from', '0000-01-01T10:00', '--limit', '৩ কার্যদিবস']), /not a valid date/);
  assertOneLineError(await cli(['calendar', 'add', '--date', '1970-12-31', '--name-bn', 'x']), /not a valid date/);
  assertOneLineError(await cli(['calendar', 'list', '--year', '2101']), /--year 2101: a year from 2000 to 2100/);
});
