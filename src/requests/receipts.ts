// Receiving requests, one or a batch at once, in the caller's transaction: each gets its tracking
// number, its deadline clock from the service's time limit in the charter in force at receipt
// (kept with the request, so later versions move no promise), its first public event, the
// officer's reminder and the citizen's message. Each of these is one statement for the whole
// batch, so a batch of fifty costs about as many round trips as one receipt.
import type { Transaction } from 'kysely';
import { recordAudit } from '../audit/index.ts';
import { holdCalendarSteady, startClocks, type PromiseRule } from '../calendar/index.ts';
import { findServicesInForce, ruleOfTimeLimit } from '../charters/index.ts';
import type { Actor } from '../core/actor.ts';
import type { DB } from '../core/db/schema.ts';
import type { JobQueue } from '../core/jobs.ts';
import type { Notifier, OutgoingMessage } from '../notifications/index.ts';
import type { AttachmentUpload } from './attachments.ts';
import { insertAttachments } from './attachments-repository.ts';
import { dhakaYear } from './dhaka-clock.ts';
import { RequestsError } from './errors.ts';
import { officeCodeOf } from './office-codes.ts';
import { findSubmittedMany, insertEvents, insertRequests, nextSequences, type Channel, type NewRequestRow, type RequestRow } from './repository.ts';
import { citizenMessages, type NoticeContext } from './request-messages.ts';
import { scheduleReminders } from './reminders.ts';
import { countOnlineSubmissions } from './submission-limits.ts';
import { formatTrackingNumber } from './tracking-number.ts';

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

export interface Citizen {
  name: string;
  /** as typed: Bangla digits, +880, spaces all accepted */
  mobile?: string | undefined;
  email?: string | undefined;
  address?: string | undefined;
}

