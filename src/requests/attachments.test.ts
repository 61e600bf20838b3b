// The rules for a request's files, without a database: what is taken by its content, how large,
// how many, and how a name is kept and handed back.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { pdfOfSize, SAMPLE_EXE, SAMPLE_HTML, SAMPLE_JPEG, SAMPLE_PDF, SAMPLE_PNG, SAMPLE_TEXT } from './attachment-test-support.ts';
import {
  ATTACHMENT_LIMITS,
  checkAttachment,
  checkAttachments,
  chosenFiles,
  cleanFileName,
  contentDisposition,
  downloadName,
  roomFor,
  type ReceivedFile,
} from './attachments.ts';
import { RequestsError } from './errors.ts';

const file = (filename: string, bytes: Uint8Array, truncated = false): ReceivedFile => ({ filename, bytes, truncated });

/** The refusal's code and the status a page answers it with. */
async function refusalOf(work: Promise<unknown>): Promise<{ code: string; status: number; detail: string | undefined }> {
  try {
    await work;
  } catch (error) {
    assert.ok(error instanceof RequestsError, String(error));
    assert.equal(error.field, 'attachments');
    return { code: error.code, status: error.status, detail: error.detail };
  }
  assert.fail('the files were taken');
}

test('a PDF, a JPEG and a PNG are taken, each with the type its bytes show and their SHA-256', async () => {
  const cases = [
    { name: 'scan.pdf', bytes: SAMPLE_PDF, type: 'application/pdf' },
    { name: 'photo.jpg', bytes: SAMPLE_JPEG, type: 'image/jpeg' },
    { name: 'photo.png', bytes: SAMPLE_PNG, type: 'image/png' },
  ];
  for (const { name, bytes, type } of cases) {
    const upload = await checkAttachment(file(name, bytes));
    assert.equal(upload.mediaType, type, name);
    assert.equal(upload.fileName, name);
    assert.equal(upload.sha256, createHash('sha256').update(bytes).digest('hex'));
    assert.deepEqual(upload.bytes, bytes);
  }
});

test('the type comes from the content, not the name: a PNG named .pdf is taken as a PNG', async () => {
  const upload = await checkAttachment(file('certificate.pdf', SAMPLE_PNG));
  assert.equal(upload.mediaType, 'image/png');
});

test('an executable or an HTML page named .pdf, and a text file named .png, are refused as the wrong type (415)', async () => {
  for (const [name, bytes] of [
    ['invoice.pdf', SAMPLE_EXE],
    ['invoice.pdf', SAMPLE_HTML],
    ['photo.png', SAMPLE_TEXT],
  ] as const) {
    assert.deepEqual(await refusalOf(checkAttachment(file(name, bytes))), { code: 'attachment_type_not_allowed', status: 415, detail: name });
  }
});

test('a file of exactly 5 MB is taken; one byte more, or one the parser cut short, is refused as too large (413)', async () => {
  const exact = await checkAttachment(file('big.pdf', pdfOfSize(ATTACHMENT_LIMITS.maxBytes)));
  assert.equal(exact.bytes.length, 5 * 1024 * 1024);
  assert.deepEqual(await refusalOf(checkAttachment(file('bigger.pdf', pdfOfSize(ATTACHMENT_LIMITS.maxBytes + 1)))), { code: 'attachment_too_large', status: 413, detail: 'bigger.pdf' });
  // the parser stops at the limit and marks the file: its bytes alone would pass
  assert.equal((await refusalOf(checkAttachment(file('cut.pdf', pdfOfSize(ATTACHMENT_LIMITS.maxBytes), true)))).code, 'attachment_too_large');
});

test('an empty file is refused', async () => {
  assert.equal((await refusalOf(checkAttachment(file('empty.pdf', new Uint8Array())))).code, 'attachment_empty');
});

test('five files are taken at once, six are refused; one refused file refuses them all', async () => {
  const five = Array.from({ length: 5 }, (_, index) => file(`page-${index}.pdf`, SAMPLE_PDF));
  assert.equal((await checkAttachments(five)).length, 5);
  assert.deepEqual(await refusalOf(checkAttachments([...five, file('page-6.pdf', SAMPLE_PDF)])), { code: 'too_many_attachments', status: 400, detail: '6' });
  assert.equal((await refusalOf(checkAttachments([file('a.pdf', SAMPLE_PDF), file('b.pdf', SAMPLE_HTML)]))).code, 'attachment_type_not_allowed');
});

test('the empty, nameless part a browser sends for an unused file field is not a file', () => {
  assert.deepEqual(chosenFiles(undefined), []);
  assert.deepEqual(chosenFiles(file('', new Uint8Array())), []);
  const pdf = file('a.pdf', SAMPLE_PDF);
  assert.deepEqual(chosenFiles([file('', new Uint8Array()), pdf]), [pdf]);
  // a named empty file is sent on, to be refused as empty
  assert.equal(chosenFiles(file('empty.pdf', new Uint8Array())).length, 1);
});

test('a request takes at most 20 files in all', () => {
  assert.equal(roomFor(15, 5), true);
  assert.equal(roomFor(16, 5), false);
  assert.equal(roomFor(20, 1), false);
});

test('a name is kept for display only: no folders, no control or direction-override characters, at most 200 characters', () => {
  assert.equal(cleanFileName('C:\\Users\\rahim\\Desktop\\জন্ম নিবন্ধন.pdf'), 'জন্ম নিবন্ধন.pdf');
  assert.equal(cleanFileName('../../etc/passwd'), 'passwd');
  assert.equal(cleanFileName('evil\u202Efdp.exe'), 'evilfdp.exe');
  assert.equal(cleanFileName('a\u0000b\r\nc.pdf'), 'abc.pdf');
  assert.equal(cleanFileName('  many   spaces .pdf '), 'many spaces .pdf');
  assert.equal(cleanFileName('..'), 'file');
  assert.equal(cleanFileName(''), 'file');
  assert.equal([...cleanFileName(`${'ক'.repeat(300)}.pdf`)].length, 200);
});

test('a download is saved under its name with the extension of what it is', () => {
  assert.equal(downloadName('scan.pdf', 'application/pdf'), 'scan.pdf');
  assert.equal(downloadName('photo.JPEG', 'image/jpeg'), 'photo.JPEG');
  assert.equal(downloadName('certificate.png', 'application/pdf'), 'certificate.png.pdf');
  assert.equal(downloadName('noextension', 'image/png'), 'noextension.png');
});

test('Content-Disposition always downloads, with an ASCII name for old clients and the Bangla name as filename*', () => {
  assert.equal(contentDisposition('scan.pdf'), `attachment; filename="scan.pdf"; filename*=UTF-8''scan.pdf`);
  const bangla = contentDisposition('জন্ম সনদ.pdf');
  assert.match(bangla, /^attachment; filename="[_ ]+\.pdf"; filename\*=UTF-8''/);
  assert.equal(decodeURIComponent(bangla.split("UTF-8''")[1] ?? ''), 'জন্ম সনদ.pdf');
  // a quote or backslash cannot end the quoted name early, nor break the header
  const quoted = contentDisposition('a"b\\c;d\'(e).pdf');
  assert.match(quoted, /filename="a_b_c_d'\(e\)\.pdf"; filename\*=UTF-8''a%22b%5Cc%3Bd%27%28e%29\.pdf$/);
});
