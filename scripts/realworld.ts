// `npm run realworld`: the bundled action on real public modules at pinned versions, fetched through the Go
// module proxy, run the way a workflow runs it (scripts/local-runner.ts), each result checked by tools that are
// not the action's own code: `file` for headers, `go version -m` for build info, `go list` for which packages a
// pattern holds, and byte counts from the file system. `--short` runs the few cases CI runs (about two minutes
// warm on two cores); the full run adds targets and cases. Exits non-zero when a check fails.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { localGo, toolCacheWithLocalGo, type LocalGo } from '../__tests__/fixtures/builds/go-modules.js';
import { locateNmTool, measureAttribution } from '../src/build/attribution.js';
import type { BuildJob } from '../src/build/plan.js';
import { runBuildJob } from '../src/build/run.js';
import type { PackageSize, Report } from '../src/report/report.js';
import { runAction, type RunActionResult } from './local-runner.js';

const execFileAsync = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Kept between runs: modules and compiled packages, so a second run measures the action rather than downloads. */
const cacheRoot = path.join(root, 'node_modules/.cache/setup-go-arm64-realworld');
const short = process.argv.includes('--short');

/** The corpus: real modules at pinned versions. */
const AGE = { module: 'filippo.io/age', version: 'v1.3.2' };
const GOJQ = { module: 'github.com/itchyny/gojq', version: 'v0.12.16' };
const TIMEFMT = { module: 'github.com/itchyny/timefmt-go', version: 'v0.1.6' };
const SQLC = { module: 'github.com/sqlc-dev/sqlc', version: 'v1.31.1' };
/** gojq's latest release, for darwin attribution against ELF's. */
const GOJQ_LATEST = { module: 'github.com/itchyny/gojq', version: 'v0.12.17' };
/** Debian's gcc-aarch64-linux-gnu. */
const ARM64_CC = 'aarch64-linux-gnu-gcc';

