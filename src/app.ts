// Builds the Fastify instance from the feature plugins; used by main.ts and by tests.
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { calendarRoutes } from './calendar/routes.ts';
import { deadlineRoutes } from './charters/deadline-routes.ts';
import { chartersRoutes } from './charters/routes.ts';
import type { DB } from './core/db/schema.ts';
import { assetsRoutes } from './http/assets.ts';
import { errorsPlugin, sendRouterError } from './http/errors.ts';
import { healthRoutes } from './http/health.ts';
import { answerClientError, refuseNulCharacters } from './http/hostile-input.ts';
import { langPlugin } from './http/lang.ts';
import { PageCache } from './http/page-cache.ts';
import { securityHeaders } from './http/security-headers.ts';
import { findOfficeSlug, requireOfficeId } from './offices/index.ts';
import { officesRoutes } from './offices/routes.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<DB>;
  }
}

export interface AppOptions {
  db: Kysely<DB>;
  logLevel?: string;
  publicUrl?: string | undefined;
  adminApiToken?: string | undefined;
  /** rendered charter pages and downloads; tests pass their own to watch it */
  pageCache?: PageCache;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logLevel && options.logLevel !== 'silent' ? { level: options.logLevel } : false,
    trustProxy: true,
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
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
  await app.register(securityHeaders);
  await app.register(langPlugin);
  await app.register(errorsPlugin);
  await app.register(refuseNulCharacters);

  await app.register(healthRoutes);
  await app.register(assetsRoutes);
  await app.register(officesRoutes, { adminApiToken: options.adminApiToken });
  await app.register(chartersRoutes, { pageCache: options.pageCache ?? new PageCache() });
  await app.register(deadlineRoutes);
  await app.register(calendarRoutes, {
    adminApiToken: options.adminApiToken,
    officeIdBySlug: (slug) => requireOfficeId(options.db, slug),
    officeSlugById: (id) => findOfficeSlug(options.db, id),
  });

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  return app;
}
