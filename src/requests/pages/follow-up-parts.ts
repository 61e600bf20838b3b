// The parts of the citizen's tracking page that follow a request on: where a transferred request
// went (and where one came from), and for a delivered service the rating form or the rating given.
import { formatNumber } from '../../core/format.ts';
import { t, type Lang } from '../../core/i18n/index.ts';
import { csrfField, hiddenField, renderField, renderFormButtons } from '../../http/form-parts.ts';
import { html, type Html } from '../../http/html.ts';
import { officeName } from '../../offices/index.ts';
import { RATING_COMMENT_MAX, RATINGS } from '../rating.ts';
import type { TrackedRequest } from '../tracking.ts';

/** What the rating form needs: the number and digits the citizen gave, sent again with the rating. */
export interface RatingFormData {
  csrf: string;
  mobileLast4: string;
  /** just rated: say thank you */
  thanked?: boolean | undefined;
  /** a refused rating: why, and what was chosen and written */
  error?: string | undefined;
  values?: { rating: string; comment: string } | undefined;
}

function renderTransfer(lang: Lang, request: TrackedRequest): Html {
  const { transferredTo, transferredFrom } = request.followUp;
  const parts: Html[] = [];
  if (transferredTo) {
    const params = { office: officeName(lang, transferredTo.office), number: transferredTo.trackingNumber };
    parts.push(html`<div class="notice transferred" role="status"><p>${t(lang, 'track.transferred_to', params)}</p>
<p><a href="/track?number=${encodeURIComponent(transferredTo.trackingNumber)}">${t(lang, 'track.follow_new')}</a></p></div>`);
  }
  if (transferredFrom) {
    parts.push(html`<p class="transferred-from">${t(lang, 'track.transferred_from', { office: officeName(lang, transferredFrom.office), number: transferredFrom.trackingNumber })}</p>`);
  }
  return html`${parts}`;
}

function renderGivenRating(lang: Lang, request: TrackedRequest, form: RatingFormData | undefined): Html {
  const { rating } = request.followUp;
  if (!rating) return html``;
  return html`<section class="rating given" aria-labelledby="rating-heading">
<h2 id="rating-heading">${t(lang, 'rating.heading')}</h2>
${form?.thanked ? html`<div class="notice" role="status"><p>${t(lang, 'rating.thanks')}</p></div>` : ''}
<p class="rating-value">${t(lang, 'rating.yours', { rating: formatNumber(lang, rating.rating) })}</p>
${rating.comment ? html`<p><strong>${t(lang, 'rating.your_comment')}:</strong> <span class="pre-line">${rating.comment}</span></p>` : ''}
</section>`;
}

function renderRatingForm(lang: Lang, request: TrackedRequest, form: RatingFormData): Html {
  const chosen = form.values?.rating ?? '';
  const errorId = 'f-rating-error';
  return html`<section class="rating" aria-labelledby="rating-heading">
<h2 id="rating-heading">${t(lang, 'rating.heading')}</h2>
<p>${t(lang, 'rating.lead')}</p>
<form method="post" action="/track/rating" class="editor-form rating-form" novalidate>
${csrfField(form.csrf)}
${hiddenField('tracking_number', request.trackingNumber)}
${hiddenField('mobile_last4', form.mobileLast4)}
<fieldset class="field${form.error ? ' field-error' : ''}" id="f-rating"${form.error ? html` aria-describedby="${errorId}"` : ''}>
<legend>${t(lang, 'rating.legend')}</legend>
${form.error ? html`<p class="error-message" id="${errorId}">${form.error}</p>` : ''}
${RATINGS.map(
  (value) => html`<div class="radio"><input type="radio" name="rating" id="f-rating-${String(value)}" value="${String(value)}"${chosen === String(value) ? ' checked' : ''}>
<label for="f-rating-${String(value)}">${t(lang, `rating.value.${value}`)}</label></div>`,
)}
</fieldset>
${renderField(lang, { name: 'comment', label: 'rating.field.comment', hint: 'rating.hint.comment', value: form.values?.comment ?? '', rows: 3, maxlength: RATING_COMMENT_MAX })}
${renderFormButtons([{ label: t(lang, 'rating.submit') }])}
</form>
</section>`;
}

export function renderFollowUp(lang: Lang, request: TrackedRequest, form: RatingFormData | undefined): Html {
  const formShown = !request.followUp.rating && request.status === 'delivered' && form !== undefined;
  const rating = request.followUp.rating ? renderGivenRating(lang, request, form) : formShown && form ? renderRatingForm(lang, request, form) : html``;
  // a refusal with no form to show it beside (rated already, not delivered) is said at the top
  const refused = form?.error && !formShown ? html`<div class="error-summary" role="alert"><p>${form.error}</p></div>` : html``;
  return html`${refused}${renderTransfer(lang, request)}${rating}`;
}
