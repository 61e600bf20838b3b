// The online application for one service of an office's published charter: what the service
// costs, how long it takes and what to bring, then a short form. Works without JavaScript.
import { formatNumber } from '../../core/format.ts';
import { t, type Lang } from '../../core/i18n/index.ts';
import { renderBreadcrumbs } from '../../http/breadcrumbs.ts';
import { csrfField, fieldProblems, hiddenField, renderErrorSummary, renderField, renderFormButtons, type FieldErrors, type FieldSpec } from '../../http/form-parts.ts';
import { html, type Html } from '../../http/html.ts';
import type { RenderedPage } from '../../http/layout.ts';
import { officeName } from '../../offices/index.ts';
import { ATTACHMENTS_FIELD, renderAttachmentField } from './attachments-page.ts';

export interface ApplyService {
  code: string;
  name_bn: string | null;
  name_en: string | null;
  documents_bn: string | null;
  fee: { text: string | null; free: boolean; amount_bdt: number | null };
  time_limit: { text: string | null };
}

export interface ApplyOffice {
  slug: string;
  name_bn: string;
  name_en: string | null;
}

/** What the citizen typed, kept when the form comes back with an error. */
export interface ApplyValues {
  name: string;
  mobile: string;
  email: string;
  address: string;
  details: string;
}

export const EMPTY_APPLICATION: ApplyValues = { name: '', mobile: '', email: '', address: '', details: '' };

/** Longest text each field takes (the form says so, rather than the database refusing it). */
export const APPLY_LIMITS: Record<keyof ApplyValues, number> = { name: 200, mobile: 40, email: 254, address: 500, details: 4000 };

export interface ApplyPageData {
  office: ApplyOffice;
  service: ApplyService;
  values: ApplyValues;
  errors: FieldErrors;
  csrfToken: string;
  /** the form's one-time key: the same form sent twice makes one request */
  submission: string;
}

export function serviceLabel(lang: Lang, service: { code: string; name_bn: string | null; name_en: string | null }): string {
  const name = lang === 'en' ? (service.name_en ?? service.name_bn) : (service.name_bn ?? service.name_en);
  return name ?? service.code;
}

export const applyHref = (slug: string, code: string) => `/offices/${encodeURIComponent(slug)}/services/${encodeURIComponent(code)}/apply`;

/** Charter text is Bangla: marked so on English pages, for screen readers. */
const bangla = (lang: Lang) => (lang === 'en' ? html` lang="bn"` : '');

function renderFee(lang: Lang, fee: ApplyService['fee']): Html | string {
  if (fee.text) return fee.text;
  if (fee.amount_bdt !== null) return t(lang, 'charter.fee_amount', { amount: formatNumber(lang, fee.amount_bdt) });
  if (fee.free) return t(lang, 'charter.free');
  return html`<span class="muted">${t(lang, 'charter.not_stated')}</span>`;
}

const orNotStated = (lang: Lang, text: string | null) => text ?? html`<span class="muted">${t(lang, 'charter.not_stated')}</span>`;

function fields(values: ApplyValues): FieldSpec[] {
  return [
    { name: 'name', label: 'apply.field.name', value: values.name, autocomplete: 'name', maxlength: APPLY_LIMITS.name },
    { name: 'mobile', label: 'apply.field.mobile', value: values.mobile, hint: 'apply.hint.mobile', type: 'tel', inputmode: 'tel', autocomplete: 'tel', maxlength: APPLY_LIMITS.mobile },
    { name: 'email', label: 'apply.field.email', value: values.email, type: 'email', autocomplete: 'email', maxlength: APPLY_LIMITS.email },
    { name: 'address', label: 'apply.field.address', value: values.address, rows: 2, autocomplete: 'street-address', maxlength: APPLY_LIMITS.address },
    { name: 'details', label: 'apply.field.details', value: values.details, hint: 'apply.hint.details', rows: 4, maxlength: APPLY_LIMITS.details },
  ];
}

export function renderApplyPage(lang: Lang, data: ApplyPageData): RenderedPage {
  const { office, service } = data;
  const officeLabel = officeName(lang, office);
  const name = serviceLabel(lang, service);
  const serviceHref = `/offices/${encodeURIComponent(office.slug)}/services/${encodeURIComponent(service.code)}`;
  const formFields = fields(data.values);
  const body = html`${renderBreadcrumbs(lang, [
    { label: t(lang, 'nav.home'), href: '/' },
    { label: officeLabel, href: `/offices/${encodeURIComponent(office.slug)}` },
    { label: name, href: serviceHref },
  ])}
<p class="kicker">${t(lang, 'apply.kicker')}</p>
<h1${service.name_en ? '' : bangla(lang)}>${name}</h1>
<p class="lead">${t(lang, 'apply.lead', { office: officeLabel })}</p>
<h2>${t(lang, 'apply.about')}</h2>
<dl class="service-fields apply-facts">
<div><dt>${t(lang, 'charter.column.fee')}</dt><dd${bangla(lang)}>${renderFee(lang, service.fee)}</dd></div>
<div><dt>${t(lang, 'charter.column.time_limit')}</dt><dd${bangla(lang)}>${orNotStated(lang, service.time_limit.text)}</dd></div>
<div><dt>${t(lang, 'charter.column.documents')}</dt><dd${bangla(lang)}>${orNotStated(lang, service.documents_bn)}</dd></div>
</dl>
${service.documents_bn ? html`<p class="note">${t(lang, 'apply.documents_note')}</p>` : ''}
<h2 id="form-title">${t(lang, 'apply.form_title')}</h2>
${renderErrorSummary(lang, fieldProblems(lang, [...formFields, { name: ATTACHMENTS_FIELD, label: 'attachments.field' }], data.errors))}
<form class="editor-form apply-form" method="post" action="${applyHref(office.slug, service.code)}" enctype="multipart/form-data" aria-labelledby="form-title" novalidate>
${csrfField(data.csrfToken)}
${hiddenField('submission', data.submission)}
${formFields.map((field) => renderField(lang, { ...field, error: data.errors[field.name] }))}
${renderAttachmentField(lang, data.errors[ATTACHMENTS_FIELD])}
${renderFormButtons([{ label: t(lang, 'apply.submit') }])}
</form>`;
  return { title: `${t(lang, 'apply.kicker')}: ${name}`, body };
}
