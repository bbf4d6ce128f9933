// The one process runner, against real processes: node itself, started the way the action starts go and git.
import { jest } from '@jest/globals';
import { CommandError, runChecked, runCommand } from '../src/io/platform/process.js';

const NODE = process.execPath;

/** A node process running `script`; `args` reach it as process.argv[1…]. */
function node(script: string, ...args: string[]): [string, string[]] {
  return [NODE, ['-e', script, ...args]];
}

describe('runCommand: what the process gets', () => {
  it('passes every argument as it is, with no shell in between', async () => {
    const words = ['$(echo injected)', 'a b', "it's", '`id`;', '*'];
    const result = await runCommand(...node('console.log(JSON.stringify(process.argv.slice(1)))', ...words), {
      env: process.env,
    });
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(words);
  });

  it('keeps stdout and stderr apart, and both in order in output', async () => {
    const script = "process.stdout.write('one\\n'); setTimeout(() => process.stderr.write('two\\n'), 50)";
    const result = await runCommand(...node(script), { env: process.env });
    expect(result).toMatchObject({
      stdout: 'one\n',
      stderr: 'two\n',
      output: 'one\ntwo\n',
      truncated: false,
    });
  });

  it('gives the process the allow-listed environment only', async () => {
    const env = {
      PATH: process.env.PATH,
      HOME: '/home/runner',
      GOFLAGS: '-mod=mod',
      CGO_CFLAGS: '-O2',
      'INPUT_GITHUB-TOKEN': 'ghs_input',
      GITHUB_TOKEN: 'ghs_env',
      ACTIONS_RUNTIME_TOKEN: 'runtime',
      NODE_OPTIONS: '--require=/tmp/evil.js',
    };
    const result = await runCommand(...node('console.log(JSON.stringify(process.env))'), { env });
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      PATH: process.env.PATH,
      HOME: '/home/runner',
      GOFLAGS: '-mod=mod',
      CGO_CFLAGS: '-O2',
    });
  });
});

describe('runCommand: how it ends', () => {
  it('runs in cwd', async () => {
    const result = await runCommand(...node('console.log(process.cwd())'), { cwd: '/', env: process.env });
    expect(result.stdout.trim()).toBe('/');
  });

  it('reports a command that cannot start instead of throwing', async () => {
    const result = await runCommand('/nonexistent/go', ['version'], { env: process.env });
    expect(result.exitCode).toBeNull();
    expect(result.output).toMatch(/^failed to start \/nonexistent\/go: spawn \/nonexistent\/go ENOENT\n$/);
  });

  it('kills a process that outlives its timeout, even one that ignores SIGTERM', async () => {
    const stubborn = "process.on('SIGTERM', () => {}); console.log('up'); setInterval(() => {}, 1000)";
    const started = Date.now();
    const result = await runCommand(...node(stubborn), { env: process.env, timeoutMs: 500 });
    expect(result).toMatchObject({ timedOut: true, exitCode: null, signal: 'SIGKILL', stdout: 'up\n' });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('stops waiting at the timeout for pipes a process it started still holds', async () => {
    const leaveChild =
      "require('node:child_process').spawn(process.execPath, ['-e', 'setTimeout(() => {}, 5000)'], " +
      "{ stdio: 'inherit' }).unref()";
    const started = Date.now();
    const result = await runCommand(...node(leaveChild), { env: process.env, timeoutMs: 500 });
    expect(result).toMatchObject({ exitCode: 0, timedOut: true });
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it('keeps the first maxOutputBytes of each stream and reads the rest to the end', async () => {
    const script =
      "process.stdout.write('x'.repeat(200000)); process.stderr.write('e'.repeat(10)); process.exit(0)";
    const result = await runCommand(...node(script), { env: process.env, maxOutputBytes: 1000 });
    expect(result.exitCode).toBe(0);
    expect(result.truncated).toBe(true);
    expect(result.stdout).toBe('x'.repeat(1000));
    expect(result.stderr).toBe('e'.repeat(10));
  });
});

describe('runChecked', () => {
  it('resolves with the output of a command that exits 0', async () => {
    const result = await runChecked(...node("console.log('fine')"), { env: process.env });
    expect(result.stdout).toBe('fine\n');
  });

  it('rejects a non-zero exit with an error naming the command and carrying its stderr', async () => {
    const [command, args] = node("console.error('no such module'); process.exit(3)", 'two words');
    const failure = await runChecked(command, args, { env: process.env }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CommandError);
    const error = failure as CommandError;
    expect(error.message).toBe(
      `Command failed: ${NODE} -e 'console.error('\\''no such module'\\''); process.exit(3)' 'two words'\nno such module\n`,
    );
    expect(error).toMatchObject({ command: NODE, exitCode: 3, stderr: 'no such module\n', timedOut: false });
  });

  it('rejects a timeout, saying so', async () => {
    const [command, args] = node('setInterval(() => {}, 1000)');
    await expect(runChecked(command, args, { env: process.env, timeoutMs: 300 })).rejects.toThrow(
      `Command failed: ${NODE} -e 'setInterval(() => {}, 1000)' (timed out after 300 ms)`,
    );
  });

  it('rejects output past the cap, whose parse would be of a fragment', async () => {
    const [command, args] = node("process.stdout.write('{'.repeat(5000))");
    await expect(runChecked(command, args, { env: process.env, maxOutputBytes: 100 })).rejects.toThrow(
      /\(printed more than 100 bytes\)/,
    );
  });

  it('rejects a command that cannot start, naming it', async () => {
    await expect(runChecked('/nonexistent/git', ['status'], { env: process.env })).rejects.toThrow(
      'Command failed: /nonexistent/git status (did not start: spawn /nonexistent/git ENOENT)',
    );
  });
});

describe('debug lines', () => {
  const debugBefore = process.env.RUNNER_DEBUG;
  afterEach(() => {
    if (debugBefore === undefined) delete process.env.RUNNER_DEBUG;
    else process.env.RUNNER_DEBUG = debugBefore;
    jest.restoreAllMocks();
  });

  /** What the runner wrote to stdout (where the runner's log reads workflow commands) during `work`. */
  async function logged(work: () => Promise<unknown>): Promise<string> {
    const written: string[] = [];
    const record = (chunk: string | Uint8Array) => written.push(String(chunk)) > 0;
    jest.spyOn(process.stdout, 'write').mockImplementation(record as typeof process.stdout.write);
    await work();
    jest.restoreAllMocks();
    return written.join('');
  }

  it('logs nothing unless step debug logging is on', async () => {
    delete process.env.RUNNER_DEBUG;
    expect(await logged(() => runCommand(...node('0'), { env: process.env }))).toBe('');
  });

  it('logs each command, with an argument that holds a workflow command made harmless', async () => {
    process.env.RUNNER_DEBUG = '1';
    const text = await logged(() =>
      runCommand(...node('process.exit(2)', 'x\n::error::forged'), { cwd: '/', env: process.env }),
    );
    expect(text).toMatch(
      /^::debug::\S+ -e 'process\.exit\(2\)' 'x%0A\\::error::forged' in \/: exit 2 after \d+ ms\n$/,
    );
    expect(text.split('\n').filter((line) => line.startsWith('::error::'))).toEqual([]);
  });
});
