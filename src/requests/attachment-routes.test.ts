// A request's files over HTTP: given by the citizen on the online form (stored with the request
// or not at all), added by staff, and downloaded only by the staff of the request's office.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { createTestUser, type TestUser } from '../accounts/test-support.ts';
import { loadPublishedCharter } from '../charters/index.ts';
import { toBanglaDigits } from '../core/format.ts';
import { findOfficeAncestry, requireOfficeId } from '../offices/index.ts';
import { openSeededApp, type SeededApp } from '../test-support.ts';
import { multipartBody, pdfOfSize, SAMPLE_EXE, SAMPLE_HTML, SAMPLE_JPEG, SAMPLE_PDF, SAMPLE_PNG, SAMPLE_TEXT, type FilePart } from './attachment-test-support.ts';
import { ATTACHMENT_LIMITS } from './attachments.ts';
import { receiveRequest } from './request-service.ts';

const JESSORE = 'doict-sadar-jessore';
const JAINTIAPUR = 'doict-jaintiapur-sylhet';

let seeded: SeededApp;
let jessoreStaff: TestUser;
let jessoreSupervisor: TestUser;
let jaintiapurStaff: TestUser;
let serviceCode: string;
let jessore: { id: number; slug: string };
let jaintiapur: { id: number; slug: string };
let serial = 0;

before(async () => {
  seeded = await openSeededApp();
  const { db } = seeded.database;
  jessoreStaff = await createTestUser(db, 'office_staff', { kind: 'office', slug: JESSORE });
  jaintiapurStaff = await createTestUser(db, 'office_staff', { kind: 'office', slug: JAINTIAPUR });
  // a reader of Jessore's requests who may not handle them
  jessore = { id: await requireOfficeId(db, JESSORE), slug: JESSORE };
  const ancestry = await findOfficeAncestry(db, jessore.id);
  const district = await db.selectFrom('places').select('slug').where('id', 'in', ancestry?.placeIds ?? []).where('kind', '=', 'district').executeTakeFirstOrThrow();
  jessoreSupervisor = await createTestUser(db, 'supervisor', { kind: 'district', slug: district.slug });
  jaintiapur = { id: await requireOfficeId(db, JAINTIAPUR), slug: JAINTIAPUR };
  const charter = await loadPublishedCharter(db, JESSORE);
  const service = charter.services[0];
  assert.ok(service, 'the Jessore charter has a service');
  serviceCode = service.code;
});
after(() => seeded.close());

const desk = { userId: null, label: 'desk@test.gov.bd', ip: '127.0.0.1' };
const as = (user: TestUser) => ({ authorization: user.authorization });
const applyUrl = () => `/offices/${JESSORE}/services/${serviceCode}/apply`;
const cookiesOf = (response: LightMyRequestResponse) => Object.fromEntries(response.cookies.map((cookie) => [cookie.name, cookie.value]));
const csrfOf = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '';
const trackingNumberOf = (body: string) => /id="tracking-number"[^>]*>([^<]+)</.exec(body)?.[1] ?? '';

async function deskRequest(office: { id: number; slug: string } = jessore) {
  return receiveRequest(seeded.database.db, desk, {
    office,
    serviceCode: 's1',
    channel: 'in_person',
    receivedAt: new Date(),
    citizen: { name: 'রহিম উদ্দিন', mobile: '01712345678' },
    details: '',
  });
}

/** A fresh applicant: each online application its own mobile number and address, clear of the hourly and daily limits. */
function applicant() {
  serial += 1;
  return { fields: { name: 'করিম মিয়া', mobile: `0171${String(2_000_000 + serial).padStart(7, '0')}`, details: 'জন্ম সনদ' }, remoteAddress: `10.9.0.${serial}` };
}

/** Opens the form as a browser does and posts it as multipart/form-data with these files. */
async function applyWith(files: readonly FilePart[], options: { csrf?: boolean; fields?: Record<string, string> } = {}) {
  const who = applicant();
  const page = await seeded.app.inject({ url: applyUrl(), remoteAddress: who.remoteAddress });
  assert.equal(page.statusCode, 200);
  const fields = { ...who.fields, ...options.fields, ...(options.csrf === false ? {} : { _csrf: csrfOf(page.body) }) };
  const body = multipartBody(fields, files);
  const response = await seeded.app.inject({ method: 'POST', url: `${applyUrl()}?lang=en`, remoteAddress: who.remoteAddress, cookies: cookiesOf(page), ...body });
  return { response, mobile: who.fields.mobile };
}

