// Start-up only: read config, open the database, build the app, do the first-start work, listen.
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import { buildApp } from './app.ts';
import { smsGatewayFor } from './notifications/index.ts';
import { APPEND_ONLY_TABLES, auditLogProtection } from './audit/index.ts';
import { loadHolidayData } from './calendar/index.ts';
import { seedCharters } from './charters/index.ts';
import { ConfigError, loadConfig, resolveSecretKey } from './core/config.ts';
import { openDatabase } from './core/db/connection.ts';
import { createJobQueue } from './core/jobs.ts';
import { migrateDatabase } from './core/db/application-role.ts';
import type { DB } from './core/db/schema.ts';
import { withStartupLock } from './core/db/startup-lock.ts';

/** Migrates, and on an empty database imports the seed charters and loads the holiday files: once, however many instances start together. */
function prepareDatabase(db: Kysely<DB>, migrationDatabaseUrl: string | undefined) {
  return withStartupLock(db, async (session) => {
    await migrateDatabase(session, { migrationDatabaseUrl, appendOnlyTables: APPEND_ONLY_TABLES, underStartupLock: true });
    const seeded = await seedCharters(session);
    const holidayYears = await loadHolidayData(session);
    return { seeded, holidayYears };
  });
}

async function main(): Promise<void> {
  const config = loadConfig();
  // The pool opens its first connection at the first query, after the app and its logger exist.
  const logger: { current?: FastifyBaseLogger } = {};
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    pgliteDir: path.join(config.dataDir, 'pglite'),
    timeouts: config.databaseTimeouts,
    onConnectionLost: (lost) => logger.current?.warn({ database: lost }, 'database connection lost; a new one is opened when needed'),
  });
  // made now, connected once the database is ready: its tables may need the migrations' owner
  const jobs = createJobQueue({
    db: database.db,
    kind: database.kind,
    databaseUrl: config.databaseUrl,
    onError: (error) => logger.current?.warn({ jobs: error.message }, 'job queue'),
  });
  const app = await buildApp({
    jobs,
    sms: smsGatewayFor(config.sms),
    db: database.db,
    logLevel: config.logLevel,
    publicUrl: config.publicUrl,
    sessionLifetimeMs: config.sessionLifetimeMs,
    mail: { smtpUrl: config.smtpUrl, from: config.mailFrom },
    requireTwoFactor: config.requireTwoFactor,
    secretKey: await resolveSecretKey(config),
    dataDir: config.dataDir,
    trustProxy: config.trustProxy,
  });
  logger.current = app.log;

  const { seeded, holidayYears } = await prepareDatabase(database.db, config.migrationDatabaseUrl);
  for (const result of seeded) {
    app.log.info({ office: result.officeSlug, version: result.versionNo }, 'seed charter imported and published');
  }
  if (holidayYears.length > 0) app.log.info({ years: holidayYears }, 'holiday data loaded');
  await jobs.start();
  await app.startJobs();
  if (database.kind === 'postgres') {
    const protection = await auditLogProtection(database.db);
    if (protection !== 'append-only') {
      app.log.warn(
        { audit_log: protection },
        "the database role in DATABASE_URL could disable the audit log's append-only trigger: let another role own the tables (MIGRATION_DATABASE_URL); see README, Audit log",
      );
    }
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    // the queue first: a message being sent still has its mailer
    await jobs.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const shown = config.publicUrl ?? `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  const where = database.kind === 'pglite' ? `embedded database in ${path.join(config.dataDir, 'pglite')}` : 'PostgreSQL';
  console.log(`Protishruti is serving at ${shown}/ (${where})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `Start-up failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
