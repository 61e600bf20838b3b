// The rules of a service request: receipt on any channel (with its tracking number and deadline
// clock), the actions staff take, and the citizen's view. Each change is one transaction: the
// request, its event, its clock and (for staff) the audit row commit or roll back together.
import type { Kysely, Transaction } from 'kysely';
import { recordAudit } from '../audit/index.ts';
import { closeClock, holdCalendarSteady, pauseClock, resumeClock, startClock, type ClockSubject } from '../calendar/index.ts';
import { findServiceByCode, ruleOfTimeLimit } from '../charters/index.ts';
import type { Actor } from '../core/actor.ts';
import type { DB } from '../core/db/schema.ts';
import type { AttachmentUpload } from './attachments.ts';
import { insertAttachments } from './attachments-repository.ts';
import { RequestsError } from './errors.ts';
import { normaliseMobile } from './mobile.ts';
import { officeCodeOf } from './office-codes.ts';
import {
  findOfficeRequest,
  findSubmitted,
  insertEvent,
  insertRequest,
  listEvents,
  nextSequence,
  updateRequest,
  type Channel,
  type RequestChanges,
  type RequestRow,
} from './repository.ts';
import type { Notifier } from '../notifications/index.ts';
import { citizenMessages, noticeOfAction, type CitizenNotice, type NoticeContext } from './request-messages.ts';
import { canTake, deliveredOnTime, ruleOf, statusAfter, statusOnResume, type RequestAction } from './request-states.ts';
import { scheduleReminder } from './reminders.ts';
import type { JobQueue } from '../core/jobs.ts';
import { dhakaYear } from './dhaka-clock.ts';
import { countOnlineSubmission } from './submission-limits.ts';
import { formatTrackingNumber } from './tracking-number.ts';

export interface Citizen {
  name: string;
  /** as typed: Bangla digits, +880, spaces all accepted */
  mobile?: string | undefined;
  email?: string | undefined;
  address?: string | undefined;
}

export interface RequestIntake {
  office: { id: number; slug: string };
  serviceCode: string;
  channel: Channel;
  /** when the office really received it: now for online requests, what staff type at the desk */
  receivedAt: Date;
  citizen: Citizen;
  details: string;
  /** the online form's one-time key: a second sending of the same form returns the first request */
  submissionKey?: string | undefined;
  /** files already checked (attachments.ts), stored with the request or not at all */
  attachments?: readonly AttachmentUpload[] | undefined;
}

/** How the citizen is told of receipt and of what staff do: written with the change, sent after it. */
export interface RequestNotices extends NoticeContext {
  notifier: Notifier;
  /** the queue that carries the officer's due-date reminders (reminders.ts); unset, none are sent */
  jobs?: JobQueue | undefined;
}

/** Where a request received by transfer came from (transfer.ts): it is told in its first event, not to the citizen a second time. */
export interface TransferOrigin {
  requestId: number;
  /** the first event's note: the office and the number it came from */
  note: string;
}

async function tellCitizen(db: Kysely<DB>, notices: RequestNotices | undefined, notice: CitizenNotice | null, request: RequestRow, note: string | null) {
  if (!notices || !notice) return;
  for (const message of citizenMessages(notice, request, note, notices)) await notices.notifier.queue(db, message);
}

export const requestClock = (request: Pick<RequestRow, 'tracking_number'>): ClockSubject => ({ subjectType: 'request', subjectId: request.tracking_number });

const clean = (text: string | undefined) => {
  const value = text?.trim();
  return value ? value : null;
};

