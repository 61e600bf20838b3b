// Fills services whose officer cell is empty or partial from the one officer the charter
// names, only when that is unambiguous, and says so in a warning.
import type { Officer, Service, Warning } from '../model.ts';

const hasContact = (o: Officer) => Boolean(o.mobile || o.phone || o.email);
const hasIdentity = (o: Officer) => Boolean(o.name_bn || o.designation_bn);

/** Two cells name the same officer when a contact or the name agrees. */
export function sameOfficer(a: Officer, b: Officer): boolean {
  if (a.email && b.email) return a.email === b.email;
  if (a.mobile && b.mobile) return a.mobile === b.mobile;
  if (a.phone && b.phone) return a.phone === b.phone;
  if (a.name_bn && b.name_bn) return a.name_bn === b.name_bn;
  if (!a.name_bn && !b.name_bn && a.designation_bn && b.designation_bn) return a.designation_bn === b.designation_bn;
  return false;
}

/** The distinct officers the charter names (by name or post), in order of appearance. */
export function distinctOfficers(services: Service[]): Officer[] {
  const found: Officer[] = [];
  for (const service of services) {
    const officer = service.officer;
    if (!officer || !hasIdentity(officer)) continue;
    const known = found.find((other) => sameOfficer(other, officer));
    if (known) {
      known.name_bn ??= officer.name_bn;
      known.designation_bn ??= officer.designation_bn;
      known.phone ??= officer.phone;
      known.mobile ??= officer.mobile;
      known.email ??= officer.email;
    } else {
      found.push({ ...officer, inferred: false });
    }
  }
  return found;
}

function label(service: Service): string {
  return `${service.category.replace('_', '-')} service ${service.serial}`;
}

export function inferMissingOfficers(services: Service[], warnings: Warning[]): void {
  const officers = distinctOfficers(services);
  const only = officers.length === 1 ? officers[0] : undefined;
  for (const service of services) {
    const own = service.officer;
    // a named officer, or a designation alone, is what the charter says: keep it
    if (own && (own.designation_bn || (own.name_bn && hasContact(own)))) {
      if (!(own.name_bn && !hasContact(own) && only && sameOfficer(own, only))) continue;
    }
    const line = service.source_line;
    if (!only || (own && !sameOfficer(own, only))) {
      warnings.push({
        line,
        code: own ? 'officer_incomplete' : 'officer_missing',
        message: `${label(service)}: ${own ? "the officer's details are incomplete" : 'no responsible officer is given'}, and the charter names ${officers.length} officers, so none was assumed.`,
      });
      continue;
    }
    service.officer = {
      name_bn: own?.name_bn ?? only.name_bn,
      designation_bn: own?.designation_bn ?? only.designation_bn,
      phone: own?.phone ?? only.phone,
      mobile: own?.mobile ?? only.mobile,
      email: own?.email ?? only.email,
      inferred: true,
    };
    warnings.push({
      line,
      code: 'officer_inferred',
      message: `${label(service)}: the officer cell was ${own ? 'incomplete; completed' : 'empty; filled'} with ${only.name_bn ?? only.designation_bn ?? 'the only officer'}, the only officer this charter names.`,
    });
  }
}
