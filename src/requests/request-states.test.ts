import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actionsFrom, canTake, deliveredOnTime, isOpen, REQUEST_STATUSES, ruleOf, statusAfter, statusOnResume } from './request-states.ts';

test('a submitted request can be accepted, returned for documents, delivered at once or rejected', () => {
  assert.deepEqual(actionsFrom('submitted'), ['accept', 'return', 'deliver', 'reject', 'transfer', 'assign', 'note']);
});

test('a returned request waits for the citizen: it can only resume, be rejected, assigned or noted', () => {
  assert.deepEqual(actionsFrom('returned'), ['resume', 'reject', 'transfer', 'assign', 'note']);
  assert.equal(statusAfter('resume', 'returned'), 'accepted');
  assert.equal(ruleOf('return').clock, 'pause');
  assert.equal(ruleOf('resume').clock, 'resume');
});

test('a closed request takes notes only, and nothing reopens it', () => {
  for (const status of ['delivered', 'rejected', 'transferred'] as const) {
    assert.equal(isOpen(status), false);
    assert.deepEqual(actionsFrom(status), ['note']);
    assert.equal(statusAfter('note', status), status);
  }
});

test('every open state can be rejected, and every action that ends a request closes its clock', () => {
  for (const status of REQUEST_STATUSES.filter(isOpen)) assert.ok(canTake('reject', status), status);
  assert.equal(ruleOf('deliver').clock, 'close');
  assert.equal(ruleOf('reject').clock, 'close');
});

test('notes and assignment stay off the citizen\'s page; returning and rejecting must say why', () => {
  assert.equal(ruleOf('note').public, false);
  assert.equal(ruleOf('assign').public, false);
  assert.equal(ruleOf('return').needsNote, true);
  assert.equal(ruleOf('reject').needsNote, true);
  assert.equal(ruleOf('deliver').needsNote, false);
});

test('a delivery at the due moment keeps the promise, a minute later breaks it, and no limit is neither', () => {
  const due = new Date('2026-12-03T11:00:00Z');
  assert.equal(deliveredOnTime(due, due), true);
  assert.equal(deliveredOnTime(new Date(due.getTime() + 60_000), due), false);
  assert.equal(deliveredOnTime(due, null), null);
});

test('every open request can be transferred to another office, which closes its clock and is shown to the citizen', () => {
  for (const status of REQUEST_STATUSES) assert.equal(canTake('transfer', status), isOpen(status), status);
  assert.equal(statusAfter('transfer', 'in_progress'), 'transferred');
  assert.equal(ruleOf('transfer').clock, 'close');
  assert.equal(ruleOf('transfer').public, true);
});

test('a resumed request goes back to the state it was returned from, not always to accepted', () => {
  const event = (action: string, status_after: string) => ({ action, status_after });
  const inProgress = [event('received', 'submitted'), event('accept', 'accepted'), event('start', 'in_progress'), event('assign', 'in_progress'), event('return', 'returned')];
  assert.equal(statusOnResume(inProgress), 'in_progress');
  assert.equal(statusOnResume([event('received', 'submitted'), event('return', 'returned'), event('note', 'returned')]), 'submitted');
  // returned twice: the last return counts
  assert.equal(statusOnResume([...inProgress, event('resume', 'in_progress'), event('return', 'returned')]), 'in_progress');
  assert.equal(statusOnResume([event('received', 'submitted'), event('accept', 'accepted'), event('return', 'returned')]), 'accepted');
  assert.equal(statusOnResume([]), 'accepted', 'no history to go by');
});
