// The workflows as GitHub reads them: the reusable workflow's inputs against action.yml's, the example caller
// against the reusable workflow, the inline scripts run by bash as the runner runs them, and actionlint over all.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import {
  parseKeyValueFile,
  parseWorkflowCommand,
  readActionMetadata,
  type WorkflowCommand,
} from '../scripts/local-runner.js';
import { parseTargets, targetName } from '../src/core/build/targets.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}

type Permissions = Record<string, string> | 'read-all' | 'write-all';

interface Job {
  needs?: string | string[];
  permissions?: Permissions;
  uses?: string;
  with?: Record<string, unknown>;
  steps?: Step[];
}

interface WorkflowInput {
  type: 'string' | 'boolean' | 'number';
  default?: string | boolean | number;
  required?: boolean;
}

interface Workflow {
  on: { workflow_call?: { inputs?: Record<string, WorkflowInput> } } & Record<string, unknown>;
  permissions?: Permissions;
  jobs: Record<string, Job>;
}

const matrixWorkflowFile = '.github/workflows/go-matrix.yml';
const releaseWorkflowFile = '.github/workflows/release.yml';
const exampleCallerFile = 'examples/workflows/call-go-matrix.yml';

/** Inputs that configure the reusable workflow itself and mean nothing to the action. */
const WORKFLOW_ONLY_INPUTS = ['native-runners', 'action-ref'];
/** Inputs the workflow shares with the action by name and meaning, but not by default, and why. */
const DEFAULTS_THAT_DIFFER: Record<string, string> = {
  targets: 'the workflow exists to build targets, while the action without targets only sets up Go',
};
/** Where the workflow's jobs check the action out (at the workflow's own commit) and run it from. */
const ACTION_DIR = '.setup-go-arm64';

function readWorkflow(file: string): Workflow {
  return parseYaml(readFileSync(path.join(root, file), 'utf8')) as Workflow;
}

function workflowFiles(): string[] {
  return ['.github/workflows', 'examples/workflows'].flatMap((dir) =>
    readdirSync(path.join(root, dir))
      .filter((name) => /\.ya?ml$/.test(name))
      .map((name) => `${dir}/${name}`),
  );
}

/** The steps, in every job, that run this repository's action. */
function actionSteps(workflow: Workflow): { job: string; step: Step }[] {
  return Object.entries(workflow.jobs).flatMap(([job, { steps = [] }]) =>
    steps.filter((step) => step.uses === `./${ACTION_DIR}`).map((step) => ({ job, step })),
  );
}

function findStep(workflow: Workflow, job: string, id: string): Step {
  const step = workflow.jobs[job]?.steps?.find((s) => s.id === id || s.name === id);
  if (!step?.run) throw new Error(`No run: step "${id}" in job "${job}"`);
  return step;
}

/** `${{ inputs.name }}` and nothing else: the value the caller gave, passed on unchanged. */
function passedThroughInput(value: unknown): string | undefined {
  return /^\$\{\{\s*inputs\.([A-Za-z0-9_-]+)\s*\}\}$/.exec(String(value))?.[1];
}

const LEVELS: Record<string, number> = { none: 0, read: 1, write: 2 };

/** Each scope's level; `read-all`/`write-all` expand over the scopes asked for in `scopes`. */
function permissionLevels(permissions: Permissions | undefined, scopes: string[]): Record<string, number> {
  if (permissions === 'read-all' || permissions === 'write-all') {
    const level = permissions === 'read-all' ? 1 : 2;
    return Object.fromEntries(scopes.map((scope) => [scope, level]));
  }
  return Object.fromEntries(Object.entries(permissions ?? {}).map(([scope, v]) => [scope, LEVELS[v] ?? 0]));
}

interface ScriptRun {
  status: number | null;
  stdout: string;
  outputs: Record<string, string>;
  errors: WorkflowCommand[];
}

/** Runs a step's `run:` script the way the runner does for `shell: bash`, with the step's env replaced by `env`. */
function runScript(step: Step, env: Record<string, string>, cwd: string): ScriptRun {
  const temp = mkdtempSync(path.join(os.tmpdir(), 'sga-step-'));
  const script = path.join(temp, 'step.sh');
  const outputFile = path.join(temp, 'output');
  writeFileSync(script, step.run ?? '');
  writeFileSync(outputFile, '');
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
    cwd,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      RUNNER_TEMP: temp,
      GITHUB_OUTPUT: outputFile,
      ...env,
    },
  });
  return {
    status: result.status,
    stdout: result.stdout,
    outputs: parseKeyValueFile(readFileSync(outputFile, 'utf8')),
    errors: result.stdout
      .split('\n')
      .map(parseWorkflowCommand)
      .filter((c): c is WorkflowCommand => c?.command === 'error'),
  };
}

