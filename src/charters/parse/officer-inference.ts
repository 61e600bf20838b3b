// Fills services whose officer cell is empty or partial from the one officer the charter
// names, only when that is unambiguous, and says so in a warning.
import type { Officer, Service, Warning } from '../model.ts';
import { sameOfficer } from './service-fields.ts';

function isComplete(officer: Officer): boolean {
  return Boolean(officer.name_bn && (officer.mobile || officer.phone || officer.email));
}

/** The distinct officers named in full across the charter, in order of first appearance. */
export function distinctOfficers(services: Service[]): Officer[] {
  const found: Officer[] = [];
  for (const service of services) {
    const officer = service.officer;
    if (!officer || !isComplete(officer)) continue;
    const known = found.find((other) => sameOfficer(other, officer));
    if (known) {
      known.phone ??= officer.phone;
      known.mobile ??= officer.mobile;
      known.email ??= officer.email;
      known.designation_bn ??= officer.designation_bn;
    } else {
      found.push({ ...officer, inferred: false });
    }
  }
  return found;
}

export function inferMissingOfficers(services: Service[], warnings: Warning[]): void {
  const officers = distinctOfficers(services);
  const only = officers.length === 1 ? officers[0] : undefined;
  for (const service of services) {
    const own = service.officer;
    if (own && isComplete(own)) continue;
    const line = service.source_line;
    if (!only || (own && !sameOfficer(own, only) && (own.email || own.mobile || own.name_bn))) {
      warnings.push({
        line,
        code: own ? 'officer_incomplete' : 'officer_missing',
        message: own
          ? `Service ${service.serial}: the officer's details are incomplete and the charter names ${officers.length} officers, so none was assumed.`
          : `Service ${service.serial}: no responsible officer, and the charter names ${officers.length} officers, so none was assumed.`,
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
      message: `Service ${service.serial}: the officer ${own ? 'cell was incomplete; completed' : 'cell was empty; filled'} with ${only.name_bn ?? 'the only officer'} — the only officer this charter names.`,
    });
  }
}
