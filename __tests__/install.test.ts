import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import {
  findInstalledToolchain,
  INSTALL_MARKER,
  installAtomically,
  toolchainDir,
  type ToolchainSlot,
} from '../src/io/toolchain/install.js';
import { measureToolCache } from '../test/support/action-harness.js';
import { recordCase } from '../test/support/suite-counts.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const workerScript = path.join(repoRoot, 'test/support/install-worker.ts');

let toolCache: string;
let slot: ToolchainSlot;

beforeEach(async () => {
  toolCache = await mkdtemp(path.join(os.tmpdir(), 'install-test-'));
  slot = { toolCache, version: '1.25.4', arch: 'x64' };
});
afterEach(async () => {
  await rm(toolCache, { recursive: true, force: true });
});

/** What sits beside the toolchain directory (the install and its .complete file, and nothing else, once done). */
async function slotParentEntries(): Promise<string[]> {
  return (await readdir(path.dirname(toolchainDir(slot))).catch(() => [] as string[])).sort();
}

async function populateSmallToolchain(staging: string): Promise<void> {
  await mkdir(path.join(staging, 'bin'), { recursive: true });
  await writeFile(path.join(staging, 'bin', 'go'), '#!/bin/sh\n', { mode: 0o755 });
  await writeFile(path.join(staging, 'VERSION'), 'go1.25.4\n');
}

interface Worker {
  pid: number;
  /** Resolves with the first JSON line the worker prints whose event is `event`. */
  next(event: string): Promise<Record<string, unknown>>;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
  kill(signal: NodeJS.Signals): void;
}

/** Starts test/support/install-worker.ts in a real node process. */
function startWorker(populateMs: number, goFile?: string): Worker {
  const env = { ...process.env };
  delete env.NODE_OPTIONS; // jest's --experimental-vm-modules is not wanted in the worker
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      workerScript,
      toolCache,
      slot.version,
      slot.arch,
      String(populateMs),
      ...(goFile ? [goFile] : []),
    ],
    { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const events: Record<string, unknown>[] = [];
  const waiters: { event: string; resolve: (value: Record<string, unknown>) => void }[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    const parsed = JSON.parse(line) as Record<string, unknown>;
    events.push(parsed);
    for (const waiter of waiters.filter((candidate) => candidate.event === parsed.event))
      waiter.resolve(parsed);
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>(
    (resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stderr })),
  );
  return {
    pid: child.pid as number,
    next: (event) => {
      const seen = events.find((candidate) => candidate.event === event);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        waiters.push({ event, resolve });
        void exit.then(({ code, signal }) =>
          reject(new Error(`worker exited (${code ?? signal}) before "${event}": ${stderr}`)),
        );
      });
    },
    exit,
    kill: (signal) => child.kill(signal),
  };
}