describe('the reusable workflow and the action', () => {
  const workflow = readWorkflow(matrixWorkflowFile);
  const workflowInputs = workflow.on.workflow_call?.inputs ?? {};
  let actionInputs: Record<string, { default?: string | number | boolean; required?: boolean }>;

  beforeAll(async () => {
    actionInputs = (await readActionMetadata(root)).inputs ?? {};
  });

  it('declares only inputs the action has, besides the workflow-only ones', () => {
    const problems = Object.keys(workflowInputs).flatMap((name) => {
      const workflowOnly = WORKFLOW_ONLY_INPUTS.includes(name);
      if (workflowOnly && name in actionInputs) return [`${name} is workflow-only but action.yml has it too`];
      if (!workflowOnly && !(name in actionInputs)) return [`${name} is not an input of action.yml`];
      return [];
    });
    expect(problems).toEqual([]);
    expect(Object.keys(workflowInputs)).toEqual(expect.arrayContaining(WORKFLOW_ONLY_INPUTS));
  });

  it("keeps the action's default for every input it shares with it", () => {
    // A `with:` value always reaches the action, an empty one too, so the action's own default only applies
    // when the workflow's default is the same.
    const problems = Object.entries(workflowInputs).flatMap(([name, input]) => {
      const actionInput = actionInputs[name];
      if (!actionInput || name in DEFAULTS_THAT_DIFFER) return [];
      const workflowDefault = String(input.default ?? '');
      const actionDefault = String(actionInput.default ?? '');
      return workflowDefault === actionDefault
        ? []
        : [`${name}: the workflow defaults to "${workflowDefault}", the action to "${actionDefault}"`];
    });
    expect(problems).toEqual([]);
    for (const name of Object.keys(DEFAULTS_THAT_DIFFER)) {
      expect(String(workflowInputs[name]?.default ?? '')).not.toBe(String(actionInputs[name]?.default ?? ''));
    }
  });

  it('passes the action only inputs it has, each under its own name', () => {
    const steps = actionSteps(workflow);
    expect(steps.map(({ job }) => job).sort()).toEqual(['build', 'merge']);
    const problems = steps.flatMap(({ job, step }) =>
      Object.entries(step.with ?? {}).flatMap(([key, value]) => {
        const source = passedThroughInput(value);
        if (!(key in actionInputs)) return [`${job}: action.yml has no input ${key}`];
        if (source !== undefined && source !== key) return [`${job}: ${key} is given inputs.${source}`];
        return [];
      }),
    );
    expect(problems).toEqual([]);
  });

  it('uses every input it declares and declares every input it uses', () => {
    const text = readFileSync(path.join(root, matrixWorkflowFile), 'utf8');
    const used = new Set([...text.matchAll(/\binputs\.([A-Za-z0-9_-]+)/g)].map((m) => m[1] as string));
    expect([...used].sort()).toEqual(Object.keys(workflowInputs).sort());
  });

  it("runs the action from a checkout at the plan job's repository and commit", () => {
    for (const { job } of actionSteps(workflow)) {
      const { needs, steps = [] } = workflow.jobs[job] as Job;
      expect([needs].flat()).toContain('plan');
      const at = steps.findIndex((s) => s.uses === `./${ACTION_DIR}`);
      const checkout = steps
        .slice(0, at)
        .find((s) => s.uses?.startsWith('actions/checkout@') && s.with?.path === ACTION_DIR);
      expect(checkout?.with).toMatchObject({
        repository: '${{ needs.plan.outputs.action-repository }}',
        ref: '${{ needs.plan.outputs.action-ref }}',
      });
    }
  });

  it('gives write access to pull requests only to the job that comments', () => {
    const writers = Object.entries(workflow.jobs).flatMap(([job, { permissions }]) => {
      expect(permissions).toBeDefined();
      return Object.entries(permissionLevels(permissions, []))
        .filter(([, level]) => level >= 2)
        .map(([scope]) => `${job}: ${scope}`);
    });
    expect(writers).toEqual(['merge: pull-requests']);
  });
});

