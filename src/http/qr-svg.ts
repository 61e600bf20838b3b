// A link as a QR code: inline SVG made on the server, so a page needs no script and no image
// from elsewhere (the CSP allows neither inline script nor other origins). Used for the TOTP
// enrolment (accounts/totp-qr.ts) and the printed charter (charters/pages/charter-print-page.ts).
import QRCode from 'qrcode';
import { escapeHtml, Html } from './html.ts';

// What qrcode 1.5's SVG renderer writes: one <svg> with a white background rectangle and one
// path of the dark modules, nothing else. Every character of the path data is a path command
// letter, a digit, a dot or a space.
const EXPECTED_SVG =
  /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 \d+ \d+" shape-rendering="crispEdges"><path fill="#ffffff" d="M0 0h\d+v\d+H0z"\/><path stroke="#000000" d="[MmHhVv0-9. ]+"\/><\/svg>\n?$/;

/**
 * The QR code as markup for the html template. It is our own generated markup, not data: the
 * text only decides which modules are dark, never any text in the SVG, and the output is checked
 * against the one shape qrcode writes before it is trusted, so an upgrade that changed it (or
 * anything unexpected) fails loudly instead of reaching the page unescaped.
 */
export async function qrCodeSvg(text: string, label: string): Promise<Html> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
  if (!EXPECTED_SVG.test(svg)) throw new Error('qrcode wrote an SVG of an unexpected shape; refusing to put it in a page');
  // role and name for screen readers; the label is escaped like any attribute value
  const named = svg.trimEnd().replace('<svg ', `<svg role="img" aria-label="${escapeHtml(label)}" focusable="false" `);
  return new Html(named);
}
