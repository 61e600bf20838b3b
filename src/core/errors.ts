// The base of every feature's typed errors: a code whose Bangla and English text is in the
// i18n catalogue under `error.<code>`, and the HTTP status it maps to.
import type { MessageKey } from './i18n/index.ts';

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429;

export abstract class DomainError extends Error {
  abstract readonly status: ErrorStatus;

  constructor(
    readonly code: string,
    readonly detail?: string,
    /** the one input field at fault, when there is one ("from", "office") */
    readonly field?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
  }

  get messageKey(): MessageKey {
    return `error.${this.code}` as MessageKey;
  }
}
