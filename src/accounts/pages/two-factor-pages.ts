// Setting up two-step sign-in (TOTP) and typing a code after the password. The otpauth:// link
// as a QR code (inline SVG, totp-qr.ts) to scan, and beside it the key in groups of four to type
// and the link itself, which opens the app on a phone.
import { t, type Lang } from '../../core/i18n/index.ts';
import { csrfField, renderNotice, type FieldErrors } from '../../http/form-parts.ts';
import { html, type Html } from '../../http/html.ts';
import type { RenderedPage } from '../../http/layout.ts';
import { describedBy, errorSummary, fieldError } from './form-parts.ts';

export interface EnrolView {
  action: string;
  csrfToken: string;
  /** shown when the role needs it and nothing else can be done before */
  required: boolean;
  uri: string;
  secret: string;
  /** the link as a QR code: trusted markup made by totpQrSvg() */
  qr: Html;
  next?: string | undefined;
  errors: FieldErrors;
}

const inGroups = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');

function codeInput(lang: Lang, errors: FieldErrors) {
  return html`<label for="code">${t(lang, 'twofactor.code')}</label>
  <p class="hint" id="code-hint">${t(lang, 'twofactor.code_hint')}</p>
  ${fieldError(errors, 'code')}
  <input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9 ]{6,7}" maxlength="7" required
    aria-describedby="${describedBy(errors, 'code') ?? 'code-hint'}">`;
}

export function renderEnrolPage(lang: Lang, view: EnrolView): RenderedPage {
  const title = t(lang, 'twofactor.enrol_title');
  const body = html`<h1>${title}</h1>
${errorSummary(lang, view.errors)}
${renderNotice(view.required ? t(lang, 'twofactor.required') : undefined)}
<p>${t(lang, 'twofactor.enrol_steps')}</p>
<div class="totp-enrol">
<figure class="totp-qr">${view.qr}<figcaption>${t(lang, 'twofactor.qr')}</figcaption></figure>
<dl>
  <dt>${t(lang, 'twofactor.secret')}</dt><dd><code class="totp-secret">${inGroups(view.secret)}</code></dd>
  <dt>${t(lang, 'twofactor.uri')}</dt><dd><a href="${view.uri}"><code>${view.uri}</code></a></dd>
</dl>
</div>
<form method="post" action="${view.action}" class="form">
  ${csrfField(view.csrfToken)}
  ${view.next ? html`<input type="hidden" name="next" value="${view.next}">` : ''}
  ${codeInput(lang, view.errors)}
  <button type="submit">${t(lang, 'twofactor.confirm')}</button>
</form>`;
  return { title, body };
}

export function renderEnrolledPage(lang: Lang): RenderedPage {
  const title = t(lang, 'twofactor.enrol_title');
  return { title, body: html`<h1>${title}</h1><p>${t(lang, 'twofactor.enabled')}</p><p><a href="/account">${t(lang, 'account.title')}</a></p>` };
}

export function renderCodePage(lang: Lang, view: { csrfToken: string; next?: string | undefined; errors: FieldErrors; general?: string | undefined }): RenderedPage {
  const title = t(lang, 'twofactor.code_title');
  const body = html`<h1>${title}</h1>
${errorSummary(lang, view.errors, view.general)}
<p>${t(lang, 'twofactor.code_intro')}</p>
<form method="post" action="/login/code" class="form">
  ${csrfField(view.csrfToken)}
  ${view.next ? html`<input type="hidden" name="next" value="${view.next}">` : ''}
  ${codeInput(lang, view.errors)}
  <button type="submit">${t(lang, 'twofactor.verify')}</button>
</form>`;
  return { title, body };
}
