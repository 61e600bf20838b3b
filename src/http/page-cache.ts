// Finished responses kept in memory, compressed once: for content that never changes under its
// key (a published charter version), so a page costs one lookup and a memory copy, not a render.
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';

export type ContentEncoding = 'br' | 'gzip' | 'identity';

/** What a route produces once for a key: the uncompressed body and its headers. */
export interface ResponseContent {
  contentType: string;
  body: string | Buffer;
  /** further headers that belong to the content (e.g. content-disposition) */
  headers?: Readonly<Record<string, string>>;
  /**
   * false: answer the requests waiting for it, but keep nothing — for an address no page links
   * to (a page past the end of a list), which anyone can vary without end. Default true.
   */
  keep?: boolean;
}

export interface CachedResponse {
  contentType: string;
  headers: Readonly<Record<string, string>>;
  /** the content's hash; each encoding's strong ETag is derived from it */
  hash: string;
  bodies: Readonly<Record<ContentEncoding, Buffer>>;
}

/**
 * For a CDN or browser in front: a minute fresh, then served stale for ten while it revalidates
 * (a 304 here costs one indexed lookup). Short enough that a republished charter shows within a
 * minute everywhere, long enough that a burst of readers reaches us once per edge.
 */
export const SHARED_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=600';
/** A response that may set the language cookie must not be handed by a shared cache to someone else. */
export const PRIVATE_CACHE_CONTROL = 'private, max-age=60';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Compresses once (in the thread pool, off the event loop), by default at the strongest settings:
 * the work is paid once per key. `brotliQuality` (0–11) trades bytes for time where keys change often.
 */
