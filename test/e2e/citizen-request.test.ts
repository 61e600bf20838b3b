// In a real browser on a 360 px phone with no JavaScript: a citizen opens the Jessore Sadar
// charter, picks a service, applies online, reads the tracking number off the page, and tracks
// the application by typing the number in Bangla digits and the mobile's last four digits; then
// the office returns it for a missing document, and the tracking page says what is missing.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { type Browser, type Page } from 'playwright-core';
import { loadPublishedCharter } from '../../src/charters/index.ts';
import type { Actor } from '../../src/core/actor.ts';
import type { TestDatabase } from '../../src/core/db/test-database.ts';
import { toBanglaDigits } from '../../src/core/format.ts';
import { requireOfficeId } from '../../src/offices/index.ts';
import { actOnRequest } from '../../src/requests/index.ts';
import { openSeededPortal, RESULTS, type SeededPortal } from './seeded-portal.ts';

const OFFICE = 'doict-sadar-jessore';

let portal: SeededPortal | undefined;
let database: TestDatabase;
let baseUrl: string;
let browser: Browser | undefined;

before(async () => {
  portal = await openSeededPortal();
  ({ database, baseUrl, browser } = portal);
});

after(async () => {
  await portal?.close();
});

async function assertFits(page: Page): Promise<void> {
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
  assert.ok(overflow <= 0, `${page.url()} fits 360 px without sideways scrolling (overflow ${overflow}px)`);
}

/** Kept with the other browser results, and in /tmp where a person looking at the run finds them. */
async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(RESULTS, `${name}.png`), fullPage: true });
  await page.screenshot({ path: path.join('/tmp', `${name}.png`), fullPage: true });
}

test('a citizen on a phone applies online from the charter and tracks the application with Bangla digits', { timeout: 180_000 }, async () => {
  assert.ok(browser);
  const charter = await loadPublishedCharter(database.db, OFFICE);
  const service = charter.services.find((s) => s.category === 'citizen' && s.name_bn && s.time_limit.unit === 'working_day');
  assert.ok(service?.name_bn, 'the Jessore seed has a citizen service promised in working days');
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
  const page = await context.newPage();

  await page.goto(`${baseUrl}/offices/${OFFICE}`);
  // the list at the top of the charter, as a citizen on a phone meets it first
  const serviceLink = page.locator('#summary').getByRole('link', { name: service.name_bn, exact: true });
  await serviceLink.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/citizen-charter-card-360-bn.png' });
  await serviceLink.click();
  await page.waitForURL(new RegExp(`/offices/${OFFICE}/services/${service.code}$`));
  await screenshot(page, 'citizen-service-360-bn');
  await page.getByRole('link', { name: 'অনলাইনে আবেদন করুন' }).click();
  await page.waitForURL(new RegExp(`/services/${service.code}/apply$`));
  assert.ok(await page.getByRole('heading', { level: 1, name: service.name_bn }).isVisible());
  await assertFits(page);
  await screenshot(page, 'citizen-apply-360-bn');

  // first a mistake: the form comes back with the field named and what was typed kept
  await page.getByLabel('আপনার নাম').fill('রহিমা খাতুন');
  await page.getByLabel('মোবাইল নম্বর').fill('০১৭১২');
  await page.getByRole('button', { name: 'আবেদন জমা দিন' }).click();
  assert.ok(await page.locator('.error-summary').getByRole('link', { name: /মোবাইল নম্বর/ }).isVisible());
  assert.equal(await page.getByLabel('আপনার নাম').inputValue(), 'রহিমা খাতুন');
  await assertFits(page);
  await screenshot(page, 'citizen-apply-error-360-bn');

  await page.getByLabel('মোবাইল নম্বর').fill('০১৭১২-৩৪৫৬৭৮');
  await page.getByLabel('আপনার কী প্রয়োজন (ঐচ্ছিক)').fill('ছেলের জন্মনিবন্ধনের জন্য');
  await page.getByRole('button', { name: 'আবেদন জমা দিন' }).click();
  await page.getByRole('heading', { level: 1, name: 'আবেদন জমা হয়েছে' }).waitFor();
  const trackingNumber = (await page.locator('#tracking-number').innerText()).trim();
  assert.match(trackingNumber, /^[A-Z]{2,6}-\d{4}-\d{6}-\d$/);
  assert.ok(await page.getByText('এরপর কী হবে').isVisible());
  await assertFits(page);
  await screenshot(page, 'citizen-confirmation-360-bn');

  await page.goto(`${baseUrl}/track`);
  await page.getByLabel('ট্র্যাকিং নম্বর').fill(toBanglaDigits(trackingNumber));
  await page.getByLabel('মোবাইল নম্বরের শেষ ৪টি অঙ্ক').fill('৫৬৭৮');
  await page.getByRole('button', { name: 'অবস্থা দেখুন' }).click();
  assert.ok(await page.locator('.status-now').getByText(/জমা হয়েছে/).isVisible());
  assert.ok(await page.getByText(trackingNumber, { exact: true }).isVisible());
  assert.ok(await page.locator('ol.timeline').getByText('আবেদন জমা হয়েছে').isVisible());
  await assertFits(page);
  await screenshot(page, 'citizen-track-360-bn');

  // the same in English, from the footer link
  await page.goto(`${baseUrl}/?lang=en`);
  await page.getByRole('link', { name: 'Track your application' }).click();
  await page.getByLabel('Tracking number').fill(trackingNumber.toLowerCase().replaceAll('-', ' '));
  await page.getByLabel('Last 4 digits of your mobile number').fill('5678');
  await page.getByRole('button', { name: 'Show the status' }).click();
  assert.ok(await page.locator('.status-now').getByText(/Submitted/).isVisible());
  await assertFits(page);
  await screenshot(page, 'citizen-track-360-en');

  // the office asks for a missing document and writes itself a note: the citizen sees only the first
  const officeId = await requireOfficeId(database.db, OFFICE);
  const desk: Actor = { userId: null, label: 'desk@test.gov.bd', ip: null };
  await actOnRequest(database.db, desk, officeId, trackingNumber, { action: 'accept' });
  await actOnRequest(database.db, desk, officeId, trackingNumber, { action: 'note', note: 'অভ্যন্তরীণ মন্তব্য' });
  await actOnRequest(database.db, desk, officeId, trackingNumber, { action: 'return', note: 'জন্মনিবন্ধন সনদের সত্যায়িত কপি' });
  await page.goto(`${baseUrl}/track?lang=bn&number=${encodeURIComponent(trackingNumber)}`);
  await page.getByLabel('মোবাইল নম্বরের শেষ ৪টি অঙ্ক').fill('5678');
  await page.getByRole('button', { name: 'অবস্থা দেখুন' }).click();
  assert.ok(await page.locator('.status-now').getByText(/আপনার অপেক্ষায়/).isVisible());
  assert.ok(await page.getByText('জন্মনিবন্ধন সনদের সত্যায়িত কপি').isVisible());
  assert.equal(await page.getByText('অভ্যন্তরীণ মন্তব্য').count(), 0);
  await assertFits(page);
  await screenshot(page, 'citizen-track-returned-360-bn');
  await context.close();
});
