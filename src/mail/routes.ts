// /admin/outbox: the mail kept instead of sent, for system administrators only (it holds
// invitation and password-reset links).
import type { FastifyInstance } from 'fastify';
import { NATIONAL } from '../http/access.ts';
import { sendPage } from '../http/layout.ts';
import { listOutbox } from './outbox-repository.ts';
import { renderOutboxPage } from './pages/outbox-page.ts';

const SHOWN = 100;

export async function mailRoutes(app: FastifyInstance): Promise<void> {
  app.get('/admin/outbox', { config: { access: { permission: 'users.manage', target: () => NATIONAL } }, schema: { hide: true } }, async (request, reply) => {
    const messages = await listOutbox(app.db, SHOWN);
    return sendPage(request, reply.header('cache-control', 'no-store'), renderOutboxPage(request.lang, messages));
  });
}
