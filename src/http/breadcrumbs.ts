// The trail of pages above this one (GOV.UK style: the current page is its heading, not a crumb).
import { t, type Lang } from '../core/i18n/index.ts';
import { html, type Html } from './html.ts';

export interface Crumb {
  label: string;
  href: string;
}

export function renderBreadcrumbs(lang: Lang, crumbs: readonly Crumb[]): Html {
  return html`<nav class="breadcrumbs" aria-label="${t(lang, 'layout.breadcrumb')}"><ol>${crumbs.map(
    (crumb) => html`<li><a href="${crumb.href}">${crumb.label}</a></li>`,
  )}</ol></nav>`;
}
