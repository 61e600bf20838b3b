// The parts of a charter page after the service tables: officers to contact, the GRS ladder,
// what the office expects from citizens, and the downloads.
import { html, type Html } from '../../http/html.ts';
import { t, type Lang } from '../../core/i18n/index.ts';
import { formatNumber } from '../../core/format.ts';
import type { GrsContact } from '../model.ts';
import { renderContactLinks, type ContactDetails } from './officer-contact.ts';
import { banglaData, renderText, renderTimeLimit } from './service-cells.ts';

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

export function renderGrsSection(lang: Lang, heading: string, contacts: readonly GrsContact[]): Html {
  if (contacts.length === 0) return html``;
  const label = (key: 'charter.grs.level' | 'charter.grs.role' | 'charter.grs.contact' | 'charter.grs.time_limit') =>
    t(lang, key);
  return html`<section id="grs" aria-labelledby="grs-title">
<h2 id="grs-title">${heading}</h2>
<p>${t(lang, 'charter.grs_intro')}</p>
<table class="grs">
<thead><tr><th scope="col" class="serial">${label('charter.grs.level')}</th><th scope="col">${label('charter.grs.role')}</th><th scope="col">${label('charter.grs.contact')}</th><th scope="col" class="time">${label('charter.grs.time_limit')}</th></tr></thead>
<tbody>
${contacts.map(
  (contact) =>
    html`<tr><td class="serial" data-label="${label('charter.grs.level')}">${formatNumber(lang, contact.level)}</td><td data-label="${label('charter.grs.role')}"${banglaData(lang)}>${renderText(lang, contact.role_bn)}</td><td data-label="${label('charter.grs.contact')}"${banglaData(lang)}>${renderText(lang, contact.contact_bn)}</td><td class="time" data-label="${label('charter.grs.time_limit')}">${renderTimeLimit(lang, contact.time_limit)}</td></tr>\n`,
)}</tbody>
</table>
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
<li><a href="${base}/charter.csv" download>${t(lang, 'charter.download_csv')}</a></li>
<li><a href="${base}/charter.json">${t(lang, 'charter.download_json')}</a></li>
</ul>
</section>`;
}
