// The transfer of a request, as its office's staff do it: find the receiving office by name or
// address (Bangla or English), choose it from the matches, then choose its service and say why.
// Two plain forms, no script; and, on the request page, the link to it and the notice of where a
// transferred request went.
import { t, type Lang } from '../../core/i18n/index.ts';
import { csrfField, fieldProblems, hiddenField, renderErrorSummary, renderField, renderFormButtons, renderSelect, type FieldErrors } from '../../http/form-parts.ts';
import { html, type Html } from '../../http/html.ts';
import type { RenderedPage } from '../../http/layout.ts';
import { officeName } from '../../offices/index.ts';
import type { RequestRow } from '../repository.ts';
import { canTake } from '../request-states.ts';
import { officeTrail, requestHref, serviceNameOf, type OfficeLabel } from './queue-page.ts';

export const transferHref = (slug: string, trackingNumber: string) => `${requestHref(slug, trackingNumber)}/transfer`;

export interface OfficeChoice {
  slug: string;
  name_bn: string;
  name_en: string | null;
  place_bn: string | null;
  place_en: string | null;
}

export interface TransferPageView {
  office: OfficeLabel;
  request: RequestRow;
  /** what was searched for; empty before the first search */
  query: string;
  /** the offices that match, the request's own left out; null before a search */
  matches: readonly OfficeChoice[] | null;
  /** the office chosen, with its published services */
  chosen: { office: OfficeChoice; services: readonly { code: string; name: string }[] } | null;
  values: { service: string; note: string };
  errors: FieldErrors;
  csrf: string;
}

const FIELD_LABELS = { office: 'request_transfer.field.office', service: 'request_transfer.field.service', note: 'request_transfer.field.note' } as const;

function renderSearch(lang: Lang, view: TransferPageView): Html {
  return html`<form method="get" action="${transferHref(view.office.slug, view.request.tracking_number)}" class="editor-form transfer-search" role="search">
${renderField(lang, { name: 'q', label: 'request_transfer.field.search', hint: 'request_transfer.hint.search', value: view.query, maxlength: 100, error: view.errors.office })}
${renderFormButtons([{ label: t(lang, 'request_transfer.search'), className: view.chosen ? 'secondary' : 'primary' }])}
</form>`;
}

function place(lang: Lang, office: OfficeChoice): string {
  return (lang === 'en' ? office.place_en : office.place_bn) ?? '';
}

function renderMatches(lang: Lang, view: TransferPageView): Html {
  if (view.matches === null || view.chosen) return html``;
  if (view.matches.length === 0) return html`<p>${t(lang, 'request_transfer.no_matches')}</p>`;
  return html`<form method="get" action="${transferHref(view.office.slug, view.request.tracking_number)}" class="editor-form transfer-offices">
<fieldset>
<legend>${t(lang, 'request_transfer.choose_office')}</legend>
${view.matches.map(
  (office, index) => html`<div class="radio"><input type="radio" name="to" id="f-to-${String(index)}" value="${office.slug}"${index === 0 ? ' required' : ''}>
<label for="f-to-${String(index)}">${officeName(lang, office)}${place(lang, office) ? html` <span class="muted">(${place(lang, office)})</span>` : ''}</label></div>`,
)}
</fieldset>
${hiddenField('q', view.query)}
${renderFormButtons([{ label: t(lang, 'request_transfer.choose') }])}
</form>`;
}

function renderTransferForm(lang: Lang, view: TransferPageView): Html {
  const { chosen } = view;
  if (!chosen) return html``;
  if (chosen.services.length === 0) return html`<p>${t(lang, 'request_transfer.no_services')}</p>`;
  return html`<h2>${t(lang, 'request_transfer.to_heading', { office: officeName(lang, chosen.office) })}</h2>
<form method="post" action="${transferHref(view.office.slug, view.request.tracking_number)}" class="editor-form transfer-form" novalidate>
${csrfField(view.csrf)}
${hiddenField('to', chosen.office.slug)}
${renderSelect(lang, {
  name: 'service',
  label: 'request_transfer.field.service',
  value: view.values.service,
  options: chosen.services.map((service) => ({ value: service.code, label: service.name })),
  placeholder: t(lang, 'request_transfer.choose_service'),
  error: view.errors.service,
})}
${renderField(lang, { name: 'note', label: 'request_transfer.field.note', hint: 'request_transfer.hint.note', value: view.values.note, rows: 3, maxlength: 2000, error: view.errors.note })}
${renderFormButtons([{ label: t(lang, 'request_transfer.submit') }], { href: requestHref(view.office.slug, view.request.tracking_number), label: t(lang, 'request_transfer.cancel') })}
</form>`;
}

export function renderTransferPage(lang: Lang, view: TransferPageView): RenderedPage {
  const title = t(lang, 'request_transfer.title', { number: view.request.tracking_number });
  const body = html`${officeTrail(lang, view.office, true)}
<h1>${title}</h1>
<p class="lead">${t(lang, 'request_transfer.lead', { service: serviceNameOf(lang, view.request) })}</p>
${renderErrorSummary(lang, fieldProblems(lang, FIELD_LABELS, view.errors))}
${renderSearch(lang, view)}
${renderMatches(lang, view)}
${renderTransferForm(lang, view)}
<p class="back"><a href="${requestHref(view.office.slug, view.request.tracking_number)}">${t(lang, 'request_transfer.back')}</a></p>`;
  return { title: `${title} — ${view.office.name}`, body };
}

/** On the request page: the way to the transfer, for those who may handle an open request. */
export function renderTransferLink(lang: Lang, office: OfficeLabel, request: RequestRow, mayHandle: boolean): Html {
  if (!mayHandle || !canTake('transfer', request.status)) return html``;
  return html`<p class="request-transfer"><a href="${transferHref(office.slug, request.tracking_number)}">${t(lang, 'request_transfer.link')}</a></p>`;
}

/** On the request page of a transferred request: where it went and its number there (the transfer event's note says both). */
export function renderTransferredNotice(lang: Lang, request: RequestRow, events: readonly { action: string; note: string | null }[]): Html {
  if (request.status !== 'transferred') return html``;
  const went = events.findLast((event) => event.action === 'transfer')?.note?.split('\n')[0];
  return html`<div class="notice" role="status"><p>${t(lang, 'request_transfer.transferred_notice')}${went ? html` <span lang="bn">${went}</span>` : ''}</p></div>`;
}
