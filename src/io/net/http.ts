// The one HTTP client of the action: every request it makes outside octokit (archives, release indexes, proxy
// lists, checksum-database lookups and tiles) goes through here, with one retry policy, one redirect policy and one
// stall timeout. It is built on node:http/https rather than the global fetch: the bundle carries undici (through
// the toolkit), which installs itself as fetch's dispatcher, and that undici throws an uncaught assertion when a
// server closes the connection right after the last byte while the reader is slow (HTTP/1.0, Python's
// http.server). Proxies come from HTTPS_PROXY/HTTP_PROXY/NO_PROXY through @actions/http-client's agents, as the
// rest of the toolkit reads them.
import { HttpClient } from '@actions/http-client';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { AttemptError, statusFailure, withRetries, type RetryContext } from '../../core/net/attempts.js';

export interface RequestOptions {
  /** Extra request headers: never logged, and dropped when a redirect leaves the origin. */
  headers?: Record<string, string>;
  /** Abort the attempt when no byte (or no response) arrives for this long. */
  stallTimeoutMs?: number;
  /** Redirects followed per attempt before giving up. */
  maxRedirects?: number;
  /**
   * Accept a gzip-encoded body and inflate it (text indexes). Archives are fetched as identity, so that the
   * Content-Length counts exactly the bytes that are hashed.
   */
  decompress?: boolean;
}

/** A response whose body is still to be read. Reading it re-arms the stall timer; a short body is an error. */
export interface OpenResponse {
  status: number;
  statusText: string;
  /** The URL that answered, after redirects. */
  url: string;
  header(name: string): string | undefined;
  /** Content-Length as sent for an identity body; undefined when absent or when the body is decompressed. */
  declaredLength: number | undefined;
  body: Readable;
}

export const DEFAULT_STALL_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_REDIRECTS = 10;
const REDIRECT_STATUS = new Set([301, 302, 303, 307, 308]);
const USER_AGENT = 'setup-go-arm64';

/**
 * One @actions/http-client per scheme, used only for its agents: they route through the proxy the environment
 * names (honouring NO_PROXY) and keep connections alive. One per scheme because a client caches a single direct
 * agent, which must not serve both http and https.
 */
const agentSources = {
  'http:': new HttpClient(USER_AGENT, [], { keepAlive: true }),
  'https:': new HttpClient(USER_AGENT, [], { keepAlive: true }),
};

/**
 * Counts the body's bytes, re-arms the stall timer on every chunk, and refuses a body that ends short of its
 * declared length (a connection that closed early).
 */
class BodyMeter extends Transform {
  bytes = 0;
  constructor(
    private readonly declared: number | undefined,
    private readonly onData: () => void,
  ) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.onData();
    this.bytes += chunk.length;
    callback(null, chunk);
  }
  override _flush(callback: TransformCallback): void {
    if (this.declared !== undefined && this.bytes !== this.declared) {
      callback(
        new AttemptError(`truncated body: got ${this.bytes} of ${this.declared} bytes`, undefined, true),
      );
      return;
    }
    callback();
  }
}

function describeNetworkError(error: unknown): string {
  const { message, code } = error as NodeJS.ErrnoException;
  return code && !message.includes(code) ? `${message} (${code})` : message;
}

/** file:// URLs, as `go` reads a GOPROXY of that scheme: a missing file answers like a 404. */
async function openFile(url: URL): Promise<OpenResponse> {
  const file = fileURLToPath(url);
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
    throw new AttemptError(`cannot read ${file}: ${error.message}`, undefined, false);
  });
  const found = info?.isFile() === true;
  return {
    status: found ? 200 : 404,
    statusText: found ? 'OK' : 'Not Found',
    url: url.href,
    header: () => undefined,
    declaredLength: found ? info.size : 0,
    body: found ? createReadStream(file) : Readable.from([]),
  };
}

interface Hop {
  response: http.IncomingMessage;
  request: http.ClientRequest;
}

function requestOnce(
  url: URL,
  headers: Record<string, string>,
  decompress: boolean,
  stallTimeoutMs: number,
): Promise<Hop> {
  const transport = url.protocol === 'https:' ? https : http;
  const agent = agentSources[url.protocol as 'http:' | 'https:'].getAgent(url.href);
  return new Promise((resolve, reject) => {
    const request = transport.get(url, {
      agent,
      headers: {
        'user-agent': USER_AGENT,
        'accept-encoding': decompress ? 'gzip' : 'identity',
        ...headers,
      },
    });
    const timer = setTimeout(
      () =>
        request.destroy(new AttemptError(`no response within ${stallTimeoutMs / 1000}s`, undefined, true)),
      stallTimeoutMs,
    );
    request.once('error', (error) => {
      clearTimeout(timer);
      reject(
        error instanceof AttemptError
          ? error
          : new AttemptError(describeNetworkError(error), undefined, true),
      );
    });
    request.once('response', (response) => {
      clearTimeout(timer);
      resolve({ response, request });
    });
  });
}

