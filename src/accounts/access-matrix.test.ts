// Every route that needs a permission, asked by every role, for its own office, another office
// and the whole country: the expected answers are written out by hand, so a change to the
// policy (roles.ts) or to a route's declaration shows up here as a failure.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../app.ts';
import { seedCharters } from '../charters/index.ts';
import { systemActor } from '../core/actor.ts';
import { openTestDatabase, type TestDatabase } from '../core/db/test-database.ts';
import { PROJECT_ROOT } from '../core/paths.ts';
import { findOfficeAncestry, requireOfficeId } from '../offices/index.ts';
import { receiveRequest } from '../requests/index.ts';
import type { Role } from './roles.ts';
import { createTestUser } from './test-support.ts';
import type { ScopeRequest } from './users.ts';

const OWN = 'doict-sadar-jessore';
const OTHER = 'doict-jaintiapur-sylhet';

type Who = 'anonymous' | 'no_role' | Role | 'supervisor_above' | 'supervisor_elsewhere';
const EVERYONE: Who[] = ['anonymous', 'no_role', 'office_staff', 'officer', 'office_admin', 'supervisor_above', 'supervisor_elsewhere', 'system_admin'];
type Where = 'own' | 'other' | 'national';

/** Who may, per target; everyone else is refused. Written out, not derived from roles.ts. */
const CALENDAR_EDITORS: Record<Where, Who[]> = { own: ['office_admin', 'system_admin'], other: ['system_admin'], national: ['system_admin'] };
const AUDIT_READERS: Record<Where, Who[]> = { own: [], other: [], national: ['system_admin'] };
const USER_MANAGERS: Record<Where, Who[]> = { own: ['office_admin', 'system_admin'], other: ['system_admin'], national: ['system_admin'] };

let database: TestDatabase;
let app: FastifyInstance;
const authorizations = new Map<Who, string>();
let serial = 0;

/** A date no other request of this test has used: each allowed request really writes. */
function freshDate(): string {
  const day = new Date(Date.UTC(2027, 0, 2 + 7 * serial++));
  return day.toISOString().slice(0, 10);
}

const officeOf = (where: Where) => (where === 'own' ? OWN : where === 'other' ? OTHER : undefined);

/** A user-administration call for the office (own, other) or the whole country (no office, an office role at OWN). */
function userAdminRequest(url: string, where: Where, fields: Record<string, unknown>): InjectOptions {
  const office = officeOf(where);
  const scope = office ? { office } : { scope_kind: 'office', scope: OWN };
  return { method: 'POST', url, headers: { accept: 'application/json' }, payload: { ...fields, ...scope } };
}

/** A fresh invited user holding office_staff in the target's office (OWN for the country), made by a system admin. */
async function invitedUser(where: Where): Promise<number> {
  const request = userAdminRequest('/admin/users/invite', where === 'national' ? 'own' : where, { email: `matrix-user-${serial++}@test.gov.bd`, name_bn: 'পরীক্ষা', role: 'office_staff' });
  const response = await app.inject({ ...request, headers: { ...request.headers, authorization: authorizations.get('system_admin') ?? '' } });
  assert.equal(response.statusCode, 201, response.body);
  return (response.json() as { user_id: number }).user_id;
}

async function asAdmin(request: InjectOptions): Promise<{ id: number }> {
  const response = await app.inject({ ...request, headers: { authorization: authorizations.get('system_admin') ?? '' } });
  assert.equal(response.statusCode, 201, response.body);
  const body = response.json() as { holiday?: { id: number }; special_working_day?: { id: number } };
  return { id: (body.holiday ?? body.special_working_day)?.id ?? 0 };
}

const holidayBody = (where: Where) => {
  const office = officeOf(where);
  return { date: freshDate(), name_bn: 'পরীক্ষা', ...(office ? { office, kind: 'local_closure' } : {}) };
};
const specialDayBody = (where: Where) => {
  const office = officeOf(where);
  return { date: freshDate(), name_bn: 'কর্মদিবস', ...(office ? { office } : {}) };
};
const ICS = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', 'BEGIN:VEVENT', 'UID:x', 'DTSTART;VALUE=DATE:DATE', 'SUMMARY:পরীক্ষা', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');

interface Case {
  route: string;
  targets: Where[];
  allowed: Record<Where, Who[]>;
  request: (where: Where) => Promise<InjectOptions>;
  /** what an allowed request gets when it is not a 2xx: a form post answers 303 */
  succeeds?: number;
}

const CHARTER_EDITORS: Record<Where, Who[]> = { own: ['office_admin', 'system_admin'], other: ['system_admin'], national: [] };
const SEED_FILES: Record<string, string> = { [OWN]: 'jessore-sadar.txt', [OTHER]: 'jaintiapur.txt' };

