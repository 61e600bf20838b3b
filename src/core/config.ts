// Environment → typed, validated configuration. Fails fast, naming the variable at fault.
import path from 'node:path';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** How long PostgreSQL may take before a request gives up and answers 503; 0 turns a limit off. */
export interface DatabaseTimeouts {
  /** opening a connection, or waiting for a free one in the pool */
  connectMs: number;
  /** one SQL statement (the server's statement_timeout; the client waits a little longer) */
  statementMs: number;
  /** a transaction left open with nothing running (the server's idle_in_transaction_session_timeout) */
  idleInTransactionMs: number;
}

// A healthy server connects in milliseconds, and the portal's slowest queries take tens of
// them: these limits are far above normal work yet below a reverse proxy's usual 60-second
// timeout, so a person sees our bilingual 503 page rather than a gateway error.
export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = {
  connectMs: 5_000,
  statementMs: 15_000,
  // row locks held by a forgotten transaction block every other writer until it ends
  idleInTransactionMs: 60_000,
};

// pg and Node timers take at most a signed 32-bit millisecond count; a day is plenty.
const milliseconds = (fallback: number) =>
  z.coerce
    .number({ error: 'must be a whole number of milliseconds (0 turns the limit off)' })
    .int('must be a whole number of milliseconds (0 turns the limit off)')
    .min(0, 'must be 0 (off) or more milliseconds')
    .max(86_400_000, 'must be at most 86400000 (a day)')
    .default(fallback);

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  // PostgreSQL: the role that owns the tables and runs the migrations; DATABASE_URL's role then
  // gets only the rights it needs (no changing or deleting audit rows)
  MIGRATION_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  PUBLIC_URL: z.url().optional(),
  // retired: one shared token could not say who changed what; each user now has their own
  ADMIN_API_TOKEN: z
    .string()
    .optional()
    .refine((value) => value === undefined, 'is no longer used: make an account (cli users create-admin) and a token of its own (cli users token)'),
  // smtp://user:pass@host:587 or smtps://…:465; unset keeps mail in the outbox (/admin/outbox)
  SMTP_URL: z.string().regex(/^smtps?:\/\/[^\s]+$/, 'must be smtp://user:password@host:port or smtps://…').optional(),
  MAIL_FROM: z.string().trim().min(3).max(200).default('Protishruti <no-reply@localhost>'),
  REQUIRE_2FA: z.enum(['true', 'false'], { error: 'must be true or false' }).default('false'),
  SESSION_HOURS: z.coerce.number().min(0.25, 'must be at least 0.25 (15 minutes)').max(720, 'must be at most 720 (30 days)').default(12),
  DB_CONNECT_TIMEOUT_MS: milliseconds(DEFAULT_DATABASE_TIMEOUTS.connectMs),
  DB_STATEMENT_TIMEOUT_MS: milliseconds(DEFAULT_DATABASE_TIMEOUTS.statementMs),
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: milliseconds(DEFAULT_DATABASE_TIMEOUTS.idleInTransactionMs),
});

export interface Config {
  port: number;
  host: string;
  /** unset means the embedded PGlite database under dataDir */
  databaseUrl: string | undefined;
  /** PostgreSQL only: the owner's connection for migrations; unset, DATABASE_URL's role migrates */
  migrationDatabaseUrl: string | undefined;
  dataDir: string;
  logLevel: (typeof LOG_LEVELS)[number];
  publicUrl: string | undefined;
  /** how long a sign-in lasts without use; each use extends it */
  sessionLifetimeMs: number;
  /** unset: mail is kept in the outbox instead of sent */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** system administrators and supervisors must use a TOTP second factor */
  requireTwoFactor: boolean;
  /** PostgreSQL only: the embedded database is in-process and cannot hang on a network */
  databaseTimeouts: DatabaseTimeouts;
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(
    Object.keys(schema.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]),
  );
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration (environment variables):\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  // without it a mailed link would be built from the request's Host header, which anyone can set
  if (c.MIGRATION_DATABASE_URL && !c.DATABASE_URL) throw new ConfigError('Invalid configuration (environment variables):\n  MIGRATION_DATABASE_URL: needs DATABASE_URL (the embedded database has one user)');
  if (c.SMTP_URL && !c.PUBLIC_URL) throw new ConfigError('Invalid configuration (environment variables):\n  SMTP_URL: needs PUBLIC_URL, the address the links in mails point to');
  return {
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    migrationDatabaseUrl: c.MIGRATION_DATABASE_URL,
    dataDir: path.resolve(c.DATA_DIR),
    logLevel: c.LOG_LEVEL,
    // "https://portal.example/" and "…//" alike: links and OpenAPI servers add their own slash
    publicUrl: c.PUBLIC_URL?.replace(/\/+$/, ''),
    smtpUrl: c.SMTP_URL,
    mailFrom: c.MAIL_FROM,
    requireTwoFactor: c.REQUIRE_2FA === 'true',
    sessionLifetimeMs: Math.round(c.SESSION_HOURS * 3600_000),
    databaseTimeouts: {
      connectMs: c.DB_CONNECT_TIMEOUT_MS,
      statementMs: c.DB_STATEMENT_TIMEOUT_MS,
      idleInTransactionMs: c.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    },
  };
}
