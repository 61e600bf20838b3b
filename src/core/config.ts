// Environment → typed, validated configuration. Fails fast, naming the variable at fault.
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
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
  // behind a reverse proxy: which hops may say who the client is (X-Forwarded-For); unset, none
  // may, so nobody can slip past the sign-in and tracking limits by writing that header
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)$/, 'must be true (any proxy), false, or the proxies\' addresses (comma-separated IPs or CIDRs)')
    .optional(),
  // retired: one shared token could not say who changed what; each user now has their own
  ADMIN_API_TOKEN: z
    .string()
    .optional()
    .refine((value) => value === undefined, 'is no longer used: make an account (cli users create-admin) and a token of its own (cli users token)'),
  // smtp://user:pass@host:587 or smtps://…:465; unset keeps mail in the outbox (/admin/outbox)
  SMTP_URL: z.string().regex(/^smtps?:\/\/[^\s]+$/, 'must be smtp://user:password@host:port or smtps://…').optional(),
  MAIL_FROM: z.string().trim().min(3).max(200).default('Protishruti <no-reply@localhost>'),
  // SMS: 'console' keeps messages in the database for /admin/messages; 'http' posts them to a gateway
  SMS_GATEWAY: z.enum(['console', 'http'], { error: 'must be console or http' }).default('console'),
  // {to} and {text} are replaced, URL-encoded: https://sms.example/send?to={to}&text={text}
  SMS_HTTP_URL: z.url().optional(),
  SMS_HTTP_METHOD: z.enum(['GET', 'POST'], { error: 'must be GET or POST' }).default('POST'),
  // POST only: the body, {to} and {text} replaced JSON-escaped when it is JSON, else URL-encoded
  SMS_HTTP_BODY: z.string().max(4000).optional(),
  // the gateway's credentials, sent as the Authorization header; never logged
  SMS_HTTP_AUTHORIZATION: z.string().max(1000).optional(),
  REQUIRE_2FA: z.enum(['true', 'false'], { error: 'must be true or false' }).default('false'),
  SESSION_HOURS: z.coerce.number().min(0.25, 'must be at least 0.25 (15 minutes)').max(720, 'must be at most 720 (30 days)').default(12),
  DB_CONNECT_TIMEOUT_MS: milliseconds(DEFAULT_DATABASE_TIMEOUTS.connectMs),
  DB_STATEMENT_TIMEOUT_MS: milliseconds(DEFAULT_DATABASE_TIMEOUTS.statementMs),
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: milliseconds(DEFAULT_DATABASE_TIMEOUTS.idleInTransactionMs),
  // never echoed in an error: the message says what is wrong with it, not what it is
  SECRET_KEY: z
    .string()
    .optional()
    .refine((value) => value === undefined || parseSecretKey(value) !== null, 'must be 32 random bytes, as 64 hex digits or base64 (e.g. `openssl rand -base64 32`)'),
});

const SECRET_KEY_BYTES = 32;
/** Where a development server keeps the key it made for itself when SECRET_KEY is unset. */
export const DEV_SECRET_KEY_FILE = 'secret-key';

/** 32 bytes from 64 hex digits or from base64 (standard or URL-safe); null for anything else. */
export function parseSecretKey(text: string): Buffer | null {
  const value = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) return null;
  const bytes = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return bytes.length === SECRET_KEY_BYTES ? bytes : null;
}

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
  /** Fastify's trustProxy: false (default), true, or the proxies' addresses */
  trustProxy: boolean | string;
  /** how long a sign-in lasts without use; each use extends it */
  sessionLifetimeMs: number;
  /** unset: mail is kept in the outbox instead of sent */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** how SMS leave: kept for /admin/messages (console) or sent to an HTTP gateway */
  sms: SmsSettings;
  /** system administrators and supervisors must use a TOTP second factor */
  requireTwoFactor: boolean;
  /** PostgreSQL only: the embedded database is in-process and cannot hang on a network */
  databaseTimeouts: DatabaseTimeouts;
  /**
   * SECRET_KEY: encrypts secrets kept in the database (TOTP). Unset only outside production,
   * where resolveSecretKey() makes one in DATA_DIR.
   */
  secretKey: Buffer | undefined;
}

