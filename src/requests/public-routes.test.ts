// The citizen's side as a browser and an API client use it: applying online for a service of
// the seeded Jessore charter, then tracking the request by its number and the mobile's digits.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadPublishedCharter } from '../charters/index.ts';
import type { Actor } from '../core/actor.ts';
import { formatDate, toBanglaDigits } from '../core/format.ts';
import { requireOfficeId } from '../offices/index.ts';
import { openSeededApp, type SeededApp } from '../test-support.ts';
import { actOnRequest } from './request-service.ts';
import { formatTrackingNumber } from './tracking-number.ts';
import { TRACKING_GUESSES } from './tracking.ts';

const JESSORE = 'doict-sadar-jessore';
const staff: Actor = { userId: null, label: 'desk@test.gov.bd', ip: null };

let seeded: SeededApp;
let app: FastifyInstance;
let officeId: number;
/** a Jessore service promised in working days, and one with no fixed limit (if the seed has one) */
let service: { code: string; name_bn: string };

before(async () => {
  seeded = await openSeededApp();
  ({ app } = seeded);
  officeId = await requireOfficeId(seeded.database.db, JESSORE);
  const charter = await loadPublishedCharter(seeded.database.db, JESSORE);
  const counted = charter.services.find((s) => s.time_limit.unit === 'working_day' && s.name_bn);
  assert.ok(counted?.name_bn, 'the Jessore seed has a service promised in working days');
  service = { code: counted.code, name_bn: counted.name_bn };
});
after(() => seeded.close());

const applyUrl = (code = service.code, slug = JESSORE) => `/offices/${slug}/services/${code}/apply`;

