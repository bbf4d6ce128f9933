// What the `npm run realworld` cases share: the check list, go and other commands run with the corpus's own
// module and build caches, a module's source fetched through the Go module proxy, and the action run the way a
// workflow runs it.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { toolCacheWithLocalGo, type LocalGo } from '../__tests__/fixtures/builds/go-modules.js';
import type { Report } from '../src/core/report/report.js';
import { runAction, type RunActionOptions, type RunActionResult } from './local-runner.js';

const execFileAsync = promisify(execFile);
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Kept between runs: modules and compiled packages, so a second run measures the action rather than downloads. */
export const cacheRoot = path.join(root, 'node_modules/.cache/setup-go-arm64-realworld');
export const short = process.argv.includes('--short');

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}
export const checks: Check[] = [];
export function check(name: string, ok: boolean, detail = ''): void {
  checks.push({ name, ok, detail });
  process.stderr.write(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` (${detail})` : ''}\n`);
}

export function goEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GOMODCACHE: path.join(cacheRoot, 'modcache'),
    GOCACHE: path.join(cacheRoot, 'gocache'),
    GOFLAGS: '',
    GOTOOLCHAIN: 'local',
    GOWORK: '',
    ...extra,
  };
}

export async function run(command: string, args: string[], cwd: string, env = goEnv()): Promise<string> {
  const { stdout } = await execFileAsync(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** A writable copy of a module's source as the proxy serves it, at `dir`. */
export async function fetchModule(mod: { module: string; version: string }, dir: string): Promise<void> {
  const info = JSON.parse(
    await run('go', ['mod', 'download', '-json', `${mod.module}@${mod.version}`], os.tmpdir()),
  ) as { Dir: string };
  await cp(info.Dir, dir, { recursive: true });
  await run('chmod', ['-R', 'u+w', dir], os.tmpdir());
}

export interface Case {
  workspace: string;
  toolCache: string;
}

export async function freshCase(go: LocalGo, name: string): Promise<Case> {
  const base = await mkdtemp(path.join(os.tmpdir(), `sga-realworld-${name}-`));
  const workspace = path.join(base, 'ws');
  await mkdir(workspace, { recursive: true });
  return { workspace, toolCache: await toolCacheWithLocalGo(go) };
}

export function runIn(
  c: Case,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
  event: Partial<Pick<RunActionOptions, 'eventName' | 'eventPayload' | 'sha' | 'toolCache'>> = {},
) {
  return runAction({
    actionDir: root,
    workspace: c.workspace,
    toolCache: c.toolCache,
    skipPost: true,
    env: { ...goEnv(), ...env },
    inputs: { cache: 'false', 'report-file': 'report.json', ...inputs },
    ...event,
  });
}

export function failureOf(result: RunActionResult): string {
  return (
    result.steps[0]?.commands
      .filter((c) => c.command === 'error')
      .map((c) => c.message)
      .join(' | ') ?? ''
  );
}

export async function readReport(c: Case): Promise<Report> {
  return JSON.parse(await readFile(path.join(c.workspace, 'report.json'), 'utf8')) as Report;
}

export const FILE_ARCH: Record<string, RegExp> = {
  'linux/amd64': /ELF 64-bit LSB executable, x86-64/,
  'linux/arm64': /ELF 64-bit LSB executable, ARM aarch64/,
  'darwin/arm64': /Mach-O 64-bit arm64 executable/,
  'darwin/amd64': /Mach-O 64-bit x86_64 executable/,
  'windows/amd64': /PE32\+ executable.*x86-64/,
};

/** Checks each built file with `file`, `go version -m` and stat, against what the report says it is. */
export async function checkBinaries(
  label: string,
  c: Case,
  report: Report,
  goVersion: string,
): Promise<void> {
  for (const t of report.targets) {
    const file = path.join(c.workspace, t.path);
    const target = `${t.goos}/${t.goarch}`;
    const described = await run('file', ['-b', file], c.workspace);
    check(
      `${label}: file(1) reads ${t.path} as ${target}`,
      FILE_ARCH[target]?.test(described) ?? false,
      described.trim(),
    );
    const info = await run('go', ['version', '-m', file], c.workspace);
    const goosOk =
      info.includes(`\tbuild\tGOOS=${t.goos}\n`) && info.includes(`\tbuild\tGOARCH=${t.goarch}\n`);
    check(
      `${label}: go version -m says go${goVersion} ${target} for ${t.path}`,
      goosOk && info.includes(`: go${goVersion}\n`),
    );
    const bytes = (await stat(file)).size;
    check(
      `${label}: ${t.path} is ${t.sizeBytes} bytes as reported`,
      bytes === t.sizeBytes,
      `${bytes} on disk`,
    );
  }
}
