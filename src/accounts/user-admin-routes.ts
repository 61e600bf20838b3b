// /admin/users: inviting users, granting and revoking roles, disabling and enabling accounts,
// resetting a lost second factor; the list in pages of 50 with a search.
// Every route acts for one office when the request names it (`office`: an office administrator's
// way in, checked against that office) and for the whole country otherwise (system
// administrators only); user-admin.ts keeps what is done within those bounds.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { t } from '../core/i18n/index.ts';
import { actorOf, NATIONAL, officeBySlug, type Access } from '../http/access.ts';
import { csrfToken } from '../http/csrf.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../core/db/schema.ts';
import type { Lang } from '../core/i18n/index.ts';
import { findOfficeSlug, findScopeNames, requireOfficeId } from '../offices/index.ts';
import { invitationMail } from './account-mail.ts';
import { describeGrants } from './describe-grants.ts';
import { AccountsError } from './errors.ts';
import { inviteUser, renewInvitation, type Invited } from './invitations.ts';
import { renderResetTwoFactorPage } from './pages/reset-two-factor-page.ts';
import { renderUsersPage, SCOPE_KINDS, usersAddress, type UsersView } from './pages/users-page.ts';
import { resetSecondFactor } from './second-factor-reset.ts';
import { ROLES, type Grant, type Role } from './roles.ts';
import { done, linkBase, privatePage, sendAfterCommit, wantsJson, type AccountsRoutesOptions } from './route-support.ts';
import { grantRoleWithin, listUsersWithin, OFFICE_ROLES, requireUserWithin, revokeRoleWithin, setUserEnabled, type Within } from './user-admin.ts';
import { grantOfRow } from './user-repository.ts';
import type { ScopeRequest } from './users.ts';

const slug = z.string().trim().min(1).max(200);
const office = slug.optional();
const csrf = z.string().optional();
const role = z.enum(ROLES);
const scopeFields = { scope_kind: z.enum(SCOPE_KINDS).optional(), scope: z.string().trim().max(200).optional() };
const lang = z.enum(['bn', 'en']).optional().catch(undefined);
const userParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });
const inviteBody = z.object({ email: z.string().max(254), name_bn: z.string().max(200), name_en: z.string().max(200).optional(), role, office, ...scopeFields, _csrf: csrf });

/** 'users.manage' for the office named in the query or body, or for the whole country. */
const manageUsers: Access = {
  permission: 'users.manage',
  target: (request) => {
    // from where the handler reads it too: never the query of a POST, which the handler ignores
    const input = (request.method === 'GET' ? request.query : request.body) as { office?: string } | undefined;
    const named = input?.office;
    return named ? officeBySlug(named) : NATIONAL;
  },
};

function scopeOf(body: { office?: string | undefined; scope_kind?: (typeof SCOPE_KINDS)[number] | undefined; scope?: string | undefined }): ScopeRequest {
  if (body.office) return { kind: 'office', slug: body.office };
  const kind = body.scope_kind ?? 'national';
  if (kind === 'national') return { kind };
  if (!body.scope) throw new AccountsError('invalid_role_scope', undefined, 'scope');
  return { kind, slug: body.scope };
}

/** Links to the user administration pages the grants open: every user, or one office's. */
export async function userAdminLinks(db: Kysely<DB>, lang: Lang, grants: readonly Grant[]): Promise<{ href: string; label: string }[]> {
  const links: { href: string; label: string }[] = [];
  if (grants.some((grant) => grant.role === 'system_admin')) links.push({ href: '/admin/users', label: t(lang, 'users.title') }, { href: '/admin/outbox', label: t(lang, 'outbox.title') });
  const offices = grants.flatMap((grant) => (grant.role === 'office_admin' ? [grant.officeId] : []));
  const names = await findScopeNames(db, { officeIds: offices, placeIds: [], organisationIds: [] });
  for (const officeId of offices) {
    const slug = await findOfficeSlug(db, officeId);
    const named = names.offices.get(officeId);
    const name = named ? (lang === 'en' && named.name_en ? named.name_en : named.name_bn) : String(officeId);
    if (slug) links.push({ href: `/admin/users?office=${encodeURIComponent(slug)}`, label: t(lang, 'users.title_office', { office: name }) });
  }
  return links;
}

