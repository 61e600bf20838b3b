// What sending a mail means to the rest of the program: one plain-text message to one address.
// Two ways to deliver it: SMTP (smtp-mailer.ts) or, with no SMTP server configured, the outbox.

export interface MailMessage {
  to: string;
  subject: string;
  /** plain text; Bangla and English both, one after the other */
  text: string;
}

export interface Mailer {
  /** 'smtp' sends for real; 'outbox' keeps the message for /admin/outbox */
  readonly kind: 'smtp' | 'outbox';
  /** Resolves once the message is accepted (by the SMTP server, or stored); rejects if it was not. */
  send(message: MailMessage): Promise<void>;
  close(): Promise<void>;
}

/** The log's view of a message: whom to and what about, never the body (it carries single-use links). */
export function describeForLog(message: MailMessage): { to: string; subject: string } {
  return { to: message.to, subject: message.subject };
}
