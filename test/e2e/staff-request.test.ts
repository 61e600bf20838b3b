// The walk, in a real browser on a 360 px phone with no JavaScript: a citizen applies
// online for a Jessore Sadar service and gets the tracking number on screen and by SMS (the
// console gateway, sent by the job queue); the office's staff sign in, accept, return it for a
// document (the clock stops, the citizen's page says what is missing), take it back and deliver;
// the citizen's page says "on time" exactly when the deadline engine's due moment was kept. A
// request registered at the desk weeks after it really arrived is delivered late, and says so.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createTestUser, type TestUser } from '../../src/accounts/test-support.ts';
import { loadPublishedCharter } from '../../src/charters/index.ts';
import type { TestDatabase } from '../../src/core/db/test-database.ts';
import { openSeededPortal, RESULTS, type SeededPortal } from './seeded-portal.ts';

const OFFICE = 'doict-sadar-jessore';
const MOBILE = '01812345678';

let portal: SeededPortal | undefined;
let database: TestDatabase;
let baseUrl: string;
let browser: Browser | undefined;
let staff: TestUser;

before(async () => {
  portal = await openSeededPortal({ sending: true });
  ({ database, baseUrl, browser } = portal);
  staff = await createTestUser(database.db, 'office_staff', { kind: 'office', slug: OFFICE });
});

after(async () => {
  await portal?.close();
});

const phone = async (): Promise<BrowserContext> => {
  assert.ok(browser);
  return browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
};

async function assertFits(page: Page): Promise<void> {
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
  assert.ok(overflow <= 0, `${page.url()} fits 360 px without sideways scrolling (overflow ${overflow}px)`);
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(RESULTS, `${name}.png`), fullPage: true });

async function requestRow(number: string) {
  return database.db.selectFrom('service_requests').selectAll().where('tracking_number', '=', number).executeTakeFirstOrThrow();
}

/** The citizen's tracking page for this number, looked up as a citizen does. */
async function track(page: Page, number: string): Promise<void> {
  await page.goto(`${baseUrl}/track`);
  await page.getByLabel('ট্র্যাকিং নম্বর').fill(number);
  await page.getByLabel('মোবাইল নম্বরের শেষ ৪টি অঙ্ক').fill(MOBILE.slice(-4));
  await page.getByRole('button', { name: 'অবস্থা দেখুন' }).click();
  await page.locator('.status-now').waitFor();
}

/** One of the request page's actions; those that need a text open under their summary first. */
async function act(page: Page, action: string, label: string, note?: string): Promise<void> {
  const form = page.locator(`form:has(input[name="action"][value="${action}"])`);
  if (note !== undefined) {
    await page.locator(`#action-${action} > summary`).click();
    await form.locator('textarea[name="note"]').fill(note);
  }
  await form.getByRole('button', { name: label }).click();
  await page.waitForURL(new RegExp(`done=${action}`));
}

