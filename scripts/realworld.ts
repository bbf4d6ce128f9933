// `npm run realworld`: the bundled action on real public modules at pinned versions, fetched through the Go
// module proxy, run the way a workflow runs it (scripts/local-runner.ts), each result checked by tools that are
// not the action's own code: `file` for headers, `go version -m` for build info, `go list` for which packages a
// pattern holds, and byte counts from the file system. `--short` runs the few cases CI runs (about two minutes
// warm on two cores); the full run adds targets and cases; `--only=<case>` runs one. Exits non-zero when a check
// fails.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { localGo, type LocalGo } from '../__tests__/fixtures/builds/go-modules.js';
import {
  cacheRoot,
  check,
  checkBinaries,
  checks,
  failureOf,
  fetchModule,
  freshCase,
  goEnv,
  readReport,
  run,
  runIn,
  short,
} from './realworld-kit.js';
import { attributionAgreement } from './realworld-attribution.js';
import { gojqGoLineBump } from './realworld-like-for-like.js';

/** The corpus: real modules at pinned versions. */
const AGE = { module: 'filippo.io/age', version: 'v1.3.2' };
const GOJQ = { module: 'github.com/itchyny/gojq', version: 'v0.12.16' };
const TIMEFMT = { module: 'github.com/itchyny/timefmt-go', version: 'v0.1.6' };
const SQLC = { module: 'github.com/sqlc-dev/sqlc', version: 'v1.31.1' };
/** gojq's latest release, for darwin attribution against ELF's. */
const GOJQ_LATEST = { module: 'github.com/itchyny/gojq', version: 'v0.12.17' };
/** Debian's gcc-aarch64-linux-gnu. */
const ARM64_CC = 'aarch64-linux-gnu-gcc';

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

async function main(): Promise<number> {
  await mkdir(cacheRoot, { recursive: true });
  const go = await localGo();
  const started = Date.now();
  // `--only=<case>` runs one case, e.g. `npm run realworld -- --only=like-for-like`.
  const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
  const cases: [string, (go: LocalGo) => Promise<void>, boolean][] = [
    ['age', agePatterns, true],
    ['go.work', workspaceMember, true],
    ['yaml-float', yamlFloat, true],
    ['sqlc', sqlcCgo, false],
    // Two toolchains of about 70 MiB each from the module proxy on its first run.
    ['like-for-like', gojqGoLineBump, false],
    ['attribution-gojq-amd64', (go) => attributionAgreement(go, GOJQ_LATEST, './cmd/gojq', 'amd64'), true],
    ['attribution-gojq-arm64', (go) => attributionAgreement(go, GOJQ_LATEST, './cmd/gojq', 'arm64'), false],
    ['attribution-age-amd64', (go) => attributionAgreement(go, AGE, './cmd/age', 'amd64'), false],
    ['attribution-age-arm64', (go) => attributionAgreement(go, AGE, './cmd/age', 'arm64'), false],
  ];
  if (only && !cases.some(([name]) => name === only))
    throw new Error(`--only=${only} names no case; use one of ${cases.map(([name]) => name).join(', ')}`);
  for (const [name, runCase, inShort] of cases)
    if (only ? name === only : inShort || !short) await runCase(go);
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
