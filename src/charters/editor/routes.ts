// The charter editor for office administrators: thin handlers over draft-service.ts. Every route
// needs charter.edit for the office in its address; every form carries the CSRF token; a
// change answers 303 to the page to look at next; a form with errors comes back as typed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { t, type MessageKey } from '../../core/i18n/index.ts';
import { actorOf, officeBySlug, type Access } from '../../http/access.ts';
import { csrfToken } from '../../http/csrf.ts';
import { sendPage, type RenderedPage } from '../../http/layout.ts';
import { ChartersError } from '../errors.ts';
import { readCharter } from '../read-charter.ts';
import {
  addService,
  loadEditorService,
  loadEditorView,
  loadHistory,
  moveService,
  publishDraft,
  removeService,
  updateCharterDetails,
  updateService,
  useUploadAsDraft,
} from './draft-service.ts';
import { DETAILS_FIELDS, detailsValues, renderDetailsPage, type DetailsField, type DetailsValues } from './pages/details-page.ts';
import { editorHref } from './pages/form-parts.ts';
import { renderHistoryPage } from './pages/history-page.ts';
import { renderOverviewPage, renderRemovePage } from './pages/overview-page.ts';
import { renderServiceFormPage } from './pages/service-form-page.ts';
import { renderUploadPage } from './pages/upload-page.ts';
import { emptyServiceForm, pickServiceForm, readServiceForm, SERVICE_FORM_FIELDS, serviceFormValues } from './service-form.ts';

const EDIT = {
  access: { permission: 'charter.edit', target: (request: FastifyRequest) => officeBySlug((request.params as { slug: string }).slug) },
} as const satisfies { access: Access };

const lang = z.enum(['bn', 'en']).optional().catch(undefined);
const DONE = ['saved', 'added', 'removed', 'moved', 'details', 'uploaded', 'published'] as const;
const officeParams = z.object({ slug: z.string().min(1).max(100) });
const serviceParams = officeParams.extend({ code: z.string().max(40) });
const formText = z.string().max(20_000).optional();
const serviceBody = z.object({
  ...Object.fromEntries(SERVICE_FORM_FIELDS.map((field) => [field, formText])),
  action: z.enum(['check', 'save']).optional(),
  _csrf: z.string().optional(),
});
const detailsBody = z.object({ ...Object.fromEntries(DETAILS_FIELDS.map((field) => [field, formText])), _csrf: z.string().optional() });
/** The pasted charter: 2 MB of text (a long charter is ~100 KB; the importer's own limit is 10 MB). */
const UPLOAD_MAX_CHARACTERS = 2 * 1024 * 1024;
/** Form-encoded, each Bangla letter (3 bytes of UTF-8) travels as 9 characters (%E0%A6%95). */
const UPLOAD_BODY_LIMIT = 9 * UPLOAD_MAX_CHARACTERS;
const uploadBody = z.object({ text: z.string().max(UPLOAD_MAX_CHARACTERS), action: z.enum(['check', 'use']).optional(), _csrf: z.string().optional() });

function privatePage(request: FastifyRequest, reply: FastifyReply, page: RenderedPage, status = 200) {
  // a signed-in user's pages are never kept by a shared cache or the back button
  return sendPage(request, reply.status(status).header('cache-control', 'no-store'), page);
}

const DONE_KEYS: Record<(typeof DONE)[number], MessageKey> = {
  saved: 'editor.done.saved',
  added: 'editor.done.added',
  removed: 'editor.done.removed',
  moved: 'editor.done.moved',
  details: 'editor.done.details',
  uploaded: 'editor.done.uploaded',
  published: 'editor.done.published',
};

/** What the importer says when it refuses a text: its own message key when it has one. */
function uploadErrorKey(error: ChartersError): MessageKey {
  return error.messageKey;
}