interface Check {
  name: string;
  ok: boolean;
  detail: string;
}
const checks: Check[] = [];
function check(name: string, ok: boolean, detail = ''): void {
  checks.push({ name, ok, detail });
  process.stderr.write(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` (${detail})` : ''}\n`);
}

function goEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
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

async function run(command: string, args: string[], cwd: string, env = goEnv()): Promise<string> {
  const { stdout } = await execFileAsync(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** A writable copy of a module's source as the proxy serves it, at `dir`. */
async function fetchModule(mod: { module: string; version: string }, dir: string): Promise<void> {
  const info = JSON.parse(
    await run('go', ['mod', 'download', '-json', `${mod.module}@${mod.version}`], os.tmpdir()),
  ) as { Dir: string };
  await cp(info.Dir, dir, { recursive: true });
  await run('chmod', ['-R', 'u+w', dir], os.tmpdir());
}

interface Case {
  workspace: string;
  toolCache: string;
}

async function freshCase(go: LocalGo, name: string): Promise<Case> {
  const base = await mkdtemp(path.join(os.tmpdir(), `sga-realworld-${name}-`));
  const workspace = path.join(base, 'ws');
  await mkdir(workspace, { recursive: true });
  return { workspace, toolCache: await toolCacheWithLocalGo(go) };
}

function runIn(c: Case, inputs: Record<string, string>, env: Record<string, string> = {}) {
  return runAction({
    actionDir: root,
    workspace: c.workspace,
    toolCache: c.toolCache,
    skipPost: true,
    env: { ...goEnv(), ...env },
    inputs: { cache: 'false', 'report-file': 'report.json', ...inputs },
  });
}

function failureOf(result: RunActionResult): string {
  return (
    result.steps[0]?.commands
      .filter((c) => c.command === 'error')
      .map((c) => c.message)
      .join(' | ') ?? ''
  );
}

async function readReport(c: Case): Promise<Report> {
  return JSON.parse(await readFile(path.join(c.workspace, 'report.json'), 'utf8')) as Report;
}

const FILE_ARCH: Record<string, RegExp> = {
  'linux/amd64': /ELF 64-bit LSB executable, x86-64/,
  'linux/arm64': /ELF 64-bit LSB executable, ARM aarch64/,
  'darwin/arm64': /Mach-O 64-bit arm64 executable/,
  'darwin/amd64': /Mach-O 64-bit x86_64 executable/,
  'windows/amd64': /PE32\+ executable.*x86-64/,
};

/** Checks each built file with `file`, `go version -m` and stat, against what the report says it is. */
async function checkBinaries(label: string, c: Case, report: Report, goVersion: string): Promise<void> {
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

/** age's four commands under cmd/, built from `packages: ./cmd/...`. */
async function agePatterns(go: LocalGo): Promise<void> {
  const c = await freshCase(go, 'age');
  await fetchModule(AGE, path.join(c.workspace, 'age'));
  const targets = short
    ? ['linux/amd64', 'darwin/arm64']
    : ['linux/amd64', 'linux/arm64', 'darwin/arm64', 'windows/amd64'];
  const mains = (
    await run(
      'go',
      ['list', '-f', '{{if eq .Name "main"}}{{.ImportPath}}{{end}}', './cmd/...'],
      path.join(c.workspace, 'age'),
    )
  )
    .split('\n')
    .filter(Boolean)
    .sort();
  check('age: go list finds 4 main packages under cmd/', mains.length === 4, mains.join(' '));

  const started = Date.now();
  const result = await runIn(c, {
    'go-version': go.version,
    'working-directory': 'age',
    packages: './cmd/...',
    targets: targets.join(' '),
  });
  const ms = Date.now() - started;
  check('age: the action succeeds with packages: ./cmd/...', result.success, failureOf(result));
  if (!result.success) return;
  const report = await readReport(c);
  const built = report.targets.map((t) => `${t.package} ${t.goos}/${t.goarch}`).sort();
  const expected = mains
    .flatMap((main) => targets.map((t) => `./${main.replace(`${AGE.module}/`, '')} ${t}`))
    .sort();
  check(
    `age: ${expected.length} binaries, one per main package and target`,
    JSON.stringify(built) === JSON.stringify(expected),
    built.join(', '),
  );
  for (const t of report.targets) {
    const info = await run('go', ['version', '-m', path.join(c.workspace, t.path)], c.workspace);
    check(
      `age: ${t.path} holds ${AGE.module}/${t.package.slice(2)}`,
      info.includes(`\tpath\t${AGE.module}/${t.package.slice(2)}\n`),
    );
  }
  await checkBinaries('age', c, report, go.version);
  process.stderr.write(`age: ${report.targets.length} binaries in ${(ms / 1000).toFixed(1)} s\n`);

  const none = await runIn(c, {
    'go-version': go.version,
    'working-directory': 'age',
    packages: './internal/...',
    targets: 'linux/amd64',
  });
  check(
    'age: ./internal/... (no main package) fails naming packages, before the build step',
    !none.success &&
      /Input packages holds the pattern \.\/internal\/\.\.\., which matches no main package/.test(
        failureOf(none),
      ) &&
      !none.steps[0]?.stdout.includes('Set up Go'),
    failureOf(none),
  );
}

/** gojq as a member of a go.work whose go line (this machine's Go) is newer than gojq's own (go 1.20). */
async function workspaceMember(go: LocalGo): Promise<void> {
  const c = await freshCase(go, 'gowork');
  await fetchModule(GOJQ, path.join(c.workspace, 'gojq'));
  await fetchModule(TIMEFMT, path.join(c.workspace, 'timefmt-go'));
  await writeFile(
    path.join(c.workspace, 'go.work'),
    `go ${go.version}\n\nuse (\n\t./gojq\n\t./timefmt-go\n)\n`,
  );
  const goMod = await readFile(path.join(c.workspace, 'gojq', 'go.mod'), 'utf8');
  check('go.work: gojq/go.mod asks for an older go than go.work', /^go 1\.20$/m.test(goMod));
  const gowork = (
    await run('go', ['env', 'GOWORK'], path.join(c.workspace, 'gojq'), goEnv({ GOWORK: '' }))
  ).trim();
  check(
    'go.work: go env GOWORK in gojq names the workspace file',
    gowork === path.join(c.workspace, 'go.work'),
    gowork,
  );

  const result = await runIn(c, {
    'working-directory': 'gojq',
    packages: './cmd/gojq',
    targets: 'linux/amd64',
  });
  check('go.work: the action builds the member', result.success, failureOf(result));
  check(
    `go.work: the version is go.work's (${go.version})`,
    result.outputs['go-version'] === go.version,
    result.outputs['go-version'] ?? '',
  );
  if (!result.success) return;
  const report = await readReport(c);
  await checkBinaries('go.work', c, report, go.version);
  const info = await run(
    'go',
    ['version', '-m', path.join(c.workspace, report.targets[0]!.path)],
    c.workspace,
  );
  // In workspace mode the sibling module is used from its directory, which build info shows as (devel).
  check(
    'go.work: timefmt-go comes from the workspace',
    /\tdep\tgithub\.com\/itchyny\/timefmt-go\t\(devel\)/.test(info),
    info
      .split('\n')
      .filter((l) => l.includes('timefmt'))
      .join(' '),
  );
}

