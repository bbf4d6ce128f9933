// Pull-request content, mirrors and artifacts as an attacker would make them, driven through the bundled action
// and the local runner: committed symlinks must not send a build or a report outside the workspace, no child
// process sees the action's inputs or the runner's credentials, and foreign text never becomes a workflow
// command. (attacks.test.ts covers shell syntax and newlines in inputs and file names.)
import { chmod, lstat, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runAction, type RunActionResult } from '../scripts/local-runner.js';
import { messagesOf, REPO_ROOT, UNSET_MACHINE_ENV } from '../test/support/action-harness.js';
import { recordCase } from '../test/support/suite-counts.js';
import {
  buildTestEnv,
  hostTarget,
  localGo,
  scratchDir,
  toolCacheWithLocalGo,
  twoCommandModule,
  workspaceWithModule,
  type LocalGo,
} from './fixtures/builds/go-modules.js';

const host = hostTarget();
const [hostOs, hostArch] = host.split('/') as [string, string];
let go: LocalGo;
let toolCache: string;

beforeAll(async () => {
  go = await localGo();
  toolCache = await toolCacheWithLocalGo(go);
});

/** A workspace holding the two-command module in app/, prepared by `prepare`, and the action run on it. */
async function runOnPullRequest(
  inputs: Record<string, string>,
  prepare: (workspace: string) => Promise<void> = async () => {},
  env: Record<string, string> = {},
): Promise<{ result: RunActionResult; workspace: string }> {
  const workspace = await workspaceWithModule('sga-pr-ws-', twoCommandModule());
  await prepare(workspace);
  const result = await runAction({
    actionDir: REPO_ROOT,
    workspace,
    toolCache,
    temp: await scratchDir('sga-pr-temp-'),
    skipPost: true,
    env: { ...buildTestEnv(), ...UNSET_MACHINE_ENV, ...env },
    inputs: {
      'go-version': go.version,
      'working-directory': 'app',
      targets: host,
      packages: './cmd/a',
      cache: 'false',
      ...inputs,
    },
  });
  return { result, workspace };
}

describe('symlinks a pull request commits in the output directory', () => {
  it('a dist symlink leaving the workspace is refused, and nothing is written where it points', async () => {
    recordCase('attack', 'committed dist symlink to a directory outside the workspace');
    const outside = await scratchDir('sga-outside-');
    const { result } = await runOnPullRequest({}, async (workspace) => {
      await symlink(outside, path.join(workspace, 'app', 'dist'), 'dir');
    });
    expect(result.success).toBe(false);
    expect(messagesOf(result, 'error').join('\n')).toMatch(
      /output-dir .*app\/dist resolves outside the workspace \(through a symlink, .* is .*\); refusing to follow it/,
    );
    expect(await readdir(outside)).toEqual([]);
  });

  it('a symlinked subdirectory of dist pointing into a toolchain is never written through', async () => {
    recordCase('attack', 'committed dist/<goos>_<goarch> symlink into a toolchain tool directory');
    // Stands for $RUNNER_TOOL_CACHE/go/<v>/x64/pkg/tool/<goos>_<goarch>: a tool the next go build would run.
    const toolDir = await scratchDir('sga-tooldir-');
    await writeFile(path.join(toolDir, 'a'), '#!/bin/sh\necho original tool\n', { mode: 0o755 });
    const { result, workspace } = await runOnPullRequest(
      { 'name-template': '{goos}_{goarch}/{name}{ext}' },
      async (ws) => {
        await mkdir(path.join(ws, 'app', 'dist'));
        await symlink(toolDir, path.join(ws, 'app', 'dist', `${hostOs}_${hostArch}`), 'dir');
      },
    );
    expect(result.success).toBe(false);
    expect(result.steps[0]?.stdout).toMatch(/is a symlink; refusing to write through it/);
    expect(await readFile(path.join(toolDir, 'a'), 'utf8')).toBe('#!/bin/sh\necho original tool\n');
    expect(await readdir(toolDir)).toEqual(['a']);
    // The private build directory is gone; nothing else was left in dist.
    expect(await readdir(path.join(workspace, 'app', 'dist'))).toEqual([`${hostOs}_${hostArch}`]);
  });

  it('output-dir symlinked into the tool cache is refused', async () => {
    recordCase('attack', 'output-dir symlink into the tool cache');
    const { result } = await runOnPullRequest({ 'output-dir': 'app/tool' }, async (workspace) => {
      await symlink(path.join(toolCache, 'go'), path.join(workspace, 'app', 'tool'), 'dir');
    });
    expect(result.success).toBe(false);
    expect(messagesOf(result, 'error').join('\n')).toMatch(
      /output-dir .*app\/tool resolves outside the workspace/,
    );
  });

  it('a symlink that stays inside the workspace is followed, and the binary lands there', async () => {
    const { result, workspace } = await runOnPullRequest({}, async (ws) => {
      await mkdir(path.join(ws, 'app', 'bin'));
      await symlink('bin', path.join(ws, 'app', 'dist'), 'dir');
    });
    expect(result.success).toBe(true);
    expect((await readdir(path.join(workspace, 'app', 'bin'))).sort()).toEqual([
      `a_${hostOs}_${hostArch}`,
      'checksums.txt',
    ]);
  });
});

