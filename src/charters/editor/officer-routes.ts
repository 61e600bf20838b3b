// The officers page of the charter editor: the charter's list of officers in the draft, each
// added, changed or removed through a form of its own (see officer-service.ts for the rules).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { t, type MessageKey } from '../../core/i18n/index.ts';
import { actorOf } from '../../http/access.ts';
import { csrfToken } from '../../http/csrf.ts';
import { loadEditorView, type EditorView } from './draft-service.ts';
import { CharterEditorError, OfficerDuplicateError, OfficerInUseError } from './editor-errors.ts';
import { emptyOfficerForm, OFFICER_FORM_FIELDS, officerFormValues, pickOfficerForm, readOfficerForm } from './officer-form.ts';
import { addOfficer, removeOfficer, updateOfficer } from './officer-service.ts';
import { editorHref } from './pages/form-parts.ts';
import { officerNow, renderOfficerFormPage, renderOfficersPage, renderRemoveOfficerPage, type OfficerFormState } from './pages/officers-page.ts';
import { EDIT, formMeta, formText, isStale, lang, numberParams, officeParams, privatePage } from './route-parts.ts';

const DONE = { officer_added: 'editor.done.officer_added', officer_saved: 'editor.done.officer_saved', officer_removed: 'editor.done.officer_removed' } as const satisfies Record<string, MessageKey>;
const officerBody = z.object({ ...Object.fromEntries(OFFICER_FORM_FIELDS.map((field) => [field, formText])), ...formMeta });

function requireOfficer(view: EditorView, number: number) {
  const officer = view.officers[number - 1];
  if (!officer) throw new CharterEditorError('officer_not_found', String(number));
  return officer;
}

export async function officerRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const hide = true;
  const listHref = (slug: string, done: keyof typeof DONE) => `${editorHref(slug, '/officers')}?done=${done}`;

  app.get(
    '/offices/:slug/edit/officers',
    { config: EDIT, schema: { hide, params: officeParams, querystring: z.object({ lang, done: z.enum(['officer_added', 'officer_saved', 'officer_removed']).optional().catch(undefined) }) } },
    async (request, reply) => {
      const view = await loadEditorView(app.db, request.params.slug);
      const { done } = request.query;
      return privatePage(request, reply, renderOfficersPage(request.lang, view, done ? t(request.lang, DONE[done]) : undefined));
    },
  );

  app.get('/offices/:slug/edit/officers/new', { config: EDIT, schema: { hide, params: officeParams, querystring: z.object({ lang }) } }, async (request, reply) => {
    const view = await loadEditorView(app.db, request.params.slug);
    return privatePage(request, reply, renderOfficerFormPage(request.lang, view, { number: null, values: emptyOfficerForm(), errors: {} }, csrfToken(reply)));
  });

  /** Saves the form (a new officer when `number` is null); the form again on a mistake, a duplicate or a stale draft. */
  async function saveOfficer(request: FastifyRequest, reply: FastifyReply, slug: string, number: number | null, body: z.infer<typeof officerBody>) {
    const values = pickOfficerForm(body);
    const { officer, errors } = readOfficerForm(values);
    const again = async (state: Partial<OfficerFormState>, status: number) => {
      const view = await loadEditorView(app.db, slug);
      return privatePage(request, reply, renderOfficerFormPage(request.lang, view, { number, values, errors, ...state }, csrfToken(reply)), status);
    };
    if (!officer) return again({}, 400);
    try {
      if (number === null) await addOfficer(app.db, actorOf(request), slug, officer);
      else await updateOfficer(app.db, actorOf(request), slug, number, officer, body.revision);
    } catch (error) {
      if (error instanceof OfficerDuplicateError) return again({ duplicateOf: error.number }, 409);
      if (!isStale(error)) throw error;
      const now = await loadEditorView(app.db, slug);
      return again({ stale: officerNow(number === null ? undefined : now.officers[number - 1]) }, 409);
    }
    return reply.redirect(listHref(slug, number === null ? 'officer_added' : 'officer_saved'), 303);
  }

  app.post('/offices/:slug/edit/officers/new', { config: EDIT, schema: { hide, params: officeParams, body: officerBody } }, async (request, reply) =>
    saveOfficer(request, reply, request.params.slug, null, request.body),
  );

  app.get('/offices/:slug/edit/officers/:number', { config: EDIT, schema: { hide, params: numberParams, querystring: z.object({ lang }) } }, async (request, reply) => {
    const { slug, number } = request.params;
    const view = await loadEditorView(app.db, slug);
    const state = { number, values: officerFormValues(requireOfficer(view, number)), errors: {} };
    return privatePage(request, reply, renderOfficerFormPage(request.lang, view, state, csrfToken(reply)));
  });

  app.post('/offices/:slug/edit/officers/:number', { config: EDIT, schema: { hide, params: numberParams, body: officerBody } }, async (request, reply) =>
    saveOfficer(request, reply, request.params.slug, request.params.number, request.body),
  );

  app.get(
    '/offices/:slug/edit/officers/:number/remove',
    { config: EDIT, schema: { hide, params: numberParams, querystring: z.object({ lang }) } },
    async (request, reply) => {
      const { slug, number } = request.params;
      const view = await loadEditorView(app.db, slug);
      requireOfficer(view, number);
      return privatePage(request, reply, renderRemoveOfficerPage(request.lang, view, number, {}, csrfToken(reply)));
    },
  );

  app.post(
    '/offices/:slug/edit/officers/:number/remove',
    { config: EDIT, schema: { hide, params: numberParams, body: z.object(formMeta).optional() } },
    async (request, reply) => {
      const { slug, number } = request.params;
      try {
        await removeOfficer(app.db, actorOf(request), slug, number, request.body?.revision);
      } catch (error) {
        if (!(error instanceof OfficerInUseError) && !isStale(error)) throw error;
        const view = await loadEditorView(app.db, slug);
        const state = error instanceof OfficerInUseError ? { inUse: error.services } : { stale: officerNow(view.officers[number - 1]) };
        return privatePage(request, reply, renderRemoveOfficerPage(request.lang, view, number, state, csrfToken(reply)), 409);
      }
      return reply.redirect(listHref(slug, 'officer_removed'), 303);
    },
  );
}
