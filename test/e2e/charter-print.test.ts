// In a real browser: the charter printed on A4 and as the A3 notice-board copy, read as PDFs
// and under print media. The PDFs and screenshots are kept in test-results/.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import QRCode from 'qrcode';
import type { Browser, Page } from 'playwright-core';
import { exportCharter, importCharter } from '../../src/charters/index.ts';
import type { TimeLimit } from '../../src/charters/model.ts';
import { formatDate } from '../../src/core/format.ts';
import { openSeededPortal, RESULTS, type SeededPortal } from './seeded-portal.ts';

const OFFICE = 'doict-jaintiapur-sylhet';
/** ISO 216 in PostScript points; Chromium rounds the page to whole CSS pixels */
const A4 = { width: 595.28, height: 841.89 };
const A3 = { width: 841.89, height: 1190.55 };
/** 11 pt in CSS pixels */
const ELEVEN_POINT_PX = (11 * 96) / 72;

let portal: SeededPortal | undefined;
let baseUrl: string;
let browser: Browser | undefined;

const workingDays = (text: string, days: number): TimeLimit => ({ text, immediate: false, min: days, max: days, unit: 'working_day', conditional: false, on_demand: false });

before(async () => {
  portal = await openSeededPortal();
  ({ baseUrl, browser } = portal);
  // the seeds carry no GRS ladder: republish one of them with the usual ladder (version ২)
  const doc = await exportCharter(portal.database.db, OFFICE);
  doc.grs_contacts = [
    { level: 1, role_bn: 'দায়িত্বপ্রাপ্ত কর্মকর্তা সমাধান দিতে ব্যর্থ হলে', contact_bn: 'অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক), উপজেলা আইসিটি অফিস, জৈন্তাপুর', time_limit: workingDays('৩০ কার্যদিবস', 30) },
    { level: 2, role_bn: 'অনিক নির্দিষ্ট সময়ে সমাধান দিতে ব্যর্থ হলে', contact_bn: 'আপিল কর্মকর্তা, জেলা আইসিটি অফিস, সিলেট', time_limit: workingDays('২০ কার্যদিবস', 20) },
    { level: 3, role_bn: 'আপিল কর্মকর্তা নির্দিষ্ট সময়ে সমাধান দিতে ব্যর্থ হলে', contact_bn: 'মন্ত্রিপরিষদ বিভাগের অভিযোগ ব্যবস্থাপনা সেল', time_limit: workingDays('৬০ কার্যদিবস', 60) },
  ];
  doc.expectations_bn = ['স্বয়ংসম্পূর্ণ আবেদন জমা প্রদান', 'যথাযথ প্রক্রিয়ায় প্রয়োজনীয় ফি পরিশোধ করা', 'সাক্ষাতের জন্য নির্ধারিত সময়ের পূর্বেই উপস্থিত থাকা'];
  await importCharter(portal.database.db, doc, { officeSlug: OFFICE, publish: true });
});

after(async () => {
  await portal?.close();
});

/** Every page's size in points, from the PDF's page dictionaries (Chromium writes them uncompressed). */
function pageSizes(pdf: Buffer): { width: number; height: number }[] {
  const text = pdf.toString('latin1');
  return [...text.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((match) => ({ width: Number(match[1]), height: Number(match[2]) }));
}

function assertPaper(pdf: Buffer, paper: { width: number; height: number }, name: string): number {
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-', `${name} is a PDF`);
  const sizes = pageSizes(pdf);
  assert.ok(sizes.length > 0, `${name} has pages`);
  for (const size of sizes) {
    assert.ok(Math.abs(size.width - paper.width) < 2 && Math.abs(size.height - paper.height) < 2, `${name} page is ${size.width}×${size.height} pt`);
  }
  return sizes.length;
}

/** The smallest computed font size of any text printed in the charter, and where it is. */
async function smallestText(page: Page): Promise<{ px: number; where: string }> {
  return page.evaluate<{ px: number; where: string }>(`(() => {
    let smallest = { px: Infinity, where: '' };
    for (const element of document.querySelectorAll('.print-charter, .print-charter *')) {
      const hasText = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent.trim() !== '');
      if (!hasText) continue;
      const px = parseFloat(getComputedStyle(element).fontSize);
      if (px < smallest.px) smallest = { px, where: element.tagName + '.' + element.className + ': ' + element.textContent.trim().slice(0, 40) };
    }
    return smallest;
  })()`);
}

/** Bangla text drawn slanted (a synthetic italic: Bangla fonts have none), or inside <em>/<i>. */
async function slantedBangla(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const found = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!/[\\u0980-\\u09FF]/.test(node.textContent)) continue;
      const element = node.parentElement;
      if (getComputedStyle(element).fontStyle !== 'normal' || element.closest('em, i')) found.push(node.textContent.trim().slice(0, 40));
    }
    return found;
  })()`);
}

/** Headings that may be parted from what follows them, rows that may be cut, headers that do not repeat. */
async function badBreaks(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const bad = [];
    const style = (element) => getComputedStyle(element);
    const headings = document.querySelectorAll('.print-charter h1, .print-charter h2, .print-charter h3, .print-charter .print-intro');
    if (headings.length === 0) bad.push('no headings');
    for (const heading of headings) if (style(heading).breakAfter !== 'avoid') bad.push('break after ' + heading.textContent);
    for (const table of document.querySelectorAll('.print-charter table')) {
      if (style(table.tHead).display !== 'table-header-group') bad.push('header does not repeat: ' + table.getAttribute('aria-labelledby'));
      const first = table.tBodies[0].rows[0];
      if (style(first).breakBefore !== 'avoid') bad.push('break before the first row of ' + table.getAttribute('aria-labelledby'));
      for (const row of table.rows) if (style(row).breakInside !== 'avoid') bad.push('row may be cut: ' + row.textContent.trim().slice(0, 30));
    }
    return bad;
  })()`);
}

