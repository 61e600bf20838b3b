// Registering a request at the desk: the form (service, channel, when it came, the applicant) and
// its reading — what was typed, the intake to receive, or the errors by field. The reading is pure.
import { isIsoDate } from '../../calendar/index.ts';
import { formatNumber, toAsciiDigits } from '../../core/format.ts';
import { t, type Lang, type MessageKey } from '../../core/i18n/index.ts';
import { csrfField, errorTexts, fieldProblems, renderErrorSummary, renderField, renderFormButtons, renderSelect, type FieldSpec } from '../../http/form-parts.ts';
import { html } from '../../http/html.ts';
import type { RenderedPage } from '../../http/layout.ts';
import { dhakaWallClock } from '../dhaka-clock.ts';
import type { Channel } from '../repository.ts';
import type { Citizen } from '../request-service.ts';
import { channelText, officeTrail, requestsHref, type OfficeLabel } from './queue-page.ts';

/** How a request reaches the desk; online and API requests arrive by themselves. */
export const DESK_CHANNELS = ['in_person', 'phone', 'email', 'letter', 'rti_form'] as const satisfies readonly Channel[];
export type DeskChannel = (typeof DESK_CHANNELS)[number];

export const DESK_FIELDS = ['service', 'channel', 'received_date', 'received_time', 'name', 'mobile', 'email', 'address', 'details'] as const;
export type DeskField = (typeof DESK_FIELDS)[number];
export type DeskValues = Record<DeskField, string>;
export type DeskErrors = Partial<Record<DeskField, MessageKey>>;

const LABELS: Record<DeskField, MessageKey> = {
  service: 'office_requests.desk.service',
  channel: 'office_requests.desk.channel',
  received_date: 'office_requests.desk.received_date',
  received_time: 'office_requests.desk.received_time',
  name: 'office_requests.desk.name',
  mobile: 'office_requests.desk.mobile',
  email: 'office_requests.desk.email',
  address: 'office_requests.desk.address',
  details: 'office_requests.desk.details',
};

const MAX_LENGTH: Record<DeskField, number> = {
  service: 40,
  channel: 40,
  received_date: 40,
  received_time: 40,
  name: 200,
  mobile: 40,
  email: 200,
  address: 1000,
  details: 10_000,
};

/** An empty form, its time of receipt now on the Dhaka clock, in the page's digits. */
export function emptyDeskForm(lang: Lang, now: Date): DeskValues {
  const { date, time } = dhakaWallClock(now);
  return {
    service: '',
    channel: 'in_person',
    received_date: formatNumber(lang, date),
    received_time: formatNumber(lang, time),
    name: '',
    mobile: '',
    email: '',
    address: '',
    details: '',
  };
}

export interface DeskReading {
  intake?: { serviceCode: string; channel: DeskChannel; receivedAt: Date; citizen: Citizen; details: string };
  errors: DeskErrors;
}

const CLOCK_TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** The moment a Dhaka date and clock time name, or null when either is not one. */
function dhakaMoment(dateText: string, timeText: string): { at?: Date; date?: MessageKey; time?: MessageKey } {
  const date = toAsciiDigits(dateText.trim());
  const time = CLOCK_TIME.exec(toAsciiDigits(timeText.trim()));
  const year = Number(date.slice(0, 4));
  const errors = {
    ...(isIsoDate(date) && year >= 1971 && year <= 2100 ? {} : { date: 'office_requests.error.date' as const }),
    ...(time ? {} : { time: 'office_requests.error.time' as const }),
  };
  if (!time || errors.date) return errors;
  const clock = `${(time[1] ?? '').padStart(2, '0')}:${time[2] ?? ''}`;
  return { at: new Date(`${date}T${clock}:00+06:00`) };
}

