// The office's queue of requests: one tab per view with its count, a page of 50 by due moment
// with who handles each, and the words for statuses, channels and deadlines the request page shares.
import { formatDate, formatNumber, formatTime } from '../../core/format.ts';
import { t, type Lang } from '../../core/i18n/index.ts';
import { renderBreadcrumbs } from '../../http/breadcrumbs.ts';
import { html, type Html } from '../../http/html.ts';
import type { RenderedPage } from '../../http/layout.ts';
import { QUEUE_COUNT_CAP, QUEUE_VIEWS, type QueueRow, type QueueView, type RequestRow } from '../repository.ts';

export const QUEUE_PAGE_SIZE = 50;

export function requestsHref(slug: string, rest = ''): string {
  return `/offices/${encodeURIComponent(slug)}/requests${rest}`;
}

export function requestHref(slug: string, trackingNumber: string): string {
  return requestsHref(slug, `/${encodeURIComponent(trackingNumber)}`);
}

export interface OfficeLabel {
  slug: string;
  name: string;
}

/** Home › the office, above every page of the office's requests. */
export function officeTrail(lang: Lang, office: OfficeLabel, withQueue: boolean): Html {
  const trail = [
    { label: t(lang, 'nav.home'), href: '/' },
    { label: office.name, href: `/offices/${encodeURIComponent(office.slug)}` },
  ];
  if (withQueue) trail.push({ label: t(lang, 'office_requests.title'), href: requestsHref(office.slug) });
  return renderBreadcrumbs(lang, trail);
}

/** 25 November 2026, 14:30 on the Dhaka clock. */
export function formatShortMoment(lang: Lang, at: Date): string {
  return `${formatDate(lang, at)}, ${formatTime(lang, at)}`;
}

export const serviceNameOf = (lang: Lang, request: Pick<RequestRow, 'service_name_bn' | 'service_name_en'>) =>
  lang === 'en' ? (request.service_name_en ?? request.service_name_bn) : request.service_name_bn;

export const statusText = (lang: Lang, status: RequestRow['status']) => t(lang, `office_requests.status.${status}`);
export const channelText = (lang: Lang, channel: RequestRow['channel']) => t(lang, `office_requests.channel.${channel}`);

type DueFlag = 'overdue' | 'today' | 'paused' | 'no_limit' | 'on_time' | 'late';

/** The due moment as staff read it, with what matters about it now. */
export function dueOf(
  request: Pick<RequestRow, 'status' | 'due_at' | 'closed_at' | 'on_time'> & { has_time_limit?: boolean },
  now: Date,
  endOfToday: Date,
): { at: Date | null; flag: DueFlag | null } {
  const at = request.due_at;
  if (request.closed_at !== null) {
    if (request.on_time === true) return { at, flag: 'on_time' };
    if (request.on_time === false) return { at, flag: 'late' };
    return { at, flag: at === null ? 'no_limit' : null };
  }
  if (at === null) return { at, flag: request.status === 'returned' && request.has_time_limit !== false ? 'paused' : 'no_limit' };
  if (at.getTime() < now.getTime()) return { at, flag: request.status === 'returned' ? 'paused' : 'overdue' };
  if (at.getTime() <= endOfToday.getTime()) return { at, flag: 'today' };
  return { at, flag: null };
}

const FLAG_KEYS = {
  overdue: 'office_requests.due.overdue',
  today: 'office_requests.due.today',
  paused: 'office_requests.due.paused',
  no_limit: 'office_requests.due.no_limit',
  on_time: 'office_requests.due.on_time',
  late: 'office_requests.due.late',
} as const;

export function renderDue(lang: Lang, due: ReturnType<typeof dueOf>): Html {
  const flag = due.flag ? html`<strong class="due-flag due-${due.flag.replace('_', '-')}">${t(lang, FLAG_KEYS[due.flag])}</strong>` : '';
  const when = due.at && due.flag !== 'no_limit' && due.flag !== 'paused' ? html`<span class="due-at">${formatShortMoment(lang, due.at)}</span>` : '';
  return html`${when}${when && flag ? html`<br>` : ''}${flag}`;
}

export interface QueuePageView {
  office: OfficeLabel;
  view: QueueView;
  /** the tabs in the order shown; the first is the view the queue opens on */
  tabs: readonly QueueView[];
  counts: Record<QueueView, number>;
  /** this page's rows, at most QUEUE_PAGE_SIZE */
  rows: QueueRow[];
  /** the names of the users the rows are assigned to, by id */
  assigneeNames: ReadonlyMap<number, string>;
  /** whether the user may register requests at the desk */
  canRegister: boolean;
  page: number;
  hasNext: boolean;
  now: Date;
  endOfToday: Date;
}

