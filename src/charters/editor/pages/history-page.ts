// Every version of an office's charter, and what each published one changed from the one
// published before it: its own parts, officer by officer, GRS step by step, service by service.
import { formatDate, formatNumber } from '../../../core/format.ts';
import { t, type Lang } from '../../../core/i18n/index.ts';
import { html, type Html } from '../../../http/html.ts';
import type { RenderedPage } from '../../../http/layout.ts';
import { officeName } from '../../../offices/index.ts';
import { describeFieldChange, describeGrsChange, describeOfficerChange, describePartChange, diffCharters, type CharterDiff, type ServiceChange } from '../../charter-diff.ts';
import { serviceName } from '../../pages/service-cells.ts';
import type { VersionSummary } from '../draft-service.ts';
import { editorHref, editorTrail } from './form-parts.ts';

function renderServiceChange(lang: Lang, change: ServiceChange): Html {
  const name = html`<span lang="bn">${serviceName('bn', change.service)}</span> <span class="muted">(${change.code})</span>`;
  if (change.kind === 'added') return html`<li>${t(lang, 'diff.service_added')}: ${name}</li>`;
  if (change.kind === 'removed') return html`<li>${t(lang, 'diff.service_removed')}: ${name}</li>`;
  return html`<li>${name}<ul>${change.fields.map((field) => html`<li>${describeFieldChange(lang, field)}</li>`)}</ul></li>`;
}

function renderDiff(lang: Lang, diff: CharterDiff): Html {
  const lines = [
    ...diff.parts.map((part) => describePartChange(lang, part)),
    ...diff.officers.flatMap((change) => describeOfficerChange(lang, change)),
    ...diff.grs_contacts.flatMap((change) => describeGrsChange(lang, change)),
  ];
  if (lines.length === 0 && diff.services.length === 0) return html`<p class="muted">${t(lang, 'diff.no_changes')}</p>`;
  return html`<ul class="charter-diff">${lines.map((line) => html`<li>${line}</li>`)}${diff.services.map((change) => renderServiceChange(lang, change))}</ul>`;
}

const STATUS_KEYS = { draft: 'editor.status.draft', published: 'editor.status.published', archived: 'editor.status.archived' } as const;

export function renderHistoryPage(lang: Lang, office: { slug: string; name_bn: string; name_en: string | null }, versions: readonly VersionSummary[]): RenderedPage {
  const name = officeName(lang, office);
  const title = t(lang, 'editor.history_title');
  // each version is compared with the one before it that was published (a draft with the one published now)
  const sections = versions.map((version, index) => {
    const earlier = versions.slice(index + 1).find((candidate) => candidate.status !== 'draft');
    const when = version.publishedAt ? formatDate(lang, version.publishedAt) : formatDate(lang, version.createdAt);
    return html`<section class="version" aria-labelledby="v${version.versionNo}">
<h2 id="v${version.versionNo}">${t(lang, 'charter.version', { number: formatNumber(lang, version.versionNo) })} · ${t(lang, STATUS_KEYS[version.status])} · ${when}</h2>
${earlier ? html`<p class="muted">${t(lang, 'diff.compared_with', { number: formatNumber(lang, earlier.versionNo) })}</p>${renderDiff(lang, diffCharters({ ...earlier.doc, officers: earlier.officers }, { ...version.doc, officers: version.officers }))}` : html`<p class="muted">${t(lang, 'diff.first_version')}</p>`}
</section>`;
  });
  const body = html`${editorTrail(lang, office.slug, name, false)}
<p class="kicker">${name}</p>
<h1>${title}</h1>
<p><a href="${editorHref(office.slug)}">${t(lang, 'editor.title')}</a></p>
${sections}`;
  return { title: `${title} — ${name}`, body };
}
