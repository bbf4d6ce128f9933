// Starts azurite's blob service on a free loopback port (in memory, or in a given directory) for the local cache service to keep real
// cache archives in.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Azurite's well-known development account (documented by Microsoft; it guards nothing). */
export const DEV_ACCOUNT_NAME = 'devstoreaccount1';
export const DEV_ACCOUNT_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

const AZURITE_BLOB = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../node_modules/azurite/dist/src/blob/main.js',
);

export interface Azurite {
  /** `http://127.0.0.1:<port>/devstoreaccount1`: the account's blob endpoint, path-style. */
  blobEndpoint: string;
  port: number;
  accountName: string;
  accountKey: string;
  /** The process id, so a test can see what it started. */
  pid: number;
  /** Stops azurite; what it held is gone unless it was started with a location. */
  stop(): Promise<void>;
}

/** Starts azurite-blob and resolves once it listens; rejects with its output if it exits or stays silent. */
export async function startAzurite(
  options: { timeoutMs?: number; location?: string } = {},
): Promise<Azurite> {
  // Without a location it keeps blobs in memory; running it in a scratch directory keeps any debris out of the tree.
  const persistent = options.location !== undefined;
  const location = options.location ?? (await mkdtemp(path.join(os.tmpdir(), 'azurite-')));
  await mkdir(location, { recursive: true });
  const child = spawn(
    process.execPath,
    [
      AZURITE_BLOB,
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      '0',
      ...(persistent ? ['--location', location] : ['--inMemoryPersistence']),
      '--skipApiVersionCheck',
      '--loose',
      '--silent',
      '--disableTelemetry',
    ],
    { cwd: location, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  try {
    const port = await waitForPort(child, options.timeoutMs ?? 30_000);
    return {
      blobEndpoint: `http://127.0.0.1:${port}/${DEV_ACCOUNT_NAME}`,
      port,
      accountName: DEV_ACCOUNT_NAME,
      accountKey: DEV_ACCOUNT_KEY,
      pid: child.pid ?? -1,
      stop: async () => {
        await stopChild(child);
        if (!persistent) await rm(location, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await stopChild(child);
    if (!persistent) await rm(location, { recursive: true, force: true });
    throw error;
  }
}

function waitForPort(child: ChildProcess, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => fail(new Error(`azurite did not start within ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /successfully listens on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match) {
        cleanup();
        resolve(Number(match[1]));
      }
    };
    const onExit = (code: number | null) =>
      fail(new Error(`azurite exited (${code}) before listening:\n${output}`));
    function cleanup() {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      // Keep draining what azurite still prints, so a full pipe never stalls it.
      child.stdout?.resume();
      child.stderr?.resume();
    }
    function fail(error: Error) {
      cleanup();
      reject(error);
    }
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
