// Builds the Fastify instance from the feature plugins; used by main.ts and by tests.
import { randomBytes } from 'node:crypto';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { JobQueue } from './core/jobs.ts';
import { accountsRoutes, authorisation, officeTokenRoutes, requestForLog, SESSION_COOKIE, TotpSecretBox } from './accounts/index.ts';
import { calendarAdminRoutes } from './calendar/admin-routes.ts';
import { calendarRoutes } from './calendar/routes.ts';
import { deadlineRoutes } from './charters/deadline-routes.ts';
import { chartersRoutes } from './charters/routes.ts';
import type { DB } from './core/db/schema.ts';
import { assetsRoutes } from './http/assets.ts';
import { csrfPlugin } from './http/csrf.ts';
import { errorsPlugin, sendRouterError } from './http/errors.ts';
import { healthRoutes } from './http/health.ts';
import { answerClientError, refuseNulCharacters } from './http/hostile-input.ts';
import { langPlugin } from './http/lang.ts';
import { PageCache } from './http/page-cache.ts';
import { securityHeaders } from './http/security-headers.ts';
import { createMailer, mailRoutes, type Mailer, type MailSettings } from './mail/index.ts';
import { findOfficeBySlug, findOfficeSlug, requireOfficeId } from './offices/index.ts';
import { consoleGateway, createNotifier, notificationsRoutes, type Notifier, type SmsGateway } from './notifications/index.ts';
import { officesRoutes } from './offices/routes.ts';
import { open311Routes } from './open311/index.ts';
import { requestAttachmentRoutes } from './requests/attachment-routes.ts';
import { startReminders } from './requests/index.ts';
import { requestsPublicRoutes } from './requests/public-routes.ts';
import { requestsStaffRoutes } from './requests/staff-routes.ts';
import { requestTransferRoutes } from './requests/transfer-routes.ts';
import { requestRatingRoutes } from './requests/rating-routes.ts';
import { requestsApiRoutes } from './requests/api-routes.ts';
import { apiDocsRoutes } from './http/api-docs.ts';
import { searchRoutes } from './search/routes.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<DB>;
    /** writes messages in a change's transaction */
    notifier: Notifier;
    /** Starts the job queue's workers (messages, reminders); main.ts calls it once the database is ready and the queue started. */
    startJobs(): Promise<void>;
  }
}

export interface AppOptions {
  db: Kysely<DB>;
  logLevel?: string;
  publicUrl?: string | undefined;
  /** rendered charter pages and downloads; tests pass their own to watch it */
  pageCache?: PageCache;
  /** SMTP or the outbox (default: the outbox); tests may hand in their own mailer */
  mail?: MailSettings;
  mailer?: Mailer;
  /** system administrators and supervisors must use a second factor (REQUIRE_2FA) */
  requireTwoFactor?: boolean;
  /** how long a sign-in lasts without use (default 12 hours) */
  sessionLifetimeMs?: number;
  /** SECRET_KEY (config.ts resolveSecretKey); tests leave it out and get a key of their own */
  secretKey?: Buffer;
  /** DATA_DIR: where the first-run /setup token is written; unset (tests), no /setup */
  dataDir?: string;
  /** TRUST_PROXY: who may name the client's address in X-Forwarded-For (default: nobody) */
  trustProxy?: boolean | string;
  /** the job queue that sends messages; unset (most tests), messages are written and wait */
  jobs?: JobQueue;
  /** where SMS go (default: the console gateway, which keeps them for /admin/messages) */
  sms?: SmsGateway;
}

