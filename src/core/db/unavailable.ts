// Tells "the database is down, unreachable or not answering" apart from every other error, so
// that a request can answer 503 (try again soon) instead of 500 (our bug).

/** A pooled connection that lost its server or timed out, refusing further queries at once. */
export class ConnectionUnusableError extends Error {
  constructor(cause: unknown) {
    super('database connection is no longer usable', { cause });
    this.name = 'ConnectionUnusableError';
  }
}

// The server's own words (SQLSTATE): connection exceptions (class 08), shutdowns and crash
// restarts, statement_timeout, idle_in_transaction_session_timeout, no connection slots left.
const SQLSTATE_CLASSES = ['08'];
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '57014', '25P03', '53300']);

// The socket's: refused, reset, unreachable, name not found.
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

// node-postgres (pg 8, pg-pool 3) gives its own timeouts and lost connections no code, only
// these messages; the outage tests in this folder produce each kind against the installed pg.
const PG_MESSAGES = [
  /^Connection terminated/, // unexpectedly, due to connection timeout, or ended under a query
  /^timeout exceeded when trying to connect$/, // the pool had no free connection in time
  /^Query read timeout$/, // query_timeout: the server did not answer at all
  /is not queryable$/, // a client whose connection already failed
];

function ownCode(error: object): string | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

function isUnavailableItself(error: unknown): boolean {
  if (error instanceof ConnectionUnusableError) return true;
  if (typeof error !== 'object' || error === null) return false;
  const code = ownCode(error);
  if (code !== undefined) {
    if (SOCKET_CODES.has(code) || SQLSTATES.has(code)) return true;
    if (/^[0-9A-Z]{5}$/.test(code)) return SQLSTATE_CLASSES.includes(code.slice(0, 2));
  }
  return error instanceof Error && PG_MESSAGES.some((pattern) => pattern.test(error.message));
}

/** Whether an error means the database cannot be reached or did not answer in time. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 5) return false;
  if (isUnavailableItself(error)) return true;
  if (!(error instanceof Error)) return false;
  // pg-pool wraps a connect timeout around the socket's error; Node reports a refused
  // connection to every address of a host as an AggregateError
  if (error.cause !== undefined && isDatabaseUnavailable(error.cause, depth + 1)) return true;
  return error instanceof AggregateError && error.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1));
}

/**
 * What a log line may say about a database error: its code and message, never the error
 * itself (pg hangs the whole client, connection parameters included, on some of them).
 */
export function describeDatabaseError(error: unknown): { code?: string; reason: string } {
  if (!(error instanceof Error)) return { reason: String(error) };
  const root = error instanceof ConnectionUnusableError && error.cause instanceof Error ? error.cause : error;
  const code = ownCode(root);
  return code === undefined ? { reason: root.message } : { code, reason: root.message };
}
