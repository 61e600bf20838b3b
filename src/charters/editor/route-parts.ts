// What every charter editor route shares: the access it declares, the shape of its addresses and
// form fields, and how its pages are sent (never kept by a cache).
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { officeBySlug, type Access } from '../../http/access.ts';
import { privatePage } from '../../http/layout.ts';
import { CharterEditorError } from './editor-errors.ts';

/** charter.edit for the office in the address. */
export const EDIT = {
  access: { permission: 'charter.edit', target: (request: FastifyRequest) => officeBySlug((request.params as { slug: string }).slug) },
} as const satisfies { access: Access };

export const lang = z.enum(['bn', 'en']).optional().catch(undefined);
export const officeParams = z.object({ slug: z.string().min(1).max(100) });
/** an officer's or GRS contact's number on its list, from 1 */
export const numberParams = officeParams.extend({ number: z.coerce.number().int().min(1).max(100_000) });
export const formText = z.string().max(20_000).optional();
/** what every editor form carries besides its fields */
export const formMeta = { _csrf: z.string().optional(), revision: z.string().max(100).optional() };

export { privatePage };

/** The change was refused because the draft changed since the form was opened. */
export const isStale = (error: unknown): boolean => error instanceof CharterEditorError && error.code === 'stale_draft';

/** Runs the change; false when it was refused because the draft changed since the form was opened. */
export async function savedUnlessStale(change: () => Promise<unknown>): Promise<boolean> {
  try {
    await change();
    return true;
  } catch (error) {
    if (isStale(error)) return false;
    throw error;
  }
}