async function countRows(table: 'service_requests' | 'request_attachments'): Promise<number> {
  const row = await seeded.database.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function storedFiles(trackingNumber: string) {
  return seeded.database.db
    .selectFrom('request_attachments as a')
    .innerJoin('service_requests as r', 'r.id', 'a.request_id')
    .select(['a.id', 'a.file_name', 'a.media_type', 'a.size_bytes', 'a.content', 'a.given_by', 'a.uploaded_by_user_id'])
    .where('r.tracking_number', '=', trackingNumber)
    .orderBy('a.id')
    .execute();
}

/** Staff adding files with their API token (no CSRF token needed). */
function addFiles(trackingNumber: string, files: readonly FilePart[], user: TestUser = jessoreStaff, office = JESSORE) {
  const body = multipartBody({}, files);
  return seeded.app.inject({ method: 'POST', url: `/offices/${office}/requests/${trackingNumber}/attachments?lang=en`, ...body, headers: { ...body.headers, ...as(user) } });
}

function download(trackingNumber: string, id: number, user?: TestUser, office = JESSORE, extra: InjectOptions = {}) {
  return seeded.app.inject({ url: `/offices/${office}/requests/${trackingNumber}/attachments/${id}`, ...extra, headers: { ...(user ? as(user) : {}), ...(extra.headers ?? {}) } });
}

test('the online form is multipart with a file input for PDF, JPEG and PNG files', async () => {
  const page = await seeded.app.inject({ url: `${applyUrl()}?lang=en` });
  assert.match(page.body, /<form[^>]+enctype="multipart\/form-data"/);
  assert.match(page.body, /<input id="f-attachments" name="attachments" type="file" accept=".pdf,.jpg,.jpeg,.png" multiple/);
  assert.match(page.body, /at most 5 MB each and 5 at a time/);
});

test('an online application with a PDF, a JPEG and a PNG stores the three with the request, as the citizen gave them', async () => {
  const { response } = await applyWith([
    { filename: 'জন্ম নিবন্ধন.pdf', bytes: SAMPLE_PDF, type: 'application/pdf' },
    { filename: 'photo.jpg', bytes: SAMPLE_JPEG, type: 'image/jpeg' },
    { filename: 'C:\\fakepath\\nid.png', bytes: SAMPLE_PNG, type: 'image/png' },
  ]);
  assert.equal(response.statusCode, 200, response.body);
  const number = trackingNumberOf(response.body);
  assert.ok(number, 'the confirmation shows the tracking number');
  const files = await storedFiles(number);
  assert.deepEqual(
    files.map((file) => [file.file_name, file.media_type, file.size_bytes, file.given_by, file.uploaded_by_user_id]),
    [
      ['জন্ম নিবন্ধন.pdf', 'application/pdf', SAMPLE_PDF.length, 'citizen', null],
      ['photo.jpg', 'image/jpeg', SAMPLE_JPEG.length, 'citizen', null],
      ['nid.png', 'image/png', SAMPLE_PNG.length, 'citizen', null],
    ],
  );
  assert.deepEqual(new Uint8Array(files[1]?.content ?? []), SAMPLE_JPEG);
});

test('the online form still works with no file and as a plain urlencoded post', async () => {
  const multipart = await applyWith([{ filename: '', bytes: new Uint8Array() }]);
  assert.equal(multipart.response.statusCode, 200, multipart.response.body);
  assert.deepEqual(await storedFiles(trackingNumberOf(multipart.response.body)), []);

  const who = applicant();
  const page = await seeded.app.inject({ url: applyUrl(), remoteAddress: who.remoteAddress });
  const response = await seeded.app.inject({
    method: 'POST',
    url: applyUrl(),
    remoteAddress: who.remoteAddress,
    cookies: cookiesOf(page),
    payload: new URLSearchParams({ ...who.fields, _csrf: csrfOf(page.body) }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(response.statusCode, 200, response.body);
  assert.ok(trackingNumberOf(response.body));
});

test('a refused file on the online form creates no request and stores nothing; the form comes back with what was typed and the error beside the field', async () => {
  const cases: { files: FilePart[]; status: number; says: RegExp }[] = [
    { files: [{ filename: 'invoice.pdf', bytes: SAMPLE_EXE, type: 'application/pdf' }], status: 415, says: /“invoice\.pdf”: A file is not a PDF, JPEG or PNG/ },
    { files: [{ filename: 'page.pdf', bytes: SAMPLE_HTML, type: 'application/pdf' }], status: 415, says: /“page\.pdf”: A file is not a PDF/ },
    { files: [{ filename: 'photo.png', bytes: SAMPLE_TEXT, type: 'image/png' }], status: 415, says: /“photo\.png”: A file is not a PDF/ },
    { files: [{ filename: 'ok.pdf', bytes: SAMPLE_PDF }, { filename: 'huge.pdf', bytes: pdfOfSize(ATTACHMENT_LIMITS.maxBytes + 1) }], status: 413, says: /“huge\.pdf”: A file is larger than 5 MB/ },
    { files: Array.from({ length: 6 }, (_, index) => ({ filename: `page-${index}.pdf`, bytes: SAMPLE_PDF })), status: 400, says: /Too many files/ },
  ];
  for (const { files, status, says } of cases) {
    const [requestsBefore, filesBefore] = [await countRows('service_requests'), await countRows('request_attachments')];
    const { response, mobile } = await applyWith(files, { fields: { address: 'যশোর সদর' } });
    assert.equal(response.statusCode, status, response.body.slice(0, 300));
    assert.match(response.body, /<p class="error-message" id="f-attachments-error">[^<]*choose the files again/);
    assert.match(response.body, says);
    assert.match(response.body, /<a href="#f-attachments">/, 'the error summary links to the file field');
    assert.match(response.body, new RegExp(`name="mobile" type="tel" value="${mobile}"`), 'what was typed is kept');
    assert.match(response.body, /যশোর সদর/);
    assert.equal(await countRows('service_requests'), requestsBefore, 'no request was made');
    assert.equal(await countRows('request_attachments'), filesBefore, 'no file was stored');
  }
});

test('more files than the parser takes at all are refused (413) with nothing stored', async () => {
  const [requestsBefore, filesBefore] = [await countRows('service_requests'), await countRows('request_attachments')];
  const { response } = await applyWith(Array.from({ length: ATTACHMENT_LIMITS.perUpload + 3 }, (_, index) => ({ filename: `page-${index}.pdf`, bytes: SAMPLE_PDF })));
  assert.equal(response.statusCode, 413, response.body.slice(0, 300));
  assert.equal(await countRows('service_requests'), requestsBefore);
  assert.equal(await countRows('request_attachments'), filesBefore);
});

test('a file of exactly 5 MB is taken on the online form', async () => {
  const { response } = await applyWith([{ filename: 'scan.pdf', bytes: pdfOfSize(ATTACHMENT_LIMITS.maxBytes) }]);
  assert.equal(response.statusCode, 200, response.body.slice(0, 300));
  const [file] = await storedFiles(trackingNumberOf(response.body));
  assert.equal(file?.size_bytes, 5 * 1024 * 1024);
});

test('the multipart form is refused without its CSRF token, and nothing is stored', async () => {
  const [requestsBefore, filesBefore] = [await countRows('service_requests'), await countRows('request_attachments')];
  const { response } = await applyWith([{ filename: 'scan.pdf', bytes: SAMPLE_PDF }], { csrf: false });
  assert.equal(response.statusCode, 403);
  assert.equal(await countRows('service_requests'), requestsBefore);
  assert.equal(await countRows('request_attachments'), filesBefore);
});

test('a malformed multipart body is a 400 naming the problem, not a 500, on the online form and the staff form', async () => {
  const malformed = [
    { payload: '--', contentType: 'multipart/form-data' },
    { payload: 'no parts at all', contentType: 'multipart/form-data; boundary=xyz' },
    // cut off in a file, and in a field after a whole part: the parser fails with part of the body read
    { payload: '--xyz\r\nContent-Disposition: form-data; name="attachments"; filename="a.pdf"\r\n\r\n%PDF-1.4 cut off', contentType: 'multipart/form-data; boundary=xyz' },
    { payload: '--xyz\r\nContent-Disposition: form-data; name="name"\r\n\r\nRahim\r\n--xyz\r\nContent-Disposition: form-data; name="mobile"\r\n\r\n017', contentType: 'multipart/form-data; boundary=xyz' },
  ];
  for (const { payload, contentType } of malformed) {
    const online = await seeded.app.inject({ method: 'POST', url: `${applyUrl()}?lang=en`, payload, headers: { 'content-type': contentType, accept: 'application/json' } });
    assert.equal(online.statusCode, 400, `${JSON.stringify(payload)}: ${online.body.slice(0, 300)}`);
    assert.equal((online.json() as { error: string }).error, 'invalid_multipart');
    const staff = await addFilesRaw(payload, contentType);
    assert.equal(staff.statusCode, 400, `${JSON.stringify(payload)}: ${staff.body.slice(0, 300)}`);
  }
});

async function addFilesRaw(payload: string, contentType: string) {
  const request = await deskRequest();
  return seeded.app.inject({ method: 'POST', url: `/offices/${JESSORE}/requests/${request.tracking_number}/attachments?lang=en`, payload, headers: { 'content-type': contentType, ...as(jessoreStaff) } });
}

test('staff add files to a request: stored as theirs, an internal event and the audit row request.attach, listed with size and type', async () => {
  const request = await deskRequest();
  const response = await addFiles(request.tracking_number, [
    { filename: 'আবেদন.pdf', bytes: SAMPLE_PDF },
    { filename: 'photo.png', bytes: SAMPLE_PNG },
  ]);
  assert.equal(response.statusCode, 303, response.body);
  assert.equal(response.headers.location, `/offices/${JESSORE}/requests/${request.tracking_number}/attachments?done=attached`);
  const files = await storedFiles(request.tracking_number);
  assert.deepEqual(
    files.map((file) => [file.file_name, file.given_by, file.uploaded_by_user_id]),
    [
      ['আবেদন.pdf', 'staff', jessoreStaff.id],
      ['photo.png', 'staff', jessoreStaff.id],
    ],
  );
  const { db } = seeded.database;
  const event = await db.selectFrom('request_events').selectAll().where('request_id', '=', request.id).where('action', '=', 'attach').executeTakeFirstOrThrow();
  assert.equal(event.public, false);
  assert.equal(event.note, 'আবেদন.pdf\nphoto.png');
  const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'request.attach').where('subject_id', '=', request.tracking_number).executeTakeFirstOrThrow();
  assert.equal(audit.actor_user_id, jessoreStaff.id);
  assert.equal(audit.office_id, jessore.id);

  const bn = await seeded.app.inject({ url: `/offices/${JESSORE}/requests/${request.tracking_number}/attachments?lang=bn`, headers: as(jessoreStaff) });
  assert.equal(bn.statusCode, 200);
  assert.match(bn.body, new RegExp(`${toBanglaDigits(String(SAMPLE_PDF.length))} বাইট`), 'sizes in Bangla digits');
  assert.match(bn.body, />PDF</);
  assert.match(bn.body, new RegExp(`href="/offices/${JESSORE}/requests/${request.tracking_number}/attachments/${files[0]?.id}"`));
  assert.match(bn.body, /enctype="multipart\/form-data"/, 'a handler gets the form to add more');
  const en = await seeded.app.inject({ url: `/offices/${JESSORE}/requests/${request.tracking_number}/attachments?lang=en&done=attached`, headers: as(jessoreStaff) });
  assert.match(en.body, new RegExp(`${SAMPLE_PNG.length} bytes`));
  assert.match(en.body, /The files were added\./);

  const page = await seeded.app.inject({ url: `/offices/${JESSORE}/requests/${request.tracking_number}?lang=en`, headers: as(jessoreStaff) });
  assert.match(page.body, new RegExp(`href="/offices/${JESSORE}/requests/${request.tracking_number}/attachments"`), 'the request page leads to its files');
  assert.match(page.body, /Files added/, 'the history names the event');
});

test('a reader who may not handle requests sees the files but no form to add them', async () => {
  const request = await deskRequest();
  assert.equal((await addFiles(request.tracking_number, [{ filename: 'a.pdf', bytes: SAMPLE_PDF }])).statusCode, 303);
  const page = await seeded.app.inject({ url: `/offices/${JESSORE}/requests/${request.tracking_number}/attachments?lang=en`, headers: as(jessoreSupervisor) });
  assert.equal(page.statusCode, 200, page.body.slice(0, 300));
  assert.match(page.body, /a\.pdf/);
  assert.doesNotMatch(page.body, /enctype="multipart\/form-data"/);
  const refused = await addFiles(request.tracking_number, [{ filename: 'b.pdf', bytes: SAMPLE_PDF }], jessoreSupervisor);
  assert.equal(refused.statusCode, 403);
});

test('staff uploads are checked alike: the wrong type 415, over 5 MB 413, exactly 5 MB taken, none chosen 400', async () => {
  const request = await deskRequest();
  const html = await addFiles(request.tracking_number, [{ filename: 'report.pdf', bytes: SAMPLE_HTML, type: 'application/pdf' }]);
  assert.equal(html.statusCode, 415);
  assert.match(html.body, /“report\.pdf”: A file is not a PDF, JPEG or PNG/);
  const big = await addFiles(request.tracking_number, [{ filename: 'big.pdf', bytes: pdfOfSize(ATTACHMENT_LIMITS.maxBytes + 1) }]);
  assert.equal(big.statusCode, 413);
  const none = await addFiles(request.tracking_number, [{ filename: '', bytes: new Uint8Array() }]);
  assert.equal(none.statusCode, 400);
  assert.match(none.body, /Choose at least one file/);
  assert.deepEqual(await storedFiles(request.tracking_number), []);
  const exact = await addFiles(request.tracking_number, [{ filename: 'exact.pdf', bytes: pdfOfSize(ATTACHMENT_LIMITS.maxBytes) }]);
  assert.equal(exact.statusCode, 303);
  assert.equal((await storedFiles(request.tracking_number)).length, 1);
});

test('a request takes at most 20 files in all', async () => {
  const request = await deskRequest();
  const five = Array.from({ length: 5 }, (_, index) => ({ filename: `page-${index}.pdf`, bytes: SAMPLE_PDF }));
  for (let round = 0; round < 4; round += 1) assert.equal((await addFiles(request.tracking_number, five)).statusCode, 303);
  const more = await addFiles(request.tracking_number, [{ filename: 'one-more.pdf', bytes: SAMPLE_PDF }]);
  assert.equal(more.statusCode, 400);
  assert.match(more.body, /20 in all/);
  assert.equal((await storedFiles(request.tracking_number)).length, 20);
});

test('staff of the office download a file: its exact bytes, its detected type, saved (never shown) under its Bangla name, never cached', async () => {
  const request = await deskRequest();
  assert.equal((await addFiles(request.tracking_number, [{ filename: 'জন্ম সনদ.png', bytes: SAMPLE_PDF, type: 'image/png' }])).statusCode, 303);
  const [file] = await storedFiles(request.tracking_number);
  assert.ok(file);
  const response = await download(request.tracking_number, file.id, jessoreStaff);
  assert.equal(response.statusCode, 200);
  assert.deepEqual(new Uint8Array(response.rawPayload), SAMPLE_PDF);
  assert.equal(response.headers['content-type'], 'application/pdf');
  assert.equal(response.headers['x-content-type-options'], 'nosniff');
  assert.equal(response.headers['cache-control'], 'private, no-store');
  const disposition = String(response.headers['content-disposition']);
  assert.match(disposition, /^attachment; filename="[^"]*\.png\.pdf"; filename\*=UTF-8''/);
  assert.equal(decodeURIComponent(disposition.split("UTF-8''")[1] ?? ''), 'জন্ম সনদ.png.pdf');
  // a reader of the office downloads too
  assert.equal((await download(request.tracking_number, file.id, jessoreSupervisor)).statusCode, 200);
});

test('a file is never served across offices: other staff 403, nobody signed in 401, another office\'s id under this office 404', async () => {
  const request = await deskRequest();
  assert.equal((await addFiles(request.tracking_number, [{ filename: 'a.pdf', bytes: SAMPLE_PDF }])).statusCode, 303);
  const [file] = await storedFiles(request.tracking_number);
  assert.ok(file);
  assert.equal((await download(request.tracking_number, file.id, jaintiapurStaff)).statusCode, 403);
  assert.equal((await download(request.tracking_number, file.id, undefined, JESSORE, { headers: { accept: 'application/json' } })).statusCode, 401);
  const browser = await download(request.tracking_number, file.id);
  assert.ok([302, 303].includes(browser.statusCode), `a browser is sent to sign in (${browser.statusCode})`);

  // Jaintiapur's own request, asked for with Jessore's file id: not found, though the id exists
  const theirs = await deskRequest(jaintiapur);
  const crossed = await download(theirs.tracking_number, file.id, jaintiapurStaff, JAINTIAPUR);
  assert.equal(crossed.statusCode, 404);
  assert.equal(crossed.rawPayload.includes(Buffer.from(SAMPLE_PDF)), false);
  // the file under another of Jessore's requests is not found either
  const other = await deskRequest();
  assert.equal((await download(other.tracking_number, file.id, jessoreStaff)).statusCode, 404);
  assert.equal((await download(request.tracking_number, file.id + 100_000, jessoreStaff)).statusCode, 404);
  assert.equal((await download(request.tracking_number, Number.NaN, jessoreStaff)).statusCode, 400);
});
