// The home page: a name search and every office with a published charter, grouped by district.
import { html, type Html } from '../../http/html.ts';
import { t, type Lang } from '../../core/i18n/index.ts';
import { formatDate, formatNumber } from '../../core/format.ts';
import type { RenderedPage } from '../../http/layout.ts';
import { officeName } from '../office-name.ts';
import type { OfficeListing } from '../repository.ts';

interface DistrictGroup {
  name: string | null;
  offices: OfficeListing[];
}

function groupByDistrict(lang: Lang, offices: readonly OfficeListing[]): DistrictGroup[] {
  const groups = new Map<string, DistrictGroup>();
  for (const office of offices) {
    const name = lang === 'en' ? (office.district_en ?? office.district_bn) : (office.district_bn ?? office.district_en);
    const key = name ?? '';
    const group = groups.get(key) ?? { name, offices: [] };
    group.offices.push(office);
    groups.set(key, group);
  }
  const collator = new Intl.Collator(lang === 'bn' ? 'bn' : 'en');
  // offices without a known district go last
  return [...groups.values()].sort((a, b) =>
    a.name === null ? 1 : b.name === null ? -1 : collator.compare(a.name, b.name),
  );
}

function renderOffice(lang: Lang, office: OfficeListing): Html {
  const facts = [
    t(lang, 'directory.office_services', { count: formatNumber(lang, office.service_count) }),
    office.published_at ? t(lang, 'directory.office_updated', { date: formatDate(lang, office.published_at) }) : null,
  ].filter((fact): fact is string => fact !== null);
  return html`<li><a href="/offices/${encodeURIComponent(office.slug)}">${officeName(lang, office)}</a><span class="meta">${facts.join(' · ')}</span></li>`;
}

function renderSearch(lang: Lang, query: string): Html {
  return html`<form class="search" method="get" action="/" role="search">
<label for="q">${t(lang, 'directory.search_label')}</label>
<div class="search-row"><input type="search" id="q" name="q" value="${query}" maxlength="200" autocomplete="off"><button type="submit">${t(lang, 'directory.search_button')}</button></div>
</form>`;
}

function renderSummary(lang: Lang, query: string, count: number): Html {
  if (!query) return count === 0 ? html`<p>${t(lang, 'directory.no_offices')}</p>` : html``;
  return html`<p class="result-count" role="status">${t(lang, 'directory.search_results', { query, count: formatNumber(lang, count) })} <a href="/">${t(lang, 'directory.clear_search')}</a></p>
${count === 0 ? html`<p>${t(lang, 'directory.no_results')}</p>` : ''}`;
}

export function renderDirectoryPage(lang: Lang, query: string, offices: readonly OfficeListing[]): RenderedPage {
  const groups = groupByDistrict(lang, offices);
  const body = html`<h1>${t(lang, 'directory.title')}</h1>
<p class="lead">${t(lang, 'directory.intro')}</p>
${renderSearch(lang, query)}
${renderSummary(lang, query, offices.length)}
${groups.map(
  (group) => html`<section class="district">
<h2>${group.name ?? t(lang, 'directory.district_unknown')}</h2>
<ul class="offices">${group.offices.map((office) => renderOffice(lang, office))}</ul>
</section>`,
)}`;
  return { title: t(lang, 'directory.title'), body };
}
