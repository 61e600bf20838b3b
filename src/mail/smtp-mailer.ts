// Sending over SMTP with nodemailer. SMTP_URL carries the password; it is handed to nodemailer
// and never logged (nodemailer's own logger stays off).
import nodemailer from 'nodemailer';
import type { Mailer, MailMessage } from './mailer.ts';

export interface SmtpOptions {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://user:pass@host:465 */
  url: string;
  from: string;
}

// A mail server that does not answer must not hold a person's request for minutes.
const TIMEOUT_MS = 15_000;

export function createSmtpMailer(options: SmtpOptions): Mailer {
  const transport = nodemailer.createTransport({
    url: options.url,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
    logger: false,
    debug: false,
  });
  return {
    kind: 'smtp',
    async send(message: MailMessage) {
      await transport.sendMail({ from: options.from, to: message.to, subject: message.subject, text: message.text });
    },
    async close() {
      transport.close();
    },
  };
}

/** What may be logged of a failed send: its code, never the message (which can quote the URL with its password). */
export function describeSendError(error: unknown): { code: string; responseCode?: number } {
  if (error && typeof error === 'object') {
    const { code, responseCode } = error as { code?: unknown; responseCode?: unknown };
    return { code: typeof code === 'string' ? code : 'unknown', ...(typeof responseCode === 'number' ? { responseCode } : {}) };
  }
  return { code: 'unknown' };
}
