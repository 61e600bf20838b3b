// The charter editor for office administrators: thin handlers over draft-service.ts. Every route
// needs charter.edit for the office in its address; every form carries the CSRF token and the
// draft's revision; a change answers 303 to the page to look at next; a form with errors, or
// one saved over someone else's change, comes back with what was typed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { t, type MessageKey } from '../../core/i18n/index.ts';
import { actorOf } from '../../http/access.ts';
import { csrfToken } from '../../http/csrf.ts';
import { ChartersError } from '../errors.ts';
import type { CharterDocument } from '../model.ts';
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
import { grsRoutes } from './grs-routes.ts';
import { officerRoutes } from './officer-routes.ts';
import { DETAILS_FIELDS, detailsNow, detailsValues, renderDetailsPage, type DetailsField, type DetailsValues } from './pages/details-page.ts';
import { editorHref } from './pages/form-parts.ts';
import { renderHistoryPage } from './pages/history-page.ts';
import { renderOverviewPage, renderRemovePage } from './pages/overview-page.ts';
import { renderServiceFormPage, serviceNow, type ServiceFormState } from './pages/service-form-page.ts';
import { renderUploadPage, UPLOAD_MAX_FILE_BYTES, type UploadState } from './pages/upload-page.ts';
import { EDIT, formMeta, formText, lang, officeParams, privatePage, savedUnlessStale } from './route-parts.ts';
import { emptyServiceForm, pickServiceForm, readServiceForm, SERVICE_FORM_FIELDS, serviceFormValues } from './service-form.ts';

const DONE = ['saved', 'added', 'removed', 'moved', 'details', 'uploaded', 'published'] as const;
const serviceParams = officeParams.extend({ code: z.string().max(40) });
const serviceBody = z.object({
  ...Object.fromEntries(SERVICE_FORM_FIELDS.map((field) => [field, formText])),
  action: z.enum(['check', 'save']).optional(),
  ...formMeta,
});
const detailsBody = z.object({ ...Object.fromEntries(DETAILS_FIELDS.map((field) => [field, formText])), ...formMeta });
/** The pasted charter: 2 MB of text (a long charter is ~100 KB; the importer's own limit, CHARTER_LIMITS.bytes, is the same). */
const UPLOAD_MAX_CHARACTERS = 2 * 1024 * 1024;
/** Form-encoded, each Bangla letter (3 bytes of UTF-8) travels as 9 characters (%E0%A6%95). */
const UPLOAD_BODY_LIMIT = 9 * UPLOAD_MAX_CHARACTERS;
/** A file field as app.ts hands it over from a multipart form. */
const uploadedFile = z.object({ filename: z.string().max(1000), mimetype: z.string().max(200), truncated: z.boolean(), bytes: z.instanceof(Uint8Array) });
const uploadBody = z.object({
  text: z.string().max(UPLOAD_MAX_CHARACTERS).optional(),
  file: uploadedFile.optional(),
  action: z.enum(['check', 'use']).optional(),
  ...formMeta,
});
/** Multipart: the text box (4 bytes a character at most), the file, and the few fields beside them. */
const UPLOAD_MULTIPART = { limits: { files: 1, fileSize: UPLOAD_MAX_FILE_BYTES, fieldSize: 4 * UPLOAD_MAX_CHARACTERS, fields: 6, parts: 7 } };

const DONE_KEYS: Record<(typeof DONE)[number], MessageKey> = {
  saved: 'editor.done.saved',
  added: 'editor.done.added',
  removed: 'editor.done.removed',
  moved: 'editor.done.moved',
  details: 'editor.done.details',
  uploaded: 'editor.done.uploaded',
  published: 'editor.done.published',
};

