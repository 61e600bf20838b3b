// In a real browser with JavaScript off: searching from the home page on a 360 px phone, with a
// misspelt upazila, and from a page that was not found.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { type Browser } from 'playwright-core';
import { openSeededPortal, RESULTS, type SeededPortal } from './seeded-portal.ts';

let portal: SeededPortal | undefined;
let baseUrl: string;
let browser: Browser | undefined;

before(async () => {
  portal = await openSeededPortal();
  ({ baseUrl, browser } = portal);
});

after(async () => {
  await portal?.close();
});

test('on a 360 px phone without JavaScript, জৈন্তাপুর typed on the home page finds the Jaintiapur office and opens its charter', { timeout: 90_000 }, async () => {
  assert.ok(browser);
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(baseUrl);
  // the box is found by its label, as a screen reader finds it
  await page.getByLabel('সেবা, দপ্তর বা স্থানের নাম, বাংলা বা ইংরেজিতে').fill('জৈন্তাপুর');
  await page.getByRole('button', { name: 'খুঁজুন' }).click();
  await page.waitForURL(/\/search\?q=/);
  assert.ok(await page.getByRole('status').filter({ hasText: 'জৈন্তাপুর' }).isVisible());
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
  assert.ok(overflow <= 0, `the results fit 360 px without sideways scrolling (overflow ${overflow}px)`);
  await page.screenshot({ path: path.join(RESULTS, 'search-360-bn.png'), fullPage: true });
  await page.locator('ul.search-results li a').first().click();
  await page.waitForURL(/\/offices\/doict-jaintiapur-sylhet$/);
  await context.close();
});

test('a page not found offers the search box, which finds a service by an English word', { timeout: 90_000 }, async () => {
  assert.ok(browser);
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
  const page = await context.newPage();
  const response = await page.goto(`${baseUrl}/no-such-page?lang=en`);
  assert.equal(response?.status(), 404);
  await page.getByLabel('Or search for the service or office you were looking for:').fill('Project Management');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.waitForURL(/\/search\?q=Project/);
  const first = page.locator('ul.search-results li a').first();
  assert.match((await first.getAttribute('href')) ?? '', /^\/offices\/doict-sadar-jessore\/services\/s\d+$/);
  await context.close();
});
