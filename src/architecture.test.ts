// The layout STYLE.md and docs/architecture.md describe, held against the code: features meet
// only through each other's index.ts, the calendar depends on no feature but audit (which
// depends on none), and each table is read and written by the feature that owns it.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { PROJECT_ROOT } from './core/paths.ts';

const SRC = path.join(PROJECT_ROOT, 'src');
const FEATURES = ['offices', 'charters', 'calendar', 'audit', 'accounts', 'mail', 'requests', 'notifications', 'open311', 'search'];
/** Folders every feature may use. cli/ and app.ts sit above the features and may use them all. */
const SHARED = ['core', 'http'];

const TABLE_OWNERS: Record<string, string> = {
  places: 'offices',
  organisations: 'offices',
  offices: 'offices',
  directory_revision: 'offices',
  charter_versions: 'charters',
  charter_services: 'charters',
  charter_officers: 'charters',
  charter_grs_contacts: 'charters',
  charter_expectations: 'charters',
  holidays: 'calendar',
  special_working_days: 'calendar',
  holiday_years: 'calendar',
  office_hours: 'calendar',
  deadline_clocks: 'calendar',
  calendar_changes: 'calendar',
  audit_log: 'audit',
  users: 'accounts',
  role_grants: 'accounts',
  sessions: 'accounts',
  api_tokens: 'accounts',
  login_failures: 'accounts',
  account_tokens: 'accounts',
  password_reset_requests: 'accounts',
  mail_outbox: 'mail',
  request_office_codes: 'requests',
  request_sequences: 'requests',
  service_requests: 'requests',
  request_events: 'requests',
  tracking_failures: 'requests',
  online_submissions: 'requests',
  request_attachments: 'requests',
  request_ratings: 'requests',
  notifications: 'notifications',
  schema_migrations: 'core',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const isTestCode = (file: string) => /\.test\.ts$|test-support\.ts$|test-database\.ts$/.test(file);
const topFolder = (file: string) => path.relative(SRC, file).split(path.sep)[0] ?? '';

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/from '(\.{1,2}\/[^']+)'/g)].map((match) => path.resolve(path.dirname(file), match[1] ?? ''));
}

test('features use each other only through index.ts; the calendar uses no feature but audit, and audit none', () => {
  const wrong: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const from = topFolder(file);
    if (!FEATURES.includes(from)) continue;
    for (const target of importsOf(file)) {
      const to = topFolder(target);
      // tests may build the whole app, and use another feature's test support (a signed-in user, say)
      if (to === from || SHARED.includes(to) || (isTestCode(file) && (target === path.join(SRC, 'app.ts') || path.basename(target) === 'test-support.ts'))) continue;
      const where = `${path.relative(SRC, file)} → ${path.relative(SRC, target)}`;
      if (!FEATURES.includes(to)) wrong.push(`${where}: a feature may use only core/, http/ and other features`);
      else if (from === 'calendar' && to !== 'audit') wrong.push(`${where}: the calendar depends on no feature but audit`);
      else if (from === 'audit') wrong.push(`${where}: audit depends on no feature`);
      else if (path.basename(target) !== 'index.ts' || path.dirname(target) !== path.join(SRC, to)) wrong.push(`${where}: not through ${to}/index.ts`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('core/ and http/ depend on no feature', () => {
  const wrong = sourceFiles(SRC)
    .filter((file) => SHARED.includes(topFolder(file)) && !isTestCode(file))
    .flatMap((file) => importsOf(file).filter((target) => FEATURES.includes(topFolder(target))).map((target) => `${path.relative(SRC, file)} → ${path.relative(SRC, target)}`));
  assert.deepEqual(wrong, []);
});

test('every table is queried only by the feature that owns it', () => {
  const wrong: string[] = [];
  const unknown = new Set<string>();
  for (const file of sourceFiles(SRC)) {
    if (isTestCode(file)) continue;
    const from = topFolder(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\b(?:selectFrom|insertInto|updateTable|deleteFrom|innerJoin|leftJoin)\('(\w+)/g)) {
      const table = match[1] ?? '';
      const owner = TABLE_OWNERS[table];
      if (owner === undefined) unknown.add(table);
      else if (owner !== from) wrong.push(`${path.relative(SRC, file)} uses ${table}, which belongs to ${owner}/`);
    }
  }
  assert.deepEqual(wrong, []);
  assert.deepEqual([...unknown], [], 'a new table needs an owner in TABLE_OWNERS');
});

test('every table of the migrations has an owner', () => {
  const migrations = readdirSync(path.join(PROJECT_ROOT, 'migrations')).map((name) => readFileSync(path.join(PROJECT_ROOT, 'migrations', name), 'utf8'));
  const created = migrations.flatMap((sql) => [...sql.matchAll(/create table (?:if not exists )?(\w+)/gi)].map((match) => match[1] ?? ''));
  assert.deepEqual(created.filter((table) => !(table in TABLE_OWNERS)), []);
});