async function waitFor(condition: () => Promise<boolean>, what: string): Promise<void> {
  for (const started = Date.now(); !(await condition()); ) {
    if (Date.now() - started > 30_000) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

test('apply online, SMS, accept, return (clock stops), resume, deliver: the citizen sees on time exactly when it was', { timeout: 240_000 }, async () => {
  const charter = await loadPublishedCharter(database.db, OFFICE);
  const service = charter.services.find((s) => s.category === 'citizen' && s.name_bn && s.time_limit.unit === 'working_day');
  assert.ok(service, 'the Jessore seed has a citizen service promised in working days');

  const citizenContext = await phone();
  const citizen = await citizenContext.newPage();
  await citizen.goto(`${baseUrl}/offices/${OFFICE}/services/${service.code}/apply`);
  await citizen.getByLabel('আপনার নাম').fill('করিম উদ্দিন');
  await citizen.getByLabel('মোবাইল নম্বর').fill(MOBILE);
  await citizen.getByRole('button', { name: 'আবেদন জমা দিন' }).click();
  await citizen.getByRole('heading', { level: 1, name: 'আবেদন জমা হয়েছে' }).waitFor();
  const number = (await citizen.locator('#tracking-number').innerText()).trim();
  assert.match(number, /^DSJ-\d{4}-\d{6}-\d$/);

  // the SMS: written with the request, sent by the job queue through the console gateway
  await waitFor(async () => {
    const sms = await database.db.selectFrom('notifications').select(['status', 'body', 'recipient']).where('subject_id', '=', number).where('channel', '=', 'sms').executeTakeFirst();
    return sms?.status === 'sent';
  }, 'the receipt SMS to be sent');
  const sms = await database.db.selectFrom('notifications').selectAll().where('subject_id', '=', number).executeTakeFirstOrThrow();
  assert.equal(sms.recipient, MOBILE);
  assert.ok(sms.body.includes(number), `the SMS carries the tracking number: ${sms.body}`);
  assert.equal(sms.gateway, 'console');

  // staff sign in on their phone and find it in the office's queue
  const staffContext = await phone();
  const desk = await staffContext.newPage();
  await desk.goto(`${baseUrl}/offices/${OFFICE}/requests`);
  await desk.waitForURL(/\/login\?next=/);
  await desk.getByLabel('ই-মেইল ঠিকানা').fill(staff.email);
  await desk.getByLabel('পাসওয়ার্ড').fill(staff.password);
  await desk.getByRole('button', { name: 'সাইন ইন' }).click();
  await desk.waitForURL(new RegExp(`/offices/${OFFICE}/requests$`));
  await assertFits(desk);
  await shot(desk, 'staff-queue-360-bn');
  // the office's messages page shows the SMS that went out
  await desk.goto(`${baseUrl}/offices/${OFFICE}/messages`);
  assert.ok(await desk.getByText(number).first().isVisible(), 'the messages page lists the SMS about the request');
  await desk.goto(`${baseUrl}/offices/${OFFICE}/requests`);
  await desk.getByRole('link', { name: number }).click();
  await desk.waitForURL(new RegExp(`/requests/${number}`));

  await act(desk, 'accept', 'গ্রহণ করুন: কাগজপত্র সম্পূর্ণ');
  const dueBefore = (await requestRow(number)).due_at;
  assert.ok(dueBefore, 'a working-day service has a due moment');
  await act(desk, 'return', 'কাগজপত্রের জন্য ফেরত দিন', 'জাতীয় পরিচয়পত্রের কপি');
  await assertFits(desk);
  await shot(desk, 'staff-request-returned-360-bn');

  // while it waits for the citizen the clock is stopped, and the citizen's page says what is missing
  const clock = await database.db.selectFrom('deadline_clocks').selectAll().where('subject_id', '=', number).executeTakeFirstOrThrow();
  const pauses = clock.pauses as { from: string; to: string | null }[];
  assert.equal(pauses.at(-1)?.to, null, 'the deadline clock has an open pause while the request is returned');
  assert.equal((await requestRow(number)).due_at, null, 'and no due moment while it waits for the citizen');
  await track(citizen, number);
  assert.ok(await citizen.locator('.status-now').getByText(/আপনার অপেক্ষায়/).isVisible());
  assert.ok(await citizen.getByText('জাতীয় পরিচয়পত্রের কপি').isVisible());
  await assertFits(citizen);
  await shot(citizen, 'citizen-track-waiting-360-bn');

  await desk.reload();
  await act(desk, 'resume', 'কাগজপত্র পাওয়া গেছে: আবার শুরু করুন');
  await act(desk, 'deliver', 'সেবা প্রদান সম্পন্ন');
  const delivered = await requestRow(number);
  assert.equal(delivered.status, 'delivered');
  assert.ok(delivered.due_at && delivered.closed_at);
  const keptPromise = delivered.closed_at.getTime() <= delivered.due_at.getTime();
  assert.equal(delivered.on_time, keptPromise);

  await track(citizen, number);
  assert.ok(await citizen.locator('.status-now').getByText(/সেবা প্রদান করা হয়েছে/).isVisible());
  assert.ok(await citizen.getByText(keptPromise ? 'নির্ধারিত সময়ের মধ্যে সেবা প্রদান করা হয়েছে।' : 'নির্ধারিত সময়ের পরে, দেরিতে সেবা প্রদান করা হয়েছে।').isVisible());
  await shot(citizen, 'citizen-track-delivered-360-bn');

  // a letter that arrived four months ago, registered only now: its promise is long past, and delivering it now is late
  await desk.goto(`${baseUrl}/offices/${OFFICE}/requests/new`);
  const arrived = new Date(Date.now() + 6 * 3600_000 - 120 * 24 * 3600_000).toISOString();
  await desk.locator('select[name="service"]').selectOption(service.code);
  await desk.locator('select[name="channel"]').selectOption('letter');
  await desk.locator('input[name="received_date"]').fill(arrived.slice(0, 10));
  await desk.locator('input[name="received_time"]').fill('11:00');
  await desk.locator('input[name="name"]').fill('সালমা বেগম');
  await desk.locator('input[name="mobile"]').fill(MOBILE);
  await desk.getByRole('button', { name: 'আবেদন নিবন্ধন করুন' }).click();
  await desk.waitForURL(/done=registered/);
  const late = decodeURIComponent(new URL(desk.url()).pathname.split('/').at(-1) ?? '');
  await act(desk, 'deliver', 'সেবা প্রদান সম্পন্ন');
  const lateRow = await requestRow(late);
  assert.ok(lateRow.due_at && lateRow.closed_at && lateRow.closed_at.getTime() > lateRow.due_at.getTime(), 'four months is past any working-day promise of the seed');
  assert.equal(lateRow.on_time, false);
  await track(citizen, late);
  assert.ok(await citizen.getByText('নির্ধারিত সময়ের পরে, দেরিতে সেবা প্রদান করা হয়েছে।').isVisible());
  await shot(citizen, 'citizen-track-late-360-bn');

  await citizenContext.close();
  await staffContext.close();
});
