// The files of a request for its office's staff: the page listing them with the form to add more
// (those who may handle requests), and each file's download (those who may read them). A file is
// reached only through its own office's request: another office's file id is not found.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findUserNames } from '../accounts/index.ts';
import { t, type Lang } from '../core/i18n/index.ts';
import { actorOf, officeBySlug, type Access, type Permission } from '../http/access.ts';
import { csrfToken } from '../http/csrf.ts';
import { privatePage } from '../http/layout.ts';
import { ATTACHMENT_MULTIPART, attachmentsField, readFormFiles } from './attachment-form.ts';
import { attachToRequest, loadAttachment, loadRequestAttachments } from './attachment-service.ts';
import { contentDisposition, downloadName, isAttachmentRefusal } from './attachments.ts';
import type { AttachmentListRow } from './attachments-repository.ts';
import { displayName } from './assignment.ts';
import { RequestsError } from './errors.ts';
import { attachmentsHref, refusalText, renderAttachmentsPage, type AttachmentItem } from './pages/attachments-page.ts';
import { pageOffice, requestNumberOf } from './route-params.ts';

const access = (permission: Permission) =>
  ({ access: { permission, target: (request: FastifyRequest) => officeBySlug((request.params as { slug: string }).slug) } }) as const satisfies { access: Access };
const READ = access('requests.read');
const HANDLE = access('requests.handle');

const lang = z.enum(['bn', 'en']).optional().catch(undefined);
const requestParams = z.object({ slug: z.string().min(1).max(100), number: z.string().min(1).max(40) });
const attachmentParams = requestParams.extend({ id: z.string().regex(/^[0-9]{1,15}$/) });
const pageQuery = z.object({ lang, done: z.enum(['attached']).optional().catch(undefined) });
const addBody = z.object({ attachments: attachmentsField, _csrf: z.string().optional() });

/** The list's rows, each with the name of who gave it. */
export async function attachmentItems(db: FastifyInstance['db'], lang: Lang, rows: readonly AttachmentListRow[]): Promise<AttachmentItem[]> {
  const users = await findUserNames(db, rows.flatMap((row) => (row.uploaded_by_user_id === null ? [] : [row.uploaded_by_user_id])));
  const names = new Map(users.map((user) => [user.id, displayName(lang, user)]));
  return rows.map((row) => ({
    id: row.id,
    fileName: row.file_name,
    mediaType: row.media_type,
    sizeBytes: row.size_bytes,
    uploadedAt: row.uploaded_at,
    givenBy:
      row.uploaded_by_user_id !== null
        ? (names.get(row.uploaded_by_user_id) ?? t(lang, 'office_requests.user_number', { id: row.uploaded_by_user_id }))
        : t(lang, row.given_by === 'citizen' ? 'attachments.by_citizen' : 'attachments.by_office'),
  }));
}

export async function requestAttachmentRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const hide = true;

  const officeOf = (request: FastifyRequest, slug: string) => pageOffice(app.db, request.lang, slug);

  async function attachmentsPage(request: FastifyRequest, reply: FastifyReply, slug: string, number: string, extra: { notice?: string; error?: string }, status = 200) {
    const office = await officeOf(request, slug);
    const { request: row, attachments } = await loadRequestAttachments(app.db, office.id, requestNumberOf(number));
    const mayAdd = await request.allows('requests.handle', office.target);
    const view = { office: office.label, trackingNumber: row.tracking_number, items: await attachmentItems(app.db, request.lang, attachments), csrf: mayAdd ? csrfToken(reply) : null, ...extra };
    return privatePage(request, reply, renderAttachmentsPage(request.lang, view), status);
  }

  app.get('/offices/:slug/requests/:number/attachments', { config: READ, schema: { hide, params: requestParams, querystring: pageQuery } }, async (request, reply) => {
    const { slug, number } = request.params;
    const notice = request.query.done === 'attached' ? t(request.lang, 'attachments.done') : undefined;
    return attachmentsPage(request, reply, slug, number, { notice });
  });

  app.post(
    '/offices/:slug/requests/:number/attachments',
    { config: { ...HANDLE, multipartOptions: ATTACHMENT_MULTIPART }, schema: { hide, params: requestParams, body: addBody } },
    async (request, reply) => {
      const { slug, number } = request.params;
      const office = await officeOf(request, slug);
      const trackingNumber = requestNumberOf(number);
      try {
        const files = await readFormFiles(request.body.attachments);
        if (!files.ok) throw files.error;
        if (files.uploads.length === 0) throw new RequestsError('attachment_not_chosen', undefined, 'attachments');
        await attachToRequest(app.db, actorOf(request), office.id, trackingNumber, files.uploads);
      } catch (error) {
        if (!isAttachmentRefusal(error)) throw error;
        return attachmentsPage(request, reply, slug, number, { error: refusalText(request.lang, error) }, error.status);
      }
      return reply.redirect(`${attachmentsHref(slug, trackingNumber)}?done=attached`, 303);
    },
  );

  app.get('/offices/:slug/requests/:number/attachments/:id', { config: READ, schema: { hide, params: attachmentParams } }, async (request, reply) => {
    const { slug, number, id } = request.params;
    const office = await officeOf(request, slug);
    const file = await loadAttachment(app.db, office.id, requestNumberOf(number), Number(id));
    return reply
      .type(file.media_type)
      .header('content-disposition', contentDisposition(downloadName(file.file_name, file.media_type)))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(file.content);
  });
}
