// For the importer's regression tests: a fixture read by the importer, and its services in one line each.
import { readFileSync } from 'node:fs';
import type { CharterDocument } from '../model.ts';
import { parseCharterText } from './charter-text.ts';

export const readFixture = (file: string): CharterDocument =>
  parseCharterText(readFileSync(new URL(`./fixtures/${file}`, import.meta.url), 'utf8'));

/** Each service as one line: category, serial, name | fee | time limit | designation. */
export function servicesOf(doc: CharterDocument): string[] {
  return doc.services.map((service) => {
    const fee = service.fee.free ? 'free' : String(service.fee.amount_bdt);
    const time = service.time_limit.immediate ? 'immediate' : `${service.time_limit.max} ${service.time_limit.unit}`;
    return `${service.category} ${service.serial} ${service.name_bn} | ${fee} | ${time} | ${service.officer?.designation_bn ?? '(none)'}`;
  });
}
