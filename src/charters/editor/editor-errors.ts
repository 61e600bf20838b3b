// The charter editor's own refusals: a form saved over a draft that changed since it was opened,
// an officer still named by services, a row that is no longer there. Their text is
// `error.<code>` in the editor's catalogue; the routes answer most of them with the form again.
import { DomainError, type ErrorStatus } from '../../core/errors.ts';

export const CHARTER_EDITOR_ERROR_CODES = ['stale_draft', 'officer_in_use', 'officer_not_found', 'officer_duplicate', 'grs_contact_not_found'] as const;
export type CharterEditorErrorCode = (typeof CHARTER_EDITOR_ERROR_CODES)[number];

const STATUS: Record<CharterEditorErrorCode, ErrorStatus> = {
  stale_draft: 409,
  officer_in_use: 409,
  officer_duplicate: 409,
  officer_not_found: 404,
  grs_contact_not_found: 404,
};

export class CharterEditorError extends DomainError {
  override readonly name = 'CharterEditorError';
  readonly status: ErrorStatus;

  constructor(
    override readonly code: CharterEditorErrorCode,
    detail?: string,
  ) {
    super(code, detail);
    this.status = STATUS[code];
  }
}

/** The services that still name an officer, so the page can say which ones. */
export class OfficerInUseError extends CharterEditorError {
  constructor(readonly services: readonly { code: string; name_bn: string | null }[]) {
    super('officer_in_use', services.map((service) => service.code).join(', '));
  }
}

/** The officer is already on the list, as number `number` (from 1). */
export class OfficerDuplicateError extends CharterEditorError {
  constructor(readonly number: number) {
    super('officer_duplicate', String(number));
  }
}
