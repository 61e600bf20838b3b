// The rules of a service request: receipt on any channel (receipts.ts does the writing, in
// batches), the actions staff take, and the citizen's view. Each change is one transaction: the
// request, its event, its clock and (for staff) the audit row commit or roll back together.
import type { DialectAdapter, Kysely, Transaction } from 'kysely';
import { recordAudit } from '../audit/index.ts';
import { closeClock, holdCalendarSteady, pauseClock, resumeClock, type ClockSubject } from '../calendar/index.ts';
import type { Actor } from '../core/actor.ts';
import type { DB } from '../core/db/schema.ts';
import { groupCommit } from '../core/group-commit.ts';
import { RequestsError } from './errors.ts';
import { normaliseMobile } from './mobile.ts';
import { findOfficeRequest, findSubmitted, insertEvent, listEvents, updateRequest, type Channel, type RequestChanges, type RequestRow } from './repository.ts';
import { citizenMessages, noticeOfAction, type CitizenNotice } from './request-messages.ts';
import { canTake, deliveredOnTime, ruleOf, statusAfter, statusOnResume, type RequestAction } from './request-states.ts';
import { scheduleReminder } from './reminders.ts';
import { auditState, receiveMany, type CheckedCitizen, type Citizen, type Receipt, type ReceiptOutcome, type RequestIntake, type RequestNotices, type TransferOrigin } from './receipts.ts';

export { auditState, type Citizen, type RequestIntake, type RequestNotices, type TransferOrigin } from './receipts.ts';

async function tellCitizen(db: Kysely<DB>, notices: RequestNotices | undefined, notice: CitizenNotice | null, request: RequestRow, note: string | null) {
  if (!notices || !notice) return;
  await notices.notifier.queueMany(db, citizenMessages(notice, request, note, notices));
}

export const requestClock = (request: Pick<RequestRow, 'tracking_number'>): ClockSubject => ({ subjectType: 'request', subjectId: request.tracking_number });

const clean = (text: string | undefined) => {
  const value = text?.trim();
  return value ? value : null;
};

export function checkCitizen(citizen: Citizen, channel: Channel): CheckedCitizen {
  const name = clean(citizen.name);
  if (!name) throw new RequestsError('applicant_name_required', undefined, 'name');
  const mobileText = clean(citizen.mobile);
  const mobile = mobileText === null ? null : normaliseMobile(mobileText);
  if (mobileText !== null && mobile === null) throw new RequestsError('invalid_mobile', mobileText, 'mobile');
  const email = clean(citizen.email);
  // online, the mobile number is how the citizen tracks the request and hears of it
  if (channel === 'online' && mobile === null) throw new RequestsError('invalid_mobile', undefined, 'mobile');
  if (mobile === null && email === null && channel !== 'letter') throw new RequestsError('contact_required', undefined, 'mobile');
  return { name, mobile, email, address: clean(citizen.address) };
}

// Receipts arriving together on this instance share a transaction (group commit): fifty at most,
// two batches under way at once. Kept per database (Kysely's adapter, shared by its transactions).
const RECEIPT_BATCH = { maxBatch: 50, atOnce: 2 };
const receiptBatches = new WeakMap<DialectAdapter, (receipt: Receipt) => Promise<ReceiptOutcome>>();

function receiveInBatch(db: Kysely<DB>, receipt: Receipt): Promise<ReceiptOutcome> {
  const database = db.getExecutor().adapter;
  let receive = receiptBatches.get(database);
  if (!receive) {
    receive = groupCommit((receipts) => settleReceipts(db, receipts), RECEIPT_BATCH);
    receiptBatches.set(database, receive);
  }
  return receive(receipt);
}

async function settleReceipts(db: Kysely<DB>, receipts: readonly Receipt[]): Promise<PromiseSettledResult<ReceiptOutcome>[]> {
  try {
    const outcomes = await db.transaction().execute((trx) => receiveMany(trx, receipts));
    return outcomes.map((value) => ({ status: 'fulfilled', value }));
  } catch (error) {
    if (receipts.length === 1) return [{ status: 'rejected', reason: error }];
    // one receipt's failure (a form sent twice from two instances at once) must not fail the
    // others: each goes again in a transaction of its own
    return Promise.all(receipts.map(async (receipt) => (await settleReceipts(db, [receipt]))[0] ?? { status: 'rejected', reason: error }));
  }
}

/**
 * Receives a request: its tracking number, its deadline clock and its first public event
 * (receipts.ts), in a transaction shared with the receipts that arrive with it.
 */
