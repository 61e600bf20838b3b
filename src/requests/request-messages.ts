// What the citizen is told, and when: on receipt (with the tracking number), when the request is
// returned for documents, on delivery and on rejection — by SMS in Bangla when there is a mobile
// number, by e-mail in Bangla and English when there is an address. An SMS is held to two
// messages (134 UCS-2 characters): the free text in it (the missing documents, the reason) is
// shortened to fit.
import { formatDate } from '../core/format.ts';
import { t, type MessageKey } from '../core/i18n/index.ts';
import { smsSize, type OutgoingMessage } from '../notifications/index.ts';
import type { RequestRow } from './repository.ts';

export const SMS_SEGMENT_BUDGET = 2;

export type CitizenNotice = 'received' | 'returned' | 'delivered' | 'rejected' | 'transferred';

export interface NoticeContext {
  /** the portal's address, for the tracking link in e-mail */
  publicUrl?: string | undefined;
  officeName?: { bn: string; en: string | null } | undefined;
  /** transferred: the number the request had in the office that sent it (the request told of is the new one) */
  transferredFrom?: string | undefined;
}

/** The SMS text with `free` (the one variable part people write) shortened until it fits the budget. */
export function fitSms(key: MessageKey, params: Record<string, string>, free?: string): string {
  const render = (value: string) => t('bn', key, free === undefined ? params : { ...params, [free]: value });
  const full = free === undefined ? '' : (params[free] ?? '');
  if (smsSize(render(full)).segments <= SMS_SEGMENT_BUDGET) return render(full);
  // the longest prefix that still fits, found by halving
  let low = 0;
  let high = full.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (smsSize(render(`${full.slice(0, middle).trimEnd()}…`)).segments <= SMS_SEGMENT_BUDGET) low = middle;
    else high = middle - 1;
  }
  return render(`${full.slice(0, low).trimEnd()}…`);
}

function smsText(notice: CitizenNotice, request: RequestRow, note: string | null, context: NoticeContext): string {
  const number = request.tracking_number;
  switch (notice) {
    case 'received':
      return request.due_at
        ? fitSms('sms.request.received', { number, due: formatDate('bn', request.due_at) })
        : fitSms('sms.request.received_no_limit', { number });
    case 'returned':
      return fitSms('sms.request.returned', { number, note: note ?? '' }, 'note');
    case 'delivered':
      return fitSms(request.on_time === true ? 'sms.request.delivered_on_time' : request.on_time === false ? 'sms.request.delivered_late' : 'sms.request.delivered', { number });
    case 'rejected':
      return fitSms('sms.request.rejected', { number, reason: note ?? '' }, 'reason');
    case 'transferred':
      // the office's name is the one part that may be long
      return fitSms('sms.request.transferred', { old: context.transferredFrom ?? '', number, office: context.officeName?.bn ?? '' }, 'office');
  }
}

const SUBJECT: Record<CitizenNotice, MessageKey> = {
  received: 'mail.request.received_subject',
  returned: 'mail.request.returned_subject',
  delivered: 'mail.request.delivered_subject',
  rejected: 'mail.request.rejected_subject',
  transferred: 'mail.request.transferred_subject',
};

function mailText(lang: 'bn' | 'en', notice: CitizenNotice, request: RequestRow, note: string | null, context: NoticeContext): string {
  const service = (lang === 'en' ? request.service_name_en : null) ?? request.service_name_bn;
  const office = context.officeName ? ((lang === 'en' ? context.officeName.en : null) ?? context.officeName.bn) : '';
  const params = {
    number: request.tracking_number,
    service,
    office,
    received: formatDate(lang, request.received_at),
    closed: request.closed_at ? formatDate(lang, request.closed_at) : '',
    note: note ?? '',
    reason: note ?? '',
    old: context.transferredFrom ?? '',
  };
  const lines: string[] = [];
  if (notice === 'received') {
    lines.push(t(lang, 'mail.request.received', params));
    lines.push(request.due_at ? t(lang, 'mail.request.due', { due: formatDate(lang, request.due_at) }) : t(lang, 'mail.request.no_limit'));
  } else if (notice === 'returned') lines.push(t(lang, 'mail.request.returned', params));
  else if (notice === 'rejected') lines.push(t(lang, 'mail.request.rejected', params));
  else if (notice === 'transferred') {
    lines.push(t(lang, 'mail.request.transferred', params));
    lines.push(request.due_at ? t(lang, 'mail.request.due', { due: formatDate(lang, request.due_at) }) : t(lang, 'mail.request.no_limit'));
  }
  else {
    const key = request.on_time === true ? 'mail.request.delivered_on_time' : request.on_time === false ? 'mail.request.delivered_late' : 'mail.request.delivered';
    lines.push(t(lang, key, params));
  }
  if (notice !== 'delivered' && notice !== 'rejected') {
    lines.push(context.publicUrl ? t(lang, 'mail.request.track', { url: `${context.publicUrl}/track?number=${encodeURIComponent(request.tracking_number)}` }) : t(lang, 'mail.request.track_no_url'));
  }
  return lines.join('\n');
}

/** The messages for one notice: an SMS to the mobile number, an e-mail to the address, whichever the citizen gave. */
export function citizenMessages(notice: CitizenNotice, request: RequestRow, note: string | null, context: NoticeContext): OutgoingMessage[] {
  const common = { officeId: request.office_id, about: { type: 'request', id: request.tracking_number }, template: `request.${notice}` };
  const messages: OutgoingMessage[] = [];
  if (request.citizen_mobile) messages.push({ ...common, channel: 'sms', to: request.citizen_mobile, text: smsText(notice, request, note, context) });
  if (request.citizen_email) {
    const number = request.tracking_number;
    messages.push({
      ...common,
      channel: 'email',
      to: request.citizen_email,
      subject: `${t('bn', SUBJECT[notice], { number, old: context.transferredFrom ?? '' })} / ${t('en', SUBJECT[notice], { number, old: context.transferredFrom ?? '' })}`,
      text: `${mailText('bn', notice, request, note, context)}\n\n${mailText('en', notice, request, note, context)}`,
    });
  }
  return messages;
}

/** The notice a staff action sends the citizen, if any. */
export function noticeOfAction(action: string): CitizenNotice | null {
  return action === 'return' ? 'returned' : action === 'deliver' ? 'delivered' : action === 'reject' ? 'rejected' : null;
}