/** What was typed, read: the intake for receiveRequest, or the errors to show beside the fields. */
export function readDeskForm(values: DeskValues, serviceCodes: readonly string[], now: Date): DeskReading {
  const errors: DeskErrors = {};
  for (const field of DESK_FIELDS) if (values[field].length > MAX_LENGTH[field]) errors[field] = 'office_requests.error.too_long';
  if (!serviceCodes.includes(values.service)) errors.service = 'office_requests.error.service_required';
  const channel = DESK_CHANNELS.find((candidate) => candidate === values.channel);
  if (!channel) errors.channel = 'office_requests.error.channel_required';
  const moment = dhakaMoment(values.received_date, values.received_time);
  if (moment.date) errors.received_date = moment.date;
  if (moment.time) errors.received_time = moment.time;
  // the domain allows a minute of clock difference; a typed time has no seconds, so the same minute is fine
  if (moment.at && moment.at.getTime() > now.getTime() + 60_000) errors.received_date = 'error.received_in_future';
  const name = values.name.trim();
  if (!name) errors.name = 'error.applicant_name_required';
  const email = values.email.trim();
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.email = 'office_requests.error.email';
  if (Object.keys(errors).length > 0 || !channel || !moment.at) return { errors };
  return {
    intake: {
      serviceCode: values.service,
      channel,
      receivedAt: moment.at,
      citizen: { name, mobile: values.mobile, email, address: values.address },
      details: values.details,
    },
    errors,
  };
}

/** The form field a domain error names (receiveRequest says `received_at` for the two time fields). */
export function deskFieldOf(field: string | undefined): DeskField | null {
  if (field === 'received_at') return 'received_date';
  return DESK_FIELDS.find((candidate) => candidate === field) ?? null;
}

export interface DeskPageView {
  office: OfficeLabel;
  services: { code: string; name: string }[];
  values: DeskValues;
  errors: DeskErrors;
  csrf: string;
}

export function renderDeskPage(lang: Lang, view: DeskPageView): RenderedPage {
  const title = t(lang, 'office_requests.desk_title');
  const services = view.services.map((service) => ({ value: service.code, label: service.name }));
  const channels = DESK_CHANNELS.map((channel) => ({ value: channel, label: channelText(lang, channel) }));
  const texts = errorTexts(lang, view.errors);
  const field = (name: DeskField, options: Omit<FieldSpec, 'name' | 'label' | 'value' | 'error'> = {}) =>
    renderField(lang, { name, label: LABELS[name], value: view.values[name], error: texts[name], ...options });
  const choice = (name: DeskField, options: { value: string; label: string }[], placeholder?: string) =>
    renderSelect(lang, { name, label: LABELS[name], value: view.values[name], error: texts[name], options, placeholder });
  const body = html`${officeTrail(lang, view.office, true)}
<h1>${title}</h1>
<p class="lead">${t(lang, 'office_requests.desk_intro')}</p>
${renderErrorSummary(lang, fieldProblems(lang, LABELS, texts))}
<form method="post" action="${requestsHref(view.office.slug, '/new')}" class="editor-form" novalidate>
${csrfField(view.csrf)}
${choice('service', services, t(lang, 'office_requests.desk.service_choose'))}
${choice('channel', channels)}
<div class="field-pair">
${field('received_date', { hint: 'office_requests.desk.hint.date', inputmode: 'numeric', narrow: true })}
${field('received_time', { hint: 'office_requests.desk.hint.time', inputmode: 'numeric', narrow: true })}
</div>
${field('name', { autocomplete: 'off' })}
${field('mobile', { type: 'tel', inputmode: 'tel', hint: 'office_requests.desk.hint.contact', autocomplete: 'off' })}
${field('email', { type: 'email', autocomplete: 'off' })}
${field('address', { rows: 2 })}
${field('details', { rows: 5 })}
${renderFormButtons([{ label: t(lang, 'office_requests.desk.submit') }], { href: requestsHref(view.office.slug), label: t(lang, 'office_requests.cancel') })}
</form>`;
  return { title: `${title} — ${view.office.name}`, body };
}
