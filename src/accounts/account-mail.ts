// The text of the mails accounts sends: Bangla first, then English, one plain-text message.
import { t, type MessageKey } from '../core/i18n/index.ts';
import type { MailMessage } from '../mail/index.ts';

function bilingual(to: string, subject: MessageKey, body: MessageKey, params: Record<string, string>): MailMessage {
  return {
    to,
    subject: `${t('bn', subject)} / ${t('en', subject)}`,
    text: `${t('bn', body, params)}\n\n— — —\n\n${t('en', body, params)}\n`,
  };
}

export function invitationMail(to: string, name: string, link: string): MailMessage {
  return bilingual(to, 'mail.invite_subject', 'mail.invite_body', { name, link });
}

export function passwordResetMail(to: string, link: string): MailMessage {
  return bilingual(to, 'mail.reset_subject', 'mail.reset_body', { link });
}

export function twoFactorResetMail(to: string, name: string): MailMessage {
  return bilingual(to, 'mail.totp_reset_subject', 'mail.totp_reset_body', { name });
}
