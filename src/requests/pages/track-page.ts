// The citizen's tracking page: the form (tracking number and the mobile's last four digits) and,
// when they match, the request's progress in plain words. Nothing of the citizen is shown.
import { formatDate, formatMoment } from '../../core/format.ts';
import { t, type Lang, type MessageKey } from '../../core/i18n/index.ts';
import { csrfField, fieldProblems, renderErrorSummary, renderField, renderFormButtons, type FieldErrors, type FieldSpec } from '../../http/form-parts.ts';
import { html, type Html } from '../../http/html.ts';
import type { RenderedPage } from '../../http/layout.ts';
import { officeName } from '../../offices/index.ts';
import { isOpen, REQUEST_ACTIONS, REQUEST_STATUSES, type RequestStatus } from '../request-states.ts';
import type { TrackedRequest } from '../tracking.ts';
import { serviceLabel, type ApplyOffice } from './apply-page.ts';
import { renderFollowUp, type RatingFormData } from './follow-up-parts.ts';

export interface TrackValues {
  tracking_number: string;
  mobile_last4: string;
}

export interface TrackFormData {
  values: TrackValues;
  errors: FieldErrors;
  /** a problem of the whole form rather than one field (too many tries) */
  general?: string | undefined;
  csrfToken: string;
}

function formFields(values: TrackValues): FieldSpec[] {
  return [
    { name: 'tracking_number', label: 'track.field.number', value: values.tracking_number, hint: 'track.hint.number', autocomplete: 'off', maxlength: 40 },
    { name: 'mobile_last4', label: 'track.field.last4', value: values.mobile_last4, hint: 'track.hint.last4', inputmode: 'numeric', autocomplete: 'off', maxlength: 8 },
  ];
}

export function renderTrackForm(lang: Lang, data: TrackFormData): RenderedPage {
  const fields = formFields(data.values);
  const body = html`<h1 id="form-title">${t(lang, 'track.title')}</h1>
<p class="lead">${t(lang, 'track.lead')}</p>
${renderErrorSummary(lang, fieldProblems(lang, fields, data.errors), data.general)}
<form class="editor-form track-form" method="post" action="/track" aria-labelledby="form-title" novalidate>
${csrfField(data.csrfToken)}
${fields.map((field) => renderField(lang, { ...field, error: data.errors[field.name] }))}
${renderFormButtons([{ label: t(lang, 'track.submit') }])}
</form>`;
  return { title: t(lang, 'track.title'), body };
}

const isStatus = (status: string): status is RequestStatus => (REQUEST_STATUSES as readonly string[]).includes(status);
const EVENT_ACTIONS: ReadonlySet<string> = new Set(['received', ...REQUEST_ACTIONS]);

export function statusWords(lang: Lang, status: string): string {
  return isStatus(status) ? t(lang, `track.status.${status}`) : status;
}

function eventWords(lang: Lang, action: string, statusAfter: string): string {
  return EVENT_ACTIONS.has(action) ? t(lang, `track.event.${action}` as MessageKey) : statusWords(lang, statusAfter);
}

/** The note staff wrote with a public step: the missing documents, the reason for refusing, or a note. */
function renderNote(lang: Lang, action: string, note: string): Html {
  const label = action === 'return' ? 'track.note.return' : action === 'reject' ? 'track.note.reject' : 'track.note.other';
  return html`<span class="event-note${action === 'return' || action === 'reject' ? ' to-act' : ''}">${t(lang, label)}: <span${lang === 'en' ? html` lang="bn"` : ''}>${note}</span></span>`;
}

/** The promise as it stands: due by a date, waiting for the citizen, or no fixed limit; then kept or not. */
function renderPromise(lang: Lang, request: TrackedRequest, now: Date): Html {
  if (request.status === 'returned') {
    const returned = request.events.findLast((event) => event.action === 'return');
    if (returned) return html`${t(lang, 'track.paused', { date: formatDate(lang, returned.at, 'weekday_year') })}`;
  }
  if (!request.hasTimeLimit || request.dueAt === null) return html`${t(lang, 'track.no_limit')}`;
  const due = formatDate(lang, request.dueAt, 'weekday_year');
  const overdue = isStatus(request.status) && isOpen(request.status) && request.dueAt.getTime() < now.getTime();
  return html`${due}${overdue ? html`<span class="reading overdue">${t(lang, 'track.overdue')}</span>` : ''}`;
}

function renderOutcome(lang: Lang, request: TrackedRequest): Html {
  if (request.status !== 'delivered' || request.onTime === null) return html``;
  return request.onTime
    ? html`<p class="outcome on-time">${t(lang, 'track.on_time')}</p>`
    : html`<p class="outcome late">${t(lang, 'track.late')}</p>`;
}

export interface TrackResultData {
  request: TrackedRequest;
  office: ApplyOffice;
  now: Date;
  /** the rating form of a delivered request (and the thanks once rated) */
  rating?: RatingFormData | undefined;
}

export function renderTrackResult(lang: Lang, { request, office, now, rating }: TrackResultData): RenderedPage {
  const service = { code: request.serviceCode, name_bn: request.serviceNameBn, name_en: request.serviceNameEn };
  const field = (key: MessageKey, value: Html | string) => html`<div><dt>${t(lang, key)}</dt><dd>${value}</dd></div>`;
  const body = html`<p class="kicker">${t(lang, 'track.result_title')}</p>
<h1${lang === 'en' && !service.name_en ? html` lang="bn"` : ''}>${serviceLabel(lang, service)}</h1>
<p class="status-now status-${request.status}"><span class="status-label">${t(lang, 'track.label.status')}</span> ${statusWords(lang, request.status)}</p>
${renderOutcome(lang, request)}
${renderFollowUp(lang, request, rating)}
<dl class="service-fields">
${field('track.label.number', html`<span class="tracking-inline" lang="en" translate="no">${request.trackingNumber}</span>`)}
${field('track.label.office', officeName(lang, office))}
${field('track.label.received', formatDate(lang, request.receivedAt, 'weekday_year'))}
${field('track.label.due', renderPromise(lang, request, now))}
${request.closedAt ? field('track.label.closed', formatDate(lang, request.closedAt, 'weekday_year')) : ''}
</dl>
<h2>${t(lang, 'track.timeline')}</h2>
<ol class="timeline">
${request.events.map(
  (event) => html`<li><time datetime="${event.at.toISOString()}">${formatMoment(lang, event.at)}</time>
<strong>${eventWords(lang, event.action, event.statusAfter)}</strong>${event.note ? renderNote(lang, event.action, event.note) : ''}</li>\n`,
)}</ol>
<p class="back"><a href="/track">${t(lang, 'track.another')}</a></p>`;
  return { title: `${t(lang, 'track.result_title')}: ${request.trackingNumber}`, body };
}