async function modulesOf(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
  return svg.match(/<path stroke="#000000" d="([^"]+)"/)?.[1] ?? '';
}

test('the A4 charter prints as an A4 PDF in 11 pt type, with a QR code of the charter page, its version and the print date', { timeout: 120_000 }, async () => {
  assert.ok(browser);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const day = formatDate('bn', new Date());
  await page.goto(`${baseUrl}/offices/${OFFICE}/print`);
  await page.screenshot({ path: path.join(RESULTS, 'charter-print-screen-bn.png'), fullPage: true });

  const pdf = await page.pdf({ format: 'A4' });
  await fs.writeFile(path.join(RESULTS, 'charter-print-a4-bn.pdf'), pdf);
  const pages = assertPaper(pdf, A4, 'the A4 PDF');
  assert.ok(pages >= 2, `all services need more than one page (${pages})`);
  // the browser's own print dialog follows the page's @page rule: A4 too
  assertPaper(await page.pdf({ preferCSSPageSize: true }), A4, 'the PDF at the page’s own size');

  await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
  await page.emulateMedia({ media: 'print' });
  assert.ok(!(await page.locator('.site-header').isVisible()) && !(await page.locator('.print-toolbar').isVisible()), 'no site header or instructions on paper');
  const smallest = await smallestText(page);
  assert.ok(smallest.px >= ELEVEN_POINT_PX - 0.01, `all text is at least 11 pt on A4; smallest ${smallest.px}px at ${smallest.where}`);
  assert.deepEqual(await slantedBangla(page), [], 'no Bangla text is italic');
  assert.deepEqual(await badBreaks(page), [], 'headings stay with their first row, rows are whole, headers repeat');
  await page.screenshot({ path: path.join(RESULTS, 'charter-print-a4-bn.png'), fullPage: true });

  const address = `${baseUrl}/offices/${OFFICE}`;
  const qr = page.locator('.print-qr svg');
  assert.ok(await qr.isVisible(), 'the QR code is printed');
  assert.equal(await qr.getAttribute('aria-label'), `ওয়েবে এই চার্টারের ঠিকানার কিউআর কোড: ${address}`);
  assert.equal(await qr.locator('path[stroke]').getAttribute('d'), await modulesOf(address), 'the QR code encodes the charter page’s address');
  assert.equal(await page.locator('.print-qr .print-url').textContent(), address, 'the address is printed under the QR code');

  const head = (await page.locator('.print-head').textContent()) ?? '';
  assert.ok(head.includes('সংস্করণ ২'), 'the version number (the GRS ladder was added in version 2)');
  assert.ok(head.includes(`প্রিন্টের তারিখ: ${day}`) || head.includes(`প্রিন্টের তারিখ: ${formatDate('bn', new Date())}`), 'the print date');
  assert.equal(await page.locator('table.print-grs tbody tr').count(), 3, 'the three GRS steps');
  await context.close();
});

test('the A3 notice-board copy prints on A3 in larger type than the A4 copy', { timeout: 120_000 }, async () => {
  assert.ok(browser);
  const context = await browser.newContext({ viewport: { width: 1123, height: 1587 } }); // A3 at 96 dpi
  const page = await context.newPage();
  await page.goto(`${baseUrl}/offices/${OFFICE}/print?paper=a3`);
  const pdf = await page.pdf({ format: 'A3' });
  await fs.writeFile(path.join(RESULTS, 'charter-print-a3-bn.pdf'), pdf);
  assertPaper(pdf, A3, 'the A3 PDF');
  assertPaper(await page.pdf({ preferCSSPageSize: true }), A3, 'the notice-board copy at its own page size');

  await page.emulateMedia({ media: 'print' });
  const smallest = await smallestText(page);
  assert.ok(smallest.px >= ELEVEN_POINT_PX * 1.3, `all text is well above 11 pt on A3; smallest ${smallest.px}px at ${smallest.where}`);
  assert.deepEqual(await slantedBangla(page), []);
  assert.deepEqual(await badBreaks(page), []);
  await page.screenshot({ path: path.join(RESULTS, 'charter-print-a3-bn.png'), fullPage: true });
  await context.close();
});

test('without JavaScript an English reader goes from the charter to its print copy, whose Bangla text is marked as Bangla', { timeout: 120_000 }, async () => {
  assert.ok(browser);
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/offices/${OFFICE}?lang=en`);
  await page.getByRole('link', { name: 'Print or save as PDF (A4)' }).click();
  await page.waitForURL(new RegExp(`/offices/${OFFICE}/print$`));
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match((await page.locator('.print-qr svg').getAttribute('aria-label')) ?? '', new RegExp(`/offices/${OFFICE}\\?lang=en$`));
  const unmarked = await page.evaluate<string[]>(`(() => {
    const found = [];
    const walker = document.createTreeWalker(document.querySelector('.print-charter'), NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (/[\\u0980-\\u09FF]/.test(node.textContent) && node.parentElement.closest('[lang]').lang !== 'bn') found.push(node.textContent.trim().slice(0, 40));
    }
    return found;
  })()`);
  assert.deepEqual(unmarked, [], 'every Bangla text on the English copy says lang="bn"');
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
  assert.ok(overflow <= 0, `the preview fits 360 px (overflow ${overflow}px)`);
  await page.emulateMedia({ media: 'print' });
  assert.deepEqual(await slantedBangla(page), []);
  await page.screenshot({ path: path.join(RESULTS, 'charter-print-360-en.png'), fullPage: true });
  await context.close();
});
