// Every command's command line, checked in-process: an unknown option, a stray argument or a
// missing one is a usage error (exit 2) before any database is opened.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CliUsageError } from './command.ts';
import { describeError } from './describe-error.ts';
import { commands } from './run-cli.ts';

// Should a command reach for the database after all, it fails at once, not on ./data.
process.env.DATABASE_URL = 'postgres://protishruti@127.0.0.1:1/unreachable';

/** Arguments each command accepts, so that only the added mistake is wrong. */
const VALID: Record<string, string[]> = {
  // one file with --office: several files are fine, but not when all go to one office
  'charter import': ['charter.txt', '--office', 'doict-sadar-jessore'],
  'charter export': ['doict-sadar-jessore'],
  'charter schema': [],
  'sla due': ['--from', '2026-12-03T10:00', '--limit', '৩ কার্যদিবস'],
  'calendar list': ['--year', '2026'],
  'calendar add': ['--date', '2026-12-07', '--name-bn', 'x'],
  'calendar move': ['--id', '1', '--to', '2026-12-08'],
  'calendar remove': ['--id', '1'],
  'calendar add-working-day': ['--date', '2026-12-07', '--name-bn', 'x'],
  'calendar remove-working-day': ['--id', '1'],
  'calendar import-ics': ['holidays.ics'],
  'calendar export-ics': ['--year', '2026'],
  'calendar office-hours': ['--office', 'doict-sadar-jessore'],
  'calendar changes': ['--json'],
  'audit verify': [],
  'audit list': [],
  'users create-admin': ['--email', 'admin@example.gov.bd', '--name-bn', 'x', '--password-stdin'],
  'users create': ['--email', 'staff@example.gov.bd', '--name-bn', 'x', '--password-stdin'],
  'users grant': ['--email', 'staff@example.gov.bd', '--role', 'system_admin'],
  'users token': ['--email', 'staff@example.gov.bd', '--name', 'sync'],
  'users reset-2fa': ['--email', 'staff@example.gov.bd'],
};

test('the table of valid arguments covers every command', () => {
  assert.deepEqual(Object.keys(VALID).sort(), Object.keys(commands).sort());
});

for (const [name, command] of Object.entries(commands)) {
  const valid = VALID[name] ?? [];
  test(`${name}: an unknown option and a stray argument are usage errors`, async () => {
    await assert.rejects(command.run([...valid, '--no-such-option']), (e) => e instanceof CliUsageError && /no-such-option/.test(e.message));
    await assert.rejects(command.run([...valid, 'stray']), (e) => e instanceof CliUsageError && /unexpected argument "stray"/.test(e.message));
    await assert.rejects(command.run([...valid, '--json=yes']), CliUsageError);
  });
}

test('a command that takes a file or an office names what is missing', async () => {
  await assert.rejects(commands['charter import']?.run([]) ?? Promise.resolve(), /<file> is needed/);
  await assert.rejects(commands['charter export']?.run(['--version', '1']) ?? Promise.resolve(), /<office-slug> is needed/);
});

test('errors of other libraries are told in one line', () => {
  const multiLine = Object.assign(new Error('duplicate key value\nDETAIL: Key (slug)=(x) already exists.'), { code: '23505' });
  assert.equal(describeError(multiLine), 'error: the database refused: duplicate key value DETAIL: Key (slug)=(x) already exists. (SQLSTATE 23505)');
  const refused = new AggregateError([Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' })], '');
  assert.match(describeError(refused), /^error: cannot reach the database/);
  assert.equal(describeError('odd'), 'error: odd');
});