/** The citizen's details as checkCitizen (request-service.ts) leaves them. */
export interface CheckedCitizen {
  name: string;
  mobile: string | null;
  email: string | null;
  address: string | null;
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

export interface Receipt {
  actor: Actor;
  intake: RequestIntake;
  citizen: CheckedCitizen;
  notices?: RequestNotices | undefined;
  origin?: TransferOrigin | undefined;
}

/** A receipt's request (for a form sent again, the one it made before), or why it was refused. */
export type ReceiptOutcome = { request: RequestRow } | { refused: RequestsError };

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

const formKey = (receipt: Receipt) => (receipt.intake.submissionKey ? `${receipt.intake.office.id}:${receipt.intake.submissionKey}` : undefined);

/**
 * Receives the receipts in `trx`, in order. A receipt refused by a rule (a service its charter
 * does not offer, too many applications) is told so and takes no part in the rest; a form sent
 * again gets the request it made before. Receipts by staff (every channel but online) are
 * audited; an online one is the citizen's own act, and its record is the request's first event.
 */
export async function receiveMany(trx: Transaction<DB>, receipts: readonly Receipt[]): Promise<ReceiptOutcome[]> {
  const outcomes: (ReceiptOutcome | undefined)[] = receipts.map(() => undefined);
  /** receipts of a form sent twice in this batch, and the first receipt of that form */
  const sameFormAs = new Map<number, number>();
  const waiting = () => receipts.flatMap((receipt, index) => (outcomes[index] === undefined && !sameFormAs.has(index) ? [{ receipt, index }] : []));

  // a form sent again gets what it made: in an earlier transaction, or earlier in this batch
  const keyed = receipts.flatMap((receipt) => (receipt.intake.submissionKey ? [{ officeId: receipt.intake.office.id, submissionKey: receipt.intake.submissionKey }] : []));
  const made = await findSubmittedMany(trx, keyed);
  const firstOfForm = new Map<string, number>();
  receipts.forEach((receipt, index) => {
    const key = formKey(receipt);
    if (key === undefined) return;
    const earlier = made.get(key);
    if (earlier) outcomes[index] = { request: earlier };
    else {
      const first = firstOfForm.get(key);
      if (first === undefined) firstOfForm.set(key, index);
      else sameFormAs.set(index, first);
    }
  });

  const limited = waiting().filter(({ receipt }) => receipt.intake.channel === 'online' && receipt.citizen.mobile !== null && !receipt.origin);
  const allowed = await countOnlineSubmissions(
    trx,
    limited.map(({ receipt }) => ({ ip: receipt.actor.ip ?? 'unknown', mobile: receipt.citizen.mobile ?? '' })),
  );
  limited.forEach(({ index }, position) => {
    if (!allowed[position]) outcomes[index] = { refused: new RequestsError('too_many_applications') };
  });

  await holdCalendarSteady(trx);
  const asked = waiting();
  const services = await findServicesInForce(
    trx,
    asked.map(({ receipt }) => ({ officeId: receipt.intake.office.id, code: receipt.intake.serviceCode, inForceAt: receipt.intake.receivedAt })),
  );
  const offered = asked.flatMap(({ receipt, index }, position) => {
    const found = services[position];
    if (found) return [{ receipt, index, found, rule: ruleOfTimeLimit(found.service.time_limit) }];
    outcomes[index] = { refused: new RequestsError('service_not_offered', receipt.intake.serviceCode, 'service') };
    return [];
  });
  if (offered.length > 0) {
    const received = await store(trx, offered);
    received.forEach((request, position) => {
      const index = offered[position]?.index;
      if (index !== undefined) outcomes[index] = { request };
    });
  }
  for (const [index, first] of sameFormAs) outcomes[index] = outcomes[first];
  return outcomes.map((outcome, index) => {
    if (!outcome) throw new Error(`receipt ${index} of the batch was left without an outcome`);
    return outcome;
  });
}

type Offered = { receipt: Receipt; found: NonNullable<Awaited<ReturnType<typeof findServicesInForce>>[number]>; rule: PromiseRule };

/** The requests of receipts whose service is offered: numbers, rows, clocks, events, files, reminders, messages, audit. */
async function store(trx: Transaction<DB>, offered: readonly Offered[]): Promise<RequestRow[]> {
  const codes = new Map<number, string>();
  for (const { receipt } of offered) {
    const { office } = receipt.intake;
    if (!codes.has(office.id)) codes.set(office.id, await officeCodeOf(trx, office.id, office.slug));
  }
  const yearOf = (receipt: Receipt) => dhakaYear(receipt.intake.receivedAt);
  const counts = new Map<string, { officeId: number; year: number; count: number }>();
  for (const { receipt } of offered) {
    const key = `${receipt.intake.office.id}:${yearOf(receipt)}`;
    const entry = counts.get(key) ?? { officeId: receipt.intake.office.id, year: yearOf(receipt), count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  const numbers = await nextSequences(trx, [...counts.values()]);
  const rows: NewRequestRow[] = offered.map(({ receipt, found, rule }) => {
    const { intake, citizen, actor, origin } = receipt;
    const year = yearOf(receipt);
    const sequence = numbers.get(`${intake.office.id}:${year}`)?.shift();
    if (sequence === undefined) throw new Error(`no number was given for office ${intake.office.id}`);
    const { service, versionId } = found;
    return {
      office_id: intake.office.id,
      tracking_number: formatTrackingNumber({ officeCode: codes.get(intake.office.id) ?? '', year, sequence }),
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
    };
  });
  const inserted = await insertRequests(trx, rows);
  const deadlines = await startClocks(
    trx,
    offered.map(({ receipt, found, rule }, position) => ({
      subjectType: 'request',
      subjectId: rows[position]?.tracking_number ?? '',
      officeId: receipt.intake.office.id,
      receivedAt: receipt.intake.receivedAt,
      rule,
      source: `charter v${found.versionNo}, service ${found.service.code}: ${found.service.time_limit.text}`,
    })),
  );
  const received = inserted.map((request, position) => {
    const deadline = deadlines[position];
    return { ...request, due_at: deadline?.kind === 'due' ? deadline.dueAt : null };
  });
  await insertEvents(
    trx,
    offered.map(({ receipt }, position) => ({
      requestId: received[position]?.id ?? 0,
      at: receipt.intake.receivedAt,
      action: 'received' as const,
      public: true,
      statusAfter: 'submitted' as const,
      actorUserId: receipt.actor.userId,
      actorLabel: receipt.actor.label,
      note: receipt.origin?.note ?? null,
    })),
  );
  for (const [position, { receipt }] of offered.entries()) {
    const uploads = receipt.intake.attachments ?? [];
    const request = received[position];
    if (uploads.length > 0 && request) await insertAttachments(trx, request.id, uploads, { userId: receipt.actor.userId, givenBy: receipt.intake.channel === 'online' ? 'citizen' : 'staff' });
  }
  await remindAndTell(trx, offered, received);
  for (const [position, { receipt }] of offered.entries()) {
    const request = received[position];
    // a transfer audits both offices itself
    if (!request || receipt.intake.channel === 'online' || receipt.origin) continue;
    await recordAudit(trx, {
      actor: receipt.actor,
      action: 'request.receive',
      officeId: receipt.intake.office.id,
      subject: { type: 'request', id: request.tracking_number },
      before: null,
      after: auditState(request),
    });
  }
  return received;
}

/** The officers' reminders and the citizens' messages of receipt, each queue's in one statement. */
async function remindAndTell(trx: Transaction<DB>, offered: readonly Offered[], received: readonly RequestRow[]) {
  const reminders = new Map<JobQueue, RequestRow[]>();
  const messages = new Map<Notifier, OutgoingMessage[]>();
  for (const [position, { receipt }] of offered.entries()) {
    const request = received[position];
    const { notices } = receipt;
    if (!request || !notices) continue;
    if (notices.jobs) reminders.set(notices.jobs, [...(reminders.get(notices.jobs) ?? []), request]);
    // a transfer tells the citizen of both numbers itself
    if (!receipt.origin) messages.set(notices.notifier, [...(messages.get(notices.notifier) ?? []), ...citizenMessages('received', request, null, notices)]);
  }
  for (const [jobs, requests] of reminders) await scheduleReminders(trx, jobs, requests);
  for (const [notifier, queued] of messages) await notifier.queueMany(trx, queued);
}