describe('the plan job', () => {
  const workflow = readWorkflow(matrixWorkflowFile);
  const assign = findStep(workflow, 'plan', 'matrix');
  const locate = findStep(workflow, 'plan', 'action');
  const defaultTargets = String(workflow.on.workflow_call?.inputs?.targets?.default);

  function assignTargets(targets: string, nativeRunners: boolean, universalDarwin = false): ScriptRun {
    return runScript(
      assign,
      { TARGETS: targets, NATIVE_RUNNERS: String(nativeRunners), UNIVERSAL_DARWIN: String(universalDarwin) },
      root,
    );
  }

  it('gives each default target the runner of its own architecture', () => {
    const run = assignTargets(defaultTargets, true);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.outputs.include as string)).toEqual([
      { runner: 'macos-15', targets: 'darwin/arm64', universal: false },
      { runner: 'macos-15-intel', targets: 'darwin/amd64', universal: false },
      { runner: 'ubuntu-24.04', targets: 'linux/amd64', universal: false },
      { runner: 'ubuntu-24.04-arm', targets: 'linux/arm64', universal: false },
    ]);
  });

  it('cross-builds the targets without a runner of their own on ubuntu-24.04, in the order given', () => {
    const run = assignTargets(' windows/amd64,linux/arm/7\n\tlinux/amd64/v3 ,, darwin/arm64\r\n', true);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.outputs.include as string)).toEqual([
      { runner: 'macos-15', targets: 'darwin/arm64', universal: false },
      { runner: 'ubuntu-24.04', targets: 'windows/amd64 linux/arm/7 linux/amd64/v3', universal: false },
    ]);
  });

  it("keeps a variant's comma-joined options with its target, as the action reads them", () => {
    const run = assignTargets(
      'linux/arm/7,softfloat,linux/arm64/v8.2,lse,crypto, js/wasm/satconv,signext\nlinux/mips/softfloat,,',
      true,
    );
    expect(run.status).toBe(0);
    const include = JSON.parse(run.outputs.include as string) as { targets: string }[];
    expect(include).toEqual([
      {
        runner: 'ubuntu-24.04',
        targets: 'linux/arm/7,softfloat js/wasm/satconv,signext linux/mips/softfloat',
        universal: false,
      },
      { runner: 'ubuntu-24.04-arm', targets: 'linux/arm64/v8.2,lse,crypto', universal: false },
    ]);
    const split = include.flatMap((job) => job.targets.split(' '));
    const parsed = parseTargets(
      'linux/arm/7,softfloat,linux/arm64/v8.2,lse,crypto, js/wasm/satconv,signext\nlinux/mips/softfloat,,',
    ).map(targetName);
    expect([...split].sort()).toEqual([...parsed].sort());
  });

  it('with universal-darwin, builds both darwin slices in one job, which alone writes the universal binary', () => {
    const native = assignTargets(defaultTargets, true, true);
    expect(native.status).toBe(0);
    expect(JSON.parse(native.outputs.include as string)).toEqual([
      { runner: 'macos-15', targets: 'darwin/arm64 darwin/amd64', universal: true },
      { runner: 'ubuntu-24.04', targets: 'linux/amd64', universal: false },
      { runner: 'ubuntu-24.04-arm', targets: 'linux/arm64', universal: false },
    ]);
    const oneJob = assignTargets(defaultTargets, false, true);
    expect(JSON.parse(oneJob.outputs.include as string)).toEqual([
      {
        runner: 'ubuntu-24.04',
        targets: 'darwin/arm64 darwin/amd64 linux/arm64 linux/amd64',
        universal: true,
      },
    ]);
  });

  it('puts every target in one ubuntu-24.04 job without native runners', () => {
    const run = assignTargets(defaultTargets, false);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.outputs.include as string)).toEqual([
      {
        runner: 'ubuntu-24.04',
        targets: 'darwin/arm64 darwin/amd64 linux/arm64 linux/amd64',
        universal: false,
      },
    ]);
  });

  it('refuses empty targets, naming the input', () => {
    const run = assignTargets(' ,\n', true);
    expect(run.status).not.toBe(0);
    expect(run.errors).toEqual([expect.objectContaining({ properties: { title: 'targets' } })]);
    expect(run.outputs.include).toBeUndefined();
  });

  it("takes the action from the job context's workflow repository and commit", () => {
    const sha = 'f'.repeat(40);
    const jobContext = {
      status: 'success',
      check_run_id: 1,
      workflow_ref: 'org/setup-go-arm64/.github/workflows/go-matrix.yml@refs/tags/v1',
      workflow_sha: sha,
      workflow_repository: 'org/setup-go-arm64',
      workflow_file_path: '.github/workflows/go-matrix.yml',
    };
    const run = runScript(locate, { JOB_CONTEXT: JSON.stringify(jobContext), ACTION_REF: '' }, root);
    expect(run.status).toBe(0);
    expect(run.outputs).toEqual({ repository: 'org/setup-go-arm64', ref: sha });
  });

  it('takes it from action-ref when given, and asks for action-ref when the job context has nothing', () => {
    const olderRunner = JSON.stringify({ status: 'success' });
    const given = runScript(
      locate,
      { JOB_CONTEXT: olderRunner, ACTION_REF: 'acme/setup-go-arm64@v1.2.0' },
      root,
    );
    expect(given.outputs).toEqual({ repository: 'acme/setup-go-arm64', ref: 'v1.2.0' });

    const missing = runScript(locate, { JOB_CONTEXT: olderRunner, ACTION_REF: '' }, root);
    expect(missing.status).not.toBe(0);
    expect(missing.errors[0]?.properties.title).toBe('action-ref');
    expect(missing.outputs).toEqual({});

    const malformed = runScript(locate, { JOB_CONTEXT: olderRunner, ACTION_REF: 'setup-go-arm64' }, root);
    expect(malformed.status).not.toBe(0);
    expect(malformed.errors[0]?.message).toContain("'setup-go-arm64' is not owner/repo@ref");
  });
});

