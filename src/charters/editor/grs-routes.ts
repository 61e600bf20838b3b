// The GRS contacts page of the charter editor: the steps of the draft's grievance redress table,
// each added, changed or removed through a form of its own (see grs-service.ts for the rules).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { t, type MessageKey } from '../../core/i18n/index.ts';
import { actorOf } from '../../http/access.ts';
import { csrfToken } from '../../http/csrf.ts';
import { loadEditorView, type EditorView } from './draft-service.ts';
import { CharterEditorError } from './editor-errors.ts';
import { emptyGrsForm, GRS_FORM_FIELDS, grsFormValues, pickGrsForm, readGrsForm } from './grs-form.ts';
import { addGrsContact, removeGrsContact, updateGrsContact } from './grs-service.ts';
import { editorHref } from './pages/form-parts.ts';
import { grsContactNow, renderGrsFormPage, renderGrsPage, renderRemoveGrsPage, type GrsFormState } from './pages/grs-page.ts';
import { EDIT, formMeta, formText, lang, numberParams, officeParams, privatePage, savedUnlessStale } from './route-parts.ts';

const DONE = { grs_added: 'editor.done.grs_added', grs_saved: 'editor.done.grs_saved', grs_removed: 'editor.done.grs_removed' } as const satisfies Record<string, MessageKey>;
const grsBody = z.object({ ...Object.fromEntries(GRS_FORM_FIELDS.map((field) => [field, formText])), action: z.enum(['check', 'save']).optional(), ...formMeta });

function requireContact(view: EditorView, number: number) {
  const contact = view.doc.grs_contacts[number - 1];
  if (!contact) throw new CharterEditorError('grs_contact_not_found', String(number));
  return contact;
}

export async function grsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const hide = true;
  const listHref = (slug: string, done: keyof typeof DONE) => `${editorHref(slug, '/grs')}?done=${done}`;

  app.get(
    '/offices/:slug/edit/grs',
    { config: EDIT, schema: { hide, params: officeParams, querystring: z.object({ lang, done: z.enum(['grs_added', 'grs_saved', 'grs_removed']).optional().catch(undefined) }) } },
    async (request, reply) => {
      const view = await loadEditorView(app.db, request.params.slug);
      const { done } = request.query;
      return privatePage(request, reply, renderGrsPage(request.lang, view, done ? t(request.lang, DONE[done]) : undefined));
    },
  );

  app.get('/offices/:slug/edit/grs/new', { config: EDIT, schema: { hide, params: officeParams, querystring: z.object({ lang }) } }, async (request, reply) => {
    const view = await loadEditorView(app.db, request.params.slug);
    const level = Math.max(0, ...view.doc.grs_contacts.map((contact) => contact.level)) + 1;
    return privatePage(request, reply, renderGrsFormPage(request.lang, view, { number: null, values: emptyGrsForm(level), errors: {} }, csrfToken(reply)));
  });

  /** Saves the form (a new step when `number` is null); the form again after "Check", on a mistake or a stale draft. */
  async function saveContact(request: FastifyRequest, reply: FastifyReply, slug: string, number: number | null, body: z.infer<typeof grsBody>) {
    const values = pickGrsForm(body);
    const reading = readGrsForm(values);
    const state: GrsFormState = { number, values, errors: reading.errors, reading: { limit: reading.timeLimit, notes: reading.timeLimitNotes } };
    const again = async (extra: Partial<GrsFormState>, status: number) => {
      const view = await loadEditorView(app.db, slug);
      return privatePage(request, reply, renderGrsFormPage(request.lang, view, { ...state, ...extra }, csrfToken(reply)), status);
    };
    const contact = reading.contact;
    if (body.action === 'check' || !contact) return again({}, contact ? 200 : 400);
    // an addition overwrites nothing of anyone's, so it is not checked against the revision
    const saved = await savedUnlessStale(() =>
      number === null ? addGrsContact(app.db, actorOf(request), slug, contact) : updateGrsContact(app.db, actorOf(request), slug, number, contact, body.revision),
    );
    if (!saved) {
      const now = await loadEditorView(app.db, slug);
      return again({ stale: grsContactNow(number === null ? undefined : now.doc.grs_contacts[number - 1]) }, 409);
    }
    return reply.redirect(listHref(slug, number === null ? 'grs_added' : 'grs_saved'), 303);
  }

  app.post('/offices/:slug/edit/grs/new', { config: EDIT, schema: { hide, params: officeParams, body: grsBody } }, async (request, reply) =>
    saveContact(request, reply, request.params.slug, null, request.body),
  );

  app.get('/offices/:slug/edit/grs/:number', { config: EDIT, schema: { hide, params: numberParams, querystring: z.object({ lang }) } }, async (request, reply) => {
    const { slug, number } = request.params;
    const view = await loadEditorView(app.db, slug);
    const state = { number, values: grsFormValues(requireContact(view, number)), errors: {} };
    return privatePage(request, reply, renderGrsFormPage(request.lang, view, state, csrfToken(reply)));
  });

  app.post('/offices/:slug/edit/grs/:number', { config: EDIT, schema: { hide, params: numberParams, body: grsBody } }, async (request, reply) =>
    saveContact(request, reply, request.params.slug, request.params.number, request.body),
  );

  app.get('/offices/:slug/edit/grs/:number/remove', { config: EDIT, schema: { hide, params: numberParams, querystring: z.object({ lang }) } }, async (request, reply) => {
    const { slug, number } = request.params;
    const view = await loadEditorView(app.db, slug);
    requireContact(view, number);
    return privatePage(request, reply, renderRemoveGrsPage(request.lang, view, number, {}, csrfToken(reply)));
  });

  app.post(
    '/offices/:slug/edit/grs/:number/remove',
    { config: EDIT, schema: { hide, params: numberParams, body: z.object(formMeta).optional() } },
    async (request, reply) => {
      const { slug, number } = request.params;
      if (!(await savedUnlessStale(() => removeGrsContact(app.db, actorOf(request), slug, number, request.body?.revision)))) {
        const view = await loadEditorView(app.db, slug);
        return privatePage(request, reply, renderRemoveGrsPage(request.lang, view, number, { stale: grsContactNow(view.doc.grs_contacts[number - 1]) }, csrfToken(reply)), 409);
      }
      return reply.redirect(listHref(slug, 'grs_removed'), 303);
    },
  );
}
