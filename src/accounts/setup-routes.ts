// /setup: the first system administrator, while the server runs (first-admin-setup.ts). Only
// registered when the app knows DATA_DIR; answers 404 once any active system administrator exists.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { t } from '../core/i18n/index.ts';
import { csrfToken } from '../http/csrf.ts';
import { AccountsError } from './errors.ts';
import { createFirstAdmin, offerFirstAdminSetup, setupIsOpen, setupTokenPath } from './first-admin-setup.ts';
import { renderMessagePage } from './pages/set-password-page.ts';
import { renderSetupPage, type SetupView } from './pages/setup-page.ts';
import { privatePage } from './route-support.ts';

const lang = z.enum(['bn', 'en']).optional().catch(undefined);
const setupBody = z.object({
  token: z.string().max(200),
  email: z.string().max(254),
  name_bn: z.string().max(200),
  name_en: z.string().max(200).optional(),
  password: z.string().max(1000),
  password_again: z.string().max(1000),
  _csrf: z.string().optional(),
});

export async function setupRoutes(fastify: FastifyInstance, options: { dataDir: string }): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  // after the migrations (main.ts migrates before listen, and listen makes the app ready)
  app.addHook('onReady', async () => {
    try {
      const file = await offerFirstAdminSetup(app.db, options.dataDir);
      // the path only: the token is for whoever can read the file
      if (file) app.log.warn({ file, page: '/setup' }, 'no system administrator yet: open /setup and type the one-time token kept in this file');
    } catch (error) {
      app.log.error({ error: error instanceof Error ? error.message : String(error) }, 'could not offer the first-administrator set-up (/setup)');
    }
  });

  const page = (request: FastifyRequest, reply: FastifyReply, extra: Partial<Pick<SetupView, 'values' | 'errors'>> = {}, status = 200) =>
    privatePage(
      request,
      reply,
      renderSetupPage(request.lang, {
        csrfToken: csrfToken(reply),
        tokenFile: setupTokenPath(options.dataDir),
        values: extra.values ?? { email: '', name_bn: '', name_en: '' },
        errors: extra.errors ?? {},
      }),
      status,
    );

  app.get('/setup', { config: { access: 'public' }, schema: { hide: true, querystring: z.object({ lang }) } }, async (request, reply) => {
    // a 404 of its own: callNotFound would answer 405, since POST /setup exists
    if (!(await setupIsOpen(app.db))) throw new AccountsError('setup_closed');
    return page(request, reply);
  });

  app.post('/setup', { config: { access: 'public' }, schema: { hide: true, body: setupBody } }, async (request, reply) => {
    const body = request.body;
    try {
      await createFirstAdmin(app.db, options.dataDir, request.ip, {
        token: body.token,
        email: body.email,
        nameBn: body.name_bn,
        nameEn: body.name_en ?? '',
        password: body.password,
        passwordAgain: body.password_again,
      });
    } catch (error) {
      if (!(error instanceof AccountsError) || !error.field) throw error;
      request.log.info({ ip: request.ip, reason: error.code }, 'first-administrator set-up refused');
      const values = { email: body.email, name_bn: body.name_bn, name_en: body.name_en ?? '' };
      return page(request, reply, { values, errors: { [error.field]: t(request.lang, error.messageKey) } }, error.status);
    }
    request.log.info({ ip: request.ip }, 'first system administrator made at /setup');
    const done = renderMessagePage(request.lang, 'setup.done_title', t(request.lang, 'setup.done'), { href: '/login', label: t(request.lang, 'account.sign_in_link') });
    return privatePage(request, reply, done, 201);
  });
}