/** The tabs in order: everything open first, or, for a responsible officer, what is theirs. */
export function queueTabs(mineFirst: boolean): readonly QueueView[] {
  return mineFirst ? ['mine', ...QUEUE_VIEWS.filter((view) => view !== 'mine')] : QUEUE_VIEWS;
}

/** The view the queue opens on is left out of its address, so the bare address stays the user's own first tab. */
function viewHref(page: Pick<QueuePageView, 'office' | 'tabs'>, view: QueueView, number = 1): string {
  const query = new URLSearchParams();
  if (view !== page.tabs[0]) query.set('view', view);
  if (number > 1) query.set('page', String(number));
  const text = query.toString();
  return requestsHref(page.office.slug, text ? `?${text}` : '');
}

function renderTabs(lang: Lang, page: QueuePageView): Html {
  return html`<nav class="queue-views" aria-label="${t(lang, 'office_requests.views')}"><ul>${page.tabs.map((view) => {
    const label = html`${t(lang, `office_requests.view.${view}`)} <span class="count">(${tabCount(lang, page.counts[view])})</span>`;
    return view === page.view
      ? html`<li><a href="${viewHref(page, view)}" aria-current="page">${label}</a></li>`
      : html`<li><a href="${viewHref(page, view)}">${label}</a></li>`;
  })}</ul></nav>`;
}

type ColumnKey = 'number' | 'service' | 'citizen' | 'channel' | 'received' | 'due' | 'status' | 'assigned';

function renderRow(lang: Lang, page: QueuePageView, row: QueueRow): Html {
  const label = (key: ColumnKey) => t(lang, `office_requests.column.${key}`);
  const due = dueOf(row, page.now, page.endOfToday);
  const assignee = row.assigned_user_id === null ? '' : (page.assigneeNames.get(row.assigned_user_id) ?? t(lang, 'office_requests.user_number', { id: row.assigned_user_id }));
  return html`<tr${due.flag === 'overdue' ? html` class="queue-overdue"` : ''}>
<td class="number" data-label="${label('number')}"><a href="${requestHref(page.office.slug, row.tracking_number)}">${row.tracking_number}</a></td>
<td data-label="${label('service')}">${serviceNameOf(lang, row)}</td>
<td data-label="${label('citizen')}">${row.citizen_name}</td>
<td data-label="${label('channel')}">${channelText(lang, row.channel)}</td>
<td data-label="${label('received')}">${formatShortMoment(lang, row.received_at)}</td>
<td data-label="${label('due')}">${renderDue(lang, due)}</td>
<td data-label="${label('status')}">${statusText(lang, row.status)}</td>
<td data-label="${label('assigned')}">${assignee}</td>
</tr>`;
}

function renderPager(lang: Lang, page: QueuePageView): Html {
  if (page.page === 1 && !page.hasNext) return html``;
  const first = (page.page - 1) * QUEUE_PAGE_SIZE + 1;
  const last = first + page.rows.length - 1;
  return html`<nav class="pager">
<span>${t(lang, 'office_requests.showing', { from: formatNumber(lang, first), to: formatNumber(lang, last) })}</span>
${page.page > 1 ? html`<a href="${viewHref(page, page.view, page.page - 1)}" rel="prev">${t(lang, 'office_requests.previous_page')}</a>` : ''}
${page.hasNext ? html`<a href="${viewHref(page, page.view, page.page + 1)}" rel="next">${t(lang, 'office_requests.next_page')}</a>` : ''}
</nav>`;
}

/** A tab's count; past the cap the count stopped, and says so ("1000+"). */
const tabCount = (lang: Lang, count: number) => (count > QUEUE_COUNT_CAP ? `${formatNumber(lang, QUEUE_COUNT_CAP)}+` : formatNumber(lang, count));

export function renderQueuePage(lang: Lang, page: QueuePageView): RenderedPage {
  const title = t(lang, 'office_requests.title');
  const column = (key: ColumnKey) => html`<th scope="col">${t(lang, `office_requests.column.${key}`)}</th>`;
  const body = html`${officeTrail(lang, page.office, false)}
<h1>${title}</h1>
${page.canRegister ? html`<p><a class="button-link" href="${requestsHref(page.office.slug, '/new')}">${t(lang, 'office_requests.register_link')}</a></p>` : ''}
${renderTabs(lang, page)}
${
  page.rows.length === 0
    ? html`<p class="queue-empty">${t(lang, 'office_requests.empty')}</p>`
    : html`<table class="queue">
<thead><tr>${column('number')}${column('service')}${column('citizen')}${column('channel')}${column('received')}${column('due')}${column('status')}${column('assigned')}</tr></thead>
<tbody>
${page.rows.map((row) => renderRow(lang, page, row))}
</tbody>
</table>`
}
${renderPager(lang, page)}`;
  return { title: `${title} — ${page.office.name}`, body };
}
