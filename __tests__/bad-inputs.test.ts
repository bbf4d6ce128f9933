// Every input of action.yml, given values it must refuse, through the bundled action and the local runner, on a
// workspace holding examples/hello with an empty tool cache. Each run must fail (or, for the one advisory input,
// warn) with a message naming the input, the bad value and a valid example, before anything is downloaded: the
// toolchain sources point at a local server that must see no request, and the tool cache must stay empty.
// github-token is advisory: GitHub alone judges a token, and a bad one costs the comment, never the build, so
// a malformed one is warned about (without echoing it) and the comment goes to the job summary instead.
// Unknown-but-well-formed targets and package directories that do not exist are judged by the installed
// toolchain (`go tool dist list`, `go list`); builds.test.ts covers those.
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { mapPool } from '../src/io/build/run.js';
import { buildReport } from '../src/core/report/report.js';
import type { RunActionResult } from '../scripts/local-runner.js';
import {
  messagesOf,
  REPO_ROOT,
  runActionOnHello,
  workspaceWithHello,
} from '../test/support/action-harness.js';
import { recordCase } from '../test/support/suite-counts.js';
import { ToolchainServer } from '../test/support/toolchain-server.js';

interface BadInput {
  input: string;
  value: string;
  /** What of the bad value the message must show; the value itself unless given ('' for a secret). */
  shows?: string;
  /** A valid example the message must carry. */
  example: RegExp;
  /** Other inputs the case needs, e.g. targets for a name template that makes two builds collide. */
  with?: Record<string, string>;
  /** Files written into the workspace first. */
  files?: Record<string, string>;
  /** The step warns and goes on instead of failing. */
  advisory?: true;
}

const TWO_TARGETS = { targets: 'linux/amd64 darwin/arm64' };
const PIN_FOR_ANOTHER_VERSION =
  'golang.org/toolchain v0.0.1-go1.24.0.linux-amd64 h1:5e4fxJf48MqaBmsurT33X8lENq6kLpby4xLNGF0tmEw=';
const VERSION_EXAMPLE = /1\.25\.4/;
const BOOLEAN_EXAMPLE = /true or false/;
const LIMIT_EXAMPLE = /5%, 200KB/;
const REPORT = JSON.stringify(
  buildReport({
    go: { version: '1.25.4', hostOs: 'linux', hostArch: 'amd64', native: true },
    commit: 'a'.repeat(40),
    flags: { ldflags: '-s -w', trimpath: true, cgo: false },
    targets: [
      {
        goos: 'linux',
        goarch: 'amd64',
        package: '.',
        path: 'hello/dist/hello_linux_amd64',
        sizeBytes: 1_500_000,
        buildMs: 900,
        sha256: 'b'.repeat(64),
        format: 'elf',
        arch: 'amd64',
      },
    ],
    wallMs: 950,
  }),
);

