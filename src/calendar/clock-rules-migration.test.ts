// Migration 0004: clocks started before it (holding a charter time-limit cell) keep counting
// by the same rule after it.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import { openDatabase } from '../core/db/connection.ts';
import { migrate, MIGRATIONS_DIR } from '../core/db/migrate.ts';
import { promiseRuleFrom } from './deadline-rule.ts';
import { insertTestOffice } from './test-support.ts';

// always on an embedded database of its own: it needs one migrated only part way
test('clocks holding a charter time limit get the rule it stands for', async () => {
  const before = mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
  for (const name of readdirSync(MIGRATIONS_DIR).filter((file) => file < '0004')) cpSync(path.join(MIGRATIONS_DIR, name), path.join(before, name));
  const database = await openDatabase({});
  try {
    await migrate(database.db, before);
    const officeId = await insertTestOffice(database.db, 'old-clocks');
    const limits = {
      range: { text: '৩-৭ কার্যদিবস', immediate: false, min: 3, max: 7, unit: 'working_day', conditional: false, on_demand: false },
      fraction: { text: '১.৫ কার্যদিবস', immediate: false, min: 1.5, max: 1.5, unit: 'working_day', conditional: false, on_demand: false },
      hours: { text: '৩০ মিনিট', immediate: false, min: 0.5, max: 0.5, unit: 'hour', conditional: false, on_demand: false },
      immediate: { text: 'তাৎক্ষণিক', immediate: true, min: null, max: null, unit: null, conditional: false, on_demand: false },
      immediateOrThree: { text: 'তাৎক্ষণিক/৩ কার্যদিবস', immediate: true, min: 0, max: 3, unit: 'working_day', conditional: true, on_demand: false },
      onDemand: { text: 'চাহিদা অনুযায়ী', immediate: false, min: null, max: null, unit: null, conditional: false, on_demand: true },
      hearing: { text: 'শুনানি সাপেক্ষে', immediate: false, min: null, max: null, unit: null, conditional: false, on_demand: false },
    };
    for (const [subject, limit] of Object.entries(limits)) {
      await sql`insert into deadline_clocks (subject_type, subject_id, office_id, received_at, time_limit, rule)
        values ('test', ${subject}, ${officeId}, now(), ${JSON.stringify(limit)}::jsonb, 'x')`.execute(database.db);
    }
    await migrate(database.db);
    const rows = await database.db.selectFrom('deadline_clocks').select(['subject_id', 'deadline_rule', 'rule_source']).execute();
    const rules = Object.fromEntries(rows.map((row) => [row.subject_id, promiseRuleFrom(row.deadline_rule)]));
    assert.deepEqual(rules.range, { unit: 'working_day', expected: 3, due: 7, immediate: false, label: '৩-৭ কার্যদিবস' });
    assert.deepEqual(rules.fraction, { unit: 'working_day', expected: 2, due: 2, immediate: false, label: '১.৫ কার্যদিবস' });
    assert.deepEqual(rules.hours, { unit: 'hour', expected: 0.5, due: 0.5, immediate: false, label: '৩০ মিনিট' });
    assert.deepEqual(rules.immediate, { unit: 'working_day', expected: 0, due: 0, immediate: true, label: 'তাৎক্ষণিক' });
    assert.deepEqual(rules.immediateOrThree, { unit: 'working_day', expected: 0, due: 3, immediate: true, label: 'তাৎক্ষণিক/৩ কার্যদিবস' });
    assert.deepEqual(rules.onDemand, { unit: null, reason: 'on_demand', label: 'চাহিদা অনুযায়ী' });
    assert.deepEqual(rules.hearing, { unit: null, reason: 'no_duration', label: 'শুনানি সাপেক্ষে' });
    assert.equal(rows.find((row) => row.subject_id === 'range')?.rule_source, '৩-৭ কার্যদিবস');
  } finally {
    await database.close();
    rmSync(before, { recursive: true, force: true });
  }
});
