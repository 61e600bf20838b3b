// What can happen to a request in each state, and what each action does to its state, its
// deadline clock and who sees it. Pure: the rules are tested without a database.

export const REQUEST_STATUSES = ['submitted', 'accepted', 'returned', 'in_progress', 'delivered', 'rejected', 'transferred'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const CLOSED_STATUSES: readonly RequestStatus[] = ['delivered', 'rejected', 'transferred'];
export const isOpen = (status: RequestStatus) => !CLOSED_STATUSES.includes(status);

/** Actions staff take on a request; receipt itself is not one of them (it creates the request). */
export const REQUEST_ACTIONS = ['accept', 'return', 'resume', 'start', 'deliver', 'reject', 'transfer', 'assign', 'note'] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

interface ActionRule {
  from: readonly RequestStatus[];
  /** the state after; null: the state stays as it was */
  to: RequestStatus | null;
  /** what it does to the deadline clock */
  clock: 'pause' | 'resume' | 'close' | null;
  /** shown on the citizen's tracking page */
  public: boolean;
  /** the text staff must give: the missing documents, the reason for rejecting, the note */
  needsNote: boolean;
}

const OPEN: readonly RequestStatus[] = ['submitted', 'accepted', 'returned', 'in_progress'];

const RULES: Record<RequestAction, ActionRule> = {
  // documents complete: the office takes the request on
  accept: { from: ['submitted'], to: 'accepted', clock: null, public: true, needsNote: false },
  // back to the citizen for missing documents or fee: the promise waits for them
  return: { from: ['submitted', 'accepted', 'in_progress'], to: 'returned', clock: 'pause', public: true, needsNote: true },
  // the citizen brought what was missing: the clock runs again with the time that was left
  resume: { from: ['returned'], to: 'accepted', clock: 'resume', public: true, needsNote: false },
  start: { from: ['accepted'], to: 'in_progress', clock: null, public: true, needsNote: false },
  deliver: { from: ['submitted', 'accepted', 'in_progress'], to: 'delivered', clock: 'close', public: true, needsNote: false },
  reject: { from: OPEN, to: 'rejected', clock: 'close', public: true, needsNote: true },
  // to another office for a service only it gives: this request closes, a new one opens there (transfer.ts)
  transfer: { from: OPEN, to: 'transferred', clock: 'close', public: true, needsNote: false },
  assign: { from: OPEN, to: null, clock: null, public: false, needsNote: false },
  // internal: never on the citizen's page
  note: { from: [...OPEN, ...CLOSED_STATUSES], to: null, clock: null, public: false, needsNote: true },
};

export function ruleOf(action: RequestAction): Readonly<ActionRule> {
  return RULES[action];
}

/** The actions staff may take on a request in this state, in the order the request page offers them. */
export function actionsFrom(status: RequestStatus): RequestAction[] {
  return REQUEST_ACTIONS.filter((action) => RULES[action].from.includes(status));
}

export function canTake(action: RequestAction, status: RequestStatus): boolean {
  return RULES[action].from.includes(status);
}

/** The state after the action (the same state for assign and note). */
export function statusAfter(action: RequestAction, status: RequestStatus): RequestStatus {
  return RULES[action].to ?? status;
}

/**
 * Where a resumed request goes back to: the state it was in when it was returned, read from its
 * history (the event before the last return); accepted when the history does not say.
 */
export function statusOnResume(history: readonly { action: string; status_after: string }[]): RequestStatus {
  const returnedAt = history.findLastIndex((event) => event.action === 'return');
  const before = returnedAt > 0 ? history[returnedAt - 1]?.status_after : undefined;
  const known = REQUEST_STATUSES.find((status) => status === before);
  return known !== undefined && canTake('return', known) ? known : 'accepted';
}

/**
 * Whether a delivery kept the promise: delivered by the due moment. Null when there was no fixed
 * time limit to keep (counted apart in reports).
 */
export function deliveredOnTime(deliveredAt: Date, dueAt: Date | null): boolean | null {
  return dueAt === null ? null : deliveredAt.getTime() <= dueAt.getTime();
}
