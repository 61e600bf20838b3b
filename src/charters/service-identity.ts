// Which service of a new charter version is which service of the office's previous version:
// a service keeps its code (s1, s2, …) across versions, so links and requests outlive a
// republished charter. Pure: the caller loads the previous version and stores the result.
import { ChartersError } from './errors.ts';
import { normaliseBangla, toAsciiDigits } from './parse/bangla-text.ts';
import { serviceCode, serviceCodeNumber, type Service, type Warning } from './model.ts';

export type ServiceNames = Pick<Service, 'category' | 'serial' | 'name_bn' | 'name_en'>;

/** A service of the office's previous version, with the code it had there. */
export interface PreviousService extends ServiceNames {
  code: string;
}

/** A service of the new version; a code given in the document is honoured. */
export type IncomingService = ServiceNames & Pick<Service, 'code' | 'source_line'>;

/**
 * `kept`: the same name (serial or category may have moved); `matched`: found by a changed
 * name; `added`: not in the previous version (a code from the document is kept as given).
 */
export type ServiceOrigin = 'kept' | 'matched' | 'added';

export interface ServiceIdentity {
  code: string;
  origin: ServiceOrigin;
  previous: PreviousService | null;
}

export interface ServiceIdentities {
  /** one per incoming service, in the same order */
  services: ServiceIdentity[];
  /** services of the previous version that the new one no longer offers */
  retired: PreviousService[];
  warnings: Warning[];
}

export interface IdentifyInput {
  /** the office's latest version (by version_no, whatever its status); null when it has none yet */
  previous: readonly PreviousService[] | null;
  incoming: readonly IncomingService[];
  /** the highest code number the office has ever used, in any version (0 for none) */
  highestCodeNumber: number;
}

// Charter service names share a lot of boilerplate (… তথ্য প্রদান, … সহায়তা প্রদান): in the seed
// charters different services of one office score up to 0.64, slight renames 0.77–0.94, and two
// services that differ in one word (উপজেলা আইসিটি / ইনোভেশন কমিটি …) 0.86, so every match
// on a changed name is reported for a person to check.
/** Same category and serial: a fairly similar name is the same service, renamed. */
const SAME_PLACE_SIMILARITY = 0.65;
/** Same category, renumbered: only a very similar name is the same service. */
const MOVED_SIMILARITY = 0.85;
/**
 * How far a renamed service is looked for from its old serial. Real charters list tens of
 * services, so this covers every move there; a synthetic charter of thousands stays linear.
 */
const MOVED_SERIAL_REACH = 100;

export function identifyServices({ previous, incoming, highestCodeNumber }: IdentifyInput): ServiceIdentities {
  assertUniqueServiceCodes(incoming);
  const old = previous ?? [];
  const oldByCode = new Map(old.map((service) => [service.code, service]));
  const found: (PreviousService | null)[] = incoming.map((service) => (service.code ? (oldByCode.get(service.code) ?? null) : null));
  const claimed = new Set(found.filter((service) => service !== null));

  const candidates = rankCandidates(
    old.filter((service) => !claimed.has(service)),
    incoming.flatMap((service, index) => (service.code ? [] : [{ service, index }])),
  );
  for (const { oldService, newIndex } of candidates) {
    if (claimed.has(oldService) || found[newIndex]) continue;
    found[newIndex] = oldService;
    claimed.add(oldService);
  }

  let next = Math.max(highestCodeNumber, ...incoming.map((service) => (service.code ? serviceCodeNumber(service.code) : 0)));
  const services = incoming.map((service, index): ServiceIdentity => {
    const match = found[index] ?? null;
    const code = service.code ?? match?.code ?? serviceCode(++next);
    if (!match) return { code, origin: 'added', previous: null };
    return { code, origin: sameName(match, service) ? 'kept' : 'matched', previous: match };
  });
  const retired = old.filter((service) => !claimed.has(service));
  const warnings = previous === null ? [] : identityWarnings(incoming, services, retired);
  return { services, retired, warnings };
}

/** Two services of one document with the same code would be one service twice. */
export function assertUniqueServiceCodes(services: readonly Pick<Service, 'code' | 'category' | 'serial'>[]): void {
  const seen = new Map<string, Pick<Service, 'category' | 'serial'>>();
  for (const service of services) {
    if (!service.code) continue;
    const first = seen.get(service.code);
    if (first) {
      throw new ChartersError(
        'duplicate_service_code',
        `${service.code} is given to ${first.category} ${first.serial} and to ${service.category} ${service.serial}`,
      );
    }
    seen.set(service.code, service);
  }
}

interface Candidate {
  oldService: PreviousService;
  oldIndex: number;
  newIndex: number;
  identical: boolean;
  similarity: number;
  sameCategory: boolean;
  sameSerial: boolean;
  serialDistance: number;
}

/** A service's names as compared, worked out once: a charter may have thousands of services. */
interface NameForms {
  keys: string[];
  bigrams: Map<string, number>[];
}

function nameForms(service: ServiceNames): NameForms {
  const keys = [nameKey(service.name_bn), nameKey(service.name_en)];
  return { keys, bigrams: keys.map(bigramCounts) };
}

