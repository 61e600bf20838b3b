// The hash chain without a database: which row a check names for each kind of tampering.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalAuditJson, GENESIS_HASH, hashAuditRow, verifyChain, type AuditChainRow, type AuditContent } from './audit-chain.ts';

/** The row at `index` (negative counts from the end), which the test knows is there. */
function nth<T>(rows: readonly T[], index: number): T {
  const row = rows.at(index);
  assert.ok(row !== undefined, `no row at ${index}`);
  return row;
}

function content(n: number): AuditContent {
  return {
    at: new Date(Date.UTC(2026, 10, 1, 9, 0, 0, n)),
    actor_user_id: n % 2 === 0 ? n : null,
    actor_label: n % 2 === 0 ? `officer${n}@example.gov.bd` : 'cli:rahim',
    ip: n % 2 === 0 ? '203.0.113.9' : null,
    action: 'calendar.holiday.add',
    office_id: n % 3 === 0 ? null : n,
    subject_type: 'holiday',
    subject_id: String(n),
    before: { holiday: null },
    after: { holiday: { id: n, date: '2026-11-04', name_bn: 'পরীক্ষা', confirmed: true } },
  };
}

/** A chain of `count` rows with ids 10, 20, 30, … (ids have gaps where transactions rolled back). */
function chain(count: number): AuditChainRow[] {
  const rows: AuditChainRow[] = [];
  for (let n = 1; n <= count; n++) {
    const prev_hash = rows.at(-1)?.hash ?? GENESIS_HASH;
    const row = content(n);
    rows.push({ id: n * 10, ...row, prev_hash, hash: hashAuditRow(prev_hash, row) });
  }
  return rows;
}

test('an untouched chain is intact, and so is an empty one', () => {
  assert.deepEqual(verifyChain(chain(5)), { ok: true });
  assert.deepEqual(verifyChain([]), { ok: true });
});

test('the first row follows the genesis value, and every hash is 64 hex digits', () => {
  const rows = chain(3);
  assert.equal(rows[0]?.prev_hash, '0'.repeat(64));
  for (const row of rows) assert.match(row.hash, /^[0-9a-f]{64}$/);
  assert.equal(new Set(rows.map((row) => row.hash)).size, 3);
});

test('a row with any field edited is named as changed', () => {
  const edits: [keyof AuditContent, unknown][] = [
    ['actor_label', 'someone-else'],
    ['actor_user_id', 99],
    ['ip', '198.51.100.1'],
    ['action', 'calendar.holiday.remove'],
    ['office_id', 77],
    ['subject_id', '999'],
    ['at', new Date(Date.UTC(2026, 10, 1, 9, 0, 0, 999))],
    ['before', { holiday: { id: 3 } }],
    ['after', { holiday: { id: 3, date: '2026-11-05', name_bn: 'পরীক্ষা', confirmed: true } }],
  ];
  for (const [field, value] of edits) {
    const rows = chain(5);
    rows[2] = { ...nth(rows, 2), [field]: value };
    assert.deepEqual(verifyChain(rows), { ok: false, brokenId: 30, reason: 'its content does not match its hash: the row was changed after it was written' }, field);
  }
});

test('an edited row given a fresh hash breaks the link of the row after it', () => {
  const rows = chain(5);
  const edited = { ...nth(rows, 2), actor_label: 'someone-else' };
  rows[2] = { ...edited, hash: hashAuditRow(edited.prev_hash, edited) };
  const check = verifyChain(rows);
  assert.equal(check.ok === false && check.brokenId, 40);
  assert.match(check.ok ? '' : check.reason, /not the hash of row 30/);
});

test('a row removed from the middle is found at the row after it', () => {
  const rows = chain(5);
  rows.splice(2, 1);
  const check = verifyChain(rows);
  assert.deepEqual(check, { ok: false, brokenId: 40, reason: 'its prev_hash is not the hash of row 20: a row between them was removed, or rows were reordered' });
});

test('a first row removed is found at the new first row', () => {
  const check = verifyChain(chain(3).slice(1));
  assert.equal(check.ok === false && check.brokenId, 20);
  assert.match(check.ok ? '' : check.reason, /rows before it were removed/);
});

test('two rows swapped (each id now holding the other’s content) are found at the first of them', () => {
  const rows = chain(4);
  const [second, third] = [nth(rows, 1), nth(rows, 2)];
  rows[1] = { ...third, id: second.id };
  rows[2] = { ...second, id: third.id };
  const check = verifyChain(rows);
  assert.equal(check.ok === false && check.brokenId, 20);
});

test('a batch is checked against the last row of the batch before', () => {
  const rows = chain(6);
  assert.deepEqual(verifyChain(rows.slice(3), rows[2]), { ok: true });
  const check = verifyChain(rows.slice(4), rows[2]);
  assert.equal(check.ok === false && check.brokenId, 50);
});

test('the order in which jsonb gives back an object’s keys does not change the hash', () => {
  const row = content(2);
  const reordered: AuditContent = {
    ...row,
    after: { holiday: { confirmed: true, name_bn: 'পরীক্ষা', date: '2026-11-04', id: 2 } },
    before: { holiday: null },
  };
  assert.equal(canonicalAuditJson(reordered), canonicalAuditJson(row));
  assert.equal(hashAuditRow(GENESIS_HASH, reordered), hashAuditRow(GENESIS_HASH, row));
  // but the order of an array's items is content
  const listed = { ...row, after: { deadlines: [1, 2] } };
  assert.notEqual(hashAuditRow(GENESIS_HASH, listed), hashAuditRow(GENESIS_HASH, { ...listed, after: { deadlines: [2, 1] } }));
});

test('a value is hashed as the JSON it is stored as: a Date as its ISO text, undefined as absent', () => {
  const row = content(4);
  const asStored = { ...row, after: { due_at: '2026-11-05T11:00:00.000Z' }, before: null };
  const asGiven = { ...row, after: { due_at: new Date('2026-11-05T11:00:00.000Z'), gone: undefined }, before: undefined };
  assert.equal(hashAuditRow(GENESIS_HASH, asGiven), hashAuditRow(GENESIS_HASH, asStored));
  assert.match(canonicalAuditJson(row), /"at":"2026-11-01T09:00:00\.004Z"/);
});

test('the hash depends on the previous hash', () => {
  const row = content(1);
  assert.notEqual(hashAuditRow(GENESIS_HASH, row), hashAuditRow('f'.repeat(64), row));
});
