// The citizen's rating of a delivered service: the form on the tracking page, once, 1 to 5 with a
// comment, under the tracking page's guess limits; the same as JSON; and staff seeing it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { systemActor } from '../core/actor.ts';
import { requireOfficeId } from '../offices/index.ts';
import { openSeededApp, type SeededApp } from '../test-support.ts';
import { citizenBrowser } from './follow-up-test-support.ts';
import { actOnRequest, receiveRequest } from './request-service.ts';
import { TRACKING_GUESSES } from './tracking.ts';

const JESSORE = 'doict-sadar-jessore';
const desk = { userId: null, label: 'desk@test.gov.bd', ip: '127.0.0.1' };

let seeded: SeededApp;
let jessore: { id: number; slug: string };
let addresses = 0;
/** each test from an address of its own: wrong guesses count per address */
const address = () => `10.66.0.${++addresses}`;

before(async () => {
  seeded = await openSeededApp();
  jessore = { id: await requireOfficeId(seeded.database.db, JESSORE), slug: JESSORE };
});
after(() => seeded.close());

async function requestIn(finalAction: 'deliver' | 'accept' | null) {
  const { db } = seeded.database;
  const request = await receiveRequest(db, desk, { office: jessore, serviceCode: 's1', channel: 'in_person', receivedAt: new Date(), citizen: { name: 'রহিম', mobile: '01712345678' }, details: '' });
  if (finalAction) await actOnRequest(db, systemActor, jessore.id, request.tracking_number, { action: finalAction });
  return request;
}

const ratingRows = (requestId: number) => seeded.database.db.selectFrom('request_ratings').selectAll().where('request_id', '=', requestId).execute();

test('a delivered request\'s tracking page offers the rating; rated, it thanks the citizen and shows the rating, and staff see it', async () => {
  const request = await requestIn('deliver');
  const citizen = citizenBrowser(seeded.app, address());
  const page = await citizen.track(request.tracking_number, '5678');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<form method="post" action="\/track\/rating"/);
  for (const value of ['1', '2', '3', '4', '5']) assert.match(page.body, new RegExp(`type="radio" name="rating" id="f-rating-${value}" value="${value}"`));
  assert.match(page.body, /5 — very good/);
  assert.match(page.body, new RegExp(`name="tracking_number" value="${request.tracking_number}"`));

  const rated = await citizen.post('/track/rating?lang=en', { tracking_number: request.tracking_number, mobile_last4: '5678', rating: '৪', comment: '  দ্রুত সেবা পেয়েছি  ' });
  assert.equal(rated.statusCode, 200, rated.body.slice(0, 400));
  assert.match(rated.body, /Thank you for rating the service\./);
  assert.match(rated.body, /Your rating: 4 of 5/);
  assert.match(rated.body, /দ্রুত সেবা পেয়েছি/);
  assert.doesNotMatch(rated.body, /action="\/track\/rating"/, 'no second form');
  const [row] = await ratingRows(request.id);
  assert.deepEqual([row?.rating, row?.comment], [4, 'দ্রুত সেবা পেয়েছি']);

  const later = await citizenBrowser(seeded.app, address()).track(request.tracking_number, '5678', 'bn');
  assert.match(later.body, /আপনার মূল্যায়ন: ৫-এর মধ্যে ৪/);
  assert.doesNotMatch(later.body, /মূল্যায়ন করার জন্য ধন্যবাদ/, 'the thanks are for the moment of rating');

  const staffPage = await seeded.app.inject({ url: `/offices/${JESSORE}/requests/${request.tracking_number}?lang=en`, headers: { authorization: seeded.adminAuthorization } });
  assert.match(staffPage.body, /Rated by the citizen[\s\S]*নাগরিকের মূল্যায়ন: ৫-এর মধ্যে ৪\n?দ্রুত সেবা পেয়েছি/);
});

test('a second rating is refused with 409 "already rated", and the first one stays', async () => {
  const request = await requestIn('deliver');
  const citizen = citizenBrowser(seeded.app, address());
  await citizen.track(request.tracking_number, '5678');
  assert.equal((await citizen.post('/track/rating?lang=en', { tracking_number: request.tracking_number, mobile_last4: '5678', rating: '2' })).statusCode, 200);
  const second = await citizen.post('/track/rating?lang=en', { tracking_number: request.tracking_number, mobile_last4: '5678', rating: '5', comment: 'আবার' });
  assert.equal(second.statusCode, 409);
  assert.match(second.body, /already been rated/);
  const rows = await ratingRows(request.id);
  assert.deepEqual(rows.map((row) => [row.rating, row.comment]), [[2, null]]);

  const json = await seeded.app.inject({ method: 'POST', url: '/api/v1/track/rating', remoteAddress: address(), payload: { tracking_number: request.tracking_number, mobile_last4: '5678', rating: 5 } });
  assert.equal(json.statusCode, 409);
  assert.equal((json.json() as { error: string }).error, 'already_rated');
});