/** Every acceptable pairing, best first; ties fall to charter order so the result is deterministic. */
function rankCandidates(old: readonly PreviousService[], incoming: readonly { service: IncomingService; index: number }[]): Candidate[] {
  const oldForms = old.map(nameForms);
  const newForms = incoming.map(({ service }) => nameForms(service));
  // identical names pair up through a lookup; only services of one category are compared by similarity
  const oldByKey = new Map<string, number[]>();
  oldForms.forEach((forms, oldIndex) =>
    forms.keys.forEach((key, which) => {
      if (key === '') return;
      const slot = `${which}:${key}`;
      oldByKey.set(slot, [...(oldByKey.get(slot) ?? []), oldIndex]);
    }),
  );
  const candidates: Candidate[] = [];
  incoming.forEach(({ service, index: newIndex }, position) => {
    const forms = newForms[position] as NameForms;
    const identical = new Set(forms.keys.flatMap((key, which) => (key === '' ? [] : (oldByKey.get(`${which}:${key}`) ?? []))));
    old.forEach((oldService, oldIndex) => {
      const sameCategory = oldService.category === service.category;
      const isIdentical = identical.has(oldIndex);
      if (!isIdentical && (!sameCategory || Math.abs(oldService.serial - service.serial) > MOVED_SERIAL_REACH)) return;
      const sameSerial = oldService.serial === service.serial;
      const threshold = sameSerial ? SAME_PLACE_SIMILARITY : MOVED_SIMILARITY;
      const similarity = isIdentical ? 1 : formsSimilarity(oldForms[oldIndex] as NameForms, forms, threshold);
      if (!isIdentical && similarity < threshold) return;
      const serialDistance = Math.abs(oldService.serial - service.serial);
      candidates.push({ oldService, oldIndex, newIndex, identical: isIdentical, similarity, sameCategory, sameSerial, serialDistance });
    });
  });
  return candidates.sort(
    (a, b) =>
      Number(b.identical) - Number(a.identical) ||
      b.similarity - a.similarity ||
      Number(b.sameCategory) - Number(a.sameCategory) ||
      Number(b.sameSerial) - Number(a.sameSerial) ||
      a.serialDistance - b.serialDistance ||
      a.oldIndex - b.oldIndex ||
      a.newIndex - b.newIndex,
  );
}

/** A service name as compared: one Unicode spelling, ASCII digits, no punctuation or case. */
export function nameKey(name: string | null): string {
  if (!name) return '';
  return toAsciiDigits(normaliseBangla(name))
    .toLowerCase()
    .replace(/[\u200C\u200D]/g, '')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
}

function namePairs(a: ServiceNames, b: ServiceNames): [string, string][] {
  const pairs: [string, string][] = [
    [nameKey(a.name_bn), nameKey(b.name_bn)],
    [nameKey(a.name_en), nameKey(b.name_en)],
  ];
  return pairs.filter(([x, y]) => x !== '' && y !== '');
}

function sameName(a: ServiceNames, b: ServiceNames): boolean {
  return namePairs(a, b).some(([x, y]) => x === y);
}

/** The best similarity of the Bangla or the English names; 0 when it cannot reach `atLeast`. */
function formsSimilarity(a: NameForms, b: NameForms, atLeast: number): number {
  let best = 0;
  a.keys.forEach((x, which) => {
    const y = b.keys[which] ?? '';
    if (x === '' || y === '') return;
    // Dice can be no more than the shorter name's share of both: skip pairs that cannot reach the bar
    if ((2 * Math.min(x.length, y.length)) / (x.length + y.length) < atLeast) return;
    best = Math.max(best, diceOfCounts(a.bigrams[which] as Map<string, number>, b.bigrams[which] as Map<string, number>, x.length + y.length - 2));
  });
  return best;
}

function bigramCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < text.length - 1; i++) {
    const bigram = text.slice(i, i + 2);
    counts.set(bigram, (counts.get(bigram) ?? 0) + 1);
  }
  return counts;
}

function diceOfCounts(a: Map<string, number>, b: Map<string, number>, bigramTotal: number): number {
  if (bigramTotal <= 0) return 0;
  let shared = 0;
  for (const [bigram, count] of b) shared += Math.min(count, a.get(bigram) ?? 0);
  return (2 * shared) / bigramTotal;
}

/** Sørensen–Dice coefficient of character bigrams: 1 for the same text, 0 for nothing shared. */
export function diceSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  return diceOfCounts(bigramCounts(a), bigramCounts(b), a.length + b.length - 2);
}

function describe(service: ServiceNames): string {
  return `${service.category} ${service.serial} "${service.name_bn ?? service.name_en ?? ''}"`;
}

function identityWarnings(incoming: readonly IncomingService[], services: readonly ServiceIdentity[], retired: readonly PreviousService[]): Warning[] {
  const warnings: Warning[] = [];
  incoming.forEach((service, index) => {
    const identity = services[index];
    if (!identity) return;
    const line = service.source_line;
    const { previous } = identity;
    if (!previous) {
      const given = service.code ? ' (given in the document)' : '';
      warnings.push({ line, code: 'service_added', message: `${describe(service)} is a new service: code ${identity.code}${given}` });
    } else if (identity.origin === 'matched') {
      warnings.push({ line, code: 'service_matched', message: `${describe(service)} keeps code ${identity.code} of ${describe(previous)} (renamed)` });
    } else if (previous.category !== service.category || previous.serial !== service.serial) {
      warnings.push({ line, code: 'service_matched', message: `${describe(service)} keeps code ${identity.code}: it was ${previous.category} ${previous.serial}` });
    }
  });
  for (const service of retired) {
    warnings.push({ line: null, code: 'service_retired', message: `${describe(service)} (${service.code}) is no longer offered: its code is retired` });
  }
  return warnings;
}