/** A form post, as the charter editor's pages send them; JSON refusals, to compare their shape. */
function editorForm(method: 'GET' | 'POST', url: string, fields: Record<string, string> = {}): InjectOptions {
  if (method === 'GET') return { method, url, headers: { accept: 'application/json' } };
  return { method, url, payload: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' } };
}

/** A change to the office's draft by the system administrator (so there is a draft, or a service to remove). */
async function editAsAdmin(request: InjectOptions): Promise<void> {
  const response = await app.inject({ ...request, headers: { ...(request.headers ?? {}), authorization: authorizations.get('system_admin') ?? '' } });
  assert.equal(response.statusCode, 303, response.body);
}

const SERVICE_FORM = { name_bn: 'পরীক্ষার সেবা', category: 'citizen', serial: '90', time_limit: '৩ কার্যদিবস', fee: 'বিনামূল্যে', action: 'save' };

const CASES: Case[] = [
  {
    route: 'POST /api/calendar/holidays',
    targets: ['own', 'other', 'national'],
    allowed: CALENDAR_EDITORS,
    request: async (where) => ({ method: 'POST', url: '/api/calendar/holidays', payload: holidayBody(where) }),
  },
  {
    route: 'PATCH /api/calendar/holidays/:id',
    targets: ['own', 'other', 'national'],
    allowed: CALENDAR_EDITORS,
    request: async (where) => {
      const { id } = await asAdmin({ method: 'POST', url: '/api/calendar/holidays', payload: holidayBody(where) });
      return { method: 'PATCH', url: `/api/calendar/holidays/${id}`, payload: { name_en: 'Renamed' } };
    },
  },
  {
    route: 'DELETE /api/calendar/holidays/:id',
    targets: ['own', 'other', 'national'],
    allowed: CALENDAR_EDITORS,
    request: async (where) => {
      const { id } = await asAdmin({ method: 'POST', url: '/api/calendar/holidays', payload: holidayBody(where) });
      return { method: 'DELETE', url: `/api/calendar/holidays/${id}` };
    },
  },
  {
    route: 'POST /api/calendar/special-working-days',
    targets: ['own', 'other', 'national'],
    allowed: CALENDAR_EDITORS,
    request: async (where) => ({ method: 'POST', url: '/api/calendar/special-working-days', payload: specialDayBody(where) }),
  },
  {
    route: 'DELETE /api/calendar/special-working-days/:id',
    targets: ['own', 'other', 'national'],
    allowed: CALENDAR_EDITORS,
    request: async (where) => {
      const { id } = await asAdmin({ method: 'POST', url: '/api/calendar/special-working-days', payload: specialDayBody(where) });
      return { method: 'DELETE', url: `/api/calendar/special-working-days/${id}` };
    },
  },
  {
    route: 'POST /api/calendar/import-ics',
    targets: ['own', 'other', 'national'],
    allowed: CALENDAR_EDITORS,
    request: async (where) => {
      const office = officeOf(where);
      const ics = ICS.replace('DATE:DATE', `DATE:${freshDate().replaceAll('-', '')}`).replace('UID:x', `UID:matrix-${serial}`);
      return { method: 'POST', url: `/api/calendar/import-ics${office ? `?office=${office}` : ''}`, headers: { 'content-type': 'text/calendar' }, payload: ics };
    },
  },
  {
    route: 'GET /api/calendar/changes',
    targets: ['national'],
    allowed: AUDIT_READERS,
    request: async () => ({ method: 'GET', url: '/api/calendar/changes' }),
  },
  {
    route: 'PUT /api/offices/:slug/hours',
    targets: ['own', 'other'],
    allowed: CALENDAR_EDITORS,
    request: async (where) => ({
      method: 'PUT',
      url: `/api/offices/${officeOf(where)}/hours`,
      payload: { weekly_holidays: [5, 6], opening: '09:00', closing: '17:00' },
    }),
  },
  {
    route: 'GET /offices/:slug/edit',
    targets: ['own', 'other'],
    allowed: CHARTER_EDITORS,
    request: async (where) => editorForm('GET', `/offices/${officeOf(where)}/edit`),
  },
  {
    route: 'GET /offices/:slug/edit/services/new',
    targets: ['own', 'other'],
    allowed: CHARTER_EDITORS,
    request: async (where) => editorForm('GET', `/offices/${officeOf(where)}/edit/services/new`),
  },
  {
    route: 'POST /offices/:slug/edit/services/new',
    targets: ['own', 'other'],
    allowed: CHARTER_EDITORS,
    succeeds: 303,
    request: async (where) => editorForm('POST', `/offices/${officeOf(where)}/edit/services/new`, SERVICE_FORM),
  },
  {
    route: 'GET /offices/:slug/edit/services/:code',
    targets: ['own', 'other'],
    allowed: CHARTER_EDITORS,
    request: async (where) => editorForm('GET', `/offices/${officeOf(where)}/edit/services/s1`),
  },
  {
    route: 'POST /offices/:slug/edit/services/:code',
    targets: ['own', 'other'],
    allowed: CHARTER_EDITORS,
    succeeds: 303,
    request: async (where) => editorForm('POST', `/offices/${officeOf(where)}/edit/services/s2`, { ...SERVICE_FORM, time_limit: `${freshDate().slice(8)} কার্যদিবস` }),
  },
  {
    route: 'GET /offices/:slug/edit/services/:code/remove',
    targets: ['own', 'other'],
    allowed: CHARTER_EDITORS,
    request: async (where) => editorForm('GET', `/offices/${officeOf(where)}/edit/services/s1/remove`),
  },
  {
    route: 'POST /offices/:slug/edit/services/:code/remove',
    targets: ['own', 'other'],
    allowed: CHARTER_EDITORS,
    succeeds: 303,
    request: async (where) => {
      const office = officeOf(where);
      await editAsAdmin(editorForm('POST', `/offices/${office}/edit/services/new`, SERVICE_FORM));
      const page = await app.inject({ url: `/offices/${office}/edit`, headers: { authorization: authorizations.get('system_admin') ?? '' } });
      const code = [...page.body.matchAll(/\/edit\/services\/(s\d+)"/g)].at(-1)?.[1] ?? '';
      return editorForm('POST', `/offices/${office}/edit/services/${code}/remove`);
    },
  },
  {
    route: 'POST /offices/:slug/edit/services/:code/move',
    targets: ['own', 'other'],
    allowed: CHARTER_EDITORS,
    succeeds: 303,
    request: async (where) => editorForm('POST', `/offices/${officeOf(where)}/edit/services/s1/move`, { direction: 'down' }),
  },
  {
    route: 'GET /offices/:slug/edit/office',
    targets: ['own', 'other'],
    allowed: CHARTER_EDITORS,
    request: async (where) => editorForm('GET', `/offices/${officeOf(where)}/edit/office`),
  },
  {
    route: 'POST /offices/:slug/edit/office',
    targets: ['own', 'other'],
    allowed: CHARTER_EDITORS,
    succeeds: 303,
    request: async (where) => editorForm('POST', `/offices/${officeOf(where)}/edit/office`, { office_name_bn: 'উপজেলা আইসিটি কার্যালয়', vision_bn: `ভিশন ${freshDate()}` }),
  },
  {
    route: 'GET /offices/:slug/edit/upload',
    targets: ['own', 'other'],
    allowed: CHARTER_EDITORS,
    request: async (where) => editorForm('GET', `/offices/${officeOf(where)}/edit/upload`),
  },
  {
    route: 'POST /offices/:slug/edit/upload',
    targets: ['own', 'other'],
    allowed: CHARTER_EDITORS,
    succeeds: 303,
    request: async (where) => {
      const office = officeOf(where) ?? '';
      const text = await readFile(path.join(PROJECT_ROOT, 'data', 'charters', SEED_FILES[office] ?? ''), 'utf8');
      return editorForm('POST', `/offices/${office}/edit/upload`, { text, action: 'use' });
    },
  },
  {
    route: 'POST /offices/:slug/edit/publish',
    targets: ['own', 'other'],
    allowed: CHARTER_EDITORS,
    succeeds: 303,
    request: async (where) => {
      const office = officeOf(where);
      // something to publish: a draft with a change in it
      await editAsAdmin(editorForm('POST', `/offices/${office}/edit/services/s1/move`, { direction: 'down' }));
      return editorForm('POST', `/offices/${office}/edit/publish`);
    },
  },
  {
    route: 'GET /offices/:slug/history',
    targets: ['own', 'other'],
    allowed: CHARTER_EDITORS,
    request: async (where) => editorForm('GET', `/offices/${officeOf(where)}/history`),
  },
  // user administration: `office` in the query (GET) or body (POST) names the office acted for
  {
    route: 'GET /admin/users',
    targets: ['own', 'other', 'national'],
    allowed: USER_MANAGERS,
    request: async (where) => ({ method: 'GET', url: `/admin/users${officeOf(where) ? `?office=${officeOf(where)}` : ''}`, headers: { accept: 'application/json' } }),
  },
  {
    route: 'POST /admin/users/invite',
    targets: ['own', 'other', 'national'],
    allowed: USER_MANAGERS,
    request: async (where) => userAdminRequest('/admin/users/invite', where, { email: `matrix-${serial++}@test.gov.bd`, name_bn: 'পরীক্ষা', role: 'office_staff' }),
  },
  {
    route: 'POST /admin/users/:id/grants',
    targets: ['own', 'other', 'national'],
    allowed: USER_MANAGERS,
    request: async (where) => userAdminRequest(`/admin/users/${await invitedUser(where)}/grants`, where, { role: 'officer' }),
  },
  {
    route: 'POST /admin/users/:id/revoke',
    targets: ['own', 'other', 'national'],
    allowed: USER_MANAGERS,
    request: async (where) => {
      const id = await invitedUser(where);
      const grant = await database.db.selectFrom('role_grants').select('id').where('user_id', '=', id).executeTakeFirstOrThrow();
      return userAdminRequest(`/admin/users/${id}/revoke`, where, { grant: grant.id });
    },
  },
  {
    route: 'POST /admin/users/:id/disable',
    targets: ['own', 'other', 'national'],
    allowed: USER_MANAGERS,
    request: async (where) => userAdminRequest(`/admin/users/${await invitedUser(where)}/disable`, where, {}),
  },
  {
    route: 'POST /admin/users/:id/enable',
    targets: ['own', 'other', 'national'],
    allowed: USER_MANAGERS,
    request: async (where) => userAdminRequest(`/admin/users/${await invitedUser(where)}/enable`, where, {}),
  },
  {
    route: 'POST /admin/users/:id/resend',
    targets: ['own', 'other', 'national'],
    allowed: USER_MANAGERS,
    request: async (where) => userAdminRequest(`/admin/users/${await invitedUser(where)}/resend`, where, {}),
  },
  {
    route: 'GET /admin/outbox',
    targets: ['national'],
    allowed: AUDIT_READERS,
    request: async () => ({ method: 'GET', url: '/admin/outbox', headers: { accept: 'application/json' } }),
  },
  // (calendar administration pages: cases go here)
  // calendar administration pages: the national calendar at /admin/calendar/:year, an office's at /offices/:slug/calendar
  {
    route: 'GET /admin/calendar/:year',
    targets: ['national'],
    allowed: CALENDAR_EDITORS,
    request: async () => editorForm('GET', '/admin/calendar/2027'),
  },
  {
    route: 'GET /admin/calendar/:year/:entry/new',
    targets: ['national'],
    allowed: CALENDAR_EDITORS,
    request: async () => editorForm('GET', '/admin/calendar/2027/holidays/new'),
  },
  {
    route: 'POST /admin/calendar/:year/:entry/new',
    targets: ['national'],
    allowed: CALENDAR_EDITORS,
    succeeds: 303,
    request: async () => editorForm('POST', '/admin/calendar/2027/holidays/new', { date: freshDate(), name_bn: 'পরীক্ষা', kind: 'general', action: 'save' }),
  },
  {
    route: 'GET /admin/calendar/:year/:entry/:id',
    targets: ['national'],
    allowed: CALENDAR_EDITORS,
    request: async (where) => {
      const { id } = await asAdmin({ method: 'POST', url: '/api/calendar/holidays', payload: holidayBody(where) });
      return editorForm('GET', `/admin/calendar/2027/holidays/${id}`);
    },
  },
  {
    route: 'POST /admin/calendar/:year/:entry/:id',
    targets: ['national'],
    allowed: CALENDAR_EDITORS,
    succeeds: 303,
    request: async (where) => {
      const { id } = await asAdmin({ method: 'POST', url: '/api/calendar/holidays', payload: holidayBody(where) });
      return editorForm('POST', `/admin/calendar/2027/holidays/${id}`, { date: freshDate(), name_bn: 'পরীক্ষা', kind: 'optional', action: 'save' });
    },
  },
  {
    route: 'GET /admin/calendar/:year/:entry/:id/remove',
    targets: ['national'],
    allowed: CALENDAR_EDITORS,
    request: async (where) => {
      const { id } = await asAdmin({ method: 'POST', url: '/api/calendar/special-working-days', payload: specialDayBody(where) });
      return editorForm('GET', `/admin/calendar/2027/working-days/${id}/remove`);
    },
  },
  {
    route: 'POST /admin/calendar/:year/:entry/:id/remove',
    targets: ['national'],
    allowed: CALENDAR_EDITORS,
    succeeds: 303,
    request: async (where) => {
      const { id } = await asAdmin({ method: 'POST', url: '/api/calendar/special-working-days', payload: specialDayBody(where) });
      return editorForm('POST', `/admin/calendar/2027/working-days/${id}/remove`, { action: 'remove' });
    },
  },
  {
    route: 'GET /offices/:slug/calendar',
    targets: ['own', 'other'],
    allowed: CALENDAR_EDITORS,
    request: async (where) => editorForm('GET', `/offices/${officeOf(where)}/calendar`),
  },
  {
    route: 'GET /offices/:slug/calendar/:entry/new',
    targets: ['own', 'other'],
    allowed: CALENDAR_EDITORS,
    request: async (where) => editorForm('GET', `/offices/${officeOf(where)}/calendar/working-days/new`),
  },
  {
    route: 'POST /offices/:slug/calendar/:entry/new',
    targets: ['own', 'other'],
    allowed: CALENDAR_EDITORS,
    succeeds: 303,
    request: async (where) => editorForm('POST', `/offices/${officeOf(where)}/calendar/holidays/new`, { date: freshDate(), name_bn: 'পরীক্ষা', action: 'save' }),
  },
  {
    route: 'GET /offices/:slug/calendar/:entry/:id',
    targets: ['own', 'other'],
    allowed: CALENDAR_EDITORS,
    request: async (where) => {
      const { id } = await asAdmin({ method: 'POST', url: '/api/calendar/holidays', payload: holidayBody(where) });
      return editorForm('GET', `/offices/${officeOf(where)}/calendar/holidays/${id}`);
    },
  },
  {
    route: 'POST /offices/:slug/calendar/:entry/:id',
    targets: ['own', 'other'],
    allowed: CALENDAR_EDITORS,
    succeeds: 303,
    request: async (where) => {
      const { id } = await asAdmin({ method: 'POST', url: '/api/calendar/special-working-days', payload: specialDayBody(where) });
      return editorForm('POST', `/offices/${officeOf(where)}/calendar/working-days/${id}`, { date: freshDate(), name_bn: 'কর্মদিবস', action: 'save' });
    },
  },
  {
    route: 'GET /offices/:slug/calendar/:entry/:id/remove',
    targets: ['own', 'other'],
    allowed: CALENDAR_EDITORS,
    request: async (where) => {
      const { id } = await asAdmin({ method: 'POST', url: '/api/calendar/holidays', payload: holidayBody(where) });
      return editorForm('GET', `/offices/${officeOf(where)}/calendar/holidays/${id}/remove`);
    },
  },
  {
    route: 'POST /offices/:slug/calendar/:entry/:id/remove',
    targets: ['own', 'other'],
    allowed: CALENDAR_EDITORS,
    succeeds: 303,
    request: async (where) => {
      const { id } = await asAdmin({ method: 'POST', url: '/api/calendar/holidays', payload: holidayBody(where) });
      return editorForm('POST', `/offices/${officeOf(where)}/calendar/holidays/${id}/remove`, { action: 'remove' });
    },
  },
  {
    route: 'GET /offices/:slug/calendar/hours',
    targets: ['own', 'other'],
    allowed: CALENDAR_EDITORS,
    request: async (where) => editorForm('GET', `/offices/${officeOf(where)}/calendar/hours`),
  },
  {
    route: 'POST /offices/:slug/calendar/hours',
    targets: ['own', 'other'],
    allowed: CALENDAR_EDITORS,
    succeeds: 303,
    request: async (where) => editorForm('POST', `/offices/${officeOf(where)}/calendar/hours`, { weekly_holidays: '5', opening: '09:00', closing: '17:00', action: 'save' }),
  },
  // (charter editor officers, GRS contacts, file upload: cases go here)
  ...((): Case[] => {
    // officers and GRS steps are named by their number on the draft's list: the last one, after a system administrator added it
    const lastNumber = async (office: string, part: 'officers' | 'grs') => {
      const page = await app.inject({ url: `/offices/${office}/edit/${part}`, headers: { authorization: authorizations.get('system_admin') ?? '' } });
      return Math.max(0, ...[...page.body.matchAll(new RegExp(`/edit/${part}/(\\d+)/remove"`, 'g'))].map((match) => Number(match[1])));
    };
    const officerForm = () => ({ name_bn: `পরীক্ষা কর্মকর্তা ${serial++}`, designation_bn: 'প্রোগ্রামার' });
    const grsForm = { level: '1', role_bn: 'অভিযোগ নিষ্পত্তি কর্মকর্তা', contact_bn: 'পরীক্ষা', time_limit: '৩০ কার্যদিবস', action: 'save' };
    const withAddedOfficer = async (where: Where) => {
      const office = officeOf(where) ?? '';
      await editAsAdmin(editorForm('POST', `/offices/${office}/edit/officers/new`, officerForm()));
      return { office, number: await lastNumber(office, 'officers') };
    };
    const withAddedGrs = async (where: Where) => {
      const office = officeOf(where) ?? '';
      await editAsAdmin(editorForm('POST', `/offices/${office}/edit/grs/new`, grsForm));
      return { office, number: await lastNumber(office, 'grs') };
    };
    const page = (route: string, url: (where: Where) => Promise<string>): Case => ({
      route,
      targets: ['own', 'other'],
      allowed: CHARTER_EDITORS,
      request: async (where) => editorForm('GET', await url(where)),
    });
    const post = (route: string, request: (where: Where) => Promise<InjectOptions>): Case => ({ route, targets: ['own', 'other'], allowed: CHARTER_EDITORS, succeeds: 303, request });
    return [
      page('GET /offices/:slug/edit/officers', async (where) => `/offices/${officeOf(where)}/edit/officers`),
      page('GET /offices/:slug/edit/officers/new', async (where) => `/offices/${officeOf(where)}/edit/officers/new`),
      post('POST /offices/:slug/edit/officers/new', async (where) => editorForm('POST', `/offices/${officeOf(where)}/edit/officers/new`, officerForm())),
      page('GET /offices/:slug/edit/officers/:number', async (where) => `/offices/${officeOf(where)}/edit/officers/1`),
      post('POST /offices/:slug/edit/officers/:number', async (where) => {
        const { office, number } = await withAddedOfficer(where);
        return editorForm('POST', `/offices/${office}/edit/officers/${number}`, { ...officerForm(), designation_bn: 'সহকারী প্রোগ্রামার' });
      }),
      page('GET /offices/:slug/edit/officers/:number/remove', async (where) => `/offices/${officeOf(where)}/edit/officers/1/remove`),
      post('POST /offices/:slug/edit/officers/:number/remove', async (where) => {
        const { office, number } = await withAddedOfficer(where);
        return editorForm('POST', `/offices/${office}/edit/officers/${number}/remove`);
      }),
      page('GET /offices/:slug/edit/grs', async (where) => `/offices/${officeOf(where)}/edit/grs`),
      page('GET /offices/:slug/edit/grs/new', async (where) => `/offices/${officeOf(where)}/edit/grs/new`),
      post('POST /offices/:slug/edit/grs/new', async (where) => editorForm('POST', `/offices/${officeOf(where)}/edit/grs/new`, grsForm)),
      page('GET /offices/:slug/edit/grs/:number', async (where) => {
        const { office, number } = await withAddedGrs(where);
        return `/offices/${office}/edit/grs/${number}`;
      }),
      post('POST /offices/:slug/edit/grs/:number', async (where) => {
        const { office, number } = await withAddedGrs(where);
        return editorForm('POST', `/offices/${office}/edit/grs/${number}`, { ...grsForm, time_limit: '২০ কার্যদিবস' });
      }),
      page('GET /offices/:slug/edit/grs/:number/remove', async (where) => {
        const { office, number } = await withAddedGrs(where);
        return `/offices/${office}/edit/grs/${number}/remove`;
      }),
      post('POST /offices/:slug/edit/grs/:number/remove', async (where) => {
        const { office, number } = await withAddedGrs(where);
        return editorForm('POST', `/offices/${office}/edit/grs/${number}/remove`);
      }),
    ];
  })(),
  // requests: the office's queue, desk registration, request page, actions
  ...(() => {
    const readers: Record<Where, Who[]> = {
      own: ['office_staff', 'officer', 'office_admin', 'supervisor_above', 'system_admin'],
      // a supervisor reads every office of their district: Jaintiapur's is supervisor_elsewhere's
      other: ['supervisor_elsewhere', 'system_admin'],
      national: [],
    };
    const handlers: Record<Where, Who[]> = { own: ['office_staff', 'officer', 'office_admin', 'system_admin'], other: ['system_admin'], national: [] };
    /** A fresh request of the office, so each allowed action has one to act on. */
    const received = async (where: Where) => {
      const slug = officeOf(where) ?? OWN;
      const office = { id: await requireOfficeId(database.db, slug), slug };
      const intake = { office, serviceCode: 's1', channel: 'in_person' as const, receivedAt: new Date(), citizen: { name: 'পরীক্ষা', mobile: '01712345678' }, details: '' };
      return { slug, number: (await receiveRequest(database.db, systemActor, intake)).tracking_number };
    };
    const dhakaNow = () => new Date(Date.now() + 6 * 3600_000 - 60_000).toISOString();
    const deskForm = () => ({ service: 's1', channel: 'in_person', received_date: dhakaNow().slice(0, 10), received_time: dhakaNow().slice(11, 16), name: 'পরীক্ষা', mobile: '01712345678' });
    const targets: Where[] = ['own', 'other'];
    return [
      { route: 'GET /offices/:slug/requests', targets, allowed: readers, request: async (where: Where) => editorForm('GET', `/offices/${officeOf(where)}/requests`) },
      { route: 'GET /offices/:slug/requests/new', targets, allowed: handlers, request: async (where: Where) => editorForm('GET', `/offices/${officeOf(where)}/requests/new`) },
      { route: 'POST /offices/:slug/requests/new', targets, allowed: handlers, succeeds: 303, request: async (where: Where) => editorForm('POST', `/offices/${officeOf(where)}/requests/new`, deskForm()) },
      {
        route: 'GET /offices/:slug/requests/:number',
        targets,
        allowed: readers,
        request: async (where: Where) => {
          const { slug, number } = await received(where);
          return editorForm('GET', `/offices/${slug}/requests/${number}`);
        },
      },
      {
        route: 'POST /offices/:slug/requests/:number/actions',
        targets,
        allowed: handlers,
        succeeds: 303,
        request: async (where: Where) => {
          const { slug, number } = await received(where);
          return editorForm('POST', `/offices/${slug}/requests/${number}/actions`, { action: 'accept' });
        },
      },
      // the messages sent about the office's requests hold citizens' numbers: its request readers only
      { route: 'GET /offices/:slug/messages', targets, allowed: readers, request: async (where: Where) => editorForm('GET', `/offices/${officeOf(where)}/messages`) },
      { route: 'GET /admin/messages', targets: ['national'] as Where[], allowed: AUDIT_READERS, request: async () => editorForm('GET', '/admin/messages') },
    ];
  })(),
  // (request attachments: cases go here)
  ...(() => {
    const readers: Record<Where, Who[]> = { own: ['office_staff', 'officer', 'office_admin', 'supervisor_above', 'system_admin'], other: ['supervisor_elsewhere', 'system_admin'], national: [] };
    const handlers: Record<Where, Who[]> = { own: ['office_staff', 'officer', 'office_admin', 'system_admin'], other: ['system_admin'], national: [] };
    const targets: Where[] = ['own', 'other'];
    /** A form with one small PDF, as a browser sends it. */
    const pdfForm = (url: string): InjectOptions => {
      const boundary = 'matrix-boundary';
      const payload = `--${boundary}\r\nContent-Disposition: form-data; name="attachments"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\n\r\n--${boundary}--\r\n`;
      return { method: 'POST', url, payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, accept: 'application/json' } };
    };
    /** A fresh request of the office with one file, added by the system administrator. */
    const withFile = async (where: Where) => {
      const slug = officeOf(where) ?? OWN;
      const intake = { office: { id: await requireOfficeId(database.db, slug), slug }, serviceCode: 's1', channel: 'in_person' as const, receivedAt: new Date(), citizen: { name: 'পরীক্ষা', mobile: '01712345678' }, details: '' };
      const { tracking_number: number, id: requestId } = await receiveRequest(database.db, systemActor, intake);
      await editAsAdmin(pdfForm(`/offices/${slug}/requests/${number}/attachments`));
      const file = await database.db.selectFrom('request_attachments').select('id').where('request_id', '=', requestId).executeTakeFirstOrThrow();
      return { slug, number, id: file.id };
    };
    return [
      {
        route: 'GET /offices/:slug/requests/:number/attachments',
        targets,
        allowed: readers,
        request: async (where: Where) => {
          const { slug, number } = await withFile(where);
          return editorForm('GET', `/offices/${slug}/requests/${number}/attachments`);
        },
      },
      {
        route: 'POST /offices/:slug/requests/:number/attachments',
        targets,
        allowed: handlers,
        succeeds: 303,
        request: async (where: Where) => {
          const { slug, number } = await withFile(where);
          return pdfForm(`/offices/${slug}/requests/${number}/attachments`);
        },
      },
      {
        route: 'GET /offices/:slug/requests/:number/attachments/:id',
        targets,
        allowed: readers,
        request: async (where: Where) => {
          const { slug, number, id } = await withFile(where);
          return editorForm('GET', `/offices/${slug}/requests/${number}/attachments/${id}`);
        },
      },
    ];
  })(),
  // (request transfer and rating: cases go here)
  ...(() => {
    // only those who handle the sending office's requests may transfer one (the rating is the citizen's, public)
    const handlers: Record<Where, Who[]> = { own: ['office_staff', 'officer', 'office_admin', 'system_admin'], other: ['system_admin'], national: [] };
    const targets: Where[] = ['own', 'other'];
    /** A fresh open request of the office, and the other seeded office to send it to. */
    const openRequest = async (where: Where) => {
      const slug = officeOf(where) ?? OWN;
      const intake = { office: { id: await requireOfficeId(database.db, slug), slug }, serviceCode: 's1', channel: 'in_person' as const, receivedAt: new Date(), citizen: { name: 'পরীক্ষা', mobile: '01712345678' }, details: '' };
      return { slug, number: (await receiveRequest(database.db, systemActor, intake)).tracking_number, to: slug === OWN ? OTHER : OWN };
    };
    return [
      {
        route: 'GET /offices/:slug/requests/:number/transfer',
        targets,
        allowed: handlers,
        request: async (where: Where) => {
          const { slug, number, to } = await openRequest(where);
          return editorForm('GET', `/offices/${slug}/requests/${number}/transfer?to=${to}`);
        },
      },
      {
        route: 'POST /offices/:slug/requests/:number/transfer',
        targets,
        allowed: handlers,
        succeeds: 303,
        request: async (where: Where) => {
          const { slug, number, to } = await openRequest(where);
          return editorForm('POST', `/offices/${slug}/requests/${number}/transfer`, { to, service: 's1' });
        },
      },
    ];
  })(),
  // (staff API and office API tokens: cases go here)
  // the staff API: the same readers and handlers as the request pages; an office's API tokens: its user managers
  ...(() => {
    const readers: Record<Where, Who[]> = { own: ['office_staff', 'officer', 'office_admin', 'supervisor_above', 'system_admin'], other: ['supervisor_elsewhere', 'system_admin'], national: [] };
    const handlers: Record<Where, Who[]> = { own: ['office_staff', 'officer', 'office_admin', 'system_admin'], other: ['system_admin'], national: [] };
    const targets: Where[] = ['own', 'other'];
    const slugOf = (where: Where) => officeOf(where) ?? OWN;
    const received = async (where: Where) => {
      const office = { id: await requireOfficeId(database.db, slugOf(where)), slug: slugOf(where) };
      const intake = { office, serviceCode: 's1', channel: 'in_person' as const, receivedAt: new Date(), citizen: { name: 'পরীক্ষা', mobile: '01712345678' }, details: '' };
      return (await receiveRequest(database.db, systemActor, intake)).tracking_number;
    };
    const api = (method: 'GET' | 'POST', url: string, payload?: object): InjectOptions => ({ method, url, ...(payload ? { payload } : {}) });
    /** A live token of the office, made by the system administrator on the office's page. */
    const officeToken = async (where: Where) => {
      const made = await app.inject({ ...editorForm('POST', `/offices/${slugOf(where)}/api-tokens`, { name: `matrix ${serial++}` }), headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: authorizations.get('system_admin') ?? '' } });
      assert.equal(made.statusCode, 201, made.body);
      const officeId = await requireOfficeId(database.db, slugOf(where));
      return (await database.db.selectFrom('api_tokens').select('id').where('office_id', '=', officeId).orderBy('id', 'desc').executeTakeFirstOrThrow()).id;
    };
    return [
      { route: 'GET /api/v1/offices/:slug/requests', targets, allowed: readers, request: async (where: Where) => api('GET', `/api/v1/offices/${slugOf(where)}/requests?view=overdue`) },
      {
        route: 'POST /api/v1/offices/:slug/requests',
        targets,
        allowed: handlers,
        request: async (where: Where) => api('POST', `/api/v1/offices/${slugOf(where)}/requests`, { service_code: 's1', channel: 'api', citizen: { name: 'পরীক্ষা', mobile: '01712345678' } }),
      },
      { route: 'GET /api/v1/offices/:slug/requests/:number', targets, allowed: readers, request: async (where: Where) => api('GET', `/api/v1/offices/${slugOf(where)}/requests/${await received(where)}`) },
      {
        route: 'POST /api/v1/offices/:slug/requests/:number/actions',
        targets,
        allowed: handlers,
        request: async (where: Where) => api('POST', `/api/v1/offices/${slugOf(where)}/requests/${await received(where)}/actions`, { action: 'accept' }),
      },
      { route: 'GET /api/v1/offices/:slug/staff', targets, allowed: handlers, request: async (where: Where) => api('GET', `/api/v1/offices/${slugOf(where)}/staff`) },
      { route: 'GET /offices/:slug/api-tokens', targets, allowed: USER_MANAGERS, request: async (where: Where) => editorForm('GET', `/offices/${slugOf(where)}/api-tokens`) },
      { route: 'POST /offices/:slug/api-tokens', targets, allowed: USER_MANAGERS, request: async (where: Where) => editorForm('POST', `/offices/${slugOf(where)}/api-tokens`, { name: `matrix ${serial++}` }) },
      {
        route: 'GET /offices/:slug/api-tokens/:id/revoke',
        targets,
        allowed: USER_MANAGERS,
        request: async (where: Where) => editorForm('GET', `/offices/${slugOf(where)}/api-tokens/${await officeToken(where)}/revoke`),
      },
      {
        route: 'POST /offices/:slug/api-tokens/:id/revoke',
        targets,
        allowed: USER_MANAGERS,
        succeeds: 303,
        request: async (where: Where) => editorForm('POST', `/offices/${slugOf(where)}/api-tokens/${await officeToken(where)}/revoke`),
      },
    ];
  })(),
  // (Open311: cases go here)
  // (user administration additions: cases go here)
  {
    route: 'GET /admin/users/:id/reset-2fa',
    targets: ['own', 'other', 'national'],
    allowed: USER_MANAGERS,
    request: async (where) => {
      const office = officeOf(where);
      return { method: 'GET', url: `/admin/users/${await invitedUser(where)}/reset-2fa${office ? `?office=${office}` : ''}`, headers: { accept: 'application/json' } };
    },
  },
  {
    route: 'POST /admin/users/:id/reset-2fa',
    targets: ['own', 'other', 'national'],
    allowed: USER_MANAGERS,
    request: async (where) => {
      const id = await invitedUser(where);
      // a second factor to reset (the reset only clears it, so any stored value will do)
      await database.db.updateTable('users').set({ totp_secret: 'JBSWY3DPEHPK3PXP', totp_enabled_at: new Date() }).where('id', '=', id).execute();
      return userAdminRequest(`/admin/users/${id}/reset-2fa`, where, {});
    },
  },
];

before(async () => {
  database = await openTestDatabase();
  await seedCharters(database.db);
  app = await buildApp({ db: database.db });
  await app.ready();
  const db = database.db;
  const districtOf = async (slug: string) => {
    const ancestry = await findOfficeAncestry(db, await requireOfficeId(db, slug));
    const district = await db.selectFrom('places').select('slug').where('id', 'in', ancestry?.placeIds ?? []).where('kind', '=', 'district').executeTakeFirstOrThrow();
    return district.slug;
  };
  const scopes: Partial<Record<Who, [Role | null, ScopeRequest?]>> = {
    no_role: [null],
    office_staff: ['office_staff', { kind: 'office', slug: OWN }],
    officer: ['officer', { kind: 'office', slug: OWN }],
    office_admin: ['office_admin', { kind: 'office', slug: OWN }],
    supervisor_above: ['supervisor', { kind: 'district', slug: await districtOf(OWN) }],
    supervisor_elsewhere: ['supervisor', { kind: 'district', slug: await districtOf(OTHER) }],
    system_admin: ['system_admin'],
  };
  for (const [who, [role, scope]] of Object.entries(scopes) as [Who, [Role | null, ScopeRequest?]][]) {
    authorizations.set(who, (await createTestUser(db, role, scope)).authorization);
  }
});
after(async () => {
  await app.close();
  await database.drop();
});

test('every route that needs a permission is in this matrix', () => {
  const guarded = app
    .declaredAccess()
    .filter((route) => typeof route.access === 'object' && route.method !== 'HEAD')
    .map((route) => `${String(route.method)} ${route.url}`);
  assert.deepEqual(guarded.sort(), CASES.map((c) => c.route).sort());
});

for (const routeCase of CASES) {
  test(`${routeCase.route}: each role gets the expected answer for its own office, another office and the country`, async () => {
    const wrong: string[] = [];
    for (const where of routeCase.targets) {
      for (const who of EVERYONE) {
        const request = await routeCase.request(where);
        const authorization = authorizations.get(who);
        const response = await app.inject({ ...request, headers: { ...(request.headers ?? {}), ...(authorization ? { authorization } : {}) } });
        const allowed = routeCase.allowed[where].includes(who);
        const expected = allowed ? '2xx' : who === 'anonymous' ? '401' : '403';
        const succeeded = response.statusCode === routeCase.succeeds || (response.statusCode >= 200 && response.statusCode < 300);
        const got = allowed && succeeded ? '2xx' : String(response.statusCode);
        if (got !== expected) wrong.push(`${who} on ${where}: ${got} (expected ${expected}) ${response.body.slice(0, 120)}`);
        if (!allowed) {
          // a refusal is an error and nothing else: no data of the thing asked for
          const body = response.json() as Record<string, unknown>;
          if (Object.keys(body).sort().join(',') !== 'error,field,message_bn,message_en') wrong.push(`${who} on ${where}: refusal carries ${Object.keys(body).join(',')}`);
        }
      }
    }
    assert.deepEqual(wrong, []);
  });
}