export async function prepareResponse(content: ResponseContent, { brotliQuality = zlib.BROTLI_MAX_QUALITY }: { brotliQuality?: number } = {}): Promise<CachedResponse> {
  const identity = typeof content.body === 'string' ? Buffer.from(content.body, 'utf8') : content.body;
  const [br, gz] = await Promise.all([
    brotli(identity, {
      params: {
        [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
        [zlib.BROTLI_PARAM_QUALITY]: brotliQuality,
        [zlib.BROTLI_PARAM_SIZE_HINT]: identity.length,
      },
    }),
    gzipAsync(identity, { level: zlib.Z_BEST_COMPRESSION }),
  ]);
  const hash = createHash('sha256').update(content.contentType).update('\0').update(identity).digest('base64url').slice(0, 27);
  return { contentType: content.contentType, headers: content.headers ?? {}, hash, bodies: { identity, br, gzip: gz } };
}

function sizeOf(response: CachedResponse, key: string): number {
  const { identity, br, gzip: gz } = response.bodies;
  return identity.length + br.length + gz.length + key.length * 2 + 256;
}

export interface PageCacheOptions {
  /** memory for bodies (all three encodings) and keys; the least recently used go first */
  maxBytes?: number;
  /**
   * Brotli's quality, 0–11; default 11, the strongest, right for content kept as long as a
   * published version. Content replaced often (the directory, after any publish anywhere) is
   * better compressed quickly: 6 takes under a millisecond for a directory page where 11 takes
   * 100 ms or more, for about an eighth more bytes.
   */
  brotliQuality?: number;
}

export class PageCache {
  readonly #entries: LRUCache<string, CachedResponse>;
  /** keys being produced now: concurrent misses for one key render and compress once */
  readonly #pending = new Map<string, Promise<CachedResponse>>();
  readonly #brotliQuality: number;
  #hits = 0;
  #misses = 0;

  constructor({ maxBytes = 64 * 1024 * 1024, brotliQuality = zlib.BROTLI_MAX_QUALITY }: PageCacheOptions = {}) {
    this.#entries = new LRUCache({ maxSize: maxBytes, maxEntrySize: Math.floor(maxBytes / 4), sizeCalculation: sizeOf });
    this.#brotliQuality = brotliQuality;
  }

  /** The response under this key, produced (and kept) on the first request for it. A producer's error is not kept. */
  async get(key: string, produce: () => Promise<ResponseContent>): Promise<CachedResponse> {
    const cached = this.#entries.get(key);
    if (cached) {
      this.#hits++;
      return cached;
    }
    const pending = this.#pending.get(key);
    if (pending) {
      this.#hits++;
      return pending;
    }
    this.#misses++;
    const producing = produce()
      .then(async (content) => {
        const response = await prepareResponse(content, { brotliQuality: this.#brotliQuality });
        if (content.keep !== false) this.#entries.set(key, response);
        return response;
      })
      .finally(() => this.#pending.delete(key));
    this.#pending.set(key, producing);
    return producing;
  }

  get stats(): { hits: number; misses: number; entries: number; bytes: number } {
    return { hits: this.#hits, misses: this.#misses, entries: this.#entries.size, bytes: this.#entries.calculatedSize };
  }
}

const PREFERENCE: readonly ContentEncoding[] = ['br', 'gzip', 'identity'];

/** The stored encoding the client likes best (RFC 9110 §12.5.3); identity when it accepts none of them. */
export function chooseEncoding(acceptEncoding: string | undefined): ContentEncoding {
  if (!acceptEncoding) return 'identity';
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name = '', ...params] = part.split(';').map((piece) => piece.trim());
    if (!name) continue;
    const q = params.find((param) => param.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    weights.set(name === 'x-gzip' ? 'gzip' : name, Number.isFinite(weight) ? weight : 0);
  }
  // identity is acceptable unless refused, but never preferred over a coding the client names
  const weightOf = (coding: ContentEncoding) => weights.get(coding) ?? weights.get('*') ?? (coding === 'identity' ? 0.001 : 0);
  let best: ContentEncoding = 'identity';
  let bestWeight = 0;
  for (const coding of PREFERENCE) {
    const weight = weightOf(coding);
    if (weight > bestWeight) {
      best = coding;
      bestWeight = weight;
    }
  }
  return best;
}

/** Each encoding is a different representation, so each gets its own strong ETag. */
export function etagOf(response: CachedResponse, encoding: ContentEncoding): string {
  return encoding === 'identity' ? `"${response.hash}"` : `"${response.hash}-${encoding}"`;
}

/** If-None-Match compares weakly (RFC 9110 §13.1.2): any encoding of the same content is still fresh. */
function stillFresh(ifNoneMatch: string | undefined, response: CachedResponse): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const opaque = tag.trim().replace(/^W\//, '');
    return opaque === '*' || PREFERENCE.some((encoding) => etagOf(response, encoding) === opaque);
  });
}

/** ?lang= sets the language cookie (http/lang.ts): the answer to it is that visitor's own. */
export const setsLanguageCookie = (request: FastifyRequest) => (request.query as { lang?: unknown } | undefined)?.lang !== undefined;

export interface SendCachedOptions {
  /** the response may set a cookie or otherwise belongs to one visitor */
  private?: boolean;
}

/** Sends the stored encoding the client accepts (or 304 when its copy is current), with validators and caching headers. */
export function sendCached(request: FastifyRequest, reply: FastifyReply, response: CachedResponse, options: SendCachedOptions = {}) {
  const encoding = chooseEncoding(request.headers['accept-encoding']);
  reply
    // the language comes from a cookie (or ?lang, part of the URL), the encoding from the request
    .header('vary', 'Accept-Encoding, Cookie')
    .header('cache-control', options.private ? PRIVATE_CACHE_CONTROL : SHARED_CACHE_CONTROL)
    .header('etag', etagOf(response, encoding));
  if (stillFresh(request.headers['if-none-match'], response)) return reply.code(304).send();
  reply.type(response.contentType);
  for (const [name, value] of Object.entries(response.headers)) reply.header(name, value);
  if (encoding !== 'identity') reply.header('content-encoding', encoding);
  return reply.send(response.bodies[encoding]);
}
