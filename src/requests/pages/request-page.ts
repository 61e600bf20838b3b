// One request as the office's staff see it: its promise and where it stands, the applicant and
// their contacts, the whole history with internal events marked, and, for those who may handle
// it, a small form per next step and the choice of who handles it.
import type { OfficeStaffMember } from '../../accounts/index.ts';
import { t, type Lang, type MessageKey } from '../../core/i18n/index.ts';
import { html, type Html } from '../../http/html.ts';
import type { RenderedPage } from '../../http/layout.ts';
import { displayName } from '../assignment.ts';
import { renderRequestAttachments, type AttachmentItem } from './attachments-page.ts';
import type { RequestRow } from '../repository.ts';
import type { RequestAction } from '../request-states.ts';
import { renderTransferLink, renderTransferredNotice } from './transfer-page.ts';
import { channelText, dueOf, formatShortMoment, officeTrail, renderDue, requestHref, serviceNameOf, statusText, type OfficeLabel } from './queue-page.ts';

/** The actions the request page offers as buttons or notes; assignment has a form of its own. */
export const PAGE_ACTIONS = ['accept', 'return', 'resume', 'start', 'deliver', 'reject', 'note'] as const satisfies readonly RequestAction[];
export type PageAction = (typeof PAGE_ACTIONS)[number];

/** Actions whose form takes a text, and what the text is called. */
const NOTE_LABELS: Partial<Record<PageAction, MessageKey>> = {
  return: 'office_requests.note.return',
  reject: 'office_requests.note.reject',
  note: 'office_requests.note.note',
};

export interface RequestEventView {
  at: Date;
  action: string;
  public: boolean;
  status_after: string;
  actor_label: string;
  note: string | null;
}

/** The form an action error belongs to: one of the actions, or the assignment. */
export type PageForm = PageAction | 'assign';

export interface RequestPageView {
  office: OfficeLabel;
  request: RequestRow;
  events: RequestEventView[];
  /** the actions the request's state allows and the user may take; none for a reader */
  actions: PageAction[];
  /** who may be chosen to handle it, when the user may assign it and its state allows; null: no form */
  assignees: readonly OfficeStaffMember[] | null;
  /** the name of the user it is assigned to, when it is */
  assigneeName: string | null;
  now: Date;
  endOfToday: Date;
  csrf: string;
  notice?: string | undefined;
  /** the request's files (attachments-page.ts); left out, the page links to them only */
  attachments?: readonly AttachmentItem[] | undefined;
  /** an action refused: which form, why, and the text that was typed */
  actionError?: { action: PageForm; error: MessageKey; note: string } | undefined;
}

const actionsHref = (view: RequestPageView) => `${requestHref(view.office.slug, view.request.tracking_number)}/actions`;

function fact(label: MessageKey, lang: Lang, value: Html | string, valueLang?: Lang): Html {
  return html`<div><dt>${t(lang, label)}</dt><dd${valueLang ? html` lang="${valueLang}"` : ''}>${value}</dd></div>`;
}

function renderFacts(lang: Lang, view: RequestPageView): Html {
  const { request } = view;
  const serviceHref = `/offices/${encodeURIComponent(view.office.slug)}/services/${encodeURIComponent(request.service_code)}`;
  const due = dueOf(request, view.now, view.endOfToday);
  const assigned =
    request.assigned_user_id === null ? t(lang, 'office_requests.not_assigned') : (view.assigneeName ?? t(lang, 'office_requests.user_number', { id: request.assigned_user_id }));
  return html`<dl class="service-fields request-facts">
${fact('office_requests.field.status', lang, html`<strong>${statusText(lang, request.status)}</strong>`)}
${fact('office_requests.field.service', lang, html`<a href="${serviceHref}">${serviceNameOf(lang, request)}</a>`)}
${fact('office_requests.field.channel', lang, channelText(lang, request.channel))}
${fact('office_requests.field.received', lang, formatShortMoment(lang, request.received_at))}
${fact('office_requests.field.due', lang, renderDue(lang, due))}
${request.closed_at ? fact('office_requests.field.closed', lang, formatShortMoment(lang, request.closed_at)) : ''}
${request.rejection_reason ? fact('office_requests.field.rejection_reason', lang, request.rejection_reason) : ''}
${fact('office_requests.field.assigned', lang, assigned)}
${fact('office_requests.field.details', lang, request.details ? html`<span class="pre-line">${request.details}</span>` : t(lang, 'office_requests.not_given'))}
</dl>`;
}

