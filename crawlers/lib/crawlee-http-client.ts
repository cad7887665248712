import { Readable } from 'node:stream';
import type { IncomingHttpHeaders } from 'node:http';
import type {
  BaseHttpClient,
  HttpRequest,
  HttpResponse,
  RedirectHandler,
  ResponseTypes,
  StreamingHttpResponse,
} from '@crawlee/core';
import { decodeText, mediaType } from './charset.js';
import { guardedFetch, type FetchedResponse, type FetchOptions, type FetchPolicy } from './http-fetch.js';

/** Header the client adds to responses so the crawler can report how many attempts a page took. */
export const ATTEMPTS_HEADER = 'x-earshot-attempts';
/** Header the client adds when it did not download a body (content type the crawler does not read). */
export const SKIPPED_HEADER = 'x-earshot-body-skipped';

const TEXT_TYPES = /^(text\/|application\/(xhtml\+xml|xml|json|ld\+json|rss\+xml|atom\+xml))/;

/**
 * crawlee's HTTP transport replaced by earshot's guarded fetch, so Cheerio crawls get the same URL guard (every
 * redirect hop), robots.txt check, per-host rate limit, size cap, timeout and retry/backoff as the JSON API crawlers.
 * Text bodies are decoded by their declared charset (header or `<meta>`) and handed to crawlee as UTF-8.
 */
export class GuardedHttpClient implements BaseHttpClient {
  constructor(
    private readonly policy: FetchPolicy,
    private readonly opts: Pick<FetchOptions, 'wantBody'> & { accept?: string } = {},
  ) {}

  private async get(request: HttpRequest<keyof ResponseTypes>): Promise<FetchedResponse> {
    const accept = this.opts.accept ?? 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5';
    return guardedFetch(String(request.url), this.policy, { headers: { accept }, wantBody: this.opts.wantBody });
  }

  async sendRequest<T extends keyof ResponseTypes = 'text'>(request: HttpRequest<T>): Promise<HttpResponse<T>> {
    const res = await this.get(request as HttpRequest<keyof ResponseTypes>);
    const { headers, body } = toUtf8(res);
    const type = request.responseType ?? 'text';
    const parsed = type === 'buffer' ? body : type === 'json' ? JSON.parse(body.toString('utf8')) : body.toString('utf8');
    return {
      ...meta(res, headers),
      body: parsed as ResponseTypes[T],
      request: request as HttpRequest<T>,
    } as HttpResponse<T>;
  }

  async stream(request: HttpRequest, _onRedirect?: RedirectHandler): Promise<StreamingHttpResponse> {
    const res = await this.get(request);
    const { headers, body } = toUtf8(res);
    const progress = { percent: 100, transferred: body.length, total: body.length };
    return {
      ...meta(res, headers),
      request,
      stream: Readable.from(body.length ? [body] : []),
      downloadProgress: progress,
      uploadProgress: { percent: 100, transferred: 0, total: 0 },
    };
  }
}

function meta(res: FetchedResponse, headers: IncomingHttpHeaders) {
  return {
    url: res.url,
    redirectUrls: res.redirects.map((u) => new URL(u)),
    statusCode: res.status,
    headers,
    trailers: {},
    complete: true,
  };
}

/** Text bodies re-encoded as UTF-8 (with the Content-Type saying so); others untouched. */
function toUtf8(res: FetchedResponse): { headers: IncomingHttpHeaders; body: Buffer } {
  const headers: IncomingHttpHeaders = { ...res.headers, [ATTEMPTS_HEADER]: String(res.attempts) };
  if (res.bodySkipped) headers[SKIPPED_HEADER] = '1';
  delete headers['content-encoding']; // already decompressed
  delete headers['content-length'];
  const type = mediaType(res.headers['content-type']);
  if (res.bodySkipped || !(type === '' || TEXT_TYPES.test(type))) return { headers, body: res.body };
  const text = decodeText(res.body, res.headers['content-type']);
  headers['content-type'] = `${type || 'text/html'}; charset=utf-8`;
  return { headers, body: Buffer.from(text, 'utf8') };
}
