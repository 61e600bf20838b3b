// Directory pages (home, places, organisations, search) rendered and compressed once per
// directory revision, address and language, then served from memory (http/page-cache.ts). The
// revision (migration 0007) changes in the same transaction as anything these pages show, so a
// request costs at most one read of a one-row table (directory-revision.ts), and a publish shows
// at once on every instance with no message between them: its new number is a new key.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../core/db/schema.ts';
import { renderPage, type RenderedPage } from '../http/layout.ts';
import { PageCache, sendCached, setsLanguageCookie } from '../http/page-cache.ts';
import { currentDirectoryRevision } from './directory-revision.ts';
import type { OfficePage } from './pages/directory-parts.ts';

const MB = 1024 * 1024;

export interface DirectoryCaches {
  /** the pages people browse to: a bounded set of addresses (places, organisations, their pages) */
  pages: PageCache;
  /** search results: as many addresses as there are things to type, so kept apart, where a flood of them pushes out only other searches */
  searches: PageCache;
}

/**
 * Every publish anywhere renders the directory again, so its pages are compressed quickly
 * (brotli 6: under a millisecond for a page of 50 offices, where the strongest takes 100 ms or
 * more, for about an eighth more bytes). A page is a few KB compressed; these budgets hold the
 * busy pages of a country's directory.
 */
const DIRECTORY_BROTLI_QUALITY = 6;

export function createDirectoryCaches(): DirectoryCaches {
  return {
    pages: new PageCache({ maxBytes: 32 * MB, brotliQuality: DIRECTORY_BROTLI_QUALITY }),
    searches: new PageCache({ maxBytes: 8 * MB, brotliQuality: DIRECTORY_BROTLI_QUALITY }),
  };
}

/** A directory page, and whether to keep it: one past the end of a list is answered but not kept. */
export interface DirectoryPage extends RenderedPage {
  keep?: boolean;
}

/** Past the last page of a list: an address no page links to, which anyone can vary without end. */
export const pastTheEnd = (list: OfficePage) => list.page > list.pages;

/**
 * The same search typed differently is one cached page: Unicode composed (NFC), spaces trimmed
 * and runs of them made one. Case is kept: the match ignores it already, and the page echoes the
 * term as it was typed.
 */
export function normaliseSearchTerm(term: string): string {
  return term.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

export class DirectoryPages {
  readonly #db: Kysely<DB>;
  readonly #caches: DirectoryCaches;

  constructor(db: Kysely<DB>, caches: DirectoryCaches = createDirectoryCaches()) {
    this.#db = db;
    this.#caches = caches;
  }

  /**
   * Sends the page at this address (its path with the query that chooses its content, as the
   * page's own links write it) in the request's language, produced at most once per revision.
   * A producer that throws (no such place: 404) keeps nothing.
   */
  async send(request: FastifyRequest, reply: FastifyReply, address: string, produce: () => Promise<DirectoryPage>, kind: keyof DirectoryCaches = 'pages') {
    const { lang } = request;
    // A change committed between this read and the render files newer content under the older
    // number, which later requests no longer ask for: never older content under a newer number.
    const revision = await currentDirectoryRevision(this.#db);
    const response = await this.#caches[kind].get(`directory:${revision}:${lang}:${address}`, async () => {
      const page = await produce();
      // the language switch links to the page's own address, so one copy serves every URL of it
      return { contentType: 'text/html; charset=utf-8', body: renderPage({ lang, title: page.title, path: address, body: page.body }), keep: page.keep !== false };
    });
    return sendCached(request, reply, response, { private: setsLanguageCookie(request) });
  }
}