describe('symlinks a pull request commits where a universal binary goes', () => {
  it('a dist/darwin_universal symlink leaving the workspace is never written through', async () => {
    recordCase('attack', 'committed dist/darwin_universal symlink to a directory outside the workspace');
    const outside = await scratchDir('sga-outside-');
    const { result, workspace } = await runOnPullRequest(
      {
        targets: 'darwin/arm64 darwin/amd64',
        'universal-darwin': 'true',
        'name-template': '{goos}_{goarch}/{name}{ext}',
      },
      async (ws) => {
        await mkdir(path.join(ws, 'app', 'dist'));
        await symlink(outside, path.join(ws, 'app', 'dist', 'darwin_universal'), 'dir');
      },
    );
    expect(result.success).toBe(false);
    expect(messagesOf(result, 'error').join('\n')).toMatch(
      /\.\/cmd\/a darwin\/universal not written: .*darwin_universal is a symlink; refusing to write through it/,
    );
    expect(await readdir(outside)).toEqual([]);
    // The thin builds and their checksums landed; the private directory the universal file was written in is gone.
    expect((await readdir(path.join(workspace, 'app', 'dist'))).sort()).toEqual([
      'checksums.txt',
      'darwin_amd64',
      'darwin_arm64',
      'darwin_universal',
    ]);
  });
});

describe('what child processes see', () => {
  it('go and every tool it runs get no INPUT_* and no ACTIONS_* credentials', async () => {
    recordCase('attack', 'child environment: inputs and runner credentials');
    const scratch = await scratchDir('sga-toolexec-');
    const dump = path.join(scratch, 'env.txt');
    // A toolexec wrapper sees exactly what the compiler and linker see; it records that, then runs the tool.
    const wrapper = path.join(scratch, 'record-env.sh');
    await writeFile(wrapper, `#!/bin/sh\nenv >> '${dump}'\nexec "$@"\n`);
    await chmod(wrapper, 0o755);
    const { result } = await runOnPullRequest(
      { 'build-flags': `-toolexec=${wrapper}`, 'github-token': 'ghs_inputtokenvalue' },
      async () => {},
      {
        ACTIONS_RUNTIME_TOKEN: 'runtime-token-value',
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-token-value',
        ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:9/oidc',
        GITHUB_TOKEN: 'ghs_envtokenvalue',
      },
    );
    expect(result.success).toBe(true);
    const seen = await readFile(dump, 'utf8');
    const names = new Set(seen.split('\n').map((line) => line.split('=')[0] ?? ''));
    expect(names.has('PATH')).toBe(true);
    expect(names.has('GOOS')).toBe(true);
    expect([...names].filter((name) => /^(INPUT_|ACTIONS_)/.test(name) || name === 'GITHUB_TOKEN')).toEqual(
      [],
    );
    for (const secret of [
      'ghs_inputtokenvalue',
      'runtime-token-value',
      'oidc-token-value',
      'ghs_envtokenvalue',
    ])
      expect(seen).not.toContain(secret);
  });
});

