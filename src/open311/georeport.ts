// Our charters' services and our service requests as GeoReport v2 objects. Pure: the routes
// load the rows and hand them here. Text a person reads comes in Bangla and English in one string,
// since the specification has one field for it.
import type { Service } from '../charters/index.ts';
import { t, type MessageKey } from '../core/i18n/index.ts';
import type { ListedRequest } from '../requests/index.ts';

// Bangladesh keeps UTC+6 all year, with no daylight saving: a fixed offset is exact.
const DHAKA_OFFSET_MS = 6 * 3600_000;

/** ISO 8601 with the Dhaka offset, as the specification asks (an offset or Z must be given). */
export function dhakaDateTime(at: Date): string {
  return `${new Date(at.getTime() + DHAKA_OFFSET_MS).toISOString().slice(0, 19)}+06:00`;
}

/** Bangla, then English when there is an English text that says something else. */
export function bothLanguages(bn: string | null, en: string | null): string {
  if (bn && en && bn !== en) return `${bn} / ${en}`;
  return bn ?? en ?? '';
}

const label = (key: MessageKey) => bothLanguages(t('bn', key), t('en', key));

export type CharterService = Service & { code: string };

export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: false;
  type: 'realtime';
  keywords: string;
  group: string;
}

/** What the charter promises for the service: its documents, its fee and its time limit. */
export function serviceDescription(service: CharterService): string {
  const fee = service.fee.text ?? (service.fee.free ? label('open311.free') : null);
  const lines: [MessageKey, string | null][] = [
    ['open311.documents', service.documents_bn],
    ['open311.fee', fee],
    ['open311.time_limit', service.time_limit.text],
  ];
  return lines
    .filter((line): line is [MessageKey, string] => line[1] !== null && line[1].trim() !== '')
    .map(([key, text]) => `${label(key)}: ${text.trim()}`)
    .join('\n');
}

export function serviceEntry(service: CharterService): Open311Service {
  return {
    service_code: service.code,
    service_name: bothLanguages(service.name_bn, service.name_en) || service.code,
    description: serviceDescription(service),
    // no attributes beyond the standard fields: the charter asks for none of its own
    metadata: false,
    // a request posted here gets its tracking number at once
    type: 'realtime',
    keywords: service.delivery_methods.join(', '),
    group: label(`charter.category.${service.category}`),
  };
}

export function serviceDefinition(service: CharterService) {
  return { service_code: service.code, attributes: [] as never[] };
}

export interface Open311Request {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string;
  service_code: string;
  /** the citizen's own words: only to readers of the office's requests */
  description?: string | null;
  agency_responsible: string;
  service_notice: null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  /** the citizen's address: only to readers of the office's requests */
  address?: string | null;
  address_id: null;
  zipcode: null;
  lat: null;
  long: null;
  media_url: null;
}

export interface Agency {
  name_bn: string;
  name_en: string | null;
}

/**
 * A request as Open311 shows it. The citizen's name, mobile and e-mail are never shown; their
 * description and address only when `withCitizenData` (a reader of the office's requests asks).
 */
export function serviceRequestView(request: ListedRequest, agency: Agency, options: { withCitizenData: boolean }): Open311Request {
  return {
    service_request_id: request.tracking_number,
    status: request.isOpen ? 'open' : 'closed',
    status_notes: request.publicNote,
    service_name: bothLanguages(request.service_name_bn, request.service_name_en),
    service_code: request.service_code,
    ...(options.withCitizenData ? { description: request.details } : {}),
    agency_responsible: bothLanguages(agency.name_bn, agency.name_en),
    service_notice: null,
    requested_datetime: dhakaDateTime(request.received_at),
    updated_datetime: dhakaDateTime(request.updated_at),
    expected_datetime: request.due_at ? dhakaDateTime(request.due_at) : null,
    ...(options.withCitizenData ? { address: request.citizen_address } : {}),
    address_id: null,
    zipcode: null,
    lat: null,
    long: null,
    media_url: null,
  };
}

/** What the client is told at once of a request it posted: when it falls due, if ever. */
export function receiptNotice(dueAt: Date | null): string {
  if (!dueAt) return label('open311.notice_no_limit');
  const due = dhakaDateTime(dueAt).slice(0, 16).replace('T', ' ');
  return bothLanguages(t('bn', 'open311.notice_due', { due }), t('en', 'open311.notice_due', { due }));
}
