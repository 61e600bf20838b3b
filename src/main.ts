// Start-up only: read config, open and migrate the database, seed it, build the app, listen.
import path from 'node:path';
import { buildApp } from './app.ts';
import { loadHolidayData } from './calendar/index.ts';
import { seedCharters } from './charters/index.ts';
import { ConfigError, loadConfig } from './core/config.ts';
import { openDatabase } from './core/db/connection.ts';
import { migrate } from './core/db/migrate.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    pgliteDir: path.join(config.dataDir, 'pglite'),
  });
  await migrate(database.db);
  const seeded = await seedCharters(database.db);
  const holidayYears = await loadHolidayData(database.db);

  const app = await buildApp({
    db: database.db,
    logLevel: config.logLevel,
    publicUrl: config.publicUrl,
    adminApiToken: config.adminApiToken,
  });
  for (const result of seeded) {
    app.log.info({ office: result.officeSlug, version: result.versionNo }, 'seed charter imported and published');
  }

  if (holidayYears.length > 0) app.log.info({ years: holidayYears }, 'holiday data loaded');

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
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
