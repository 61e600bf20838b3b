// The otpauth:// link of a TOTP enrolment as a QR code: inline SVG made on the server
// (http/qr-svg.ts, shared with the printed charter).
import { qrCodeSvg } from '../http/qr-svg.ts';
import type { Html } from '../http/html.ts';

/** The enrolment link as a QR code; http/qr-svg.ts checks qrcode's output before it is trusted. */
export function totpQrSvg(uri: string, label: string): Promise<Html> {
  return qrCodeSvg(uri, label);
}
