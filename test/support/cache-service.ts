// A local stand-in for GitHub's cache service (v2): the Twirp-JSON front door @actions/cache talks to, on
// 127.0.0.1. It keeps the entry index itself and hands out SAS-signed azurite URLs, so the archive bytes travel
// the way they do on GitHub (straight between the client and blob storage). It records every request and can
// be told to fail on purpose.
import {
  BlobSASPermissions,
  BlobServiceClient,
  generateBlobSASQueryParameters,
  StorageSharedKeyCredential,
  type ContainerClient,
} from '@azure/storage-blob';
import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { startAzurite, type Azurite } from './azurite.js';

export const CACHE_SERVICE = 'github.actions.results.api.v1.CacheService';
export type CacheRoute = 'CreateCacheEntry' | 'FinalizeCacheEntryUpload' | 'GetCacheEntryDownloadURL';
const ROUTES: readonly string[] = [
  'CreateCacheEntry',
  'FinalizeCacheEntryUpload',
  'GetCacheEntryDownloadURL',
];

/** One request the front door received. */
export interface RecordedRequest {
  method: string;
  /** The Twirp method, e.g. `CreateCacheEntry`, or the raw URL path for anything else. */
  route: string;
  body: unknown;
  /** The status answered; 0 when the connection was dropped (service down). */
  status: number;
}

/** A failure to answer on purpose. */
export interface Fault {
  /** HTTP status; Twirp's `internal` (500) unless given. */
  status?: number;
  /** How many requests to fail; every one unless given. */
  times?: number;
  /** For FinalizeCacheEntryUpload: also drop the pending upload, as a service that lost it would. */
  forgetUpload?: boolean;
}

/** One entry of the index. Only finalized entries are visible to restores. */
export interface CacheServiceEntry {
  id: number;
  key: string;
  version: string;
  blobName: string;
  finalized: boolean;
  sizeBytes: number;
  /** Increases with every finalize: the newest entry wins a prefix match. */
  finalizedOrder: number;
}

export interface CacheService {
  /** ACTIONS_RESULTS_URL. */
  url: string;
  /** ACTIONS_RUNTIME_TOKEN; requests without it are refused. */
  token: string;
  /** The environment @actions/cache needs to talk to this service (v2). */
  env: Record<string, string>;
  azurite: Azurite;
  requests: RecordedRequest[];
  entries(): CacheServiceEntry[];
  /** Fail the next requests to `route`. */
  fail(route: CacheRoute, fault?: Fault): void;
  /** Hand out upload URLs that azurite refuses (a SAS without write permission). */
  denyUploads(deny?: boolean): void;
  /** Drop every connection as soon as it arrives, like a service that is down. */
  setDown(down?: boolean): void;
  /** Answer restores with the matched key in lower case, as act's cache server does. */
  lowercaseMatchedKeys(lower?: boolean): void;
  /** Clears faults, denial and down; keeps entries and recorded requests. */
  heal(): void;
  stop(): Promise<void>;
}

export interface CacheServiceOptions {
  /** Blob storage to use; a fresh azurite is started (and stopped with the service) when omitted. */
  azurite?: Azurite;
  token?: string;
  container?: string;
  /** Port to listen on; any free one when omitted. */
  port?: number;
  /**
   * Keep the blobs and the index in this directory, so entries outlive the service (the demo restores in one
   * run what it saved in the previous one). In memory when omitted.
   */
  stateDir?: string;
}

class TwirpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Starts the front door (and azurite unless given one). */
export async function startCacheService(options: CacheServiceOptions = {}): Promise<CacheService> {
  const ownAzurite = !options.azurite;
  const azurite =
    options.azurite ??
    (await startAzurite(options.stateDir ? { location: path.join(options.stateDir, 'blobs') } : {}));
  const indexFile = options.stateDir ? path.join(options.stateDir, 'index.json') : undefined;
  const token = options.token ?? `local-cache-${randomUUID()}`;
  const containerName = options.container ?? 'actions-cache';
  const credential = new StorageSharedKeyCredential(azurite.accountName, azurite.accountKey);
  const container = new BlobServiceClient(azurite.blobEndpoint, credential).getContainerClient(containerName);
  await container.createIfNotExists();

  const index: CacheServiceEntry[] = indexFile
    ? (JSON.parse(await readFile(indexFile, 'utf8').catch(() => '[]')) as CacheServiceEntry[]).filter(
        (entry) => entry.finalized,
      )
    : [];
  const requests: RecordedRequest[] = [];
  const faults = new Map<string, Required<Fault>>();
  let nextId = Math.max(0, ...index.map((entry) => entry.id)) + 1;
  let finalizedCount = Math.max(0, ...index.map((entry) => entry.finalizedOrder));
  let down = false;
  let uploadsDenied = false;
  let lowercaseKeys = false;

  const signedUrl = (blobName: string, permissions: string) => {
    const sas = generateBlobSASQueryParameters(
      {
        containerName,
        blobName,
        permissions: BlobSASPermissions.parse(permissions),
        startsOn: new Date(Date.now() - 60_000),
        expiresOn: new Date(Date.now() + 60 * 60_000),
      },
      credential,
    );
    return `${container.getBlockBlobClient(blobName).url}?${sas.toString()}`;
  };

  const handlers: Record<string, (body: Record<string, unknown>) => Promise<Record<string, unknown>>> = {
    CreateCacheEntry: async (body) => {
      const key = requireKey(body.key);
      const version = requireString(body.version, 'version');
      if (index.some((entry) => entry.key === key && entry.version === version)) {
        throw new TwirpError(
          409,
          'already_exists',
          'cache entry with the same key, version, and scope already exists',
        );
      }
      const entry: CacheServiceEntry = {
        id: nextId++,
        key,
        version,
        blobName: `${randomUUID()}.tar`,
        finalized: false,
        sizeBytes: 0,
        finalizedOrder: 0,
      };
      index.push(entry);
      return { ok: true, signed_upload_url: signedUrl(entry.blobName, uploadsDenied ? 'r' : 'cw') };
    },
    FinalizeCacheEntryUpload: async (body) => {
      const key = requireKey(body.key);
      const version = requireString(body.version, 'version');
      const entry = index.find(
        (candidate) => candidate.key === key && candidate.version === version && !candidate.finalized,
      );
      if (!entry) throw new TwirpError(404, 'not_found', `no upload in progress for key ${key}`);
      const properties = await blobProperties(container, entry.blobName);
      const sizeBytes = Number(body.size_bytes ?? 0);
      if (!properties || properties.contentLength !== sizeBytes) {
        throw new TwirpError(
          400,
          'failed_precondition',
          `uploaded size ${properties?.contentLength ?? 'none'} does not match size_bytes ${sizeBytes}`,
        );
      }
      entry.finalized = true;
      entry.sizeBytes = sizeBytes;
      entry.finalizedOrder = ++finalizedCount;
      if (indexFile)
        await writeFile(
          indexFile,
          JSON.stringify(
            index.filter((e) => e.finalized),
            null,
            2,
          ),
        );
      return { ok: true, entry_id: String(entry.id) };
    },
    GetCacheEntryDownloadURL: async (body) => {
      const key = requireKey(body.key);
      const version = requireString(body.version, 'version');
      const restoreKeys = Array.isArray(body.restore_keys) ? body.restore_keys.map(String) : [];
      const visible = index
        .filter((entry) => entry.finalized && entry.version === version)
        .sort((a, b) => b.finalizedOrder - a.finalizedOrder);
      const entry = findMatch(visible, [key, ...restoreKeys]);
      if (!entry) return { ok: false, signed_download_url: '', matched_key: '' };
      return {
        ok: true,
        signed_download_url: signedUrl(entry.blobName, 'r'),
        matched_key: lowercaseKeys ? entry.key.toLowerCase() : entry.key,
      };
    },
  };

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const prefix = `/twirp/${CACHE_SERVICE}/`;
      const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
      const route = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : pathname;
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : {};
      } catch {
        // Recorded as text; answered as a malformed request below.
      }
      const recorded: RecordedRequest = { method: request.method ?? '', route, body, status: 0 };
      requests.push(recorded);
      if (down) {
        request.socket.destroy();
        return;
      }
      const reply = (status: number, payload: unknown) => {
        recorded.status = status;
        response.writeHead(status, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify(payload));
      };
      void answer(route, request, body).then(
        (payload) => reply(200, payload),
        (error: unknown) => {
          const twirp =
            error instanceof TwirpError
              ? error
              : new TwirpError(500, 'internal', (error as Error).message ?? 'failed');
          reply(twirp.status, { code: twirp.code, msg: twirp.message });
        },
      );
    });
  });

  async function answer(route: string, request: http.IncomingMessage, body: unknown) {
    if (request.method !== 'POST' || !ROUTES.includes(route)) {
      throw new TwirpError(404, 'bad_route', `no handler for ${request.method} ${request.url}`);
    }
    if (request.headers.authorization !== `Bearer ${token}`) {
      throw new TwirpError(401, 'unauthenticated', 'missing or wrong bearer token');
    }
    if (typeof body !== 'object' || body === null)
      throw new TwirpError(400, 'malformed', 'body is not a JSON object');
    const fault = faults.get(route);
    if (fault && fault.times > 0) {
      fault.times--;
      if (fault.forgetUpload) {
        const { key, version } = body as { key?: unknown; version?: unknown };
        const pending = index.findIndex(
          (entry) => entry.key === key && entry.version === version && !entry.finalized,
        );
        if (pending >= 0) index.splice(pending, 1);
      }
      throw new TwirpError(
        fault.status,
        fault.status >= 500 ? 'internal' : 'unknown',
        `injected failure of ${route}`,
      );
    }
    const handler = handlers[route] as (body: Record<string, unknown>) => Promise<Record<string, unknown>>;
    return handler(body as Record<string, unknown>);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  return {
    url,
    token,
    env: { ACTIONS_CACHE_SERVICE_V2: 'true', ACTIONS_RESULTS_URL: url, ACTIONS_RUNTIME_TOKEN: token },
    azurite,
    requests,
    entries: () => index.map((entry) => ({ ...entry })),
    fail: (route, fault = {}) => {
      faults.set(route, {
        status: fault.status ?? 500,
        times: fault.times ?? Number.POSITIVE_INFINITY,
        forgetUpload: fault.forgetUpload ?? false,
      });
    },
    denyUploads: (deny = true) => {
      uploadsDenied = deny;
    },
    setDown: (value = true) => {
      down = value;
    },
    lowercaseMatchedKeys: (lower = true) => {
      lowercaseKeys = lower;
    },
    heal: () => {
      faults.clear();
      uploadsDenied = false;
      down = false;
    },
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (ownAzurite) await azurite.stop();
    },
  };
}