test('a request not yet delivered cannot be rated, and has no rating form', async () => {
  const request = await requestIn('accept');
  const citizen = citizenBrowser(seeded.app, address());
  const page = await citizen.track(request.tracking_number, '5678');
  assert.doesNotMatch(page.body, /action="\/track\/rating"/);
  const refused = await citizen.post('/track/rating?lang=en', { tracking_number: request.tracking_number, mobile_last4: '5678', rating: '5' });
  assert.equal(refused.statusCode, 409);
  assert.match(refused.body, /Only a delivered service can be rated\./);
  assert.deepEqual(await ratingRows(request.id), []);
});

test('no rating, a rating outside 1–5 or a comment too long comes back on the form with a 400', async () => {
  const request = await requestIn('deliver');
  const citizen = citizenBrowser(seeded.app, address());
  await citizen.track(request.tracking_number, '5678');
  const none = await citizen.post('/track/rating?lang=en', { tracking_number: request.tracking_number, mobile_last4: '5678', comment: 'ভালো' });
  assert.equal(none.statusCode, 400);
  assert.match(none.body, /Choose a rating from 1 to 5\./);
  assert.match(none.body, /ভালো<\/textarea>/, 'the comment is kept');
  const six = await citizen.post('/track/rating?lang=en', { tracking_number: request.tracking_number, mobile_last4: '5678', rating: '6' });
  assert.equal(six.statusCode, 400);
  const long = await citizen.post('/track/rating?lang=en', { tracking_number: request.tracking_number, mobile_last4: '5678', rating: '3', comment: 'ক'.repeat(1001) });
  assert.equal(long.statusCode, 400);
  assert.match(long.body, /1,000 characters/);
  assert.deepEqual(await ratingRows(request.id), []);
});

test('wrong mobile digits are not found and count as a guess, like the tracking page\'s, until the address must wait', async () => {
  const request = await requestIn('deliver');
  const ip = address();
  const citizen = citizenBrowser(seeded.app, ip);
  await citizen.open('/track?lang=en');
  const wrong = await citizen.post('/track/rating?lang=en', { tracking_number: request.tracking_number, mobile_last4: '0000', rating: '1' });
  assert.equal(wrong.statusCode, 404);
  const failures = await seeded.database.db.selectFrom('tracking_failures').select('id').where('ip', '=', ip).execute();
  assert.equal(failures.length, 1, 'the wrong guess is counted');
  // the rest of the number's allowance, spent from the API
  for (let i = 1; i < TRACKING_GUESSES.perNumber; i++) {
    await seeded.app.inject({ method: 'POST', url: '/api/v1/track/rating', remoteAddress: ip, payload: { tracking_number: request.tracking_number, mobile_last4: '0000', rating: 1 } });
  }
  const limited = await seeded.app.inject({ method: 'POST', url: '/api/v1/track/rating', remoteAddress: ip, payload: { tracking_number: request.tracking_number, mobile_last4: '5678', rating: 1 } });
  assert.equal(limited.statusCode, 429, 'even the right digits wait');
  assert.ok(limited.headers['retry-after']);
  assert.deepEqual(await ratingRows(request.id), []);
});

test('the JSON API rates a delivered request once and answers what was kept; bad input is a 400 with both languages', async () => {
  const request = await requestIn('deliver');
  const ip = address();
  const rated = await seeded.app.inject({ method: 'POST', url: '/api/v1/track/rating', remoteAddress: ip, payload: { tracking_number: request.tracking_number, mobile_last4: '5678', rating: 5, comment: 'চমৎকার' } });
  assert.equal(rated.statusCode, 201, rated.body);
  const body = rated.json() as { tracking_number: string; rating: number; comment: string; at: string };
  assert.deepEqual([body.tracking_number, body.rating, body.comment], [request.tracking_number, 5, 'চমৎকার']);
  const tracked = await seeded.app.inject({ method: 'POST', url: '/api/v1/track', remoteAddress: ip, payload: { tracking_number: request.tracking_number, mobile_last4: '5678' } });
  assert.equal((tracked.json() as { rating: { rating: number } | null }).rating?.rating, 5);

  const bad = await seeded.app.inject({ method: 'POST', url: '/api/v1/track/rating', remoteAddress: ip, payload: { tracking_number: request.tracking_number, mobile_last4: '5678', rating: 0 } });
  assert.equal(bad.statusCode, 400);
  const error = bad.json() as { message_bn: string; message_en: string };
  assert.ok(error.message_bn && error.message_en);
  const spec = (await seeded.app.inject({ url: '/openapi.json' })).json() as { paths: Record<string, unknown> };
  assert.ok('/api/v1/track/rating' in spec.paths, 'documented in OpenAPI');
});
