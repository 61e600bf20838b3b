// The national Grievance Redress System and Right to Information facts every office shares, as
// data in one place: the complaints ladder of a charter that has no table of its own falls back
// on them, and the GRS and RTI features reuse them.
import type { TimeLimit, TimeUnit } from './model.ts';

function promised(max: number, unit: TimeUnit): TimeLimit {
  return { text: null, immediate: false, min: max, max, unit, conditional: false, on_demand: false };
}

/** The two officers every office names under the Cabinet Division's GRS guideline, in the order a complaint climbs. */
export const NATIONAL_GRS_STEPS = [
  // অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক): settles a complaint within 30 working days
  { role: 'grievance_officer', time_limit: promised(30, 'working_day') },
  // আপিল কর্মকর্তা: decides an appeal within 20 working days
  { role: 'appellate_officer', time_limit: promised(20, 'working_day') },
] as const satisfies readonly { role: string; time_limit: TimeLimit }[];

export type NationalGrsRole = (typeof NATIONAL_GRS_STEPS)[number]['role'];

/** Ways to complain open to anyone at any time, whatever the office's own ladder says. */
export const NATIONAL_GRS_CHANNELS = [
  { channel: 'grs_portal', href: 'https://www.grs.gov.bd/' },
  { channel: 'call_centre', href: 'tel:333' },
] as const;

export type NationalGrsChannel = (typeof NATIONAL_GRS_CHANNELS)[number]['channel'];

/** Right to Information Act 2009, s. 9: information within 20 working days of the request. */
export const RTI_TIME_LIMIT: TimeLimit = promised(20, 'working_day');

/** How charters name each role in an officer's designation. */
export const ROLE_DESIGNATIONS: Record<NationalGrsRole | 'rti_officer', RegExp> = {
  grievance_officer: /অনিক|অভিযোগ\s*নিষ্পত্তি\s*কর্মকর্তা/,
  appellate_officer: /আপ[িী]ল\s*কর্মকর্তা/,
  // তথ্য প্রদানকারী কর্মকর্তা, or the RTI Act's দায়িত্বপ্রাপ্ত কর্মকর্তা marked as being for information
  rti_officer: /তথ্য\s*প্রদানকারী|(তথ্য|আরটিআই|RTI)[^,;]*দায়িত্বপ্রাপ্ত\s*কর্মকর্তা|দায়িত্বপ্রাপ্ত\s*কর্মকর্তা[^,;]*(তথ্য|আরটিআই|RTI)/i,
};
