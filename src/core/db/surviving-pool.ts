// pg.Pool as Kysely's PostgresDialect wants it, made to survive its server (restarts,
// failovers, an administrator's pg_terminate_backend, a network that goes quiet).
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import pg from 'pg';
import { preparedName } from './prepared-statements.ts';
import { ConnectionUnusableError, describeDatabaseError } from './unavailable.ts';

export type ConnectionLostListener = (lost: { code?: string; reason: string }) => void;

const isFatal = (error: unknown) =>
  error instanceof pg.DatabaseError && (error.severity === 'FATAL' || error.severity === 'PANIC');

// The server closed the connection (its farewell, or the socket's end) rather than failing the
// statement or keeping quiet. A timeout is not among them: asking again would only wait again.
const SOCKET_CLOSED = new Set(['ECONNRESET', 'EPIPE']);
function serverClosedConnection(error: unknown): boolean {
  if (isFatal(error)) return true;
  if (!(error instanceof Error) || error instanceof pg.DatabaseError) return false;
  const code = (error as { code?: unknown }).code;
  return (typeof code === 'string' && SOCKET_CLOSED.has(code)) || /^Connection terminated unexpectedly$|is not queryable$/.test(error.message);
}

// Statements that change nothing when run a second time. An autocommit write is not among
// them: a server may have committed it before closing (a synchronous standby's wait cut short).
const HARMLESS_TO_REPEAT = /^\s*(?:\/\*[^*]*\*\/\s*)*(?:begin|start transaction|select)\b/i;

function runOn(client: pg.PoolClient, text: string, parameters: readonly unknown[]) {
  const name = preparedName(text);
  return name ? client.query({ name, text, values: [...parameters] }) : client.query(text, [...parameters]);
}

/**
 * - An idle connection that dies emits 'error' on the pool, which without a listener ends the
 *   process; a checked-out one emits it on the client — both are reported and discarded.
 * - The server's farewell to an idle connection can arrive after the pool has handed that
 *   connection out (right after a restart or a termination). When it arrives before the
 *   checkout's first statement, or that statement finds the connection closed and is harmless
 *   to repeat, the statement runs on a fresh connection instead: a request does not fail for a
 *   connection it never used.
 * - A query that failed without the server's answer (query_timeout, a dead socket) leaves the
 *   client with that query still pending, and pg would hand it out again with the next query
 *   queued behind the lost one: such a client refuses further queries (so a rollback fails at
 *   once instead of waiting out another timeout) and is released with an error, which makes
 *   the pool close it instead of keeping it.
 */
export function survivingPool(pool: pg.Pool, onConnectionLost: ConnectionLostListener): PostgresPool {
  pool.on('error', (error) => onConnectionLost(describeDatabaseError(error)));
  return {
    options: pool.options,
    end: () => pool.end(),
    async connect() {
      let client: pg.PoolClient | undefined = await pool.connect();
      let broken: unknown;
      let used = false;
      const lostWhileCheckedOut = (error: Error) => {
        if (broken === undefined) onConnectionLost(describeDatabaseError(error));
        broken ??= error;
      };
      const take = (taken: pg.PoolClient) => {
        taken.on('error', lostWhileCheckedOut);
        return taken;
      };
      const giveBack = (destroy?: boolean) => {
        client?.removeListener('error', lostWhileCheckedOut);
        client?.release(broken !== undefined ? new ConnectionUnusableError(broken) : destroy);
        client = undefined;
      };
      take(client);
      // nothing has run on this checkout yet: another connection serves it as well
      const replace = async () => {
        giveBack();
        broken = undefined;
        client = take(await pool.connect());
      };
      const guarded = {
        async query(text: string, parameters: readonly unknown[]): Promise<pg.QueryResult> {
          const first = !used;
          used = true;
          if (first && broken !== undefined) await replace();
          if (broken !== undefined || client === undefined) throw new ConnectionUnusableError(broken);
          try {
            return await runOn(client, text, parameters);
          } catch (error) {
            const alreadyReported = broken !== undefined;
            // the server's ordinary errors (a constraint, a statement_timeout) leave the
            // connection in a known state; anything else does not
            if (!(error instanceof pg.DatabaseError) || isFatal(error)) broken ??= error;
            if (!(first && serverClosedConnection(error) && HARMLESS_TO_REPEAT.test(text))) throw error;
            if (!alreadyReported) onConnectionLost(describeDatabaseError(error));
            await replace();
            return await guarded.query(text, parameters);
          }
        },
        release: giveBack,
      };
      return guarded as unknown as PostgresPoolClient;
    },
  };
}