function renderCitizen(lang: Lang, request: RequestRow): Html {
  const given = (value: string | null, link?: string) => (value === null ? html`<span class="muted">${t(lang, 'office_requests.not_given')}</span>` : link ? html`<a href="${link}">${value}</a>` : value);
  return html`<h2>${t(lang, 'office_requests.citizen_heading')}</h2>
<dl class="service-fields request-facts">
${fact('office_requests.field.citizen_name', lang, request.citizen_name)}
${fact('office_requests.field.citizen_mobile', lang, given(request.citizen_mobile, request.citizen_mobile ? `tel:${request.citizen_mobile}` : undefined))}
${fact('office_requests.field.citizen_email', lang, given(request.citizen_email, request.citizen_email ? `mailto:${request.citizen_email}` : undefined))}
${fact('office_requests.field.citizen_address', lang, given(request.citizen_address))}
</dl>`;
}

/** Who took a step: staff by their e-mail; the citizen's own steps (the online form, the rating) in the reader's language. */
const whoDid = (lang: Lang, event: { actor_label: string }) => (event.actor_label === 'citizen' ? t(lang, 'office_requests.by_citizen') : event.actor_label);

function renderActionForm(lang: Lang, view: RequestPageView, action: PageAction): Html {
  const noteLabel = NOTE_LABELS[action];
  const error = view.actionError?.action === action ? view.actionError : undefined;
  const id = `f-note-${action}`;
  const button = html`<button type="submit" class="${action === 'reject' ? 'warning' : action === 'note' ? 'secondary' : 'primary'}">${t(lang, `office_requests.action.${action}`)}</button>`;
  const hidden = html`<input type="hidden" name="_csrf" value="${view.csrf}"><input type="hidden" name="action" value="${action}">`;
  if (!noteLabel) {
    return html`<form method="post" action="${actionsHref(view)}" class="request-action" id="action-${action}">${hidden}${
      error ? html`<p class="error-message">${t(lang, error.error)}</p>` : ''
    }${button}</form>`;
  }
  // the text box opens under its summary (no script needed), and stays open to show an error
  return html`<details class="request-action-details${error ? ' has-error' : ''}" id="action-${action}"${error ? ' open' : ''}>
<summary>${t(lang, `office_requests.action.${action}`)}</summary>
<form method="post" action="${actionsHref(view)}" class="request-action with-note editor-form" novalidate>
${hidden}
<label for="${id}">${t(lang, noteLabel)}</label>
${error ? html`<p class="error-message" id="${id}-error">${t(lang, error.error)}</p>` : ''}
<textarea id="${id}" name="note" rows="3"${error ? html` aria-invalid="true" aria-describedby="${id}-error"` : ''}>\n${error?.note ?? ''}</textarea>
${button}
</form>
</details>`;
}

function assigneeOption(lang: Lang, member: OfficeStaffMember, selected: boolean): Html {
  const roles = member.roles.map((role) => t(lang, `role.${role}`)).join(', ');
  return html`<option value="${String(member.id)}"${selected ? ' selected' : ''}>${displayName(lang, member)} (${roles})</option>`;
}

function renderAssignForm(lang: Lang, view: RequestPageView, assignees: readonly OfficeStaffMember[]): Html {
  const error = view.actionError?.action === 'assign' ? view.actionError : undefined;
  // after a refusal the choice that was refused is not kept: it is not among the options
  const current = error ? null : view.request.assigned_user_id;
  return html`<form method="post" action="${actionsHref(view)}" class="request-action request-assign editor-form" id="action-assign" novalidate>
<input type="hidden" name="_csrf" value="${view.csrf}"><input type="hidden" name="action" value="assign">
<label for="f-assignee">${t(lang, 'office_requests.assign.label')}</label>
${error ? html`<p class="error-message" id="f-assignee-error">${t(lang, error.error)}</p>` : ''}
<select id="f-assignee" name="assignee"${error ? html` aria-invalid="true" aria-describedby="f-assignee-error"` : ''}>
<option value=""${current === null ? ' selected' : ''}>${t(lang, 'office_requests.assign.nobody')}</option>
${assignees.map((member) => assigneeOption(lang, member, member.id === current))}
</select>
<button type="submit" class="secondary">${t(lang, 'office_requests.action.assign')}</button>
</form>`;
}

