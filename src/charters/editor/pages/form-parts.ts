// What every editor page has beyond the portal's form parts (http/form-parts.ts): the draft's
// revision the form carries, the notice that the draft changed under the form, and the page trail.
import { t, type Lang, type MessageKey } from '../../../core/i18n/index.ts';
import { renderBreadcrumbs } from '../../../http/breadcrumbs.ts';
import { hiddenField } from '../../../http/form-parts.ts';
import { html, type Html } from '../../../http/html.ts';

/** The state of the draft the form was filled in from (open-draft.ts refuses a save over a later one). */
export function revisionField(revision: string): Html {
  return hiddenField('revision', revision);
}

/** What is in the draft now, next to the form that was refused because it changed. */
export interface StaleState {
  /** the thing as it is now, field by field; null when someone removed it */
  now: { label: MessageKey; value: string }[] | null;
}

/** Says the draft changed under the form and shows what is there now; the form below keeps what was typed. */
export function renderStaleNotice(lang: Lang, stale: StaleState | undefined): Html {
  if (!stale) return html``;
  const now = stale.now;
  return html`<div class="stale-notice" role="alert">
<h2>${t(lang, 'editor.stale_title')}</h2>
<p>${t(lang, 'editor.stale_note')}</p>
<h3>${t(lang, 'editor.stale_now')}</h3>
${
  now === null
    ? html`<p>${t(lang, 'editor.stale_gone')}</p>`
    : html`<dl class="stale-now">${now.map((item) => html`<div><dt>${t(lang, item.label)}</dt><dd lang="bn">${item.value === '' ? t(lang, 'diff.empty') : item.value}</dd></div>`)}</dl>`
}
</div>`;
}

export function editorHref(slug: string, rest = ''): string {
  return `/offices/${encodeURIComponent(slug)}/edit${rest}`;
}

export function editorTrail(lang: Lang, slug: string, officeLabel: string, withEditor = true): Html {
  const trail = [
    { label: t(lang, 'nav.home'), href: '/' },
    { label: officeLabel, href: `/offices/${encodeURIComponent(slug)}` },
  ];
  if (withEditor) trail.push({ label: t(lang, 'editor.title_short'), href: editorHref(slug) });
  return renderBreadcrumbs(lang, trail);
}