export async function userAdminRoutes(fastify: FastifyInstance, options: AccountsRoutesOptions): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  const withinOf = async (officeSlug: string | undefined): Promise<Within> =>
    officeSlug ? { kind: 'office', officeId: await requireOfficeId(app.db, officeSlug) } : { kind: 'everywhere' };
  const listAddress = (officeSlug: string | undefined) => usersAddress({ office: officeSlug });

  async function usersPage(
    request: FastifyRequest,
    reply: FastifyReply,
    officeSlug: string | undefined,
    extra: { notice?: UsersView['notice']; invite?: UsersView['invite']; errors?: UsersView['errors']; status?: number; search?: string; page?: number } = {},
  ) {
    const lang = request.lang;
    const within = await withinOf(officeSlug);
    const search = extra.search ?? '';
    const { users, total, page, pageSize } = await listUsersWithin(app.db, within, { search, page: extra.page ?? 1 });
    const officeName = async (officeId: number) => {
      const named = (await findScopeNames(app.db, { officeIds: [officeId], placeIds: [], organisationIds: [] })).offices.get(officeId);
      return named ? (lang === 'en' && named.name_en ? named.name_en : named.name_bn) : String(officeId);
    };
    const view: UsersView = {
      office: within.kind === 'office' && officeSlug ? { slug: officeSlug, name: await officeName(within.officeId) } : null,
      users: await Promise.all(
        users.map(async (user) => {
          const described = await describeGrants(app.db, lang, user.grants.map(grantOfRow));
          return {
            id: user.id,
            email: user.email,
            name: lang === 'en' && user.name_en ? user.name_en : user.name_bn,
            status: user.status,
            twoFactor: user.two_factor,
            grants: user.grants.map((grant, index) => ({ id: grant.id, role: grant.role, scope: described[index]?.scope ?? '' })),
          };
        }),
      ),
      roles: within.kind === 'office' ? OFFICE_ROLES : ROLES,
      csrfToken: csrfToken(reply),
      notice: extra.notice,
      invite: extra.invite ?? { email: '', name_bn: '', name_en: '', role: 'office_staff', scope_kind: 'national', scope: '' },
      errors: extra.errors ?? {},
      outbox: options.mailer.kind === 'outbox',
      paging: { search, page, pageSize, total },
    };
    return privatePage(request, reply, renderUsersPage(lang, view), extra.status ?? 200);
  }

  /** Mails the link after the commit; the notice says whether it went. */
  async function sendInvitation(request: FastifyRequest, invited: Invited, sentKey: 'users.invited' | 'users.resent') {
    const link = `${linkBase(request, options)}/invitation/${invited.token}`;
    const sent = await sendAfterCommit(options.mailer, request.log, invitationMail(invited.user.email, invited.user.name_bn, link));
    const text = t(request.lang, sent ? sentKey : 'users.invite_not_sent', { email: invited.user.email });
    return { sent, notice: { text, warning: !sent } };
  }

  app.get(
    '/admin/users',
    {
      config: { access: manageUsers },
      schema: {
        hide: true,
        querystring: z.object({
          office,
          lang,
          q: z.string().trim().max(200).optional().catch(undefined),
          page: z.coerce.number().int().min(1).max(1_000_000).optional().catch(undefined),
        }),
      },
    },
    async (request, reply) => usersPage(request, reply, request.query.office, { search: request.query.q ?? '', page: request.query.page ?? 1 }),
  );

  app.post('/admin/users/invite', { config: { access: manageUsers }, schema: { hide: true, body: inviteBody } }, async (request, reply) => {
    const body = request.body;
    let invited: Invited;
    try {
      const within = await withinOf(body.office);
      invited = await inviteUser(app.db, actorOf(request), within, { email: body.email, nameBn: body.name_bn, nameEn: body.name_en ?? null, role: body.role, scope: scopeOf(body) });
    } catch (error) {
      if (!(error instanceof AccountsError) || !error.field || wantsJson(request)) throw error;
      const invite = { email: body.email, name_bn: body.name_bn, name_en: body.name_en ?? '', role: body.role, scope_kind: body.scope_kind ?? 'national', scope: body.scope ?? '' };
      return usersPage(request, reply, body.office, { invite, errors: { [error.field]: t(request.lang, error.messageKey) }, status: error.status });
    }
    const { sent, notice } = await sendInvitation(request, invited, 'users.invited');
    if (wantsJson(request)) return reply.status(201).header('cache-control', 'no-store').send({ ok: true, user_id: invited.user.id, mail_sent: sent });
    return usersPage(request, reply, body.office, { notice, status: 201 });
  });

  const officeBody = z.object({ office, _csrf: csrf });

  app.post('/admin/users/:id/resend', { config: { access: manageUsers }, schema: { hide: true, params: userParams, body: officeBody } }, async (request, reply) => {
    const invited = await renewInvitation(app.db, actorOf(request), await withinOf(request.body.office), request.params.id);
    const { sent, notice } = await sendInvitation(request, invited, 'users.resent');
    if (wantsJson(request)) return reply.header('cache-control', 'no-store').send({ ok: true, mail_sent: sent });
    return usersPage(request, reply, request.body.office, { notice });
  });

  app.post(
    '/admin/users/:id/grants',
    { config: { access: manageUsers }, schema: { hide: true, params: userParams, body: z.object({ role, office, ...scopeFields, _csrf: csrf }) } },
    async (request, reply) => {
      const body = request.body;
      await grantRoleWithin(app.db, actorOf(request), await withinOf(body.office), request.params.id, body.role as Role, scopeOf(body));
      return done(request, reply, listAddress(body.office));
    },
  );

  app.post(
    '/admin/users/:id/revoke',
    { config: { access: manageUsers }, schema: { hide: true, params: userParams, body: z.object({ grant: z.coerce.number().int().min(1).max(2_147_483_647), office, _csrf: csrf }) } },
    async (request, reply) => {
      await revokeRoleWithin(app.db, actorOf(request), await withinOf(request.body.office), request.params.id, request.body.grant);
      return done(request, reply, listAddress(request.body.office));
    },
  );

  for (const [verb, enabled] of [['disable', false], ['enable', true]] as const) {
    app.post(`/admin/users/:id/${verb}`, { config: { access: manageUsers }, schema: { hide: true, params: userParams, body: officeBody } }, async (request, reply) => {
      await setUserEnabled(app.db, actorOf(request), await withinOf(request.body.office), request.params.id, enabled);
      return done(request, reply, listAddress(request.body.office));
    });
  }

  app.get(
    '/admin/users/:id/reset-2fa',
    { config: { access: manageUsers }, schema: { hide: true, params: userParams, querystring: z.object({ office, lang }) } },
    async (request, reply) => {
      const user = await requireUserWithin(app.db, await withinOf(request.query.office), request.params.id);
      const name = request.lang === 'en' && user.name_en ? user.name_en : user.name_bn;
      const view = { user: { id: user.id, name, email: user.email }, office: request.query.office, csrfToken: csrfToken(reply) };
      return privatePage(request, reply, renderResetTwoFactorPage(request.lang, view));
    },
  );

  app.post('/admin/users/:id/reset-2fa', { config: { access: manageUsers }, schema: { hide: true, params: userParams, body: officeBody } }, async (request, reply) => {
    const reset = await resetSecondFactor(app.db, actorOf(request), await withinOf(request.body.office), request.params.id);
    const sent = await sendAfterCommit(options.mailer, request.log, reset.mail);
    if (wantsJson(request)) return reply.header('cache-control', 'no-store').send({ ok: true, mail_sent: sent });
    const text = t(request.lang, sent ? 'users.reset_2fa_done' : 'users.reset_2fa_not_mailed', { email: reset.email });
    return usersPage(request, reply, request.body.office, { notice: { text, warning: !sent } });
  });
}
