// What the whole-action tests (bad inputs, faults, attacks, secrets) share: a workspace holding a copy of
// examples/hello, an environment without the machine's own cache service or tokens, the messages a step gave,
// and a walk of the tool cache that finds partial installs.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { INSTALL_MARKER } from '../../src/io/toolchain/install.js';
import { runAction, type RunActionResult, type WorkflowCommand } from '../../scripts/local-runner.js';
import { buildZip } from './archives.js';
import { recordOutcome } from './suite-counts.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A fresh workspace with examples/hello copied to `hello/`. */
export async function workspaceWithHello(prefix = 'sga-ws-'): Promise<string> {
  const workspace = await mkdtemp(path.join(os.tmpdir(), prefix));
  await cp(path.join(REPO_ROOT, 'examples/hello'), path.join(workspace, 'hello'), { recursive: true });
  return workspace;
}

/**
 * The bundled action on the `hello/` of a workspaceWithHello, with the machine's cache service and tokens unset
 * and its toolchain from a Go module proxy; `inputs` add to those or replace them.
 */
export function runActionOnHello(
  workspace: string,
  toolCache: string,
  inputs: Record<string, string>,
): Promise<RunActionResult> {
  const hello = { 'working-directory': 'hello', 'toolchain-source': 'goproxy', ...inputs };
  return runAction({ actionDir: REPO_ROOT, workspace, toolCache, env: UNSET_MACHINE_ENV, inputs: hello });
}

/**
 * Variables the machine running the tests may carry that would point the action at a real cache service or
 * hand it a real token; a run gets them unset.
 */
export const UNSET_MACHINE_ENV: Record<string, undefined> = {
  ACTIONS_RESULTS_URL: undefined,
  ACTIONS_CACHE_URL: undefined,
  ACTIONS_RUNTIME_TOKEN: undefined,
  ACTIONS_CACHE_SERVICE_V2: undefined,
  GITHUB_TOKEN: undefined,
  GITHUB_API_URL: undefined,
};

/** The messages of every `command` (error, warning, notice) the run's steps issued, in order. */
export function messagesOf(result: RunActionResult, command: string): string[] {
  return result.steps.flatMap((step) =>
    step.commands.filter((c: WorkflowCommand) => c.command === command).map((c) => c.message),
  );
}

/** What a tool cache holds under go/: complete installs, partial ones, and work directories left behind. */
export interface ToolCacheState {
  /** `go/<version>/<arch>` directories with our marker inside or `<arch>.complete` beside them. */
  installed: string[];
  /**
   * Partial installs: a `go/<version>/<arch>` directory with neither marker, or an `<arch>.complete` without its
   * directory.
   */
  partial: string[];
  /** Staging or leftover directories (`.<arch>.staging-<pid>-…`) still there. */
  workDirs: string[];
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** Walks `<toolCache>/go/<version>/` and sorts what it finds. */
export async function walkToolCache(toolCache: string): Promise<ToolCacheState> {
  const state: ToolCacheState = { installed: [], partial: [], workDirs: [] };
  const goDir = path.join(toolCache, 'go');
  for (const version of await readdir(goDir).catch(() => [] as string[])) {
    const versionDir = path.join(goDir, version);
    const names = await readdir(versionDir).catch(() => [] as string[]);
    for (const name of names) {
      const relative = `go/${version}/${name}`;
      if (name.startsWith('.')) {
        state.workDirs.push(relative);
      } else if (name.endsWith('.complete')) {
        if (!names.includes(name.slice(0, -'.complete'.length))) state.partial.push(relative);
      } else {
        const marked =
          (await exists(path.join(versionDir, name, INSTALL_MARKER))) || names.includes(`${name}.complete`);
        (marked ? state.installed : state.partial).push(relative);
      }
    }
  }
  return state;
}

/**
 * Walks the tool cache after a fault case, records each partial install it finds as a 'partial-install'
 * outcome (the suite line counts them), and returns the state for the test's own assertions.
 */
export async function measureToolCache(toolCache: string, caseName: string): Promise<ToolCacheState> {
  const state = await walkToolCache(toolCache);
  for (const partial of state.partial) recordOutcome('partial-install', `${caseName}: ${partial}`);
  return state;
}

/** The one module in the proxy writeModuleProxy makes. */
export const BLOB_MODULE = 'example.com/blob';

/**
 * Writes a Go module proxy into `dir` (for GOPROXY=file://…) holding example.com/blob v1.0.0, whose 1.5 MB of
 * random data makes the module cache big enough that a cache archive of it spans many compression blocks.
 * Returns the GOPROXY value.
 */
export async function writeModuleProxy(dir: string): Promise<string> {
  const prefix = `${BLOB_MODULE}@v1.0.0`;
  const goMod = `module ${BLOB_MODULE}\n\ngo 1.22\n`;
  const versions = path.join(dir, BLOB_MODULE, '@v');
  await mkdir(versions, { recursive: true });
  await writeFile(path.join(versions, 'list'), 'v1.0.0\n');
  await writeFile(path.join(versions, 'v1.0.0.info'), '{"Version":"v1.0.0","Time":"2024-01-01T00:00:00Z"}\n');
  await writeFile(path.join(versions, 'v1.0.0.mod'), goMod);
  await writeFile(
    path.join(versions, 'v1.0.0.zip'),
    buildZip([
      { name: `${prefix}/go.mod`, data: goMod },
      { name: `${prefix}/blob.go`, data: 'package blob\n\n// Name names the blob.\nconst Name = "blob"\n' },
      { name: `${prefix}/data.bin`, data: randomBytes(1536 * 1024), store: true },
    ]),
  );
  return pathToFileURL(dir).href;
}

/** Runs git in `cwd` as a throwaway committer; returns its trimmed stdout. */
export function gitIn(cwd: string): (...args: string[]) => string {
  return (...args) =>
    execFileSync(
      'git',
      ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args],
      {
        cwd,
        encoding: 'utf8',
      },
    ).trim();
}
