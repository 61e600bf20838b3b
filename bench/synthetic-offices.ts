// The synthetic country both national-scale benches build: the real 64 districts, each with 7 or 8
// synthetic upazilas (495 in all), and offices of 18 departments spread over them (12 % at
// district level). `--offices` writes them straight into the database (national-scale.ts);
// `--import` writes each as a charter file for the CLI to import (import-cli.ts).
import { allDistricts, identifyOrganisation, type OfficeLocation } from '../src/offices/index.ts';

const UPAZILAS = 495;
const DISTRICT_OFFICE_SHARE = 0.12;
// departments with offices in every district or upazila, by their portal label
export const DEPARTMENTS = ['dae', 'dls', 'fisheries', 'dghs', 'dgfp', 'dss', 'dwa', 'dyd', 'lged', 'dphe', 'coop', 'brdb', 'dpe', 'dshe', 'police', 'fireservice', 'land', 'brta'];

export interface SyntheticPlace {
  location: OfficeLocation;
  upazilaBn: string | null;
  districtBn: string;
  districtEn: string;
}

export interface SyntheticPlaces<Place extends SyntheticPlace = SyntheticPlace> {
  districtLevel: Place[];
  upazilas: Place[];
}

/** Every district as a place, each followed by its synthetic upazilas, in the districts file's order. */
export function syntheticPlaces(): SyntheticPlace[] {
  const districts = allDistricts();
  const places: SyntheticPlace[] = [];
  for (const [index, district] of districts.entries()) {
    const names = { districtBn: district.name_bn, districtEn: district.name_en };
    places.push({ location: { district, upazila: null }, upazilaBn: null, ...names });
    const count = Math.floor(UPAZILAS / districts.length) + (index < UPAZILAS % districts.length ? 1 : 0);
    for (let n = 1; n <= count; n++) {
      const upazila = { slug: `${district.slug}-u${n}`, name_bn: `${district.name_bn} উপজেলা ${n}`, name_en: `${district.name_en} Upazila ${n}` };
      places.push({ location: { district, upazila }, upazilaBn: upazila.name_bn, ...names });
    }
  }
  return places;
}

export function splitPlaces<Place extends SyntheticPlace>(places: Place[]): SyntheticPlaces<Place> {
  return { districtLevel: places.filter((p) => p.upazilaBn === null), upazilas: places.filter((p) => p.upazilaBn !== null) };
}

/** Office number `i`: its department, place, names and portal address (the same `i` gives the same office). */
export function syntheticOffice<Place extends SyntheticPlace>(i: number, places: SyntheticPlaces<Place>) {
  const code = DEPARTMENTS[i % DEPARTMENTS.length] ?? 'dae';
  const organisation = identifyOrganisation(null, [code]);
  const atDistrict = (i * 7919) % 100 < DISTRICT_OFFICE_SHARE * 100;
  const list = atDistrict ? places.districtLevel : places.upazilas;
  const place = list[(i * 104_729) % list.length];
  if (!place || !organisation) throw new Error('no place or organisation for a synthetic office');
  const where = place.upazilaBn ? `${place.upazilaBn}, ${place.districtBn}` : place.districtBn;
  return {
    code,
    place,
    /** the office's own line of a charter's header, without its place (the next line gives that) */
    officeLineBn: `${organisation.name_bn} কার্যালয় ${i}`,
    details: {
      slug: `bench-${code}-${i}`,
      name_bn: `${organisation.name_bn} কার্যালয় ${i}, ${where}`,
      name_en: `${organisation.name_en} office ${i}, ${place.districtEn}`,
      address_bn: where,
      website: `https://${code}.bench${i}.gov.bd`,
    },
  };
}