export async function receiveRequest(db: Kysely<DB>, actor: Actor, intake: RequestIntake, notices?: RequestNotices): Promise<RequestRow> {
  const citizen = checkCitizen(intake.citizen, intake.channel);
  if (intake.receivedAt.getTime() > Date.now() + 60_000) throw new RequestsError('received_in_future', undefined, 'received_at');
  try {
    const outcome = await receiveInBatch(db, { actor, intake, citizen, notices });
    if ('refused' in outcome) throw outcome.refused;
    return outcome.request;
  } catch (error) {
    // the same form sent twice at once: the other sending's transaction made the request
    const same = isUniqueViolation(error, 'service_requests_office_id_submission_key_key') && intake.submissionKey ? await findSubmitted(db, intake.office.id, intake.submissionKey) : undefined;
    if (same) return same;
    throw error;
  }
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const { code, constraint: name } = (error ?? {}) as { code?: unknown; constraint?: unknown };
  return code === '23505' && (name === constraint || (name === undefined && String(error).includes(constraint)));
}

/** Receives one request in the caller's transaction (a transfer receives the new request in the transaction that closes the old one). */
export async function receiveOnce(
  trx: Transaction<DB>,
  actor: Actor,
  intake: RequestIntake,
  citizen: CheckedCitizen,
  notices: RequestNotices | undefined,
  origin?: TransferOrigin,
): Promise<RequestRow> {
  const [outcome] = await receiveMany(trx, [{ actor, intake, citizen, notices, origin }]);
  if (!outcome) throw new Error('the receipt gave no outcome');
  if ('refused' in outcome) throw outcome.refused;
  return outcome.request;
}

export interface ActionInput {
  action: RequestAction;
  /** the missing documents (return), the reason (reject), the note (note); shown to the citizen when the action is public */
  note?: string | undefined;
  /** assign: the user, already checked to work in the office (null: nobody) */
  assigneeId?: number | null | undefined;
}

/** Takes one staff action on a request of this office; a request of another office is not found. */
export async function actOnRequest(
  db: Kysely<DB>,
  actor: Actor,
  officeId: number,
  trackingNumber: string,
  input: ActionInput,
  notices?: RequestNotices,
): Promise<RequestRow> {
  const note = clean(input.note);
  const rule = ruleOf(input.action);
  if (rule.needsNote && note === null) throw new RequestsError('note_required', input.action, 'note');
  // a transfer opens a request in the other office as well: transferRequest (transfer.ts) does it
  if (input.action === 'transfer') throw new RequestsError('action_not_allowed', 'transfer through transferRequest', 'action');
  return db.transaction().execute(async (trx) => {
    await holdCalendarSteady(trx);
    const request = await findOfficeRequest(trx, officeId, trackingNumber, { forUpdate: true });
    if (!request) throw new RequestsError('request_not_found', trackingNumber);
    if (!canTake(input.action, request.status)) throw new RequestsError('action_not_allowed', `${input.action} from ${request.status}`, 'action');
    const now = new Date();
    const clock = requestClock(request);
    // resumed, it goes back to where it was when it was returned
    const status = input.action === 'resume' ? statusOnResume(await listEvents(trx, request.id, { publicOnly: false })) : statusAfter(input.action, request.status);
    const changes: RequestChanges = { status };
    if (rule.clock === 'pause') await pauseClock(trx, clock, now);
    if (rule.clock === 'resume') await resumeClock(trx, clock, now);
    if (rule.clock === 'close') {
      await closeClock(trx, clock, now);
      changes.closed_at = now;
      if (input.action === 'deliver') changes.on_time = deliveredOnTime(now, request.due_at);
    }
    if (input.action === 'reject') changes.rejection_reason = note;
    if (input.action === 'assign') changes.assigned_user_id = input.assigneeId ?? null;
    const updated = await updateRequest(trx, request.id, changes);
    if (rule.clock === 'resume') await scheduleReminder(trx, notices?.jobs, updated);
    await insertEvent(trx, {
      requestId: request.id,
      at: now,
      action: input.action,
      public: rule.public,
      statusAfter: updated.status,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      note,
    });
    await tellCitizen(trx, notices, noticeOfAction(input.action), updated, note);
    await recordAudit(trx, {
      actor,
      action: `request.${input.action}`,
      officeId,
      subject: { type: 'request', id: request.tracking_number },
      before: auditState(request),
      after: { ...auditState(updated), ...(note !== null ? { note } : {}) },
    });
    return updated;
  });
}

/** A request and its whole history, for staff of its office. */
export async function loadOfficeRequest(db: Kysely<DB>, officeId: number, trackingNumber: string) {
  const request = await findOfficeRequest(db, officeId, trackingNumber);
  if (!request) throw new RequestsError('request_not_found', trackingNumber);
  return { request, events: await listEvents(db, request.id, { publicOnly: false }) };
}
