// Offices and charters for the search's tests: the two seed charters (Jaintiapur, printed
// জেন্টাপুর; Jessore Sadar, whose district the places call Jashore) and a few more in other places.
import type { Kysely } from 'kysely';
import { importCharter, noTimeLimit, seedCharters, type CharterDocument, type Service } from '../charters/index.ts';
import type { DB } from '../core/db/schema.ts';

export const JAINTIAPUR = 'doict-jaintiapur-sylhet';
export const JESSORE = 'doict-sadar-jessore';
/** The deputy commissioner's office of Jashore district, at jessore.gov.bd. */
export const DC_JASHORE = 'dc-jashore';
/** An upazila office in Kaliakair, Gazipur. */
export const UNO_KALIAKAIR = 'uno-kaliakair';
/** Imported but never published: none of it may be found. */
export const DRAFT_ONLY = 'draft-only-office';

export interface CharterSketch {
  name_bn: string;
  name_en?: string;
  address_bn: string;
  website: string;
  /** each service's Bangla and English name */
  services: [string, string | null][];
}

/** A service as a new one, with no code of its own yet (the importer gives it the next one). */
export const withoutCode = ({ code: _code, ...service }: Service): Service => service;

/** A charter with only what the search reads filled in. */
export function sketchCharter(sketch: CharterSketch): CharterDocument {
  return {
    format: 'protishruti.charter/v1',
    office: { name_bn: sketch.name_bn, name_en: sketch.name_en ?? null, parent_bn: null, address_bn: sketch.address_bn, website: sketch.website },
    vision_bn: null,
    mission_bn: null,
    services: sketch.services.map(([name_bn, name_en], index) => ({
      category: 'citizen',
      serial: index + 1,
      name_bn,
      name_en,
      delivery_methods: [],
      documents_bn: null,
      fee: { text: null, free: true, amount_bdt: null, schedule: [] },
      time_limit: noTimeLimit(null),
      officer: null,
      remedy_bn: null,
      source_line: null,
    })),
    grs_contacts: [],
    expectations_bn: [],
    warnings: [],
  };
}

export const DC_JASHORE_SERVICES: [string, string | null][] = [
  ['ডিজিটাল সার্টিফিকেট প্রদান', 'Issuing digital certificates'],
  ['ফরম-১০ বিতরণ', 'Handing out form 10'],
  ['জন্ম নিবন্ধন সনদ', 'Birth registration certificate'],
];

export const UNO_KALIAKAIR_SERVICES: [string, string | null][] = [
  ['নাগরিকত্ব সনদ প্রদান', 'Citizenship certificate'],
  ['ইউনিয়ন ডিজিটাল সেন্টার পরিদর্শন', null],
];

/** Seeds the two charters and publishes two more; imports one office as a draft only. */
export async function importSearchCharters(db: Kysely<DB>): Promise<void> {
  await seedCharters(db);
  await importCharter(
    db,
    sketchCharter({ name_bn: 'জেলা প্রশাসকের কার্যালয়, যশোর', name_en: "Deputy Commissioner's Office, Jessore", address_bn: 'যশোর', website: 'http://www.jessore.gov.bd/', services: DC_JASHORE_SERVICES }),
    { officeSlug: DC_JASHORE, publish: true },
  );
  await importCharter(
    db,
    sketchCharter({ name_bn: 'উপজেলা নির্বাহী অফিসারের কার্যালয়', address_bn: 'কালিয়াকৈর, গাজীপুর', website: 'http://kaliakair.gazipur.gov.bd/', services: UNO_KALIAKAIR_SERVICES }),
    { officeSlug: UNO_KALIAKAIR, publish: true },
  );
  await importCharter(
    db,
    sketchCharter({ name_bn: 'খসড়া দপ্তর', address_bn: 'কালিয়াকৈর, গাজীপুর', website: 'http://draft.kaliakair.gazipur.gov.bd/', services: [['গোপন খসড়া সেবা', 'Unpublished draft service']] }),
    { officeSlug: DRAFT_ONLY },
  );
}