/**
 * Points @actions/cache in this process at `service` as a runner's environment would (and at nothing else),
 * with the workspace and RUNNER_TEMP it reads.
 */
export function useCacheService(service: CacheService, workspace: string, temp: string): void {
  delete process.env.ACTIONS_CACHE_URL;
  delete process.env.ACTIONS_CACHE_MODE;
  Object.assign(process.env, service.env, { GITHUB_WORKSPACE: workspace, RUNNER_TEMP: temp });
}

/**
 * The cache service's lookup order: the exact key, then the newest entry whose key starts with it, then the
 * same for each restore key in turn. `entries` come newest first.
 */
function findMatch(
  entries: readonly CacheServiceEntry[],
  keys: readonly string[],
): CacheServiceEntry | undefined {
  for (const key of keys) {
    const match =
      entries.find((entry) => entry.key === key) ?? entries.find((entry) => entry.key.startsWith(key));
    if (match) return match;
  }
  return undefined;
}

async function blobProperties(container: ContainerClient, blobName: string) {
  try {
    return await container.getBlockBlobClient(blobName).getProperties();
  } catch {
    return undefined;
  }
}

function requireString(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '')
    throw new TwirpError(400, 'invalid_argument', `${name} is required`);
  return value;
}

function requireKey(value: unknown): string {
  const key = requireString(value, 'key');
  if (key.length > 512 || key.includes(',')) {
    throw new TwirpError(
      400,
      'invalid_argument',
      `key ${JSON.stringify(key)} is longer than 512 characters or has a comma`,
    );
  }
  return key;
}
