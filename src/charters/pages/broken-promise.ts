// "If the promise is broken", on every charter and service page: the complaints ladder
// (grs-ladder.ts), the ways to complain at any time, and how to ask for information (RTI).
import { html, type Html } from '../../http/html.ts';
import { t, type Lang, type MessageKey } from '../../core/i18n/index.ts';
import type { GrsLadder, GrsLadderStep, LadderOfficer } from '../grs-ladder.ts';
import type { NationalGrsChannel } from '../national-grs.ts';
import { renderOfficer } from './officer-contact.ts';
import { banglaData, renderText, renderTimeLimit } from './service-cells.ts';
import { formatDuration } from './time-limit-text.ts';

function fact(lang: Lang, key: MessageKey, value: Html, bangla = false): Html {
  return html`<div><dt>${t(lang, key)}</dt><dd${bangla ? banglaData(lang) : ''}>${value}</dd></div>`;
}

function contactOf(lang: Lang, officer: LadderOfficer | null, otherwise: MessageKey): Html {
  return officer ? renderOfficer(lang, officer) : html`${t(lang, otherwise)}`;
}

function renderStep(lang: Lang, step: GrsLadderStep): Html {
  const time = fact(lang, 'charter.grs.time_limit', renderTimeLimit(lang, step.time_limit));
  if (step.source === 'charter') {
    return html`<li><dl class="step">
${fact(lang, 'charter.grs.role', renderText(lang, step.role_bn), true)}
${fact(lang, 'charter.grs.contact', renderText(lang, step.contact_bn), true)}
${time}
</dl></li>`;
  }
  const role = step.role === 'grievance_officer' ? 'gro' : 'appellate';
  return html`<li><strong>${t(lang, `grs.${role}.role`)}</strong><dl class="step">
${fact(lang, 'charter_page.ladder_when', html`${t(lang, `grs.${role}.when`)}`)}
${fact(lang, 'charter.grs.contact', contactOf(lang, step.officer, `grs.${role}.contact`))}
${time}
</dl></li>`;
}

const CHANNEL_KEYS: Record<NationalGrsChannel, 'grs.portal' | 'grs.call_centre'> = { grs_portal: 'grs.portal', call_centre: 'grs.call_centre' };

function renderChannels(lang: Lang, ladder: GrsLadder): Html {
  return html`<ul class="channels">${ladder.channels.map(({ channel, href }) => {
    const key = CHANNEL_KEYS[channel];
    return html`<li><a href="${href}"${channel === 'grs_portal' ? html` rel="noopener"` : ''}><strong>${t(lang, `${key}.role`)}</strong></a><br>${t(lang, `${key}.when`)}. ${t(lang, `${key}.contact`)}</li>`;
  })}</ul>`;
}

function rtiLimit(lang: Lang, ladder: GrsLadder): string {
  const { max, unit } = ladder.rti.time_limit;
  return max !== null && unit !== null ? formatDuration(lang, max, unit) : t(lang, 'charter.not_stated');
}

export function renderBrokenPromise(lang: Lang, ladder: GrsLadder): Html {
  return html`<section id="grs" class="broken-promise" aria-labelledby="grs-title">
<h2 id="grs-title">${t(lang, 'charter_page.broken_promise')}</h2>
<p>${t(lang, 'charter_page.broken_promise_intro')}</p>
<p class="note">${t(lang, ladder.source === 'charter' ? 'charter_page.ladder_from_charter' : 'charter_page.ladder_national')}</p>
<ol class="ladder">${ladder.steps.map((step) => renderStep(lang, step))}</ol>
<h3>${t(lang, 'charter_page.ladder_any_time')}</h3>
${renderChannels(lang, ladder)}
<h3>${t(lang, 'grs.rti.title')}</h3>
<p>${t(lang, 'grs.rti.text', { limit: rtiLimit(lang, ladder) })}</p>
${ladder.rti.officer ? html`<div class="rti-officer">${renderOfficer(lang, ladder.rti.officer)}</div>` : html`<p class="muted">${t(lang, 'grs.rti.officer_unknown')}</p>`}
</section>`;
}