/** The file's name as the page may show it (no folders, no control characters). */
const shownFileName = (name: string) => (name.split(/[\\/]/).pop() ?? '').replace(/\p{Cc}/gu, '').slice(0, 200);

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
    // an addition overwrites nothing of anyone's, so it is not checked against the revision
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
    const view = await loadEditorView(app.db, slug);
    // the service as it is now; gone when someone removed it meanwhile (a stale form then says so)
    const stored = view.doc.services.find((candidate) => candidate.code === code);
    if (!stored && request.body.revision === undefined) throw new ChartersError('service_not_found', code);
    const values = pickServiceForm(request.body);
    const reading = readServiceForm(values, stored);
    const state: ServiceFormState = { code, values, errors: reading.errors, reading: { limit: reading.timeLimit, notes: reading.timeLimitNotes } };
    if (request.body.action === 'check' || !reading.service) {
      return privatePage(request, reply, renderServiceFormPage(request.lang, view, state, csrfToken(reply)), reading.service ? 200 : 400);
    }
    // the officer was inferred from elsewhere in the charter; saved unchanged, it still is
    const sameOfficer = JSON.stringify({ ...stored?.officer, inferred: false }) === JSON.stringify(reading.service.officer);
    const service = stored?.officer?.inferred && sameOfficer ? { ...reading.service, officer: stored.officer } : reading.service;
    if (!(await savedUnlessStale(() => updateService(app.db, actorOf(request), slug, code, service, request.body.revision)))) {
      const now = await loadEditorView(app.db, slug);
      const current = now.doc.services.find((candidate) => candidate.code === code);
      const stale = serviceNow(current ? serviceFormValues(current) : null);
      return privatePage(request, reply, renderServiceFormPage(request.lang, now, { ...state, stale }, csrfToken(reply)), 409);
    }
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
    { config: EDIT, schema: { hide, params: serviceParams, body: z.object(formMeta).optional() } },
    async (request, reply) => {
      const { slug, code } = request.params;
      if (!(await savedUnlessStale(() => removeService(app.db, actorOf(request), slug, code, request.body?.revision)))) {
        const { view, service } = await loadEditorService(app.db, slug, code);
        return privatePage(request, reply, renderRemovePage(request.lang, view, service, csrfToken(reply), true), 409);
      }
      return reply.redirect(`${editorHref(slug)}?done=removed`, 303);
    },
  );

  app.post(
    '/offices/:slug/edit/services/:code/move',
    { config: EDIT, schema: { hide, params: serviceParams, body: z.object({ direction: z.enum(['up', 'down']), ...formMeta }) } },
    async (request, reply) => {
      const { slug, code } = request.params;
      if (!(await savedUnlessStale(() => moveService(app.db, actorOf(request), slug, code, request.body.direction, request.body.revision)))) {
        return staleOverview(request, reply);
      }
      return reply.redirect(`${editorHref(slug)}?done=moved`, 303);
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
    const details = {
      office_name_bn: text('office_name_bn'),
      office_name_en: text('office_name_en'),
      office_parent_bn: text('office_parent_bn'),
      office_address_bn: text('office_address_bn'),
      office_website: website,
      vision_bn: text('vision_bn'),
      mission_bn: text('mission_bn'),
      expectations_bn: values.expectations_bn.split(/\r?\n/).map((line) => line.trim()).filter(Boolean),
    };
    if (!(await savedUnlessStale(() => updateCharterDetails(app.db, actorOf(request), slug, details, request.body.revision)))) {
      const view = await loadEditorView(app.db, slug);
      return privatePage(request, reply, renderDetailsPage(request.lang, view, values, {}, csrfToken(reply), detailsNow(view.doc)), 409);
    }
    return reply.redirect(`${editorHref(slug)}?done=details`, 303);
  });

  app.get('/offices/:slug/edit/upload', { config: EDIT, schema: { hide, params: officeParams, querystring: z.object({ lang }) } }, async (request, reply) => {
    const view = await loadEditorView(app.db, request.params.slug);
    return privatePage(request, reply, renderUploadPage(request.lang, view, { text: '' }, csrfToken(reply)));
  });

  app.post(
    '/offices/:slug/edit/upload',
    { config: { ...EDIT, multipartOptions: UPLOAD_MULTIPART }, bodyLimit: UPLOAD_BODY_LIMIT, schema: { hide, params: officeParams, body: uploadBody } },
    async (request, reply) => {
      const { slug } = request.params;
      const { action, file, revision } = request.body;
      // a file chosen is read instead of the text box (a browser sends an empty, nameless file when none is)
      const chosen = file && (file.filename !== '' || file.bytes.length > 0) ? file : undefined;
      const page = async (state: UploadState, status: number) =>
        privatePage(request, reply, renderUploadPage(request.lang, await loadEditorView(app.db, slug), state, csrfToken(reply)), status);
      const fileName = chosen ? shownFileName(chosen.filename) : undefined;
      if (chosen?.truncated) return page({ text: request.body.text ?? '', fileName, error: 'editor.error.file_too_large' }, 413);
      let text = request.body.text ?? '';
      let doc: CharterDocument;
      try {
        doc = readCharter(chosen ? chosen.bytes : new TextEncoder().encode(text));
        // the file's text goes into the text box, which "Use as the draft" sends back
        if (chosen) text = new TextDecoder().decode(chosen.bytes);
      } catch (error) {
        if (!(error instanceof ChartersError)) throw error;
        return page({ text: chosen ? '' : text, fileName, error: error.messageKey }, 400);
      }
      if (action !== 'use' || chosen) return page({ text, doc, fileName }, 200);
      if (!(await savedUnlessStale(() => useUploadAsDraft(app.db, actorOf(request), slug, doc, 'editor upload', text, revision)))) {
        return page({ text, doc, stale: true }, 409);
      }
      return reply.redirect(`${editorHref(slug)}?done=uploaded`, 303);
    },
  );

  app.post('/offices/:slug/edit/publish', { config: EDIT, schema: { hide, params: officeParams, body: z.object(formMeta).optional() } }, async (request, reply) => {
    if (!(await savedUnlessStale(() => publishDraft(app.db, actorOf(request), request.params.slug, request.body?.revision)))) {
      return staleOverview(request, reply);
    }
    return reply.redirect(`${editorHref(request.params.slug)}?done=published`, 303);
  });

  app.get('/offices/:slug/history', { config: EDIT, schema: { hide, params: officeParams, querystring: z.object({ lang }) } }, async (request, reply) => {
    const { office, versions } = await loadHistory(app.db, request.params.slug);
    return privatePage(request, reply, renderHistoryPage(request.lang, office, versions));
  });

  /** The overview as it is now, saying the move or publish asked for was not done. */
  async function staleOverview(request: FastifyRequest, reply: FastifyReply) {
    const view = await loadEditorView(app.db, (request.params as { slug: string }).slug);
    return privatePage(request, reply, renderOverviewPage(request.lang, view, csrfToken(reply), undefined, true), 409);
  }

  await officerRoutes(app);
  await grsRoutes(app);
}
