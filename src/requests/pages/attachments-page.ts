// The files of a request as pages show them: the file field of the online form, the list staff
// see (name, type, size, who gave it and when, a download link) and the page of a request's
// files with the form to add more. Works without JavaScript.
import { formatNumber } from '../../core/format.ts';
import { t, type Lang } from '../../core/i18n/index.ts';
import { csrfField, fieldId, renderErrorSummary, renderNotice } from '../../http/form-parts.ts';
import { html, type Html } from '../../http/html.ts';
import type { RenderedPage } from '../../http/layout.ts';
import { ACCEPTED_EXTENSIONS, ATTACHMENT_LIMITS, TYPE_NAMES, type AttachmentMediaType } from '../attachments.ts';
import type { RequestsError } from '../errors.ts';
import { formatShortMoment, officeTrail, requestHref, type OfficeLabel } from './queue-page.ts';

export const ATTACHMENTS_FIELD = 'attachments';

export const attachmentsHref = (slug: string, trackingNumber: string) => `${requestHref(slug, trackingNumber)}/attachments`;
export const attachmentHref = (slug: string, trackingNumber: string, id: number) => `${attachmentsHref(slug, trackingNumber)}/${id}`;

const KB = 1024;
const MB = 1024 * 1024;

/** 512 bytes, 340 KB, 4.8 MB, in the reader's digits. */
export function formatFileSize(lang: Lang, bytes: number): string {
  if (bytes < KB) return t(lang, 'attachments.size.bytes', { n: formatNumber(lang, bytes) });
  if (bytes < MB) return t(lang, 'attachments.size.kb', { n: formatNumber(lang, Math.round(bytes / KB)) });
  return t(lang, 'attachments.size.mb', { n: formatNumber(lang, (Math.round((bytes / MB) * 10) / 10).toString()) });
}

/** The file input: several PDF, JPEG or PNG files, with what it takes and, after a refusal, why and what to do. */
export function renderAttachmentField(lang: Lang, error: string | undefined, label: 'attachments.field' | 'attachments.add_field' = 'attachments.field'): Html {
  const id = fieldId(ATTACHMENTS_FIELD);
  const hint = t(lang, 'attachments.hint', { max_mb: formatNumber(lang, ATTACHMENT_LIMITS.maxBytes / MB), count: formatNumber(lang, ATTACHMENT_LIMITS.perUpload) });
  const described = error ? `${id}-hint ${id}-error` : `${id}-hint`;
  return html`<div class="field${error ? ' field-error' : ''}">
<label for="${id}">${t(lang, label)}</label>
<p class="hint" id="${id}-hint">${hint}</p>
${error ? html`<p class="error-message" id="${id}-error">${error}</p>` : ''}
<input id="${id}" name="${ATTACHMENTS_FIELD}" type="file" accept="${ACCEPTED_EXTENSIONS}" multiple aria-describedby="${described}"${error ? html` aria-invalid="true"` : ''}>
</div>`;
}

/** One file as the list shows it; `givenBy` is already a name (or the applicant). */
export interface AttachmentItem {
  id: number;
  fileName: string;
  mediaType: AttachmentMediaType;
  sizeBytes: number;
  uploadedAt: Date;
  givenBy: string;
}

export function renderAttachmentList(lang: Lang, office: OfficeLabel, trackingNumber: string, items: readonly AttachmentItem[]): Html {
  if (items.length === 0) return html`<p class="muted">${t(lang, 'attachments.none')}</p>`;
  const label = (column: 'name' | 'type' | 'size' | 'given_by' | 'when') => t(lang, `attachments.column.${column}`);
  return html`<table class="attachments">
<thead><tr><th scope="col">${label('name')}</th><th scope="col">${label('type')}</th><th scope="col">${label('size')}</th><th scope="col">${label('given_by')}</th><th scope="col">${label('when')}</th></tr></thead>
<tbody>
${items.map(
  (item) => html`<tr>
<td data-label="${label('name')}"><a href="${attachmentHref(office.slug, trackingNumber, item.id)}" download>${item.fileName}</a></td>
<td data-label="${label('type')}">${TYPE_NAMES[item.mediaType]}</td>
<td data-label="${label('size')}">${formatFileSize(lang, item.sizeBytes)}</td>
<td data-label="${label('given_by')}">${item.givenBy}</td>
<td data-label="${label('when')}"><time datetime="${item.uploadedAt.toISOString()}">${formatShortMoment(lang, item.uploadedAt)}</time></td>
</tr>`,
)}
</tbody>
</table>`;
}

export interface AttachmentsPageView {
  office: OfficeLabel;
  trackingNumber: string;
  items: readonly AttachmentItem[];
  /** the form to add files, for those who may handle the request; null: none */
  csrf: string | null;
  notice?: string | undefined;
  /** why the files sent were refused, in the page's language */
  error?: string | undefined;
}

export function renderAttachmentsPage(lang: Lang, view: AttachmentsPageView): RenderedPage {
  const title = t(lang, 'attachments.title', { number: view.trackingNumber });
  const problems = view.error ? [{ id: fieldId(ATTACHMENTS_FIELD), text: `${t(lang, 'attachments.add_field')}: ${view.error}` }] : [];
  const body = html`${officeTrail(lang, view.office, true)}
<h1>${title}</h1>
${renderNotice(view.notice)}
${renderErrorSummary(lang, problems)}
${renderAttachmentList(lang, view.office, view.trackingNumber, view.items)}
${
  view.csrf === null
    ? ''
    : html`<h2 id="add-heading">${t(lang, 'attachments.add_heading')}</h2>
<form class="editor-form" method="post" action="${attachmentsHref(view.office.slug, view.trackingNumber)}" enctype="multipart/form-data" aria-labelledby="add-heading" novalidate>
${csrfField(view.csrf)}
${renderAttachmentField(lang, view.error, 'attachments.add_field')}
<div class="form-buttons"><button type="submit" class="primary">${t(lang, 'attachments.add_submit')}</button></div>
</form>`
}
<p class="back"><a href="${requestHref(view.office.slug, view.trackingNumber)}">${t(lang, 'attachments.back_to_request')}</a></p>`;
  return { title: `${title} — ${view.office.name}`, body };
}

/** A refusal as the field shows it: the file at fault, when there is one, and what is wrong with it. */
export function refusalText(lang: Lang, error: RequestsError): string {
  const problem = t(lang, error.messageKey);
  const named = error.detail !== undefined && error.code !== 'too_many_attachments';
  return named ? t(lang, 'attachments.problem_in_file', { name: error.detail ?? '', problem }) : problem;
}

/** The request page's section: its files when the page has them at hand, and the way to the page that lists and adds them. */
export function renderRequestAttachments(lang: Lang, office: OfficeLabel, trackingNumber: string, items: readonly AttachmentItem[] | undefined): Html {
  return html`<section class="request-attachments" aria-labelledby="attachments-heading">
<h2 id="attachments-heading">${t(lang, 'attachments.heading')}</h2>
${items ? renderAttachmentList(lang, office, trackingNumber, items) : ''}
<p><a href="${attachmentsHref(office.slug, trackingNumber)}">${t(lang, 'attachments.open_page')}</a></p>
</section>`;
}
