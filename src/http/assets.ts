// Serves the stylesheet (and any other static asset) from src/http/assets with caching; the
// compiled server (dist/) serves the same folder rather than a copy.
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { ASSETS_ROOT } from '../core/paths.ts';

export async function assetsRoutes(app: FastifyInstance): Promise<void> {
  await app.register(fastifyStatic, { root: ASSETS_ROOT, prefix: '/assets/', maxAge: '1d', index: false });
}