function renderActions(lang: Lang, view: RequestPageView): Html {
  if (view.actions.length === 0 && view.assignees === null) return html``;
  const plain = view.actions.filter((action) => !NOTE_LABELS[action]);
  const withNote = view.actions.filter((action) => NOTE_LABELS[action]);
  const onlyNote = plain.length === 0 && withNote.length === 1 && withNote[0] === 'note';
  return html`<section class="request-actions" aria-labelledby="actions-heading">
<h2 id="actions-heading">${t(lang, 'office_requests.actions_heading')}</h2>
${onlyNote ? html`<p>${t(lang, 'office_requests.no_actions')}</p>` : ''}
${plain.length > 0 ? html`<div class="request-action-buttons">${plain.map((action) => renderActionForm(lang, view, action))}</div>` : ''}
${view.assignees ? renderAssignForm(lang, view, view.assignees) : ''}
${withNote.map((action) => renderActionForm(lang, view, action))}
</section>`;
}

function eventName(lang: Lang, action: string): string {
  if (action === 'attach') return t(lang, 'attachments.event.attach');
  const known = ['received', 'accept', 'return', 'resume', 'start', 'deliver', 'reject', 'transfer', 'assign', 'note', 'reminded', 'rated'] as const;
  const found = known.find((candidate) => candidate === action);
  return found ? t(lang, `office_requests.event.${found}`) : action;
}

function renderTimeline(lang: Lang, events: RequestEventView[]): Html {
  return html`<h2>${t(lang, 'office_requests.timeline_heading')}</h2>
<ol class="request-timeline">
${events.map(
  (event) => html`<li${event.public ? '' : html` class="internal"`}>
<p class="event-head"><time datetime="${event.at.toISOString()}">${formatShortMoment(lang, event.at)}</time> · <strong>${eventName(lang, event.action)}</strong></p>
${event.public ? '' : html`<p class="internal-mark">${t(lang, 'office_requests.internal')}</p>`}
${event.note ? html`<p class="event-note pre-line">${event.note}</p>` : ''}
<p class="event-by muted">${t(lang, 'office_requests.by', { who: whoDid(lang, event) })}</p>
</li>`,
)}
</ol>`;
}

export function renderRequestPage(lang: Lang, view: RequestPageView): RenderedPage {
  const title = t(lang, 'office_requests.request_title', { number: view.request.tracking_number });
  const error = view.actionError;
  const body = html`${officeTrail(lang, view.office, true)}
<h1>${t(lang, 'office_requests.request_title', { number: '' }).trim()} <span class="tracking-number">${view.request.tracking_number}</span></h1>
${view.notice ? html`<div class="notice" role="status"><p>${view.notice}</p></div>` : ''}
${
  error
    ? html`<div class="error-summary" role="alert"><h2>${t(lang, 'office_requests.errors_title')}</h2><ul><li>${
        error.action === 'assign'
          ? html`<a href="#f-assignee">${t(lang, 'office_requests.assign.label')}: ${t(lang, error.error)}</a>`
          : html`<a href="#action-${error.action}">${t(lang, `office_requests.action.${error.action}`)}: ${t(lang, error.error)}</a>`
      }</li></ul></div>`
    : ''
}
${renderTransferredNotice(lang, view.request, view.events)}
${renderFacts(lang, view)}
${renderCitizen(lang, view.request)}
${renderRequestAttachments(lang, view.office, view.request.tracking_number, view.attachments)}
${renderActions(lang, view)}
${renderTransferLink(lang, view.office, view.request, view.actions.length > 0)}
${renderTimeline(lang, view.events)}
<p class="back"><a href="/offices/${encodeURIComponent(view.office.slug)}/requests">${t(lang, 'office_requests.back_to_queue')}</a></p>`;
  return { title: `${title} — ${view.office.name}`, body };
}