const DEFAULT_SESSION_LIFETIME_MS = 12 * 3600_000;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logLevel && options.logLevel !== 'silent' ? { level: options.logLevel, serializers: { req: requestForLog } } : false,
    trustProxy: options.trustProxy ?? false,
    // longer than any path parameter's schema allows, so that the schema (which names the field) refuses it
    routerOptions: { maxParamLength: 200 },
    frameworkErrors: sendRouterError,
    clientErrorHandler: answerClientError,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', options.db);

  await app.register(swagger, {
    openapi: {
      info: { title: 'Protishruti', version: '0.1.0', description: "Citizen's Charters of Bangladesh government offices" },
      servers: options.publicUrl ? [{ url: options.publicUrl }] : [],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(cookie);
  await app.register(formbody);
  // Multipart forms (the charter editor's file upload) are read whole here, before the NUL and
  // CSRF checks, which then see their fields (`_csrf` among them). A file field becomes
  // {filename, mimetype, truncated, bytes}, its bytes not enumerable so the NUL check does not
  // walk them; one past the limit arrives truncated for the route to refuse on its page. A route
  // raises the limits with config.multipartOptions.
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    throwFileSizeLimit: false,
    // tight by default: no route but the upload takes a file or a long field this way
    limits: { files: 0, fileSize: 2 * 1024 * 1024, fields: 20, fieldSize: 64 * 1024, parts: 20 },
    async onFile(part) {
      const bytes = await part.toBuffer();
      part.value = Object.defineProperty({ filename: part.filename, mimetype: part.mimetype, truncated: part.file.truncated }, 'bytes', { value: bytes, enumerable: false });
    },
  });
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
  await app.register(securityHeaders);
  await app.register(langPlugin);
  await app.register(errorsPlugin);
  await app.register(refuseNulCharacters);
  // cookies marked Secure only when the portal is served over https, or sign-in would fail on http://127.0.0.1
  const secureCookies = options.publicUrl?.startsWith('https:') ?? false;
  const sessionLifetimeMs = options.sessionLifetimeMs ?? DEFAULT_SESSION_LIFETIME_MS;
  await app.register(csrfPlugin, { secureCookies, sessionCookie: SESSION_COOKIE });
  await app.register(authorisation, { db: options.db, sessionLifetimeMs });

  await app.register(healthRoutes);
  const mailer = options.mailer ?? createMailer(options.mail ?? { from: 'Protishruti <no-reply@localhost>' }, options.db, app.log);
  app.addHook('onClose', () => mailer.close());
  await app.register(accountsRoutes, {
    sessionLifetimeMs,
    secureCookies,
    mailer,
    publicUrl: options.publicUrl,
    requireTwoFactor: options.requireTwoFactor ?? false,
    totpSecrets: new TotpSecretBox(options.secretKey ?? randomBytes(32)),
    setupDir: options.dataDir,
  });
  const notifier = createNotifier({ db: options.db, jobs: options.jobs, sms: options.sms ?? consoleGateway, mailer, log: app.log });
  app.decorate('notifier', notifier);
  // the job queue also carries the officer's due-date reminders, scheduled with each due moment
  const notices = { notifier, publicUrl: options.publicUrl, jobs: options.jobs };
  app.decorate('startJobs', async () => {
    if (!options.jobs) return;
    await notifier.startSending();
    await startReminders({ db: options.db, jobs: options.jobs, notifier, publicUrl: options.publicUrl });
  });
  await app.register(mailRoutes);
  await app.register(notificationsRoutes, { findOffice: (slug) => findOfficeBySlug(options.db, slug) });
  await app.register(assetsRoutes);
  await app.register(officesRoutes);
  await app.register(chartersRoutes, { pageCache: options.pageCache ?? new PageCache(), publicUrl: options.publicUrl });
  // the search over offices and charters' services, at /search
  await app.register(searchRoutes);
  await app.register(deadlineRoutes);
  await app.register(requestsPublicRoutes, { notices });
  await app.register(calendarRoutes, {
    officeIdBySlug: (slug) => requireOfficeId(options.db, slug),
    officeSlugById: (id) => findOfficeSlug(options.db, id),
  });
  await app.register(calendarAdminRoutes, { findOffice: (slug) => findOfficeBySlug(options.db, slug) });
  await app.register(requestsStaffRoutes, { notices });
  // (request attachments: registration here)
  await app.register(requestAttachmentRoutes);
  // (request transfer and rating: registration here)
  await app.register(requestTransferRoutes, { notices });
  await app.register(requestRatingRoutes);
  // (staff API, office API tokens, API docs: registration here)
  await app.register(requestsApiRoutes, { notices });
  await app.register(officeTokenRoutes);
  await app.register(apiDocsRoutes);
  // (Open311: registration here)
  await app.register(open311Routes, { notices });

  app.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
  return app;
}