export function checkCitizen(citizen: Citizen, channel: Channel) {
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

/**
 * Receives a request: its tracking number, its deadline clock from the service's time limit in
 * the charter published now (kept with the request, so later versions move no promise), and the
 * first public event. Receipts by staff (every channel but online) are audited; an online one is
 * the citizen's own act, and its record is the request's first event.
 */
export async function receiveRequest(db: Kysely<DB>, actor: Actor, intake: RequestIntake, notices?: RequestNotices): Promise<RequestRow> {
  const citizen = checkCitizen(intake.citizen, intake.channel);
  if (intake.receivedAt.getTime() > Date.now() + 60_000) throw new RequestsError('received_in_future', undefined, 'received_at');
  const earlier = intake.submissionKey ? await findSubmitted(db, intake.office.id, intake.submissionKey) : undefined;
  if (earlier) return earlier;
  try {
    return await receiveOnce(db, actor, intake, citizen, notices);
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

/** `work` in a transaction of its own, or in the caller's (a transfer receives the new request in the transaction that closes the old one). */
function inTransaction<T>(db: Kysely<DB>, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db as Transaction<DB>) : db.transaction().execute(work);
}

export async function receiveOnce(
  db: Kysely<DB>,
  actor: Actor,
  intake: RequestIntake,
  citizen: ReturnType<typeof checkCitizen>,
  notices: RequestNotices | undefined,
  origin?: TransferOrigin,
): Promise<RequestRow> {
  return inTransaction(db, async (trx) => {
    if (intake.channel === 'online' && citizen.mobile && !origin) await countOnlineSubmission(trx, actor.ip ?? 'unknown', citizen.mobile);
    await holdCalendarSteady(trx);
    const found = await findServiceByCode(trx, intake.office.id, intake.serviceCode, { inForceAt: intake.receivedAt });
    if (!found) throw new RequestsError('service_not_offered', intake.serviceCode, 'service');
    const { service, versionId, versionNo } = found;
    const officeCode = await officeCodeOf(trx, intake.office.id, intake.office.slug);
    const year = dhakaYear(intake.receivedAt);
    const sequence = await nextSequence(trx, intake.office.id, year);
    const rule = ruleOfTimeLimit(service.time_limit);
    const request = await insertRequest(trx, {
      office_id: intake.office.id,
      tracking_number: formatTrackingNumber({ officeCode, year, sequence }),
      year,
      sequence_no: sequence,
      service_code: service.code,
      charter_version_id: versionId,
      service_name_bn: service.name_bn ?? service.name_en ?? service.code,
      service_name_en: service.name_en,
      channel: intake.channel,
      received_at: intake.receivedAt,
      citizen_name: citizen.name,
      citizen_mobile: citizen.mobile,
      citizen_email: citizen.email,
      citizen_address: citizen.address,
      details: intake.details.trim(),
      has_time_limit: rule.unit !== null,
      transferred_from: origin?.requestId ?? null,
      created_by_user_id: actor.userId,
      submission_key: intake.submissionKey ?? null,
    });
    const deadline = await startClock(trx, {
      ...requestClock(request),
      officeId: intake.office.id,
      receivedAt: intake.receivedAt,
      rule,
      source: `charter v${versionNo}, service ${service.code}: ${service.time_limit.text}`,
    });
    await insertEvent(trx, {
      requestId: request.id,
      at: intake.receivedAt,
      action: 'received',
      public: true,
      statusAfter: 'submitted',
      actorUserId: actor.userId,
      actorLabel: actor.label,
      note: origin?.note ?? null,
    });
    await insertAttachments(trx, request.id, intake.attachments ?? [], { userId: actor.userId, givenBy: intake.channel === 'online' ? 'citizen' : 'staff' });
    const received = { ...request, due_at: deadline.kind === 'due' ? deadline.dueAt : null };
    await scheduleReminder(trx, notices?.jobs, received);
    // a transfer tells the citizen of both numbers itself, and audits both offices
    if (!origin) await tellCitizen(trx, notices, 'received', received, null);
    if (intake.channel !== 'online' && !origin) {
      await recordAudit(trx, {
        actor,
        action: 'request.receive',
        officeId: intake.office.id,
        subject: { type: 'request', id: received.tracking_number },
        before: null,
        after: auditState(received),
      });
    }
    return received;
  });
}

/** What the audit log keeps of a request: its state, not the citizen's contact details. */
export function auditState(request: RequestRow) {
  return {
    tracking_number: request.tracking_number,
    service: request.service_code,
    channel: request.channel,
    status: request.status,
    assigned_user_id: request.assigned_user_id,
    due_at: request.due_at,
    on_time: request.on_time,
  };
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