export type SmsSettings =
  | { gateway: 'console' }
  | { gateway: 'http'; url: string; method: 'GET' | 'POST'; body: string | undefined; authorization: string | undefined };

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
  if (c.SMS_GATEWAY === 'http' && !c.SMS_HTTP_URL) throw new ConfigError('Invalid configuration (environment variables):\n  SMS_HTTP_URL: needs the gateway\'s address when SMS_GATEWAY=http, with {to} and {text} where they go');
  if (c.MIGRATION_DATABASE_URL && !c.DATABASE_URL) throw new ConfigError('Invalid configuration (environment variables):\n  MIGRATION_DATABASE_URL: needs DATABASE_URL (the embedded database has one user)');
  if (c.SMTP_URL && !c.PUBLIC_URL) throw new ConfigError('Invalid configuration (environment variables):\n  SMTP_URL: needs PUBLIC_URL, the address the links in mails point to');
  // a key made up on the server itself would be lost with the machine, and with it every second factor
  if (!c.SECRET_KEY && env.NODE_ENV === 'production') {
    throw new ConfigError('Invalid configuration (environment variables):\n  SECRET_KEY: is needed in production (NODE_ENV=production): 32 random bytes as base64 or hex, e.g. `openssl rand -base64 32`; keep it safe, the TOTP secrets cannot be read without it');
  }
  return {
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    migrationDatabaseUrl: c.MIGRATION_DATABASE_URL,
    dataDir: path.resolve(c.DATA_DIR),
    logLevel: c.LOG_LEVEL,
    // "https://portal.example/" and "…//" alike: links and OpenAPI servers add their own slash
    publicUrl: c.PUBLIC_URL?.replace(/\/+$/, ''),
    trustProxy: c.TRUST_PROXY === undefined || c.TRUST_PROXY === 'false' ? false : c.TRUST_PROXY === 'true' ? true : c.TRUST_PROXY,
    smtpUrl: c.SMTP_URL,
    mailFrom: c.MAIL_FROM,
    requireTwoFactor: c.REQUIRE_2FA === 'true',
    sms:
      c.SMS_GATEWAY === 'http' && c.SMS_HTTP_URL
        ? { gateway: 'http', url: c.SMS_HTTP_URL, method: c.SMS_HTTP_METHOD, body: c.SMS_HTTP_BODY, authorization: c.SMS_HTTP_AUTHORIZATION }
        : { gateway: 'console' },
    sessionLifetimeMs: Math.round(c.SESSION_HOURS * 3600_000),
    databaseTimeouts: {
      connectMs: c.DB_CONNECT_TIMEOUT_MS,
      statementMs: c.DB_STATEMENT_TIMEOUT_MS,
      idleInTransactionMs: c.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    },
    secretKey: c.SECRET_KEY ? (parseSecretKey(c.SECRET_KEY) ?? undefined) : undefined,
  };
}

/**
 * SECRET_KEY, or in development the key in `$DATA_DIR/secret-key` (made on first start, 0600),
 * so that a developer's second factor survives a restart without setting anything. Several
 * servers sharing one PostgreSQL database must be given the same SECRET_KEY.
 */
export async function resolveSecretKey(config: Pick<Config, 'secretKey' | 'dataDir'>): Promise<Buffer> {
  if (config.secretKey) return config.secretKey;
  const file = path.join(config.dataDir, DEV_SECRET_KEY_FILE);
  await mkdir(config.dataDir, { recursive: true });
  try {
    // 'wx': two processes starting together make one key, the second reads it
    await writeFile(file, `${randomBytes(SECRET_KEY_BYTES).toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  await chmod(file, 0o600);
  const key = parseSecretKey(await readFile(file, 'utf8'));
  if (!key) throw new ConfigError(`Invalid configuration:\n  SECRET_KEY: unset, and ${file} does not hold a key (32 bytes, base64 or hex); set SECRET_KEY or restore the file`);
  return key;
}
