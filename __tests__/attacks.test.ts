// Attacks through the action's inputs and the files it reads, through the bundled action and the local runner
// (hostile archives, forged checksums and tampered comment files have their own tests in extract, archive-paths,
// sumdb-client, toolchain-sources and pr-comment). Shell syntax in every free-text input, in the working
// directory's name and in a source file's name must reach go as plain data or be refused, never run; workflow
// commands smuggled in through newlines must never reach the runner as commands; and a pull_request_target run
// that checked out the pull request's own code is warned about.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { mkdir, readdir, readFile, rename } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { mapPool } from '../src/io/build/run.js';
import { forkHelpUrl } from '../src/io/github/fork-fallback.js';
import { RUNNER_LEADING_WHITESPACE } from '../src/core/report/format.js';
import { parseWorkflowCommand, runAction, type RunActionResult } from '../scripts/local-runner.js';
import { gitIn, messagesOf, REPO_ROOT, UNSET_MACHINE_ENV } from '../test/support/action-harness.js';
import { startCacheService, type CacheService } from '../test/support/cache-service.js';
import { recordCase } from '../test/support/suite-counts.js';
import {
  buildTestEnv,
  hostTarget,
  localGo,
  scratchDir,
  tempModule,
  toolCacheWithLocalGo,
  twoCommandModule,
  workspaceWithModule,
  type LocalGo,
} from './fixtures/builds/go-modules.js';

/** Marks every injected workflow command, so any that reached the runner can be told from the action's own. */
const MARK = 'PWN7';
/** Commands the action itself issues; anything else in its log came from somewhere else. */
const ACTION_COMMANDS = new Set([
  'group',
  'endgroup',
  'error',
  'warning',
  'notice',
  'debug',
  'add-mask',
  'add-matcher',
]);

/** Where the absolute-path payloads would create their file, had a shell run them. */
const canaryDir = mkdtempSync(path.join(os.tmpdir(), 'sga-canary-'));
/** This machine's platform, whose binaries the tests can run. */
const host = hostTarget();
let go: LocalGo;
let toolCache: string;

/** Shell syntax that runs `touch` wherever a shell meets it: `;`, `$(…)`, backticks, relative and absolute. */
const shellPayload = () =>
  `; touch ${canaryDir}/pwned $(touch ${canaryDir}/pwned) \`touch ${canaryDir}/pwned\` $(touch pwned)`;
/** Workflow commands on lines of their own, new and legacy syntax. */
const commandPayload = [
  `\n::error::${MARK} injected error`,
  `\n::add-mask::${MARK}`,
  `\n::set-env name=${MARK}::1`,
  `\n::stop-commands::${MARK}`,
  `\r::warning::${MARK} after a carriage return`,
  `\n  ::notice::${MARK} after spaces`,
  `\n##[set-env name=${MARK};]1`,
].join('');

/**
 * Lines of the step's output the runner would obey as commands that the action did not issue: a command it never
 * uses, a mask or a message that starts with injected text, or a legacy `##[` command carrying the mark. The
 * runner splits lines at \n, \r\n and a bare \r, reads a `::` command after leading spaces, and looks for a
 * legacy one anywhere in a line that is not a `::` command.
 */