describe('the example caller', () => {
  const caller = readWorkflow(exampleCallerFile);
  const called = readWorkflow(matrixWorkflowFile);

  it('calls the reusable workflow in at most six lines under jobs:', () => {
    const lines = readFileSync(path.join(root, exampleCallerFile), 'utf8').split('\n');
    const start = lines.indexOf('jobs:');
    expect(start).toBeGreaterThanOrEqual(0);
    const end = lines.findIndex((line, i) => i > start && /^\S/.test(line));
    const jobLines = lines.slice(start + 1, end === -1 ? undefined : end).filter((l) => l.trim() !== '');
    expect(jobLines.length).toBeGreaterThan(0);
    expect(jobLines.length).toBeLessThanOrEqual(6);

    const jobs = Object.values(caller.jobs);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.uses).toMatch(/^[\w.-]+\/setup-go-arm64\/\.github\/workflows\/go-matrix\.yml@v\d+$/);
  });

  it("gives only the workflow's inputs, every required one among them", () => {
    const inputs = called.on.workflow_call?.inputs ?? {};
    const given = Object.keys(Object.values(caller.jobs)[0]?.with ?? {});
    expect(given.filter((name) => !(name in inputs))).toEqual([]);
    const required = Object.entries(inputs).filter(([, input]) => input.required);
    expect(required.map(([name]) => name).filter((name) => !given.includes(name))).toEqual([]);
  });

  it("grants every permission the workflow's jobs ask for (a called workflow cannot widen them)", () => {
    const [callingJob] = Object.values(caller.jobs) as [Job];
    const asked = Object.values(called.jobs).map((job) => permissionLevels(job.permissions, []));
    const scopes = [...new Set(asked.flatMap((levels) => Object.keys(levels)))];
    const granted = permissionLevels(callingJob.permissions ?? caller.permissions, scopes);
    const short = asked.flatMap((levels) =>
      Object.entries(levels)
        .filter(([scope, level]) => (granted[scope] ?? 0) < level)
        .map(([scope]) => scope),
    );
    expect(short).toEqual([]);
    expect(scopes).toContain('pull-requests');
  });
});