describe('symlinks a pull request commits as files the action reads or writes', () => {
  it('report-file committed as a symlink to a file outside is replaced, and that file keeps its bytes', async () => {
    recordCase('attack', 'committed report-file symlink to a file outside the workspace');
    const outside = await scratchDir('sga-victim-');
    const victim = path.join(outside, 'authorized_keys');
    await writeFile(victim, 'ssh-ed25519 AAAA victim\n');
    const { result, workspace } = await runOnPullRequest(
      { 'report-file': 'app/size-report.json' },
      async (ws) => {
        await symlink(victim, path.join(ws, 'app', 'size-report.json'));
      },
    );
    expect(result.success).toBe(true);
    expect(await readFile(victim, 'utf8')).toBe('ssh-ed25519 AAAA victim\n');
    const written = path.join(workspace, 'app', 'size-report.json');
    expect((await lstat(written)).isFile()).toBe(true);
    expect(JSON.parse(await readFile(written, 'utf8'))).toMatchObject({ schemaVersion: 1 });
  });

  it('a version file committed as a symlink to a secret outside is refused, and none of it is shown', async () => {
    recordCase('attack', 'committed .go-version symlink to a credentials file');
    const outside = await scratchDir('sga-secret-');
    const secret = path.join(outside, 'credentials');
    await writeFile(secret, 'aws_secret_access_key=SECRETVALUE123\n');
    const { result } = await runOnPullRequest(
      { 'go-version': '', 'go-version-file': 'app/.go-version' },
      async (ws) => {
        await symlink(secret, path.join(ws, 'app', '.go-version'));
      },
    );
    expect(result.success).toBe(false);
    expect(messagesOf(result, 'error').join('\n')).toMatch(
      /go-version-file .*app\/\.go-version resolves outside the workspace/,
    );
    expect(result.steps.map((step) => step.stdout + step.stderr).join('')).not.toContain('SECRETVALUE123');
  });

  it('go.mod committed as a symlink to /dev/zero is refused at once instead of read forever', async () => {
    recordCase('attack', 'committed go.mod symlink to /dev/zero');
    const started = Date.now();
    const { result } = await runOnPullRequest({ 'go-version': '' }, async (ws) => {
      await rm(path.join(ws, 'app', 'go.mod'));
      await symlink('/dev/zero', path.join(ws, 'app', 'go.mod'));
    });
    expect(result.success).toBe(false);
    expect(messagesOf(result, 'error').join('\n')).toMatch(
      /go\.mod .*app\/go\.mod resolves outside the workspace/,
    );
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});

describe('what the tool cache holds', () => {
  it('a slot named for another release than its go binary reports is refused', async () => {
    recordCase('attack', 'planted tool-cache slot go/<x.y.99>/<arch> holding another release');
    const [major, minor] = go.version.split('.');
    const planted = await scratchDir('sga-planted-cache-');
    const slot = path.join(planted, 'go', `${major}.${minor}.99`);
    await mkdir(slot, { recursive: true });
    const arch = path.basename(
      (await readdir(path.join(toolCache, 'go', go.version)))[0] as string,
      '.complete',
    );
    await symlink(go.goroot, path.join(slot, arch), 'dir');
    await writeFile(path.join(slot, `${arch}.complete`), '');
    const workspace = await workspaceWithModule('sga-pr-ws-', twoCommandModule());
    const result = await runAction({
      actionDir: REPO_ROOT,
      workspace,
      toolCache: planted,
      skipPost: true,
      env: { ...buildTestEnv(), ...UNSET_MACHINE_ENV },
      inputs: { 'go-version': `${major}.${minor}.x`, 'working-directory': 'app', cache: 'false' },
    });
    expect(result.success).toBe(false);
    expect(result.outputs['go-version']).toBeUndefined();
    expect(messagesOf(result, 'error').join('\n')).toContain(
      `The tool cache slot for Go ${major}.${minor}.99 (${path.join(slot, arch)}) holds go${go.version}, not go${major}.${minor}.99; refusing to use it`,
    );
  });
});