/** Wraps a hop's body: decompressed if asked, metered, stalled out, and every failure an AttemptError. */
function meteredBody(
  hop: Hop,
  decompress: boolean,
  stallTimeoutMs: number,
): Pick<OpenResponse, 'body' | 'declaredLength'> {
  const { response, request } = hop;
  const gzip = decompress && /^\s*gzip\s*$/i.test(response.headers['content-encoding'] ?? '');
  const declaredHeader = Number(response.headers['content-length'] ?? NaN);
  const declared = !gzip && Number.isFinite(declaredHeader) ? declaredHeader : undefined;
  let stalled: AttemptError | undefined;
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = new AttemptError(`stalled: no data for ${stallTimeoutMs / 1000}s`, undefined, true);
      request.destroy(stalled);
    }, stallTimeoutMs);
  };
  arm();
  const meter = new BodyMeter(declared, arm);
  const fail = (error: unknown) => {
    const failure =
      stalled ??
      (error instanceof AttemptError
        ? error
        : new AttemptError(
            `connection lost after ${meter.bytes} bytes: ${describeNetworkError(error)}`,
            undefined,
            true,
          ));
    meter.destroy(failure);
  };
  // The body is piped by hand, not with pipeline(): the reader must see AttemptErrors, not whatever the socket
  // or the inflater threw, and a reader that stops early must release the connection.
  response.once('error', fail);
  const source = gzip ? response.pipe(createGunzip()).once('error', fail) : response;
  source.pipe(meter);
  meter.once('close', () => {
    clearTimeout(timer);
    if (!response.complete) request.destroy();
  });
  return { body: meter, declaredLength: declared };
}

/**
 * One attempt at a GET: connects (through the environment's proxy), follows redirects by hand (loops and
 * https→http downgrades refused, custom headers kept on one origin), and returns the answer with its body
 * unread. Network failures and stalls are AttemptErrors; HTTP statuses are the caller's to judge.
 */
export async function openUrl(url: string, options: RequestOptions = {}): Promise<OpenResponse> {
  const stallTimeoutMs = options.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const decompress = options.decompress ?? false;
  let current = new URL(url);
  if (current.protocol === 'file:') return openFile(current);
  if (current.protocol !== 'http:' && current.protocol !== 'https:') {
    throw new AttemptError(`unsupported URL scheme ${current.protocol}`, undefined, false);
  }
  const visited = [current.href];
  let headers = { ...options.headers };
  for (;;) {
    const hop = await requestOnce(current, headers, decompress, stallTimeoutMs);
    const { response } = hop;
    const status = response.statusCode ?? 0;
    if (!REDIRECT_STATUS.has(status)) {
      return {
        status,
        statusText: response.statusMessage ?? '',
        url: current.href,
        header: (name) => {
          const value = response.headers[name.toLowerCase()];
          return Array.isArray(value) ? value.join(', ') : value;
        },
        ...meteredBody(hop, decompress, stallTimeoutMs),
      };
    }
    response.resume();
    const location = response.headers.location;
    if (!location) throw new AttemptError(`HTTP ${status} redirect without a Location`, status, false);
    const next = new URL(location, current);
    if (visited.includes(next.href)) {
      throw new AttemptError(`redirect loop: ${[...visited, next.href].join(' -> ')}`, status, false);
    }
    if (visited.length > maxRedirects) {
      throw new AttemptError(`more than ${maxRedirects} redirects, last to ${next.href}`, status, false);
    }
    if (next.protocol !== 'https:' && next.protocol !== 'http:') {
      throw new AttemptError(`refusing a redirect to ${next.href}`, status, false);
    }
    if (current.protocol === 'https:' && next.protocol !== 'https:') {
      throw new AttemptError(`refusing a redirect from https to ${next.href}`, status, false);
    }
    if (next.origin !== current.origin) headers = {};
    visited.push(next.href);
    current = next;
  }
}

/** Reads a body whole, refusing it as soon as it is known to exceed `maxBytes`. */
async function readCapped(response: OpenResponse, maxBytes: number): Promise<Buffer> {
  if (response.declaredLength !== undefined && response.declaredLength > maxBytes) {
    response.body.destroy();
    throw new AttemptError(
      `the body declares ${response.declaredLength} bytes, over the ${maxBytes}-byte limit`,
      response.status,
      false,
    );
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of response.body as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) {
      response.body.destroy();
      throw new AttemptError(`the body grew past the ${maxBytes}-byte limit`, response.status, false);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export interface GetBytesOptions extends RequestOptions, Omit<RetryContext, 'url' | 'verb'> {
  /** Refuse bodies larger than this. */
  maxBytes: number;
  /** Statuses returned to the caller instead of failing (e.g. 404 for "not here, try the next proxy"). */
  acceptStatus?: (status: number) => boolean;
}

export interface BytesAnswer {
  status: number;
  url: string;
  body: Buffer;
}

/**
 * GETs a small body whole, with the retry policy: 2xx, and any status `acceptStatus` allows, are answers;
 * retryable statuses and network failures are tried again; other statuses fail at once.
 */
export async function getBytes(url: string, options: GetBytesOptions): Promise<BytesAnswer> {
  const { value } = await withRetries({ ...options, url, verb: 'fetch' }, async () => {
    const response = await openUrl(url, { decompress: true, ...options });
    const accepted =
      (response.status >= 200 && response.status < 300) || options.acceptStatus?.(response.status);
    if (!accepted) throw statusFailure(response, url);
    return { status: response.status, url: response.url, body: await readCapped(response, options.maxBytes) };
  });
  return value;
}