const BAD_INPUTS: BadInput[] = [
  { input: 'go-version', value: 'banana', example: VERSION_EXAMPLE },
  { input: 'go-version', value: '1.25.4.1', example: VERSION_EXAMPLE },
  { input: 'go-version', value: 'go 1.25; rm -rf /', example: VERSION_EXAMPLE },
  { input: 'go-version-file', value: 'missing/go.mod', example: /go\.mod, go\.work, \.go-version/ },
  { input: 'go-version-file', value: 'hello/go.sum', example: /go\.mod, go\.work, \.go-version/ },
  { input: 'go-version', value: '1.2', example: /go-version: '1\.20'/ },
  { input: 'architecture', value: 'sparc', example: /arm64/ },
  { input: 'architecture', value: 'arm', example: /amd64/ },
  { input: 'check-latest', value: 'yes', example: BOOLEAN_EXAMPLE },
  { input: 'toolchain-source', value: 'github', example: /goproxy/ },
  { input: 'go-download-base-url', value: 'ftp://mirror.example/go', example: /https:\/\/go\.dev\/dl/ },
  { input: 'go-download-base-url', value: 'go.dev/dl', example: /https:\/\/go\.dev\/dl/ },
  { input: 'go-download-base-url', value: 'http://mirror.example/go', example: /https:\/\/go\.dev\/dl/ },
  { input: 'output-dir', value: '../outside', example: /relative to the workspace/ },
  { input: 'report-file', value: '/etc/setup-go-arm64-report.json', example: /relative to the workspace/ },
  { input: 'go-version-file', value: '../../.go-version', example: /relative to the workspace/ },
  { input: 'working-directory', value: '..', example: /relative to the workspace/ },
  {
    input: 'goproxy',
    value: 'proxy.golang.org,direct',
    shows: 'proxy.golang.org',
    example: /https:\/\/proxy\.golang\.org,direct/,
  },
  {
    input: 'goproxy',
    value: 'https://proxy.golang.org direct',
    example: /https:\/\/proxy\.golang\.org,direct/,
  },
  {
    input: 'toolchain-sum',
    value: 'h1:abc=',
    example: /golang\.org\/toolchain v0\.0\.1-go1\.25\.4\.linux-amd64 h1:/,
  },
  {
    input: 'toolchain-sum',
    value:
      'golang.org/toolchain v0.0.1-go1.25.4.linux-amd64/go.mod h1:5e4fxJf48MqaBmsurT33X8lENq6kLpby4xLNGF0tmEw=',
    example: /without "\/go\.mod"/,
  },
  {
    input: 'toolchain-sum',
    value: PIN_FOR_ANOTHER_VERSION,
    shows: 'golang.org/toolchain@v0.0.1-go1.24.0.linux-amd64',
    example: /golang\.org\/toolchain v0\.0\.1-go1\.25\.4\.linux-/,
  },
  {
    input: 'checksum-database',
    value: 'sum.golang.google.cn',
    example: /Use sum\.golang\.org \(the default/,
  },
  { input: 'verify', value: 'no', example: BOOLEAN_EXAMPLE },
  { input: 'gotoolchain', value: 'banana', example: /go1\.25\.4\+auto/ },
  { input: 'gotoolchain', value: '1.25.4', example: /local/ },
  { input: 'cache', value: 'on', example: BOOLEAN_EXAMPLE },
  { input: 'cache-build', value: 'enabled', example: BOOLEAN_EXAMPLE },
  { input: 'cache-save', value: 'sometimes', example: /never \(restore only\)/ },
  { input: 'cache-dependency-path', value: 'nope/go.sum', example: /\*\*\/go\.sum/ },
  { input: 'cache-key-prefix', value: 'team,cache', example: /setup-go-arm64-v2/ },
  { input: 'cache-key-prefix', value: 'two words', example: /setup-go-arm64-v2/ },
  { input: 'working-directory', value: 'does-not-exist', example: /services\/api/ },
  { input: 'working-directory', value: 'hello/main.go', example: /services\/api/ },
  { input: 'targets', value: 'linux', example: /linux\/amd64, darwin\/arm64/ },
  { input: 'targets', value: 'linux/arm/9', example: /linux\/arm\/7/ },
  { input: 'targets', value: 'linux/amd64/v3/extra', example: /linux\/amd64\/v3/ },
  { input: 'targets', value: 'linux/amd64, linux/amd64', shows: 'linux/amd64', example: /once/ },
  {
    input: 'targets',
    value: 'darwin/arm64;touch pwned',
    shows: 'darwin/arm64;touch',
    example: /linux\/amd64/,
  },
  { input: 'packages', value: '-x', example: /\.\/cmd\/tool/ },
  { input: 'packages', value: '. -toolexec=/bin/sh', shows: '-toolexec=/bin/sh', example: /\.\/cmd\/tool/ },
  { input: 'packages', value: ' , ', shows: '","', example: /\.\/cmd\/tool/ },
  {
    input: 'packages',
    value: './internal/...',
    with: TWO_TARGETS,
    files: { 'hello/internal/greet/greet.go': 'package greet\n' },
    example: /\.\/cmd\/\.\.\./,
  },
  { input: 'packages', value: './cmd/...', with: TWO_TARGETS, example: /\.\/cmd\/tool/ },
  { input: 'ldflags', value: '-X main.version={tag}', shows: '{tag}', example: /main\.version=\{version\}/ },
  { input: 'ldflags', value: "-s -w -X 'main.greeting=hello", example: /-X 'main\.greeting=hello world'/ },
  { input: 'trimpath', value: 'always', example: BOOLEAN_EXAMPLE },
  { input: 'cgo', value: '1', example: BOOLEAN_EXAMPLE },
  {
    input: 'cgo-cc',
    value: 'aarch64-linux-gnu-gcc',
    with: TWO_TARGETS,
    example: /linux\/arm64=aarch64-linux-gnu-gcc/,
  },
  {
    input: 'cgo-cc',
    value: 'linux/riscv64=riscv64-linux-gnu-gcc',
    shows: 'linux/riscv64',
    with: TWO_TARGETS,
    example: /linux\/arm64=aarch64-linux-gnu-gcc/,
  },
  { input: 'cgo-cxx', value: 'linux/amd64=', shows: 'linux/amd64=', with: TWO_TARGETS, example: /zig c\+\+/ },
  { input: 'build-tags', value: 'netgo;osusergo', example: /netgo,osusergo/ },
  { input: 'build-tags', value: 'ok $(touch pwned)', shows: '$(touch', example: /netgo,osusergo/ },
  { input: 'build-flags', value: "-gcflags='all=-N -l", shows: 'unclosed', example: /-gcflags='all=-N -l'/ },
  { input: 'build-flags', value: '-o /tmp/elsewhere', shows: '-o', example: /name-template/ },
  { input: 'output-dir', value: 'hello/go.mod', with: TWO_TARGETS, example: /e\.g\. dist/ },
  {
    input: 'name-template',
    value: '{name}_{os}',
    shows: '{os}',
    with: TWO_TARGETS,
    example: /\{name\}_\{goos\}_\{goarch\}\{ext\}/,
  },
  {
    input: 'name-template',
    value: '../{name}_{goos}_{goarch}',
    with: TWO_TARGETS,
    example: /\{goos\}_\{goarch\}\/\{name\}\{ext\}/,
  },
  { input: 'name-template', value: '{name}{ext}', with: TWO_TARGETS, example: /\{goos\}, \{goarch\}/ },
  {
    input: 'name-template',
    value: 'checksums.txt',
    with: { targets: 'linux/amd64' },
    example: /\{name\}_\{goos\}_\{goarch\}\{ext\}/,
  },
  { input: 'universal-darwin', value: 'yes', example: BOOLEAN_EXAMPLE },
  {
    input: 'universal-darwin',
    value: 'true',
    shows: 'lack darwin/amd64',
    with: { targets: 'darwin/arm64 linux/amd64' },
    example: /Add darwin\/arm64 and darwin\/amd64 .* or set universal-darwin: false/,
  },
  {
    input: 'universal-darwin',
    value: 'True',
    shows: 'targets (empty) lack darwin/arm64 and darwin/amd64',
    example: /set universal-darwin: false/,
  },
  { input: 'parallel', value: '0', example: /e\.g\. 2/ },
  { input: 'parallel', value: 'two', example: /e\.g\. 2/ },
  { input: 'fail-fast', value: 'sometimes', example: BOOLEAN_EXAMPLE },
  { input: 'attribution', value: 'full', example: BOOLEAN_EXAMPLE },
  { input: 'sbom', value: 'yes', example: BOOLEAN_EXAMPLE },
  { input: 'sbom', value: 'true', example: /set targets, or set sbom in the jobs that build/i },
  { input: 'report-file', value: 'hello', example: /reports\/size\.json/ },
  { input: 'merge-reports', value: 'reports/*.json', example: /\/reports\/\*\.json/ },
  {
    input: 'merge-reports',
    value: 'reports/*.json',
    with: TWO_TARGETS,
    files: { 'reports/linux.json': REPORT },
    example: /targets empty/,
  },
  {
    input: 'github-token',
    value: 'ghs_abc def',
    shows: '',
    advisory: true,
    with: { 'merge-reports': 'reports/*.json' },
    files: { 'reports/linux.json': REPORT },
    example: /\$\{\{ github\.token \}\}/,
  },
  { input: 'base-report', value: 'missing/report.json', example: /auto, or none/ },
  { input: 'fail-on-size-increase', value: '5 percent', example: LIMIT_EXAMPLE },
  { input: 'fail-on-size-increase', value: '-5%', example: LIMIT_EXAMPLE },
  { input: 'fail-on-total-increase', value: 'lots', example: LIMIT_EXAMPLE },
  { input: 'comment', value: 'always', example: /sticky/ },
  { input: 'comment-on', value: 'sometimes', example: /change/ },
  {
    input: 'comment-header',
    value: 'size\n::warning::injected',
    shows: 'size\\n::warning::injected',
    example: /setup-go-arm64-cli/,
  },
  { input: 'comment-header', value: 'x'.repeat(101), shows: '101 characters', example: /setup-go-arm64-cli/ },
];

const caseName = (row: BadInput) => `${row.input}: ${JSON.stringify(row.value)}`;

interface Outcome {
  result: RunActionResult;
  requests: number;
  toolCache: string[];
}

const outcomes = new Map<BadInput, Outcome>();

async function runRow(row: BadInput): Promise<Outcome> {
  const server = await ToolchainServer.start();
  try {
    const workspace = await workspaceWithHello('sga-bad-input-');
    for (const [file, text] of Object.entries(row.files ?? {})) {
      await mkdir(path.dirname(path.join(workspace, file)), { recursive: true });
      await writeFile(path.join(workspace, file), text);
    }
    const toolCache = await mkdtemp(path.join(os.tmpdir(), 'sga-bad-input-toolcache-'));
    const result = await runActionOnHello(workspace, toolCache, {
      goproxy: server.baseUrl,
      'go-download-base-url': server.baseUrl,
      ...row.with,
      [row.input]: row.value,
    });
    return { result, requests: server.requests.length, toolCache: await readdir(toolCache) };
  } finally {
    await server.close();
  }
}

describe('every input, given a bad value', () => {
  beforeAll(async () => {
    // A few at a time: each run is two node processes.
    await mapPool(BAD_INPUTS, 3, async (row) => {
      outcomes.set(row, await runRow(row));
    });
  }, 300_000);

  it('has a row for every input in action.yml, and no row for an input it does not have', async () => {
    const metadata = parseYaml(await readFile(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as {
      inputs: Record<string, unknown>;
    };
    expect([...new Set(BAD_INPUTS.map((row) => row.input))].sort()).toEqual(
      Object.keys(metadata.inputs).sort(),
    );
  });

  it.each(BAD_INPUTS.map((row) => [caseName(row), row] as const))(
    '%s is refused before any download, naming the input, the value and a valid example',
    (name, row) => {
      recordCase('bad-input', name);
      const { result, requests, toolCache } = outcomes.get(row) as Outcome;
      const main = result.steps[0];
      const messages = messagesOf(result, row.advisory ? 'warning' : 'error').join('\n');
      if (row.advisory) {
        expect(result.success).toBe(true);
      } else {
        expect(result.success).toBe(false);
        expect(main?.exitCode).toBe(1);
      }
      expect(messages).toContain(row.input);
      const shows = row.shows ?? row.value.trim();
      if (shows === '') expect(messages).not.toContain(row.value);
      else expect(messages).toContain(shows);
      expect(messages).toMatch(row.example);
      // Failed as a clean input error, not a crash.
      expect(main?.stderr).toBe('');
      expect(requests).toBe(0);
      expect(toolCache).toEqual([]);
    },
  );
});