/** go-version: 1.20 written unquoted reaches the action as 1.2. */
async function yamlFloat(go: LocalGo): Promise<void> {
  const c = await freshCase(go, 'float');
  await fetchModule(GOJQ, path.join(c.workspace, 'gojq'));
  const started = Date.now();
  const result = await runIn(c, { 'go-version': '1.2', 'working-directory': 'gojq', targets: 'linux/amd64' });
  const ms = Date.now() - started;
  const message = failureOf(result);
  check(
    "YAML float: go-version 1.2 fails with the hint to quote '1.20'",
    !result.success && message.includes("go-version: '1.20'"),
    message,
  );
  // The whole step, node start-up included; the check itself runs before any network request.
  check('YAML float: the step fails within 3 s', ms < 3000, `${ms} ms`);
}

/** sqlc links PostgreSQL's parser, written in C: cgo cross-built for linux/arm64 with a cross gcc. */
async function sqlcCgo(go: LocalGo): Promise<void> {
  const c = await freshCase(go, 'sqlc');
  await fetchModule(SQLC, path.join(c.workspace, 'sqlc'));
  const inputs = {
    'go-version': go.version,
    'working-directory': 'sqlc',
    packages: './cmd/sqlc',
    targets: 'linux/arm64',
    cgo: 'true',
  };
  const without = await runIn(c, inputs);
  const message = failureOf(without);
  check(
    'sqlc: without a cross compiler, linux/arm64 fails naming cgo-cc, a native runner and cgo: false',
    !without.success &&
      message.includes('cgo-cc') &&
      message.includes('runner of that platform') &&
      message.includes('cgo: false'),
    message.slice(0, 300),
  );
  const started = Date.now();
  const result = await runIn(c, { ...inputs, 'cgo-cc': `linux/arm64=${ARM64_CC}` });
  const ms = Date.now() - started;
  check(`sqlc: builds linux/arm64 with cgo-cc ${ARM64_CC}`, result.success, failureOf(result));
  if (!result.success) return;
  const report = await readReport(c);
  await checkBinaries('sqlc', c, report, go.version);
  const info = await run(
    'go',
    ['version', '-m', path.join(c.workspace, report.targets[0]!.path)],
    c.workspace,
  );
  check('sqlc: build info says CGO_ENABLED=1', info.includes('\tbuild\tCGO_ENABLED=1\n'));
  process.stderr.write(`sqlc: linux/arm64 with cgo in ${(ms / 1000).toFixed(1)} s\n`);
}

/** Darwin package sizes may differ from ELF's by this much for a package built from the same files. */
const ATTRIBUTION_TOLERANCE = 0.05;

/** Each package's Go and assembly files for `goos`, to tell the packages built from other files on darwin. */
async function packageFiles(
  dir: string,
  pkg: string,
  goos: string,
  goarch: string,
): Promise<Map<string, string>> {
  const listed = await run(
    'go',
    ['list', '-deps', '-f', '{{.ImportPath}} {{.GoFiles}} {{.SFiles}}', pkg],
    dir,
    goEnv({ GOOS: goos, GOARCH: goarch, GOFLAGS: '-mod=mod', CGO_ENABLED: '0' }),
  );
  const lines = listed.split('\n').filter(Boolean);
  const files = new Map(lines.map((line) => [line.split(' ')[0]!, line] as const));
  // The command itself comes last, and its symbols are named main.
  return files.set('main', lines.at(-1) ?? '');
}

