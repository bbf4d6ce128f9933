// A real HTTP server on 127.0.0.1 that serves archives (from memory or from disk) and misbehaves on request the
// ways download servers and mirrors do: error statuses, Retry-After, bodies cut short, resets, stalls, lying
// Content-Length headers and redirects. It records every request.
import { createReadStream, readdirSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Readable } from 'node:stream';

/** One way to answer a request instead of (or while) serving the file. */
export type Fault =
  /** Answer with this status (and headers, e.g. Retry-After) and a short body. */
  | { kind: 'status'; status: number; headers?: Record<string, string> }
  /** Declare the full Content-Length, send `afterBytes` of the body, then end the connection. */
  | { kind: 'truncate'; afterBytes: number }
  /** Send `afterBytes` of the body, then reset the connection (TCP RST). */
  | { kind: 'reset'; afterBytes: number }
  /** Send the headers and `afterBytes` of the body, then nothing until the client gives up. */
  | { kind: 'stall'; afterBytes: number }
  /** Send the whole body under a Content-Length of `declaredBytes`, then close the connection. */
  | { kind: 'wrong-length'; declaredBytes: number }
  /** Redirect to `location` (relative to this server, or absolute). */
  | { kind: 'redirect'; location: string; status?: number };

export interface RecordedRequest {
  method: string;
  /** Path and query, as requested. */
  url: string;
  headers: http.IncomingHttpHeaders;
  /** Milliseconds since the server started. */
  atMs: number;
  /** The fault this request was answered with, if any. */
  fault?: Fault['kind'];
}

type Content =
  { kind: 'buffer'; body: Buffer; contentType: string } | { kind: 'file'; file: string; contentType: string };

/** A served path's content and the faults its next requests get. */
interface Route {
  content?: Content;
  queued: Fault[];
  always?: Fault;
}

export class ToolchainServer {
  readonly requests: RecordedRequest[] = [];
  private readonly routes = new Map<string, Route>();
  private readonly started = performance.now();

  private constructor(private readonly server: http.Server) {}

  /** Starts a server on an ephemeral port of 127.0.0.1. */
  static async start(): Promise<ToolchainServer> {
    const server = http.createServer();
    const instance = new ToolchainServer(server);
    server.on('request', (request, response) => {
      instance.handle(request, response).catch((error: Error) => {
        if (!response.headersSent) response.writeHead(500);
        response.end(String(error.message));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return instance;
  }

  get baseUrl(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** The absolute URL of a path on this server. */
  url(requestPath: string): string {
    return `${this.baseUrl}${requestPath}`;
  }

  serveBuffer(requestPath: string, body: Buffer | string, contentType = 'application/octet-stream'): this {
    this.route(requestPath).content = { kind: 'buffer', body: Buffer.from(body), contentType };
    return this;
  }

  /** Serves a file from disk, streamed, so large archives are never held in memory. */
  serveFile(requestPath: string, file: string, contentType = 'application/octet-stream'): this {
    this.route(requestPath).content = { kind: 'file', file, contentType };
    return this;
  }

  /** Serves every file under `dir` at `prefix` plus its path relative to `dir` (a recorded proxy tree). */
  serveDirectory(prefix: string, dir: string): this {
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const file = path.join(entry.parentPath, entry.name);
      this.serveFile(`${prefix}/${path.relative(dir, file).split(path.sep).join('/')}`, file);
    }
    return this;
  }

  /** The next requests for the path get these faults, one each, in order; later ones are served normally. */
  injectFaults(requestPath: string, ...faults: Fault[]): this {
    this.route(requestPath).queued.push(...faults);
    return this;
  }

  /** Every request for the path gets this fault (after any queued ones). */
  failAlways(requestPath: string, fault: Fault): this {
    this.route(requestPath).always = fault;
    return this;
  }

  /** Requests whose path (and query) is `requestPath`. */
  requestsFor(requestPath: string): RecordedRequest[] {
    return this.requests.filter((request) => request.url === requestPath);
  }

  /** Forgets routes, faults and recorded requests (between tests). */
  reset(): void {
    this.routes.clear();
    this.requests.length = 0;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private route(requestPath: string): Route {
    let route = this.routes.get(requestPath);
    if (!route) {
      route = { queued: [] };
      this.routes.set(requestPath, route);
    }
    return route;
  }

  private findRoute(url: string): Route | undefined {
    return this.routes.get(url) ?? this.routes.get(new URL(url, 'http://x').pathname);
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = request.url ?? '/';
    const route = this.findRoute(url);
    const fault = route?.queued.shift() ?? route?.always;
    this.requests.push({
      method: request.method ?? 'GET',
      url,
      headers: request.headers,
      atMs: performance.now() - this.started,
      ...(fault ? { fault: fault.kind } : {}),
    });

    if (fault?.kind === 'status') {
      response.writeHead(fault.status, { 'content-type': 'text/plain', ...fault.headers });
      response.end(`${fault.status} ${http.STATUS_CODES[fault.status] ?? ''}\n`);
      return;
    }
    if (fault?.kind === 'redirect') {
      response.writeHead(fault.status ?? 302, { location: fault.location });
      response.end();
      return;
    }
    if (!route?.content) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end(`404 page not found: ${url}\n`);
      return;
    }

    const content = route.content;
    const size = content.kind === 'buffer' ? content.body.length : (await stat(content.file)).size;
    const body = (start: number, end: number): NodeJS.ReadableStream =>
      content.kind === 'buffer'
        ? bufferStream(content.body.subarray(start, end))
        : createReadStream(content.file, { start, end: Math.max(start, end) - 1 });
    const headers = { 'content-type': content.contentType, 'content-length': String(size) };
    const socket = request.socket;

    switch (fault?.kind) {
      case undefined:
        response.writeHead(200, headers);
        if (request.method === 'HEAD') response.end();
        else body(0, size).pipe(response);
        return;
      case 'truncate':
        response.writeHead(200, headers);
        await writeAll(response, body(0, Math.min(fault.afterBytes, size)));
        socket.end();
        return;
      case 'reset':
        response.writeHead(200, headers);
        await writeAll(response, body(0, Math.min(fault.afterBytes, size)));
        socket.resetAndDestroy();
        return;
      case 'stall':
        response.writeHead(200, headers);
        await writeAll(response, body(0, Math.min(fault.afterBytes, size)));
        // Nothing more: the client's stall timeout has to notice; close() ends the connection.
        return;
      case 'wrong-length':
        response.writeHead(200, {
          ...headers,
          'content-length': String(fault.declaredBytes),
          connection: 'close',
        });
        response.flushHeaders();
        // Around the http module, which would stop at the declared length: the real bytes go out as they are.
        await writeAll(socket, body(0, size));
        socket.end();
        return;
    }
  }
}

function bufferStream(buffer: Buffer): NodeJS.ReadableStream {
  const chunks: Buffer[] = [];
  // Chunks of 64 KiB, as a socket would deliver them.
  for (let offset = 0; offset < buffer.length; offset += 65536)
    chunks.push(buffer.subarray(offset, offset + 65536));
  return Readable.from(chunks);
}

/** Copies a stream into a writable without ending it, so the connection can then be cut or left hanging. */
async function writeAll(target: NodeJS.WritableStream, source: NodeJS.ReadableStream): Promise<void> {
  for await (const chunk of source as AsyncIterable<Buffer>) {
    if (!target.write(chunk)) await new Promise((resolve) => target.once('drain', resolve));
  }
}
