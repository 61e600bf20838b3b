// The charter's list of officers and the services that name them. Services carry their
// officer's details themselves (the charter's seventh column); the list is every officer the
// charter names, kept in step with the services, plus officers added on the officers page that
// no service names yet (a GRS focal point, say). Pure.
import type { Officer, Service } from '../model.ts';
import { distinctOfficers, sameOfficer } from '../parse/officer-inference.ts';

/** An officer on the charter's list: a service's officer without the "inferred" mark. */
export type OfficerEntry = Omit<Officer, 'inferred'>;

export function officerEntry(officer: OfficerEntry): OfficerEntry {
  return { name_bn: officer.name_bn, designation_bn: officer.designation_bn, phone: officer.phone, mobile: officer.mobile, email: officer.email };
}

const asOfficer = (entry: OfficerEntry): Officer => ({ ...officerEntry(entry), inferred: false });

export function isSameOfficer(a: OfficerEntry, b: OfficerEntry): boolean {
  return sameOfficer(asOfficer(a), asOfficer(b));
}

/** The services whose officer is this one (the way the importer tells two officer cells apart). */
export function servicesNaming(entry: OfficerEntry, services: readonly Service[]): Service[] {
  return services.filter((service) => service.officer !== null && isSameOfficer(entry, service.officer));
}

/** Where on the list the officer already is (from 0), other than at `except`; -1 when nowhere. */
export function indexOfOfficer(list: readonly OfficerEntry[], entry: OfficerEntry, except = -1): number {
  return list.findIndex((other, index) => index !== except && isSameOfficer(other, entry));
}

/**
 * The list after services changed from `before` to `after`: an officer the services name takes
 * their details and keeps its place, one they newly name is added at the end, one that lost
 * its last service in this change goes, and one that no service named before stays (it was
 * added on its own).
 */
export function reconcileOfficers(list: readonly OfficerEntry[], before: readonly Service[], after: readonly Service[]): OfficerEntry[] {
  const derived = distinctOfficers([...after]).map(officerEntry);
  const used = new Set<number>();
  const result: OfficerEntry[] = [];
  for (const entry of list) {
    const match = derived.findIndex((officer, index) => !used.has(index) && isSameOfficer(entry, officer));
    if (match >= 0) {
      used.add(match);
      result.push(derived[match] as OfficerEntry);
    } else if (servicesNaming(entry, before).length === 0) {
      result.push(officerEntry(entry));
    }
  }
  derived.forEach((officer, index) => {
    if (!used.has(index)) result.push(officer);
  });
  return result;
}