function foreignCommands(result: RunActionResult): string[] {
  const foreign: string[] = [];
  for (const step of result.steps) {
    for (const line of step.stdout.split(/\r\n|\r|\n/)) {
      // The runner trims as .NET does, U+0085 (NEXT LINE) included, before it looks for `::`.
      const trimmed = line.replace(RUNNER_LEADING_WHITESPACE, '');
      const command = trimmed.startsWith('::') ? parseWorkflowCommand(trimmed) : undefined;
      if (!command) {
        if ((trimmed.startsWith('::') || line.includes('##[')) && line.includes(MARK)) foreign.push(line);
        continue;
      }
      const injected =
        !ACTION_COMMANDS.has(command.command) ||
        (command.command === 'add-mask' && command.message.includes(MARK)) ||
        /^\s*(PWN7|::|##\[)/.test(command.message);
      if (injected) foreign.push(line);
    }
  }
  return foreign;
}

/** Files named exactly `pwned` under `dir` (a shell running a relative payload would have made one). */
async function pwnedFilesUnder(dir: string): Promise<string[]> {
  const names = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
  return names.map(String).filter((name) => path.basename(name) === 'pwned');
}

interface Attack {
  name: string;
  inputs: Record<string, string>;
  /** Prepares the workspace; returns the working-directory input when it moves the module. */
  prepare?: (workspace: string) => Promise<string | void>;
  /** What a run that carried the payload as data must show. */
  check?: (result: RunActionResult, workspace: string) => Promise<void>;
}

/** The host binary of ./cmd/a prints `a <version> <commit> <date>`: what -X put there, as data. */
async function printedByHostBinary(result: RunActionResult, workspace: string): Promise<string> {
  const report = JSON.parse(result.outputs.report as string) as { targets: { path: string }[] };
  return execFileSync(path.join(workspace, report.targets[0]?.path as string), { encoding: 'utf8' });
}

const ATTACKS: Attack[] = [
  { name: 'targets, shell syntax', inputs: { targets: `${host}${shellPayload()}` } },
  { name: 'targets, workflow commands', inputs: { targets: `${host}${commandPayload}` } },
  {
    name: 'ldflags, shell syntax (carried to -X as data)',
    inputs: { ldflags: `-s -w -X 'main.version=${shellPayload()}'` },
    check: async (result, workspace) => {
      expect(result.success).toBe(true);
      expect(await printedByHostBinary(result, workspace)).toContain(`a ${shellPayload()} `);
    },
  },
  { name: 'ldflags, workflow commands', inputs: { ldflags: `-s -w${commandPayload}` } },
  {
    name: 'build-flags, shell syntax (carried to -X as data)',
    inputs: { 'build-flags': `-ldflags="-X 'main.commit=${shellPayload()}'"` },
    check: async (result, workspace) => {
      expect(result.success).toBe(true);
      expect(await printedByHostBinary(result, workspace)).toContain(shellPayload());
    },
  },
  { name: 'build-flags, workflow commands', inputs: { 'build-flags': `-trimpath${commandPayload}` } },
  { name: 'build-tags, shell syntax', inputs: { 'build-tags': `netgo${shellPayload()}` } },
  { name: 'build-tags, workflow commands', inputs: { 'build-tags': `netgo${commandPayload}` } },
  { name: 'packages, shell syntax', inputs: { packages: `./cmd/a${shellPayload()}` } },
  { name: 'packages, workflow commands', inputs: { packages: `./cmd/a${commandPayload}` } },
  {
    name: 'name-template, shell syntax (a file name, as data)',
    inputs: { 'name-template': '{name};touch pwned;$(touch pwned)`touch pwned`{ext}' },
    check: async (result, workspace) => {
      expect(result.success).toBe(true);
      expect((await readdir(path.join(workspace, 'app', 'dist'))).sort()).toEqual([
        'a;touch pwned;$(touch pwned)`touch pwned`',
        'checksums.txt',
      ]);
    },
  },
  { name: 'name-template, workflow commands', inputs: { 'name-template': `{name}${commandPayload}{ext}` } },
  {
    name: 'working-directory named with shell syntax and a workflow command',
    inputs: {},
    prepare: async (workspace) => {
      const name = `app;$(touch pwned)\`touch pwned\`::error::${MARK} ##[set-env name=${MARK};]1`;
      await rename(path.join(workspace, 'app'), path.join(workspace, name));
      return name;
    },
    check: async (result, workspace) => {
      expect(result.success).toBe(true);
      expect(await printedByHostBinary(result, workspace)).toMatch(/^a /);
    },
  },
  {
    name: 'working-directory with a newline and a workflow command in its name',
    inputs: {},
    prepare: async (workspace) => {
      const name = `app\n::error::${MARK} from a directory name`;
      await rename(path.join(workspace, 'app'), path.join(workspace, name));
      return name;
    },
  },
  {
    name: 'a source file named with shell syntax and annotation properties, failing to compile',
    inputs: {},
    prepare: async (workspace) => {
      await tempModule(
        {
          [`cmd/a/x,line=1,title=${MARK}::$(touch pwned)\`touch pwned\`;.go`]:
            'package main\n\nvar _ = undefinedName\n',
        },
        path.join(workspace, 'app'),
      );
    },
    check: async (result) => {
      expect(result.success).toBe(false);
      const annotation = result.steps[0]?.commands.find((c) => c.command === 'error' && c.properties.file);
      // The name stays one property value: no line or title of the attacker's making.
      expect(annotation?.properties).toEqual({
        title: `go build ./cmd/a ${host}`,
        file: `app/cmd/a/x,line=1,title=${MARK}::$(touch pwned)\`touch pwned\`;.go`,
        line: '3',
        col: '9',
      });
    },
  },
  {
    name: 'a //line directive naming a file U+0085 ::warning::…, so the compiler error line starts with it',
    inputs: {},
    prepare: async (workspace) => {
      await tempModule(
        {
          'cmd/a/main.go': `package main\n\n//line \u0085::warning::${MARK} from a line directive:1\nvar _ = undefinedName\n\nfunc main() {}\n`,
        },
        path.join(workspace, 'app'),
      );
    },
    check: async (result) => {
      expect(result.success).toBe(false);
      // go printed the line; it reached the log escaped, not as a command.
      expect(result.steps[0]?.stdout).toContain(`\u0085\\::warning::${MARK} from a line directive:1`);
    },
  },
];

describe('injection through the inputs and file names', () => {
  const outcomes = new Map<string, { result: RunActionResult; workspace: string; temp: string }>();

  beforeAll(async () => {
    go = await localGo();
    toolCache = await toolCacheWithLocalGo(go);
    await mapPool(ATTACKS, 3, async (attack) => {
      const workspace = await workspaceWithModule('sga-attack-ws-', twoCommandModule());
      const temp = await scratchDir('sga-attack-temp-');
      const workingDirectory = (await attack.prepare?.(workspace)) ?? 'app';
      const result = await runAction({
        actionDir: REPO_ROOT,
        workspace,
        toolCache,
        temp,
        skipPost: true,
        env: { ...buildTestEnv(), ...UNSET_MACHINE_ENV },
        inputs: {
          'go-version': go.version,
          'working-directory': workingDirectory,
          targets: host,
          packages: './cmd/a',
          cache: 'false',
          ...attack.inputs,
        },
      });
      outcomes.set(attack.name, { result, workspace, temp });
    });
  }, 300_000);

  it.each(ATTACKS.map((attack) => [attack.name, attack] as const))(
    '%s: nothing runs in a shell, no command is injected',
    async (name, attack) => {
      recordCase('attack', `injection: ${name}`);
      const { result, workspace, temp } = outcomes.get(name) as {
        result: RunActionResult;
        workspace: string;
        temp: string;
      };
      expect(await readdir(canaryDir)).toEqual([]);
      for (const dir of [workspace, temp]) expect(await pwnedFilesUnder(dir)).toEqual([]);
      // Where a shell started by the tests' own process or the runner would have landed.
      for (const dir of [REPO_ROOT, os.tmpdir(), toolCache])
        expect(await readdir(dir)).not.toContain('pwned');
      expect(foreignCommands(result)).toEqual([]);
      // Nothing set through the command files either: only the action's own outputs and variables.
      const metadata = parseYaml(await readFile(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as {
        outputs: Record<string, unknown>;
      };
      expect(Object.keys(result.outputs).filter((key) => !(key in metadata.outputs))).toEqual([]);
      expect(Object.keys(result.exportedEnv).filter((key) => key !== 'GOTOOLCHAIN')).toEqual([]);
      expect(result.masks.filter((mask) => mask.includes(MARK))).toEqual([]);
      // A refusal is a clean failure, never a crash.
      expect(result.steps[0]?.stderr).toBe('');
      if (!result.success) expect(messagesOf(result, 'error').length).toBeGreaterThan(0);
      await attack.check?.(result, workspace);
    },
  );
});

describe('the injected-command check itself', () => {
  it('flags what the runner would obey from injected text, and passes the action’s own commands', () => {
    const stdout = [
      '::group::Set up Go',
      `::error::Target "linux/amd64%0A::error::${MARK}" in targets is not an os/arch pair`,
      `::error::${MARK} injected`,
      `  ::notice::${MARK} after spaces`,
      `::add-mask::${MARK}`,
      '::set-env name=X::1',
      `go: something ##[set-env name=${MARK};]1`,
      `\\::error::${MARK} escaped by the action`,
      `\u0085::warning::${MARK} after a NEXT LINE`,
      '::endgroup::',
    ].join('\n');
    const result = { steps: [{ stdout }] } as unknown as RunActionResult;
    expect(foreignCommands(result)).toEqual([
      `::error::${MARK} injected`,
      `  ::notice::${MARK} after spaces`,
      `::add-mask::${MARK}`,
      '::set-env name=X::1',
      `go: something ##[set-env name=${MARK};]1`,
      `\u0085::warning::${MARK} after a NEXT LINE`,
    ]);
  });
});

describe('pull_request_target building the pull request’s own code', () => {
  let service: CacheService;
  beforeAll(async () => {
    service = await startCacheService();
  }, 120_000);
  afterAll(async () => {
    await service?.stop();
  });

  it('warns, linking the README section on the safe setup, and saves no cache', async () => {
    recordCase('attack', 'pull_request_target with a checkout of the pull request head');
    const localToolchain = await localGo();
    const workspace = await workspaceWithModule('sga-prt-ws-', twoCommandModule());
    const app = path.join(workspace, 'app');
    const git = gitIn(workspace);
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    const baseSha = git('rev-parse', 'HEAD');
    await mkdir(path.join(app, 'cmd', 'c'), { recursive: true });
    await tempModule({ 'cmd/c/main.go': 'package main\n\nfunc main() {}\n' }, app);
    git('add', '.');
    git('commit', '-q', '-m', 'the pull request');
    const headSha = git('rev-parse', 'HEAD');
    const modCache = await scratchDir('sga-prt-modcache-');
    const buildCache = await scratchDir('sga-prt-gocache-');
    // A pull_request_target run from someone/hello's pull request, on whatever the workspace has checked out.
    const runPullRequestTarget = async () =>
      runAction({
        actionDir: REPO_ROOT,
        workspace,
        toolCache: await toolCacheWithLocalGo(localToolchain),
        eventName: 'pull_request_target',
        sha: baseSha,
        eventPayload: {
          pull_request: {
            number: 7,
            head: { sha: headSha, repo: { full_name: 'someone/hello' } },
            base: { sha: baseSha, repo: { full_name: 'octo/hello' } },
          },
          repository: { name: 'hello', owner: { login: 'octo' } },
        },
        env: {
          ...buildTestEnv(),
          ...UNSET_MACHINE_ENV,
          ...service.env,
          GOMODCACHE: modCache,
          GOCACHE: buildCache,
        },
        inputs: {
          'go-version': localToolchain.version,
          'working-directory': 'app',
          targets: host,
          packages: './cmd/a',
          cache: 'true',
        },
      });
    const result = await runPullRequestTarget();
    expect(result.success).toBe(true);
    const warnings = messagesOf(result, 'warning').filter((message) =>
      message.includes('pull_request_target'),
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(headSha.slice(0, 7));
    expect(warnings[0]).toContain('someone/hello');
    const url = forkHelpUrl();
    expect(warnings[0]).toContain(url);
    // The link lands on a heading of the README.
    const anchor = new URL(url).hash.slice(1);
    const headings = (await readFile(path.join(REPO_ROOT, 'README.md'), 'utf8'))
      .split('\n')
      .filter((line) => /^#{1,6} /.test(line))
      .map((line) =>
        line
          .replace(/^#+ /, '')
          .toLowerCase()
          .replace(/[^\p{L}\p{N} -]/gu, '')
          .replace(/ /g, '-'),
      );
    expect(headings).toContain(anchor);
    // Caches the fork's code wrote would be restored by pushes to main: none is saved.
    expect(service.requests.filter((request) => request.route === 'CreateCacheEntry')).toEqual([]);
    expect(result.steps[1]?.stdout).toContain('Not saving caches: this run built a fork’s code');

    // The base branch's own code (what pull_request_target checks out by default) is safe to build: no warning.
    git('checkout', '-q', baseSha);
    const safe = await runPullRequestTarget();
    expect(safe.success).toBe(true);
    // The same run on the base branch's own code saves as usual.
    expect(service.requests.filter((request) => request.route === 'CreateCacheEntry').length).toBeGreaterThan(
      0,
    );
    expect(messagesOf(safe, 'warning').filter((message) => message.includes('pull_request_target'))).toEqual(
      [],
    );
  });
});
