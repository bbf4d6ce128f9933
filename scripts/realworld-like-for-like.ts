// gojq v0.12.16 → v0.12.17 as a pull request: the release moves go.mod's `go 1.20` to `go 1.21`, so the default
// branch's report was built with the newest Go 1.20 and the pull request is built with Go 1.21.0, each installed by
// the action from go.mod through the module proxy. The comparison must rebuild the merge-base with Go 1.21.0 and
// report the code's change alone; the deltas are checked against binaries built independently with that same go
// and measured with stat.
import { cp, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { LocalGo } from '../__tests__/fixtures/builds/go-modules.js';
import type { SizeComparison } from '../src/core/compare/compare.js';
import type { Report } from '../src/core/report/report.js';
import { cacheRoot, check, failureOf, fetchModule, freshCase, goEnv, run, runIn } from './realworld-kit.js';

const BASE = { module: 'github.com/itchyny/gojq', version: 'v0.12.16' };
const HEAD = { module: 'github.com/itchyny/gojq', version: 'v0.12.17' };
/** With Go 1.21.0, the code's change on these four is −304 B, −240 B, 0 and 0 (binaries built apart say so too). */
const TARGETS = ['darwin/arm64', 'darwin/amd64', 'linux/amd64', 'linux/arm64'];
/** Kept between runs, so the two toolchains are downloaded once. */
const TOOL_CACHE = path.join(cacheRoot, 'toolcache');
const OWNER = 'itchyny';
const REPO = 'gojq';

async function git(cwd: string, ...args: string[]): Promise<string> {
  const identity = ['-c', 'user.name=Test', '-c', 'user.email=test@example.com'];
  return (await run('git', [...identity, ...args], cwd)).trim();
}

/** Replaces the work tree's files (not .git) with `mod`'s source and commits it. */
async function commitRelease(repo: string, mod: typeof BASE): Promise<string> {
  for (const entry of await git(repo, 'ls-files')
    .then((list) => list.split('\n'))
    .then((files) => [...new Set(files.filter(Boolean).map((f) => f.split('/')[0]!))]))
    await rm(path.join(repo, entry), { recursive: true, force: true });
  const source = path.join(path.dirname(repo), `src-${mod.version}`);
  await fetchModule(mod, source);
  await cp(source, repo, { recursive: true });
  await git(repo, 'add', '-A');
  await git(repo, 'commit', '-q', '-m', `gojq ${mod.version}`);
  return git(repo, 'rev-parse', 'HEAD');
}

/** Builds ./cmd/gojq at `commit` for each target as the action does, with `goBinary`; the sizes by stat. */
async function independentSizes(repo: string, commit: string, goBinary: string): Promise<number[]> {
  const dir = path.join(path.dirname(repo), `independent-${commit.slice(0, 7)}`);
  await run('git', ['clone', '-q', repo, dir], path.dirname(repo));
  await git(dir, 'checkout', '-q', '--detach', commit);
  const sizes: number[] = [];
  for (const target of TARGETS) {
    const [goos, goarch] = target.split('/') as [string, string];
    const output = path.join(dir, 'out', `${goos}_${goarch}`);
    const args = ['build', '-o', output, '-trimpath', '-buildvcs=false', '-ldflags=-s -w', './cmd/gojq'];
    await run(goBinary, args, dir, goEnv({ GOOS: goos, GOARCH: goarch, CGO_ENABLED: '0' }));
    sizes.push((await stat(output)).size);
  }
  return sizes;
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

export async function gojqGoLineBump(go: LocalGo): Promise<void> {
  const c = await freshCase(go, 'like-for-like');
  const repo = c.workspace;
  await mkdir(TOOL_CACHE, { recursive: true });
  await git(repo, 'init', '-q', '-b', 'main');
  const a = await commitRelease(repo, BASE);
  await git(repo, 'checkout', '-q', '-b', 'release');
  const headSha = await commitRelease(repo, HEAD);
  await writeFile(path.join(repo, '.git', 'info', 'exclude'), '/report.json\n/base-report.json\n/dist/\n');
  const goLines = [await git(repo, 'show', `${a}:go.mod`), await git(repo, 'show', `${headSha}:go.mod`)].map(
    (mod) => /^go (\S+)$/m.exec(mod)?.[1],
  );
  check(
    'gojq: the release moves the go line from 1.20 to 1.21',
    goLines.join(' ') === '1.20 1.21',
    goLines.join(' '),
  );
  const inputs = {
    'go-version-file': 'go.mod',
    'toolchain-source': 'goproxy',
    packages: './cmd/gojq',
    targets: TARGETS.join(' '),
  };
  const repository = { name: REPO, owner: { login: OWNER }, default_branch: 'main' };

  // The default branch's run at v0.12.16, whose report the pull request finds.
  await git(repo, 'checkout', '-q', a);
  const pushed = await runIn(
    c,
    { ...inputs, comment: 'off', 'report-file': 'base-report.json' },
    {},
    {
      toolCache: TOOL_CACHE,
      eventName: 'push',
      eventPayload: { ref: 'refs/heads/main', repository },
      sha: a,
    },
  );
  check('gojq: the default branch builds v0.12.16', pushed.success, failureOf(pushed));
  if (!pushed.success) return;
  const cached = JSON.parse(await readFile(path.join(repo, 'base-report.json'), 'utf8')) as Report;
  await rm(path.join(repo, 'dist'), { recursive: true, force: true });

  // The pull request at v0.12.17, compared with that report under a 1% limit.
  await git(repo, 'checkout', '-q', 'release');
  const started = Date.now();
  const pr = await runIn(
    c,
    { ...inputs, 'base-report': 'base-report.json', 'fail-on-size-increase': '1%', 'comment-on': 'always' },
    {},
    {
      toolCache: TOOL_CACHE,
      eventName: 'pull_request',
      sha: headSha,
      eventPayload: {
        pull_request: {
          number: 1,
          head: { sha: headSha, repo: { full_name: `${OWNER}/${REPO}` } },
          base: { sha: a, repo: { full_name: `${OWNER}/${REPO}` } },
        },
        repository,
      },
    },
  );
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  check('gojq: the pull request run succeeds', pr.success, failureOf(pr));
  if (!pr.success) return;
  const delta = JSON.parse(pr.outputs['size-delta'] ?? 'null') as SizeComparison;
  const body = pr.outputs['comment-body'] ?? '';
  const [baseGo, headGo] = [cached.go.version, delta.head.goVersion];
  check(
    `gojq: the cached base was built with Go ${baseGo}, head with Go ${headGo}`,
    baseGo.startsWith('1.20.') && headGo.startsWith('1.21'),
  );
  check(
    'gojq: the base is the merge-base rebuilt with head’s Go',
    delta.baseBuild.kind === 'rebuilt' && delta.base.goVersion === headGo && delta.base.commit === a,
    JSON.stringify(delta.baseBuild),
  );
  check(
    'gojq: the comment says the base was rebuilt, and why',
    body.includes(`Base rebuilt at the merge-base with Go ${headGo}`) &&
      body.includes(`Go ${baseGo} \\(head ${headGo}\\)`),
  );
  check('gojq: the 1% limit passes on the code-only delta', pr.outputs['size-regression'] === 'false');
  check(
    'gojq: no build-time change is shown next to a base built after head, and the comment says why',
    delta.rows.every((r) => r.buildMsDelta === null) &&
      body.includes('Build-time changes are not shown: the base was built in this job after the head'),
  );

  const goBinary = path.join(TOOL_CACHE, 'go', headGo, 'x64', 'bin', 'go');
  const [baseSizes, headSizes] = [
    await independentSizes(repo, a, goBinary),
    await independentSizes(repo, headSha, goBinary),
  ];
  for (const [i, target] of TARGETS.entries()) {
    const row = delta.rows.find((r) => r.target === target && r.package === './cmd/gojq');
    const stale = cached.targets.find((t) => `${t.goos}/${t.goarch}` === target);
    const independent = headSizes[i]! - baseSizes[i]!;
    check(
      `gojq: ${target} changed ${signed(row?.deltaBytes ?? NaN)} B, as independently built binaries say (${signed(independent)} B)`,
      row?.deltaBytes === independent && row?.headBytes === headSizes[i],
    );
    const staleDelta = (row?.headBytes ?? 0) - (stale?.sizeBytes ?? 0);
    process.stderr.write(
      `gojq: ${target}: code only ${signed(row?.deltaBytes ?? NaN)} B; against the Go ${baseGo} report ` +
        `${signed(staleDelta)} B (${((staleDelta / (stale?.sizeBytes ?? 1)) * 100).toFixed(1)}%)\n`,
    );
  }
  process.stderr.write(`gojq: the pull request run, merge-base rebuild included, took ${seconds} s\n`);
}
