// The compiled answers write what the schema names, as zod's serializer would, and nothing else.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { fastAnswers } from './fast-answers.ts';

const answer = z.object({
  number: z.string(),
  due_at: z.iso.datetime().nullable(),
  status: z.enum(['submitted', 'delivered']),
  events: z.array(z.object({ action: z.string(), note: z.string().nullable() })),
  moved_to: z.object({ number: z.string(), office: z.object({ slug: z.string() }) }).nullable(),
});
const write = fastAnswers({ schema: answer, method: 'POST', url: '/answer', httpPart: 'response' } as never);

test('an answer is written with the fields its schema names, in the same JSON zod would give', () => {
  const value = {
    number: 'DSJ-2026-000001-2',
    due_at: '2026-12-01T11:00:00.000Z',
    status: 'submitted' as const,
    events: [{ action: 'received', note: null }],
    moved_to: { number: 'JSR-2026-000004-1', office: { slug: 'doict-sadar-jessore' } },
  };
  assert.deepEqual(JSON.parse(write(value)), answer.parse(value));
  assert.deepEqual(JSON.parse(write({ ...value, due_at: null, moved_to: null })), { ...value, due_at: null, moved_to: null });
});

test('a field the schema does not name is left out, also inside a nullable object and in a list', () => {
  const written = JSON.parse(
    write({
      number: 'DSJ-2026-000001-2',
      due_at: null,
      status: 'delivered',
      events: [{ action: 'deliver', note: 'ok', actor_user_id: 7 }],
      moved_to: { number: 'JSR-2026-000004-1', office: { slug: 'doict-sadar-jessore', id: 3 }, citizen_mobile: '01712345678' },
      citizen_mobile: '01712345678',
    }),
  );
  assert.doesNotMatch(JSON.stringify(written), /citizen_mobile|actor_user_id|"id"/);
  assert.deepEqual(written.moved_to, { number: 'JSR-2026-000004-1', office: { slug: 'doict-sadar-jessore' } });
});
