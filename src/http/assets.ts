// Serves the stylesheet (and any other static asset) from src/http/assets with caching; the
// compiled server (dist/) serves the same folder rather than a copy.
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { ASSETS_ROOT } from '../core/paths.ts';
import { PUBLIC } from './access.ts';

export async function assetsRoutes(app: FastifyInstance): Promise<void> {
  // @fastify/static takes no route config of its own: its routes are declared public here
  app.addHook('onRoute', (route) => {
    route.config = { ...route.config, ...PUBLIC };
  });
  await app.register(fastifyStatic, { root: ASSETS_ROOT, prefix: '/assets/', maxAge: '1d', index: false });
}
