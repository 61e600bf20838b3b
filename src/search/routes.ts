// /search?q=: offices and services found by name, in Bangla or English, kept per directory
// revision like the directory's pages (a publish anywhere moves it, so results follow at once).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PUBLIC } from '../http/access.ts';
import { sendPage } from '../http/layout.ts';
import { SEARCH_MAX_LENGTH } from '../http/search-form.ts';
import { DirectoryPages, normaliseSearchTerm } from '../offices/index.ts';
import { searchPortal } from './portal-search.ts';
import { renderSearchPage, searchHref } from './pages/search-page.ts';

// an unknown ?lang= falls back to the cookie or Bangla (see http/lang.ts) rather than failing the page
const lang = z.enum(['bn', 'en']).optional().catch(undefined);

export async function searchRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const pages = new DirectoryPages(app.db);

  app.get(
    '/search',
    {
      // compressed once in the page cache, not again on every answer
      config: PUBLIC, compress: false,
      schema: {
        summary: 'Search: a page of the offices and services of published charters that match, best first',
        // longer than the search takes (200), so that the page, not the schema, says what to do
        querystring: z.object({ lang, q: z.string().max(2000).optional(), page: z.coerce.number().int().min(1).max(100_000).optional() }),
      },
    },
    async (request, reply) => {
      const { lang } = request;
      const query = normaliseSearchTerm(request.query.q ?? '');
      const page = request.query.page ?? 1;
      if (query.length > SEARCH_MAX_LENGTH) return sendPage(request, reply.status(400), renderSearchPage(lang, query, { kind: 'too_long' }));
      return pages.send(
        request,
        reply,
        searchHref(query, page),
        async () => {
          const outcome = await searchPortal(app.db, query, page);
          // past the last page: an address no page links to, which anyone can vary without end
          const pastTheEnd = outcome.kind === 'results' && outcome.results.length === 0 && page > 1;
          return { ...renderSearchPage(lang, query, outcome), keep: !pastTheEnd };
        },
        'searches',
      );
    },
  );
}
