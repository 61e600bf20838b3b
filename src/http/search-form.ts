// The portal's search box, one form wherever it shows (the home page, the search page, a page
// not found): a plain GET to /search, so it works without JavaScript.
import { t, type Lang, type MessageKey } from '../core/i18n/index.ts';
import { html, type Html } from './html.ts';

/** The longest search the portal takes (src/search/ says so when one is longer). */
export const SEARCH_MAX_LENGTH = 200;

export interface SearchFormOptions {
  /** the label over the box; default: what the box takes */
  label?: MessageKey;
  /** a problem with what was typed, shown above the box and announced with it */
  error?: string;
}

export function renderSearchForm(lang: Lang, query: string, options: SearchFormOptions = {}): Html {
  const described = options.error ? 'q-error q-hint' : 'q-hint';
  return html`<form class="search" method="get" action="/search" role="search">
<label for="q">${t(lang, options.label ?? 'search.label')}</label>
<p class="hint" id="q-hint">${t(lang, 'search.hint')}</p>
${options.error ? html`<p class="error-message" id="q-error">${options.error}</p>` : ''}
<div class="search-row"><input type="search" id="q" name="q" value="${query}" maxlength="${SEARCH_MAX_LENGTH}" aria-describedby="${described}" autocomplete="off"><button type="submit">${t(lang, 'search.button')}</button></div>
</form>`;
}
