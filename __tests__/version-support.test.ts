// Which Go versions the action refuses and why (the YAML float 1.20 → 1.2 among them), and where go.work is
// looked for, checked against what the real go command reports (`go env GOWORK`).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readConfig } from '../src/core/config.js';
import { decideVersionSpec } from '../src/phases/version-decision.js';
import { checkSupportedVersion, plainSpecLine, yamlFloatOrigin } from '../src/core/version/support.js';
import { checkIsVersionFile, workspaceFileCandidates } from '../src/core/version/workspace.js';
import { inputError } from '../test/support/input-error.js';

let scratch = '';
beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'version-support-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }));

describe('supported versions', () => {
  it('reads the line of plain specs only', () => {
    expect(['1.2', '1.20.x', 'go1.17.5', '1.21rc1', '1.25.4'].map(plainSpecLine)).toEqual([
      '1.2',
      '1.20',
      '1.17',
      '1.21',
      '1.25',
    ]);
    expect(['stable', '^1.20', '>=1.2 <1.30', '1.x'].map(plainSpecLine)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('takes a one-digit minor of Go 1 for a YAML float that lost its trailing zero', () => {
    expect(['1.2', '1.1', '1.9', '1.20', '1.2.2', '2.1'].map(yamlFloatOrigin)).toEqual([
      '1.20',
      '1.10',
      '1.90',
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('refuses 1.2 from go-version with the hint to quote 1.20, and says why', () => {
    const error = inputError(() =>
      checkSupportedVersion('1.2', {
        from: 'input go-version: 1.2',
        inputName: 'go-version',
        building: false,
        asWritten: '1.2',
      }),
    );
    expect(error.input).toBe('go-version');
    expect(error.message).toContain('YAML reads an unquoted 1.20 as the number 1.2');
    expect(error.message).toContain("go-version: '1.20'");
    expect(error.message).toContain('go env -json, new in 1.9');
  });

  it('refuses builds below 1.18 and setups below 1.9, and accepts the first supported releases', () => {
    const building = (version: string) => () =>
      checkSupportedVersion(version, { from: 'go.mod line 3: go 1.17', inputName: 'go.mod', building: true });
    expect(inputError(building('1.17.13')).message).toContain('-buildvcs=false');
    expect(building('1.18')).not.toThrow();
    expect(building('1.18.0')).not.toThrow();
    const setup = (version: string) => () =>
      checkSupportedVersion(version, { from: 'x', inputName: 'go-version', building: false });
    expect(inputError(setup('1.8.7')).message).toContain('go env -json');
    expect(setup('1.9')).not.toThrow();
    expect(setup('1.17.13')).not.toThrow();
  });
});

/** What the real go command says GOWORK is for `dir`, with GOWORK set to `gowork` (unset when undefined). */
function goEnvGowork(dir: string, gowork?: string): { value: string; ok: boolean } {
  const env: NodeJS.ProcessEnv = { ...process.env, GOTOOLCHAIN: 'local', GOFLAGS: '' };
  delete env.GOWORK;
  if (gowork !== undefined) env.GOWORK = gowork;
  const run = spawnSync('go', ['env', 'GOWORK'], { cwd: dir, env, encoding: 'utf8' });
  return { value: run.stdout.trim(), ok: run.status === 0 };
}

/** The first candidate that exists, as decideVersionSpec reads them. */
function firstExisting(candidates: string[]): string {
  for (const file of candidates) {
    if (spawnSync('test', ['-f', file]).status === 0) return file;
  }
  return '';
}

describe('go.work discovery', () => {
  let root = '';
  let member = '';
  beforeAll(() => {
    root = path.join(scratch, 'ws');
    member = path.join(root, 'gojq', 'cli');
    mkdirSync(member, { recursive: true });
    writeFileSync(path.join(root, 'go.work'), 'go 1.24.0\n\nuse ./gojq\n');
    writeFileSync(path.join(root, 'gojq', 'go.mod'), 'module example.com/gojq\n\ngo 1.21\n');
  });

  it('finds the go.work above a member directory, where go finds it', () => {
    expect(firstExisting(workspaceFileCandidates(member, undefined).candidates)).toBe(
      goEnvGowork(member).value,
    );
    expect(goEnvGowork(member).value).toBe(path.join(root, 'go.work'));
  });

  it('finds none outside any workspace, as go (which prints an empty GOWORK)', () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'no-workspace-'));
    try {
      expect(firstExisting(workspaceFileCandidates(outside, undefined).candidates)).toBe(
        goEnvGowork(outside).value,
      );
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('follows GOWORK=off and an explicit path, and refuses a relative one as go does', () => {
    expect(workspaceFileCandidates(member, 'off').candidates).toEqual([]);
    expect(goEnvGowork(member, 'off').value).toBe('off');
    const explicit = path.join(root, 'go.work');
    expect(workspaceFileCandidates(member, explicit)).toEqual({ candidates: [explicit], explicit: true });
    expect(goEnvGowork(member, explicit).value).toBe(explicit);
    expect(inputError(() => workspaceFileCandidates(member, 'go.work')).input).toBe('GOWORK');
    expect(goEnvGowork(member, 'go.work').ok).toBe(false);
  });

  const configFor = (inputs: Record<string, string>) =>
    readConfig((name) => inputs[name] ?? '', { workspace: root, cores: 2 });

  it("chooses go.work's version for a member module, go.mod's with GOWORK=off", async () => {
    const config = configFor({ 'working-directory': 'gojq' });
    const withWork = await decideVersionSpec(config, root, {});
    expect(withWork.decidedBy).toBe('go.work line 1: go 1.24.0');
    expect(withWork.spec).toMatchObject({ kind: 'exact', version: '1.24.0' });
    const off = await decideVersionSpec(config, root, { GOWORK: 'off' });
    expect(off.decidedBy).toBe('gojq/go.mod line 3: go 1.21');
    // go itself: in the member, the workspace's go line governs.
    expect(
      execFileSync('go', ['env', 'GOWORK'], { cwd: path.join(root, 'gojq'), encoding: 'utf8' }).trim(),
    ).toBe(path.join(root, 'go.work'));
  });

  it('refuses an explicit GOWORK that does not exist, naming it', async () => {
    const missing = path.join(root, 'missing.work');
    await expect(decideVersionSpec(configFor({}), root, { GOWORK: missing })).rejects.toThrow(
      `GOWORK names ${missing}, which does not exist`,
    );
  });

  it('refuses go.sum as a version file before reading it', async () => {
    expect(inputError(() => checkIsVersionFile('app/go.sum')).message).toContain('not a Go version');
    expect(() => checkIsVersionFile('app/go.mod')).not.toThrow();
    await expect(
      decideVersionSpec(configFor({ 'go-version-file': 'gojq/go.sum' }), root, {}),
    ).rejects.toThrow('holds module checksums, not a Go version');
  });

  it('refuses go-version 1.2 before any index is fetched, hinting at 1.20', async () => {
    const started = Date.now();
    await expect(decideVersionSpec(configFor({ 'go-version': '1.2' }), root, {})).rejects.toThrow(
      "Quote the version in the workflow, e.g. go-version: '1.20'",
    );
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