function form(fields: Record<string, string>) {
  return { payload: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
}
const cookiesOf = (response: LightMyRequestResponse) => Object.fromEntries(response.cookies.map((cookie) => [cookie.name, cookie.value]));
const csrfOf = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '';
const trackingNumberOf = (body: string) => /id="tracking-number"[^>]*>([^<]+)</.exec(body)?.[1] ?? '';

/** Opens the form's page as a browser does and posts the fields with its token and cookies. */
async function submit(pageUrl: string, action: string, fields: Record<string, string>, remoteAddress = '127.0.0.1') {
  const page = await app.inject({ url: pageUrl, remoteAddress });
  assert.equal(page.statusCode, 200, page.body);
  return app.inject({ method: 'POST', url: action, remoteAddress, cookies: cookiesOf(page), ...form({ ...fields, _csrf: csrfOf(page.body) }) });
}

const apply = (fields: Record<string, string>, code = service.code) => submit(applyUrl(code), applyUrl(code), fields);
const track = (fields: Record<string, string>, remoteAddress?: string, pageUrl = '/track') => submit(pageUrl, '/track', fields, remoteAddress);

async function requestRow(trackingNumber: string) {
  return seeded.database.db.selectFrom('service_requests').selectAll().where('tracking_number', '=', trackingNumber).executeTakeFirst();
}

async function countRequests(): Promise<number> {
  const row = await seeded.database.db.selectFrom('service_requests').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Applies with good answers and returns the tracking number the confirmation shows. */
async function applied(mobile = '০১৭১২-৩৪৫৬৭৮'): Promise<string> {
  const response = await apply({ name: 'রহিম উদ্দিন', mobile, email: '', address: 'ঝুমঝুমপুর, যশোর', details: 'ইন্টারনেট সংযোগ প্রয়োজন' });
  assert.equal(response.statusCode, 200, response.body);
  const number = trackingNumberOf(response.body);
  assert.ok(number, 'the confirmation shows a tracking number');
  return number;
}

test('the apply page shows the service (fee, time limit, documents) and a form with its CSRF token, never cached', async () => {
  const response = await app.inject(applyUrl());
  assert.equal(response.statusCode, 200);
  assert.equal(response.headers['cache-control'], 'no-store');
  assert.ok(response.body.includes(service.name_bn));
  for (const label of ['সেবার মূল্য ও পরিশোধ পদ্ধতি', 'সেবা প্রদানের সময়সীমা', 'প্রয়োজনীয় কাগজপত্র ও প্রাপ্তিস্থান', 'মোবাইল নম্বর', 'আবেদন জমা দিন']) {
    assert.ok(response.body.includes(label), label);
  }
  assert.ok(csrfOf(response.body), 'the form carries a CSRF token');
  const english = await app.inject(`${applyUrl()}?lang=en`);
  assert.match(english.body, /Submit application/);
  assert.match(english.body, /<html lang="en">/);
});

test('a citizen applies with a mobile number in Bangla digits and is given a tracking number that is in the database', async () => {
  const response = await apply({ name: 'রহিম উদ্দিন', mobile: '০১৭১২-৩৪৫৬৭৮', email: 'rahim@example.com', address: '', details: 'দ্রুত প্রয়োজন' });
  assert.equal(response.statusCode, 200, response.body);
  assert.equal(response.headers['cache-control'], 'no-store');
  const number = trackingNumberOf(response.body);
  assert.match(number, /^[A-Z]{2,6}-\d{4}-\d{6}-\d$/);
  const row = await requestRow(number);
  assert.ok(row, 'the request is stored');
  assert.equal(row.channel, 'online');
  assert.equal(row.citizen_mobile, '01712345678');
  assert.equal(row.citizen_email, 'rahim@example.com');
  assert.equal(row.service_code, service.code);
  assert.equal(row.created_by_user_id, null);
  assert.ok(row.due_at, 'a service with a working-day limit has a due moment');
  assert.ok(response.body.includes(formatDate('bn', row.due_at, 'weekday_year')), 'the due date, in Bangla digits');
  assert.match(response.body, /আবেদন জমা হয়েছে/);
  assert.ok(response.body.includes(`href="/track?number=${encodeURIComponent(number)}"`), 'a link to track it');
  const [event] = await seeded.database.db.selectFrom('request_events').selectAll().where('request_id', '=', row.id).execute();
  assert.equal(event?.actor_label, 'citizen');
});

test('applying writes the receipt SMS and e-mail with the request; sending the same form again makes no second request', async () => {
  const page = await app.inject({ url: applyUrl() });
  const fields = { name: 'করিম', mobile: '01812345678', email: 'karim@example.com', address: '', details: '', _csrf: csrfOf(page.body), submission: /name="submission" value="([0-9a-f]{32})"/.exec(page.body)?.[1] ?? '' };
  assert.match(fields.submission, /^[0-9a-f]{32}$/, 'the form carries its one-time key');
  const post = () => app.inject({ method: 'POST', url: applyUrl(), cookies: cookiesOf(page), ...form(fields) });
  const first = await post();
  const again = await post();
  const number = trackingNumberOf(first.body);
  assert.equal(trackingNumberOf(again.body), number, 'the refreshed confirmation shows the same request');
  const messages = await seeded.database.db.selectFrom('notifications').selectAll().where('subject_id', '=', number).orderBy('id').execute();
  assert.deepEqual(messages.map((m) => [m.channel, m.recipient, m.status]), [
    ['sms', '01812345678', 'queued'],
    ['email', 'karim@example.com', 'queued'],
  ]);
  assert.ok(messages[0]?.body.includes(number), 'the SMS gives the tracking number');
  assert.ok((messages[0]?.segments ?? 9) <= 2);
});

test('a refused application comes back with what was typed and each field named, and nothing is stored', async () => {
  const before = await countRequests();
  const response = await apply({ name: '  ', mobile: '১২৩', email: 'not-an-address', address: 'বাড়ি <১২>', details: 'লাইন এক\nলাইন "দুই"' });
  assert.equal(response.statusCode, 400);
  assert.equal(response.headers['cache-control'], 'no-store');
  const body = response.body;
  assert.match(body, /class="error-summary"/);
  assert.ok(body.includes('href="#f-name"') && body.includes('href="#f-mobile"') && body.includes('href="#f-email"'), 'every field at fault is listed');
  assert.ok(body.includes('আপনার নাম: '), 'the name field is named');
  assert.ok(body.includes('value="১২৩"'), 'the mobile number is kept as typed');
  assert.ok(body.includes('value="not-an-address"'));
  assert.ok(body.includes('বাড়ি &lt;১২&gt;'), 'the address is kept, escaped');
  assert.ok(body.includes('লাইন এক\nলাইন &quot;দুই&quot;'), 'the details are kept, escaped');
  assert.ok(body.includes('aria-invalid="true"'));
  assert.ok(csrfOf(body), 'the form comes back with a fresh token');
  assert.equal(await countRequests(), before);

  const english = await app.inject({
    method: 'POST',
    url: `${applyUrl()}?lang=en`,
    ...(await (async () => {
      const page = await app.inject(`${applyUrl()}?lang=en`);
      return { cookies: cookiesOf(page), ...form({ name: 'Rahim', mobile: '', _csrf: csrfOf(page.body) }) };
    })()),
  });
  assert.equal(english.statusCode, 400);
  assert.match(english.body, /Mobile number: Type a Bangladeshi mobile number/);
  assert.ok(english.body.includes('value="Rahim"'));
});

test('an over-long answer comes back on the form with its limit', async () => {
  const response = await apply({ name: 'ক'.repeat(201), mobile: '01712345678' });
  assert.equal(response.statusCode, 400);
  assert.match(response.body, /সর্বোচ্চ ২০০ অক্ষর/);
});

test('an application without the CSRF token is refused and stores nothing', async () => {
  const before = await countRequests();
  const response = await app.inject({ method: 'POST', url: applyUrl(), ...form({ name: 'রহিম', mobile: '01712345678' }) });
  assert.equal(response.statusCode, 403);
  const page = await app.inject(applyUrl());
  const wrongToken = await app.inject({ method: 'POST', url: applyUrl(), cookies: cookiesOf(page), ...form({ name: 'রহিম', mobile: '01712345678', _csrf: 'forged' }) });
  assert.equal(wrongToken.statusCode, 403);
  assert.equal(await countRequests(), before);
});

test('an unknown service or office is the normal 404 page, for the form and for a post', async () => {
  for (const url of [applyUrl('s999'), applyUrl('nonsense'), applyUrl('s1', 'no-such-office')]) {
    const response = await app.inject(url);
    assert.equal(response.statusCode, 404, url);
    assert.match(String(response.headers['content-type']), /text\/html/);
  }
  const page = await app.inject(applyUrl());
  const post = await app.inject({ method: 'POST', url: applyUrl('s999'), cookies: cookiesOf(page), ...form({ name: 'রহিম', mobile: '01712345678', _csrf: csrfOf(page.body) }) });
  assert.equal(post.statusCode, 404);
});

test('the charter page and the service page link to the online application', async () => {
  const servicePage = await app.inject(`/offices/${JESSORE}/services/${service.code}`);
  assert.ok(servicePage.body.includes(`href="${applyUrl()}"`));
  assert.match(servicePage.body, /অনলাইনে আবেদন করুন/);
  const charterPage = await app.inject(`/offices/${JESSORE}?lang=en`);
  assert.ok(charterPage.body.includes(`href="${applyUrl()}"`));
  assert.match(charterPage.body, /Apply online/);
  assert.match(charterPage.body, /href="\/track"/, 'the frame links to tracking');
});

test('the tracking form takes a number in Bangla digits and the last four digits, and shows the status, never cached', async () => {
  const number = await applied('01812345678');
  const prefilled = await app.inject(`/track?number=${encodeURIComponent(number)}`);
  assert.equal(prefilled.statusCode, 200);
  assert.equal(prefilled.headers['cache-control'], 'no-store');
  assert.ok(prefilled.body.includes(`value="${number}"`), 'the number is filled in from the link');

  const response = await track({ tracking_number: toBanglaDigits(number.toLowerCase()), mobile_last4: '৫৬৭৮' });
  assert.equal(response.statusCode, 200, response.body);
  assert.equal(response.headers['cache-control'], 'no-store');
  assert.ok(response.body.includes(number));
  assert.ok(response.body.includes(service.name_bn));
  assert.match(response.body, /যশোর/, 'the office is named');
  assert.match(response.body, /জমা হয়েছে: দপ্তরের যাচাইয়ের অপেক্ষায়/);
  assert.match(response.body, /<ol class="timeline">[\s\S]*আবেদন জমা হয়েছে/);
  assert.ok(!response.body.includes('রহিম') && !response.body.includes('01812345678') && !response.body.includes('ঝুমঝুমপুর'), 'nothing of the citizen is shown');
});

test('wrong digits, a wrong number and a malformed number each come back on the form with their message', async () => {
  const number = await applied('01912345678');
  const wrong = await track({ tracking_number: number, mobile_last4: '1111' }, '10.0.0.2');
  assert.equal(wrong.statusCode, 404);
  assert.equal(wrong.headers['cache-control'], 'no-store');
  assert.match(wrong.body, /<div class="error-summary" role="alert">[\s\S]*কোনো আবেদন মেলেনি/);
  assert.ok(wrong.body.includes(`value="${number}"`), 'the number typed is kept');

  const malformed = await track({ tracking_number: 'hello', mobile_last4: '12' }, '10.0.0.2');
  assert.equal(malformed.statusCode, 400);
  assert.ok(malformed.body.includes('href="#f-tracking_number"') && malformed.body.includes('href="#f-mobile_last4"'));
  assert.ok(malformed.body.includes('value="hello"'));

  const english = await app.inject({
    method: 'POST',
    url: '/track?lang=en',
    remoteAddress: '10.0.0.2',
    ...(await (async () => {
      const page = await app.inject({ url: '/track?lang=en', remoteAddress: '10.0.0.2' });
      return { cookies: cookiesOf(page), ...form({ tracking_number: 'JSR-2026-000001-0', mobile_last4: '5678', _csrf: csrfOf(page.body) }) };
    })()),
  });
  assert.equal(english.statusCode, 400, 'a number whose check digit is wrong');
  assert.match(english.body, /Tracking number: That is not a tracking number/);

  const noToken = await app.inject({ method: 'POST', url: '/track', ...form({ tracking_number: number, mobile_last4: '5678' }) });
  assert.equal(noToken.statusCode, 403);
});

test('the timeline shows the missing documents and the wait, and never an internal note', async () => {
  const number = await applied('01512345678');
  await actOnRequest(seeded.database.db, staff, officeId, number, { action: 'note', note: 'গোপন: আবেদনকারী আগে ঝামেলা করেছেন' });
  await actOnRequest(seeded.database.db, staff, officeId, number, { action: 'assign', assigneeId: null });
  await actOnRequest(seeded.database.db, staff, officeId, number, { action: 'return', note: 'জাতীয় পরিচয়পত্রের সত্যায়িত কপি' });
  const response = await track({ tracking_number: number, mobile_last4: '5678' }, '10.0.0.3');
  assert.equal(response.statusCode, 200);
  assert.ok(!response.body.includes('গোপন'), 'the internal note is not shown');
  assert.ok(!response.body.includes('দায়িত্ব দেওয়া'), 'the assignment is not shown');
  assert.match(response.body, /যা বাকি আছে: <span>জাতীয় পরিচয়পত্রের সত্যায়িত কপি<\/span>/);
  assert.match(response.body, /থেকে আপনার অপেক্ষায়/);
  assert.match(response.body, /আপনার অপেক্ষায়: কিছু বাকি আছে/);

  const json = await app.inject({ method: 'POST', url: '/api/v1/track', remoteAddress: '10.0.0.3', payload: { tracking_number: number, mobile_last4: '5678' } });
  const body = json.json() as { status: string; due_at: string | null; events: { action: string; note: string | null }[] };
  assert.equal(body.status, 'returned');
  assert.equal(body.due_at, null, 'the clock waits for the citizen');
  assert.deepEqual(
    body.events.map((event) => event.action),
    ['received', 'return'],
  );
  assert.ok(!json.body.includes('গোপন'));

  await actOnRequest(seeded.database.db, staff, officeId, number, { action: 'resume' });
  // returned while submitted, it is submitted again: accepted before work starts
  await actOnRequest(seeded.database.db, staff, officeId, number, { action: 'accept' });
  await actOnRequest(seeded.database.db, staff, officeId, number, { action: 'start' });
  await actOnRequest(seeded.database.db, staff, officeId, number, { action: 'deliver' });
  const delivered = await track({ tracking_number: number, mobile_last4: '5678' }, '10.0.0.3', '/track?lang=en');
  assert.equal(delivered.statusCode, 200);
  assert.match(delivered.body, /The service was delivered within the promised time\./);
  assert.match(delivered.body, /You brought what was missing: work goes on[\s\S]*Work started[\s\S]*Service delivered/);
});

test('a refused request shows its reason', async () => {
  const number = await applied('01612345678');
  await actOnRequest(seeded.database.db, staff, officeId, number, { action: 'reject', note: 'এই দপ্তরের সেবা নয়' });
  const response = await track({ tracking_number: number, mobile_last4: '5678' }, '10.0.0.4');
  assert.match(response.body, /আবেদন নামঞ্জুর হয়েছে/);
  assert.match(response.body, /কারণ: <span>এই দপ্তরের সেবা নয়<\/span>/);
});

test('the JSON API answers the documented shape, and its errors through the one error handler', async () => {
  const number = await applied('01312345678');
  const response = await app.inject({ method: 'POST', url: '/api/v1/track', remoteAddress: '10.0.1.1', payload: { tracking_number: toBanglaDigits(number), mobile_last4: '৫৬৭৮' } });
  assert.equal(response.statusCode, 200, response.body);
  assert.equal(response.headers['cache-control'], 'no-store');
  const body = response.json() as Record<string, unknown>;
  assert.deepEqual(Object.keys(body).sort(), [
    'closed_at',
    'due_at',
    'events',
    'has_time_limit',
    'office',
    'on_time',
    'rating',
    'received_at',
    'service',
    'status',
    'tracking_number',
    'transferred_from',
    'transferred_to',
  ]);
  assert.equal(body.tracking_number, number);
  assert.equal(body.status, 'submitted');
  assert.equal(body.has_time_limit, true);
  assert.deepEqual(body.office, { slug: JESSORE, name_bn: (body.office as { name_bn: string }).name_bn, name_en: (body.office as { name_en: string | null }).name_en });
  assert.equal((body.service as { code: string }).code, service.code);
  assert.deepEqual(body.events, [{ at: body.received_at, action: 'received', status_after: 'submitted', note: null }]);

  const wrong = await app.inject({ method: 'POST', url: '/api/v1/track', remoteAddress: '10.0.1.1', payload: { tracking_number: number, mobile_last4: '0000' } });
  assert.equal(wrong.statusCode, 404);
  assert.deepEqual(Object.keys(wrong.json() as object).sort(), ['error', 'field', 'message_bn', 'message_en']);
  assert.equal((wrong.json() as { error: string }).error, 'tracking_not_found');

  const malformed = await app.inject({ method: 'POST', url: '/api/v1/track', remoteAddress: '10.0.1.1', payload: { tracking_number: 'hello', mobile_last4: '5678' } });
  assert.equal(malformed.statusCode, 400);
  assert.equal((malformed.json() as { field: string }).field, 'tracking_number');
  const digits = await app.inject({ method: 'POST', url: '/api/v1/track', remoteAddress: '10.0.1.1', payload: { tracking_number: number, mobile_last4: '12' } });
  assert.equal(digits.statusCode, 400);
  assert.equal((digits.json() as { field: string }).field, 'mobile_last4');
});

test(`after ${TRACKING_GUESSES.perAddress} wrong tries one address must wait (429), on the page and in the API; another address need not`, async () => {
  const number = await applied('01412345678');
  const address = '10.0.2.1';
  for (let i = 0; i < TRACKING_GUESSES.perAddress; i++) {
    // numbers of the right shape that no request has: each try counts against the address
    const guess = formatTrackingNumber({ officeCode: 'ZZQ', year: 2026, sequence: 500 + i });
    const response = await app.inject({ method: 'POST', url: '/api/v1/track', remoteAddress: address, payload: { tracking_number: guess, mobile_last4: '1234' } });
    assert.equal(response.statusCode, 404, `try ${i + 1}`);
  }
  const page = await track({ tracking_number: number, mobile_last4: '5678' }, address);
  assert.equal(page.statusCode, 429, 'even the right digits wait');
  assert.match(page.body, /১৫ মিনিট পরে আবার চেষ্টা করুন/);
  assert.ok(page.body.includes(`value="${number}"`));
  assert.equal(page.headers['retry-after'], String(TRACKING_GUESSES.windowMs / 1000));
  const json = await app.inject({ method: 'POST', url: '/api/v1/track', remoteAddress: address, payload: { tracking_number: number, mobile_last4: '5678' } });
  assert.equal(json.statusCode, 429);
  assert.equal((json.json() as { error: string }).error, 'too_many_tracking_attempts');
  assert.equal(json.headers['retry-after'], String(TRACKING_GUESSES.windowMs / 1000));
  const elsewhere = await track({ tracking_number: number, mobile_last4: '5678' }, '10.0.2.2');
  assert.equal(elsewhere.statusCode, 200);
});

test(`after ${TRACKING_GUESSES.perNumber} wrong tries at one number, from any addresses, that number must wait`, async () => {
  const number = await applied('01512345678');
  for (let i = 0; i < TRACKING_GUESSES.perNumber; i++) {
    const response = await app.inject({ method: 'POST', url: '/api/v1/track', remoteAddress: `10.0.3.${i + 1}`, payload: { tracking_number: number, mobile_last4: String(1000 + i) } });
    assert.equal(response.statusCode, 404, `try ${i + 1}`);
  }
  const fresh = await app.inject({ method: 'POST', url: '/api/v1/track', remoteAddress: '10.0.4.1', payload: { tracking_number: number, mobile_last4: '5678' } });
  assert.equal(fresh.statusCode, 429);
});
