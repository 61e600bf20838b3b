import assert from 'node:assert/strict';
import { test } from 'node:test';
import QRCode from 'qrcode';
import { qrCodeSvg } from './qr-svg.ts';

test('a QR code is one named svg image whose dark modules are those qrcode makes for the text', async () => {
  const text = 'https://protishruti.example.gov.bd/offices/doict-jaintiapur-sylhet';
  const svg = (await qrCodeSvg(text, 'QR code of the charter')).value;
  assert.match(svg, /^<svg role="img" aria-label="QR code of the charter" focusable="false" xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  const modules = (await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 })).match(/<path stroke="#000000" d="([^"]+)"/)?.[1];
  assert.ok(modules && svg.includes(`d="${modules}"`));
  const other = (await qrCodeSvg(`${text}?lang=en`, 'x')).value;
  assert.ok(!other.includes(`d="${modules}"`), 'another address gives other modules');
});

test('the label of a QR code is escaped like any attribute value', async () => {
  const svg = (await qrCodeSvg('x', '"><script>alert(1)</script>')).value;
  assert.ok(svg.includes('aria-label="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"'));
  assert.ok(!svg.includes('<script>'));
});