describe('the release workflow', () => {
  const release = readWorkflow(releaseWorkflowFile);
  const notes = findStep(release, 'verify', 'notes');
  const moveMajor = findStep(release, 'publish', 'Move the major tag');

  function changelogDir(text: string): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sga-changelog-'));
    writeFileSync(path.join(dir, 'CHANGELOG.md'), text);
    return dir;
  }

  const changelog = [
    '# Changelog',
    '',
    '## [Unreleased]',
    '',
    '- not yet',
    '',
    '## [1.2.0] - 2026-11-20',
    '',
    '### Fixed',
    '',
    '- the [1.2.0] fix',
    '',
    '## [1.1.0] - 2026-10-01',
    '',
    '### Added',
    '',
    '- the first feature',
    '',
    '[1.2.0]: https://github.com/org/setup-go-arm64/compare/v1.1.0...v1.2.0',
    '[1.1.0]: https://github.com/org/setup-go-arm64/releases/tag/v1.1.0',
    '',
  ].join('\n');

  it("takes the notes from the version's changelog section alone", () => {
    const dir = changelogDir(changelog);
    const newest = runScript(notes, { VERSION: '1.2.0' }, dir);
    expect(newest.status).toBe(0);
    expect(newest.stdout).toBe('### Fixed\n\n- the [1.2.0] fix\n');
    const oldest = runScript(notes, { VERSION: '1.1.0' }, dir);
    expect(oldest.stdout).toBe('### Added\n\n- the first feature\n');
  });

  it('refuses a version the changelog has no section for', () => {
    const run = runScript(notes, { VERSION: '9.9.9' }, root);
    expect(run.status).not.toBe(0);
    expect(run.errors[0]?.message).toContain('CHANGELOG.md has no "## [9.9.9]" section');
  });

  it('keeps an Unreleased section in the real changelog', () => {
    expect(readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8')).toMatch(
      /^## \[Unreleased\]\n\n### Added\n\n- /m,
    );
  });

  describe('moving the major tag', () => {
    let work: string;
    let origin: string;
    const git = (cwd: string, ...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
        cwd,
        encoding: 'utf8',
      }).trim();
    const commitOf = (ref: string) => git(origin, 'rev-parse', '--verify', '--quiet', `${ref}^{commit}`);

    beforeAll(() => {
      const base = mkdtempSync(path.join(os.tmpdir(), 'sga-release-'));
      origin = path.join(base, 'origin.git');
      work = path.join(base, 'work');
      execFileSync('git', ['init', '--quiet', '--bare', origin]);
      execFileSync('git', ['clone', '--quiet', origin, work], { stdio: 'ignore' });
      const commit = (message: string) => git(work, 'commit', '--quiet', '--allow-empty', '-m', message);
      commit('one');
      git(work, 'tag', 'v1.0.0');
      commit('two');
      git(work, 'tag', '-a', '-m', 'v1.1.0', 'v1.1.0');
      commit('three');
      git(work, 'tag', 'v2.0.0-rc.1');
      git(work, 'checkout', '--quiet', '-b', 'backport', 'v1.0.0');
      commit('backported fix');
      git(work, 'tag', 'v1.0.1');
      git(work, 'push', '--quiet', 'origin', '--tags');
    });

    const move = (tag: string) =>
      runScript(moveMajor, { TAG: tag, GH_TOKEN: 'not-used-by-a-local-remote' }, work);

    it('points the lightweight major tag at the newest release of its major version', () => {
      const run = move('v1.1.0');
      expect(run.status).toBe(0);
      expect(commitOf('refs/tags/v1')).toBe(commitOf('refs/tags/v1.1.0'));
      expect(git(origin, 'cat-file', '-t', 'refs/tags/v1')).toBe('commit');
    });

    it('leaves it alone for a patch to an older minor version, and for a prerelease', () => {
      expect(move('v1.0.1').status).toBe(0);
      expect(commitOf('refs/tags/v1')).toBe(commitOf('refs/tags/v1.1.0'));
      expect(move('v2.0.0-rc.1').status).toBe(0);
      expect(() => commitOf('refs/tags/v2')).toThrow();
    });
  });
});

describe('the CI workflow', () => {
  const ci = readWorkflow('.github/workflows/ci.yml') as Workflow & {
    jobs: Record<string, Job & { 'runs-on'?: string; strategy?: { matrix?: { runner?: string[] } } }>;
  };

  it('runs all of .ci/run on Linux x64, Linux arm64 and Apple Silicon, each to the end', () => {
    const test = ci.jobs.test;
    expect(test?.['runs-on']).toBe('${{ matrix.runner }}');
    // GitHub's labels for those machines (docs.github.com, "GitHub-hosted runners").
    expect(test?.strategy?.matrix?.runner).toEqual(['ubuntu-24.04', 'ubuntu-24.04-arm', 'macos-15']);
    expect(test?.strategy).toMatchObject({ 'fail-fast': false });
    expect(test?.steps?.map((step) => step.run).filter(Boolean)).toEqual(['bash .ci/run']);
  });
});

describe('every workflow', () => {
  const files = workflowFiles();

  it('hands values to run: scripts through env:, never by expanding an expression into the script', () => {
    const expanding = files.flatMap((file) =>
      Object.entries(readWorkflow(file).jobs).flatMap(([job, { steps = [] }]) =>
        steps
          .filter((step) => step.run?.includes('${{'))
          .map((step) => `${file} ${job}: ${step.name ?? step.run}`),
      ),
    );
    expect(expanding).toEqual([]);
  });

  // .ci/run installs it and runs it anyway; here it runs when it is there.
  const actionlint = path.join(root, '.bench/bin/actionlint');
  const installed = existsSync(actionlint);
  (installed ? it : it.skip)(
    installed
      ? 'passes actionlint'
      : 'passes actionlint: SKIPPED, no .bench/bin/actionlint (scripts/install-actionlint.sh)',
    () => {
      const result = spawnSync(actionlint, ['-no-color', ...files], { cwd: root, encoding: 'utf8' });
      expect(result.stdout + result.stderr).toBe('');
      expect(result.status).toBe(0);
    },
  );
});