describe('installAtomically', () => {
  // Each case ends with the tool cache walked: a partial install left behind fails it and is counted.
  afterEach(async () => {
    const state = await measureToolCache(toolCache, `install: ${expect.getState().currentTestName}`);
    expect(state.partial).toEqual([]);
  });

  it('renames a populated staging directory into place, with the marker and the .complete file', async () => {
    const result = await installAtomically(slot, { source: 'test' }, populateSmallToolchain);
    expect(result).toEqual({ goroot: path.join(toolCache, 'go', '1.25.4', 'x64'), installedByUs: true });
    expect(JSON.parse(await readFile(path.join(result.goroot, INSTALL_MARKER), 'utf8'))).toEqual({
      source: 'test',
    });
    expect(await readFile(path.join(result.goroot, 'VERSION'), 'utf8')).toBe('go1.25.4\n');
    expect(await slotParentEntries()).toEqual(['x64', 'x64.complete']);
    expect(await findInstalledToolchain(slot)).toBe(result.goroot);
  });

  it('leaves the slot empty when populate fails', async () => {
    recordCase('fault', 'install: leaves the slot empty when populate fails');
    const failing = installAtomically(slot, {}, async (staging) => {
      await populateSmallToolchain(staging);
      throw new Error('extraction failed half-way');
    });
    await expect(failing).rejects.toThrow('extraction failed half-way');
    expect(await slotParentEntries()).toEqual([]);
    expect(await findInstalledToolchain(slot)).toBeUndefined();
  });

  it('never takes a directory without a marker as installed, and replaces it', async () => {
    recordCase('fault', 'install: never takes a directory without a marker as installed, and replaces it');
    const finalDir = toolchainDir(slot);
    await mkdir(path.join(finalDir, 'bin'), { recursive: true });
    await writeFile(path.join(finalDir, 'bin', 'go'), 'half a binary');
    await writeFile(path.join(finalDir, 'leftover'), '');
    expect(await findInstalledToolchain(slot)).toBeUndefined();

    const result = await installAtomically(slot, { source: 'test' }, populateSmallToolchain);
    expect(result.installedByUs).toBe(true);
    expect(await readdir(finalDir)).not.toContain('leftover');
    expect(await readFile(path.join(finalDir, 'bin', 'go'), 'utf8')).toBe('#!/bin/sh\n');
    expect(await findInstalledToolchain(slot)).toBe(finalDir);
    expect(await slotParentEntries()).toEqual(['x64', 'x64.complete']);
  });

  it('finds a toolchain a runner image put there the tool-cache way (<arch>.complete beside it)', async () => {
    const finalDir = toolchainDir(slot);
    await mkdir(path.join(finalDir, 'bin'), { recursive: true });
    await writeFile(`${finalDir}.complete`, '');
    expect(await findInstalledToolchain(slot)).toBe(finalDir);
  });

  it('lets two installs of one version in two processes both succeed, leaving one good copy', async () => {
    recordCase(
      'fault',
      'install: lets two installs of one version in two processes both succeed, leaving one good copy',
    );
    const go = path.join(toolCache, 'go-signal');
    const first = startWorker(1000, go);
    const second = startWorker(1000, go);
    // Both are populating before either goes on, so they finish at about the same time and race to rename.
    await Promise.all([first.next('populating'), second.next('populating')]);
    await writeFile(go, '');
    const [one, two] = await Promise.all([first.next('installed'), second.next('installed')]);
    expect((await first.exit).code).toBe(0);
    expect((await second.exit).code).toBe(0);

    const finalDir = toolchainDir(slot);
    expect(one?.goroot).toBe(finalDir);
    expect(two?.goroot).toBe(finalDir);
    expect([one?.installedByUs, two?.installedByUs].sort()).toEqual([false, true]);
    const winner = one?.installedByUs ? first.pid : second.pid;
    // One copy, whole, from one process: the marker and every file name the same writer.
    expect(JSON.parse(await readFile(path.join(finalDir, INSTALL_MARKER), 'utf8'))).toEqual({
      installedBy: winner,
    });
    const parts = (await readdir(finalDir)).filter((name) => name.startsWith('part-'));
    expect(parts).toHaveLength(10);
    for (const part of parts) expect(await readFile(path.join(finalDir, part), 'utf8')).toBe(`${winner}\n`);
    expect(await slotParentEntries()).toEqual(['x64', 'x64.complete']);
  });

  it('cleans up after an install killed mid-way (SIGKILL), and installs', async () => {
    recordCase('fault', 'install: cleans up after an install killed mid-way (SIGKILL), and installs');
    const doomed = startWorker(60_000);
    const { staging } = await doomed.next('populating');
    doomed.kill('SIGKILL');
    expect((await doomed.exit).signal).toBe('SIGKILL');

    // The dead process's staging directory is all there is: the slot is not installed.
    expect(path.basename(String(staging))).toMatch(new RegExp(`^\\.x64\\.staging-${doomed.pid}-[0-9a-f]+$`));
    expect((await stat(String(staging))).isDirectory()).toBe(true);
    expect(await slotParentEntries()).toEqual([path.basename(String(staging))]);
    expect(await findInstalledToolchain(slot)).toBeUndefined();

    const result = await installAtomically(slot, { source: 'after the kill' }, populateSmallToolchain);
    expect(result.installedByUs).toBe(true);
    expect(await slotParentEntries()).toEqual(['x64', 'x64.complete']);
    expect(JSON.parse(await readFile(path.join(result.goroot, INSTALL_MARKER), 'utf8'))).toEqual({
      source: 'after the kill',
    });
  });
});
