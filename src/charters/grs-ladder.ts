// "If the promise is broken": whom a citizen turns to, in order, built from the office's charter.
// The charter's own GRS table when it has one; else the national steps (the office's অনিক, then
// its appellate officer), filled in with the officers the charter names for those roles. The
// national portal and call centre, and the office's officer for information requests, always.
import type { GrsContact, TimeLimit } from './model.ts';
import {
  NATIONAL_GRS_CHANNELS,
  NATIONAL_GRS_STEPS,
  ROLE_DESIGNATIONS,
  RTI_TIME_LIMIT,
  type NationalGrsChannel,
  type NationalGrsRole,
} from './national-grs.ts';

export interface LadderOfficer {
  name_bn: string | null;
  designation_bn: string | null;
  phone: string | null;
  mobile: string | null;
  email: string | null;
}

export type GrsLadderStep =
  | { source: 'charter'; level: number; role_bn: string | null; contact_bn: string | null; time_limit: TimeLimit }
  | { source: 'national'; level: number; role: NationalGrsRole; officer: LadderOfficer | null; time_limit: TimeLimit };

export interface GrsLadder {
  /** whose steps these are: the charter's table, or the national defaults for want of one */
  source: 'charter' | 'national';
  steps: GrsLadderStep[];
  channels: readonly { channel: NationalGrsChannel; href: string }[];
  rti: { officer: LadderOfficer | null; time_limit: TimeLimit };
}

function officerFor(officers: readonly LadderOfficer[], pattern: RegExp): LadderOfficer | null {
  const found = officers.find((officer) => officer.designation_bn !== null && pattern.test(officer.designation_bn));
  if (!found) return null;
  const { name_bn, designation_bn, phone, mobile, email } = found;
  return { name_bn, designation_bn, phone, mobile, email };
}

export function buildGrsLadder(charter: { grs_contacts: readonly GrsContact[]; officers: readonly LadderOfficer[] }): GrsLadder {
  const fromCharter = charter.grs_contacts.length > 0;
  const steps: GrsLadderStep[] = fromCharter
    ? [...charter.grs_contacts]
        .sort((a, b) => a.level - b.level)
        .map((contact) => ({ source: 'charter', level: contact.level, role_bn: contact.role_bn, contact_bn: contact.contact_bn, time_limit: contact.time_limit }))
    : NATIONAL_GRS_STEPS.map((step, index) => ({
        source: 'national',
        level: index + 1,
        role: step.role,
        officer: officerFor(charter.officers, ROLE_DESIGNATIONS[step.role]),
        time_limit: step.time_limit,
      }));
  return {
    source: fromCharter ? 'charter' : 'national',
    steps,
    channels: NATIONAL_GRS_CHANNELS,
    rti: { officer: officerFor(charter.officers, ROLE_DESIGNATIONS.rti_officer), time_limit: RTI_TIME_LIMIT },
  };
}
