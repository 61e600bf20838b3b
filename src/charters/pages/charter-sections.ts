// The parts of a charter page after the service tables: officers to contact, what the office
// expects from citizens, and the downloads. (The complaints ladder is broken-promise.ts.)
import { html, type Html } from '../../http/html.ts';
import { t, type Lang } from '../../core/i18n/index.ts';
import { renderContactLinks, type ContactDetails } from './officer-contact.ts';
import { banglaData } from './service-cells.ts';

export function renderOfficersSection(lang: Lang, officers: readonly ContactDetails[]): Html {
  if (officers.length === 0) return html``;
  return html`<section id="officers" aria-labelledby="officers-title">
<h2 id="officers-title">${t(lang, 'charter.officers')}</h2>
<ul class="officers">${officers.map(
    (officer) =>
      html`<li>${officer.name_bn ? html`<strong${banglaData(lang)}>${officer.name_bn}</strong>` : ''}${
        officer.designation_bn ? html`<br><span${banglaData(lang)}>${officer.designation_bn}</span>` : ''
      }${renderContactLinks(lang, officer)}</li>`,
  )}</ul>
</section>`;
}

export function renderExpectationsSection(lang: Lang, heading: string, expectations: readonly string[]): Html {
  if (expectations.length === 0) return html``;
  return html`<section id="expectations" aria-labelledby="expectations-title">
<h2 id="expectations-title">${heading}</h2>
<ol class="expectations"${banglaData(lang)}>${expectations.map((text) => html`<li>${text}</li>`)}</ol>
</section>`;
}

export function renderDownloadsSection(lang: Lang, officeSlug: string): Html {
  const base = `/offices/${encodeURIComponent(officeSlug)}`;
  return html`<section id="downloads" class="downloads" aria-labelledby="downloads-title">
<h2 id="downloads-title">${t(lang, 'charter.downloads')}</h2>
<ul>
<li><a href="${base}/print">${t(lang, 'print.link')}</a></li>
<li><a href="${base}/print?paper=a3">${t(lang, 'print.link_a3')}</a></li>
<li><a href="${base}/charter.csv" download>${t(lang, 'charter.download_csv')}</a></li>
<li><a href="${base}/charter.json">${t(lang, 'charter.download_json')}</a></li>
</ul>
</section>`;
}
