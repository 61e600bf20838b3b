// The editor's first page: the draft (or the published charter it will copy), its services with
// edit, move and remove, the links to the other editor pages, and the publish button.
import { formatDate, formatNumber } from '../../../core/format.ts';
import { t, type Lang } from '../../../core/i18n/index.ts';
import { postButton as postForm, renderNotice } from '../../../http/form-parts.ts';
import { html, type Html } from '../../../http/html.ts';
import type { RenderedPage } from '../../../http/layout.ts';
import { officeName } from '../../../offices/index.ts';
import type { Service } from '../../model.ts';
import { categoryName, serviceName } from '../../pages/service-cells.ts';
import { plainTimeLimit } from '../../pages/time-limit-text.ts';
import type { EditorView } from '../draft-service.ts';
import { editorHref, editorTrail, revisionField } from './form-parts.ts';

/** A one-button form that carries the draft's revision, so it is refused after someone else's change. */
function postButton(action: string, csrf: string, revision: string, label: string, className = 'link-button', extra: Html = html``): Html {
  return postForm(action, csrf, label, className, html`${revisionField(revision)}${extra}`);
}

function renderServiceRow(lang: Lang, slug: string, service: Service, index: number, count: number, csrf: string, revision: string): Html {
  const code = service.code ?? '';
  const base = editorHref(slug, `/services/${encodeURIComponent(code)}`);
  const reading = plainTimeLimit(lang, service.time_limit);
  const limit = service.time_limit.text ?? t(lang, 'charter.not_stated');
  return html`<li class="editor-service">
<p class="editor-service-name"><span class="muted">${formatNumber(lang, service.serial)}.</span> <a href="${base}" lang="bn">${serviceName('bn', service)}</a> <span class="muted">(${code})</span></p>
<p class="muted">${categoryName(lang, service.category)} · ${t(lang, 'charter.column.time_limit')}: <span lang="bn">${limit}</span>${reading ? html` → ${reading}` : ''}</p>
<div class="editor-actions">
<a href="${base}">${t(lang, 'editor.edit')}</a>
${index > 0 ? postButton(`${base}/move`, csrf, revision, t(lang, 'editor.move_up'), 'link-button', html`<input type="hidden" name="direction" value="up">`) : ''}
${index < count - 1 ? postButton(`${base}/move`, csrf, revision, t(lang, 'editor.move_down'), 'link-button', html`<input type="hidden" name="direction" value="down">`) : ''}
<a href="${base}/remove">${t(lang, 'editor.remove')}</a>
</div>
</li>`;
}

/** `stale`: a move or publish was refused because the draft changed since the page was opened. */
export function renderOverviewPage(lang: Lang, view: EditorView, csrf: string, notice?: string, stale = false): RenderedPage {
  const { office, draft, published, doc } = view;
  const name = officeName(lang, office);
  const status = draft
    ? t(lang, 'editor.draft_status', { number: formatNumber(lang, draft.version_no), date: formatDate(lang, draft.created_at) })
    : t(lang, 'editor.no_draft', { number: formatNumber(lang, published?.version_no ?? 0) });
  const body = html`${editorTrail(lang, office.slug, name, false)}
<p class="kicker">${name}</p>
<h1>${t(lang, 'editor.title')}</h1>
${renderNotice(notice)}
${stale ? html`<div class="stale-notice" role="alert"><p>${t(lang, 'editor.stale_page')}</p></div>` : ''}
<p>${status}</p>
<ul class="editor-links">
<li><a href="${editorHref(office.slug, '/office')}">${t(lang, 'editor.office_link')}</a></li>
<li><a href="${editorHref(office.slug, '/officers')}">${t(lang, 'editor.officers_link')}</a> (${formatNumber(lang, view.officers.length)})</li>
<li><a href="${editorHref(office.slug, '/grs')}">${t(lang, 'editor.grs_link')}</a> (${formatNumber(lang, doc.grs_contacts.length)})</li>
<li><a href="${editorHref(office.slug, '/upload')}">${t(lang, 'editor.upload_link')}</a></li>
<li><a href="/offices/${encodeURIComponent(office.slug)}/history">${t(lang, 'editor.history_link')}</a></li>
<li><a href="/offices/${encodeURIComponent(office.slug)}">${t(lang, 'editor.public_link')}</a></li>
</ul>
<h2>${t(lang, 'editor.services')} (${formatNumber(lang, doc.services.length)})</h2>
<p><a class="button-link" href="${editorHref(office.slug, '/services/new')}">${t(lang, 'editor.add_service')}</a></p>
<ol class="editor-services">
${doc.services.map((service, index) => renderServiceRow(lang, office.slug, service, index, doc.services.length, csrf, view.revision))}
</ol>
<h2>${t(lang, 'editor.publish_title')}</h2>
${
  draft
    ? html`<p>${t(lang, 'editor.publish_note', { number: formatNumber(lang, draft.version_no) })}</p>
${postButton(editorHref(office.slug, '/publish'), csrf, view.revision, t(lang, 'editor.publish'), 'primary')}`
    : html`<p>${t(lang, 'editor.nothing_to_publish')}</p>`
}`;
  return { title: `${t(lang, 'editor.title')} — ${name}`, body };
}

/** Asks before a service is removed: a page with one button, so it works without JavaScript. */
export function renderRemovePage(lang: Lang, view: EditorView, service: Service, csrf: string, stale = false): RenderedPage {
  const name = officeName(lang, view.office);
  const base = editorHref(view.office.slug, `/services/${encodeURIComponent(service.code ?? '')}`);
  const body = html`${editorTrail(lang, view.office.slug, name)}
<h1>${t(lang, 'editor.remove_title')}</h1>
${stale ? html`<div class="stale-notice" role="alert"><p>${t(lang, 'editor.stale_page')}</p></div>` : ''}
<p lang="bn"><strong>${serviceName('bn', service)}</strong> (${service.code ?? ''})</p>
<p>${t(lang, 'editor.remove_note')}</p>
${postButton(`${base}/remove`, csrf, view.revision, t(lang, 'editor.remove_confirm'), 'warning')}
<p><a href="${editorHref(view.office.slug)}">${t(lang, 'editor.cancel')}</a></p>`;
  return { title: `${t(lang, 'editor.remove_title')} — ${name}`, body };
}