export async function charterEditorRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const hide = true;

  app.get(
    '/offices/:slug/edit',
    { config: EDIT, schema: { hide, params: officeParams, querystring: z.object({ lang, done: z.enum(DONE).optional().catch(undefined) }) } },
    async (request, reply) => {
      const view = await loadEditorView(app.db, request.params.slug);
      const { done } = request.query;
      const notice = done ? t(request.lang, DONE_KEYS[done]) : undefined;
      return privatePage(request, reply, renderOverviewPage(request.lang, view, csrfToken(reply), notice));
    },
  );

  app.get('/offices/:slug/edit/services/new', { config: EDIT, schema: { hide, params: officeParams, querystring: z.object({ lang }) } }, async (request, reply) => {
    const view = await loadEditorView(app.db, request.params.slug);
    const serial = Math.max(0, ...view.doc.services.filter((s) => s.category === 'citizen').map((s) => s.serial)) + 1;
    return privatePage(request, reply, renderServiceFormPage(request.lang, view, { code: null, values: emptyServiceForm(serial), errors: {} }, csrfToken(reply)));
  });

  app.post('/offices/:slug/edit/services/new', { config: EDIT, schema: { hide, params: officeParams, body: serviceBody } }, async (request, reply) => {
    const { slug } = request.params;
    const values = pickServiceForm(request.body);
    const reading = readServiceForm(values);
    if (request.body.action === 'check' || !reading.service) {
      const view = await loadEditorView(app.db, slug);
      const state = { code: null, values, errors: reading.errors, reading: { limit: reading.timeLimit, notes: reading.timeLimitNotes } };
      return privatePage(request, reply, renderServiceFormPage(request.lang, view, state, csrfToken(reply)), reading.service ? 200 : 400);
    }
    await addService(app.db, actorOf(request), slug, reading.service);
    return reply.redirect(`${editorHref(slug)}?done=added`, 303);
  });

  app.get('/offices/:slug/edit/services/:code', { config: EDIT, schema: { hide, params: serviceParams, querystring: z.object({ lang }) } }, async (request, reply) => {
    const { view, service } = await loadEditorService(app.db, request.params.slug, request.params.code);
    const state = { code: request.params.code, values: serviceFormValues(service), errors: {} };
    return privatePage(request, reply, renderServiceFormPage(request.lang, view, state, csrfToken(reply)));
  });

  app.post('/offices/:slug/edit/services/:code', { config: EDIT, schema: { hide, params: serviceParams, body: serviceBody } }, async (request, reply) => {
    const { slug, code } = request.params;
    const { view, service: stored } = await loadEditorService(app.db, slug, code);
    const values = pickServiceForm(request.body);
    const reading = readServiceForm(values, stored);
    if (request.body.action === 'check' || !reading.service) {
      const state = { code, values, errors: reading.errors, reading: { limit: reading.timeLimit, notes: reading.timeLimitNotes } };
      return privatePage(request, reply, renderServiceFormPage(request.lang, view, state, csrfToken(reply)), reading.service ? 200 : 400);
    }
    // the officer was inferred from elsewhere in the charter; saved unchanged, it still is
    const sameOfficer = JSON.stringify({ ...stored.officer, inferred: false }) === JSON.stringify(reading.service.officer);
    const service = stored.officer?.inferred && sameOfficer ? { ...reading.service, officer: stored.officer } : reading.service;
    await updateService(app.db, actorOf(request), slug, code, service);
    return reply.redirect(`${editorHref(slug)}?done=saved`, 303);
  });

  app.get(
    '/offices/:slug/edit/services/:code/remove',
    { config: EDIT, schema: { hide, params: serviceParams, querystring: z.object({ lang }) } },
    async (request, reply) => {
      const { view, service } = await loadEditorService(app.db, request.params.slug, request.params.code);
      return privatePage(request, reply, renderRemovePage(request.lang, view, service, csrfToken(reply)));
    },
  );

  app.post(
    '/offices/:slug/edit/services/:code/remove',
    { config: EDIT, schema: { hide, params: serviceParams, body: z.object({ _csrf: z.string().optional() }).optional() } },
    async (request, reply) => {
      await removeService(app.db, actorOf(request), request.params.slug, request.params.code);
      return reply.redirect(`${editorHref(request.params.slug)}?done=removed`, 303);
    },
  );

  app.post(
    '/offices/:slug/edit/services/:code/move',
    { config: EDIT, schema: { hide, params: serviceParams, body: z.object({ direction: z.enum(['up', 'down']), _csrf: z.string().optional() }) } },
    async (request, reply) => {
      await moveService(app.db, actorOf(request), request.params.slug, request.params.code, request.body.direction);
      return reply.redirect(`${editorHref(request.params.slug)}?done=moved`, 303);
    },
  );

  app.get('/offices/:slug/edit/office', { config: EDIT, schema: { hide, params: officeParams, querystring: z.object({ lang }) } }, async (request, reply) => {
    const view = await loadEditorView(app.db, request.params.slug);
    return privatePage(request, reply, renderDetailsPage(request.lang, view, detailsValues(view.doc), {}, csrfToken(reply)));
  });

  app.post('/offices/:slug/edit/office', { config: EDIT, schema: { hide, params: officeParams, body: detailsBody } }, async (request, reply) => {
    const { slug } = request.params;
    const body = request.body as Partial<Record<DetailsField, string>>;
    const values = Object.fromEntries(DETAILS_FIELDS.map((field) => [field, body[field] ?? ''])) as DetailsValues;
    const text = (field: DetailsField) => values[field].trim() || null;
    const errors: Partial<Record<DetailsField, MessageKey>> = {};
    if (!text('office_name_bn')) errors.office_name_bn = 'editor.error.office_name_required';
    const website = text('office_website');
    if (website && !/^https?:\/\/[^\s"<>]+$/i.test(website)) errors.office_website = 'editor.error.website';
    if (Object.keys(errors).length > 0) {
      const view = await loadEditorView(app.db, slug);
      return privatePage(request, reply, renderDetailsPage(request.lang, view, values, errors, csrfToken(reply)), 400);
    }
    await updateCharterDetails(app.db, actorOf(request), slug, {
      office_name_bn: text('office_name_bn'),
      office_name_en: text('office_name_en'),
      office_parent_bn: text('office_parent_bn'),
      office_address_bn: text('office_address_bn'),
      office_website: website,
      vision_bn: text('vision_bn'),
      mission_bn: text('mission_bn'),
      expectations_bn: values.expectations_bn.split(/\r?\n/).map((line) => line.trim()).filter(Boolean),
    });
    return reply.redirect(`${editorHref(slug)}?done=details`, 303);
  });

  app.get('/offices/:slug/edit/upload', { config: EDIT, schema: { hide, params: officeParams, querystring: z.object({ lang }) } }, async (request, reply) => {
    const view = await loadEditorView(app.db, request.params.slug);
    return privatePage(request, reply, renderUploadPage(request.lang, view, { text: '' }, csrfToken(reply)));
  });

  app.post(
    '/offices/:slug/edit/upload',
    { config: EDIT, bodyLimit: UPLOAD_BODY_LIMIT, schema: { hide, params: officeParams, body: uploadBody } },
    async (request, reply) => {
      const { slug } = request.params;
      const { text, action } = request.body;
      let doc;
      try {
        doc = readCharter(new TextEncoder().encode(text));
      } catch (error) {
        if (!(error instanceof ChartersError)) throw error;
        const view = await loadEditorView(app.db, slug);
        return privatePage(request, reply, renderUploadPage(request.lang, view, { text, error: uploadErrorKey(error) }, csrfToken(reply)), 400);
      }
      if (action !== 'use') {
        const view = await loadEditorView(app.db, slug);
        return privatePage(request, reply, renderUploadPage(request.lang, view, { text, doc }, csrfToken(reply)));
      }
      await useUploadAsDraft(app.db, actorOf(request), slug, doc, 'editor upload', text);
      return reply.redirect(`${editorHref(slug)}?done=uploaded`, 303);
    },
  );

  app.post(
    '/offices/:slug/edit/publish',
    { config: EDIT, schema: { hide, params: officeParams, body: z.object({ _csrf: z.string().optional() }).optional() } },
    async (request, reply) => {
      await publishDraft(app.db, actorOf(request), request.params.slug);
      return reply.redirect(`${editorHref(request.params.slug)}?done=published`, 303);
    },
  );

  app.get('/offices/:slug/history', { config: EDIT, schema: { hide, params: officeParams, querystring: z.object({ lang }) } }, async (request, reply) => {
    const { office, versions } = await loadHistory(app.db, request.params.slug);
    return privatePage(request, reply, renderHistoryPage(request.lang, office, versions));
  });
}