/** The action's attribution (build, then the unstripped link and nm) of `pkg` for one target. */
async function attributionOf(dir: string, pkg: string, goos: string, goarch: string): Promise<PackageSize[]> {
  const go = { goBinary: 'go', cwd: dir, env: goEnv({ GOFLAGS: '-mod=mod', CGO_ENABLED: '0' }) };
  const output = path.join(dir, `attribution-${goos}-${goarch}`);
  const job: BuildJob = {
    package: pkg,
    target: { goos, goarch },
    args: ['build', '-o', output, '-trimpath', '-buildvcs=false', '-ldflags=-s -w', pkg],
    env: { GOOS: goos, GOARCH: goarch },
    output,
    label: `${pkg} ${goos}/${goarch}`,
  };
  const built = await runBuildJob(job, go);
  if (!built.ok) throw new Error(`${job.label} failed: ${built.output}`);
  return measureAttribution(job, go, await locateNmTool(go), `${output}.unstripped`, Number.MAX_SAFE_INTEGER);
}

/**
 * Darwin attribution against ELF's of the same GOARCH, for the packages that make up 95% of the ELF's bytes.
 * Packages built from the same files on both must agree within the tolerance; the others (os, syscall,
 * internal/poll, runtime, and the linker's type: and go:) hold other code on darwin and are printed only.
 */
async function attributionAgreement(
  go: LocalGo,
  mod: { module: string; version: string },
  pkg: string,
  goarch: string,
): Promise<void> {
  const started = Date.now();
  const c = await freshCase(go, `attribution-${goarch}`);
  const dir = path.join(c.workspace, 'src');
  await fetchModule(mod, dir);
  const elf = await attributionOf(dir, pkg, 'linux', goarch);
  const darwin = new Map(
    (await attributionOf(dir, pkg, 'darwin', goarch)).map((p) => [p.package, p.sizeBytes]),
  );
  const linuxFiles = await packageFiles(dir, pkg, 'linux', goarch);
  const darwinFiles = await packageFiles(dir, pkg, 'darwin', goarch);
  const total = elf.reduce((sum, p) => sum + p.sizeBytes, 0);
  const rows: { row: string; difference: number; sameFiles: boolean }[] = [];
  let covered = 0;
  for (const { package: name, sizeBytes } of elf) {
    if (covered >= 0.95 * total) break;
    covered += sizeBytes;
    const difference = Math.abs((darwin.get(name) ?? 0) - sizeBytes) / sizeBytes;
    rows.push({
      row: `${name} ${sizeBytes} B, darwin ${darwin.get(name) ?? 0} B (${(difference * 100).toFixed(2)}%)`,
      difference,
      sameFiles: linuxFiles.has(name) && linuxFiles.get(name) === darwinFiles.get(name),
    });
  }
  const same = rows.filter((r) => r.sameFiles).sort((a, b) => b.difference - a.difference);
  const max = same[0]?.difference ?? 0;
  const median = same[Math.floor(same.length / 2)]?.difference ?? 0;
  const worst = same.slice(0, 3).map((r) => r.row);
  const other = rows.filter((r) => !r.sameFiles).map((r) => r.row);
  const label = `attribution: ${mod.module.split('/').pop()} darwin/${goarch} against linux/${goarch}`;
  check(
    `${label}, ${same.length} packages of the same files within ${ATTRIBUTION_TOLERANCE * 100}%`,
    same.length > 10 && max <= ATTRIBUTION_TOLERANCE,
    `max ${(max * 100).toFixed(2)}%, median ${(median * 100).toFixed(2)}%; worst ${worst.join(', ')}`,
  );
  process.stderr.write(`${label}: other files on darwin: ${other.join(', ')}\n`);
  process.stderr.write(`${label}: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

async function main(): Promise<number> {
  await mkdir(cacheRoot, { recursive: true });
  const go = await localGo();
  const started = Date.now();
  await agePatterns(go);
  await workspaceMember(go);
  await yamlFloat(go);
  await attributionAgreement(go, GOJQ_LATEST, './cmd/gojq', 'amd64');
  if (!short) {
    await attributionAgreement(go, GOJQ_LATEST, './cmd/gojq', 'arm64');
    await attributionAgreement(go, AGE, './cmd/age', 'amd64');
    await attributionAgreement(go, AGE, './cmd/age', 'arm64');
    await sqlcCgo(go);
  }
  const failed = checks.filter((c) => !c.ok);
  process.stderr.write(
    `\n${checks.length - failed.length} of ${checks.length} checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s${short ? ' (short form)' : ''}\n`,
  );
  return failed.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(2);
  },
);
