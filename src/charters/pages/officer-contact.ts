// An officer's name, designation and tap-to-call / tap-to-mail links, as the charter pages show them.
import { html, type Html } from '../../http/html.ts';
import { t, type Lang } from '../../core/i18n/index.ts';
import { formatNumber } from '../../core/format.ts';
import { banglaData } from './service-cells.ts';

export interface ContactDetails {
  name_bn: string | null;
  designation_bn: string | null;
  phone: string | null;
  mobile: string | null;
  email: string | null;
}

/** +8801936447955 → ০১৯৩৬-৪৪৭৯৫৫ on Bangla pages, 01936-447955 on English ones: the way it is dialled at home. */
export function phoneForDisplay(lang: Lang, e164: string): string {
  const national = e164.startsWith('+880') ? `0${e164.slice(4)}` : e164;
  const grouped = /^01\d{9}$/.test(national) ? `${national.slice(0, 5)}-${national.slice(5)}` : national;
  return formatNumber(lang, grouped);
}

function telHref(number: string): string {
  return `tel:${number.replace(/[^+\d]/g, '')}`;
}

export function renderContactLinks(lang: Lang, contact: ContactDetails): Html {
  const phone = (label: 'charter.phone' | 'charter.mobile', number: string | null) =>
    number ? html`<li>${t(lang, label)}: <a href="${telHref(number)}">${phoneForDisplay(lang, number)}</a></li>` : '';
  const email = contact.email
    ? html`<li>${t(lang, 'charter.email')}: <a href="mailto:${contact.email}">${contact.email}</a></li>`
    : '';
  if (!contact.phone && !contact.mobile && !contact.email) return html``;
  return html`<ul class="contact">${phone('charter.phone', contact.phone)}${phone('charter.mobile', contact.mobile)}${email}</ul>`;
}

/** A service's responsible officer. Whether the importer filled any of it in from elsewhere is for staff, not shown here. */
export function renderOfficer(lang: Lang, officer: ContactDetails | null): Html {
  if (!officer) return html`<span class="muted">${t(lang, 'charter.not_stated')}</span>`;
  return html`${officer.name_bn ? html`<strong${banglaData(lang)}>${officer.name_bn}</strong>` : ''}${
    officer.designation_bn ? html`<br><span${banglaData(lang)}>${officer.designation_bn}</span>` : ''
  }${renderContactLinks(lang, officer)}`;
}

const sameOfficer = (a: ContactDetails, b: ContactDetails) =>
  a.name_bn === b.name_bn && a.designation_bn === b.designation_bn && a.phone === b.phone && a.mobile === b.mobile && a.email === b.email;

/** The one officer responsible for every service, when there is one: shown once, not in every card. */
export function officerOfEveryService(services: readonly { officer: ContactDetails | null }[]): ContactDetails | null {
  const [first, ...rest] = services.map((service) => service.officer);
  if (!first || !first.name_bn) return null;
  return rest.every((officer) => officer !== null && sameOfficer(officer, first)) ? first : null;
}
