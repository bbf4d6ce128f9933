import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inputEnvName, parseKeyValueFile, parseWorkflowCommand, runAction } from '../scripts/local-runner.js';

describe('local runner command files', () => {
  it('reads name=value lines and the multi-line delimiter form', () => {
    const text = 'a=1\nreport<<ghadelimiter_5\n{\n  "x": 1\n}\nghadelimiter_5\nb=x=y\n';
    expect(parseKeyValueFile(text)).toEqual({ a: '1', report: '{\n  "x": 1\n}', b: 'x=y' });
  });

  it('rejects a value whose delimiter never closes', () => {
    expect(() => parseKeyValueFile('a<<EOF\nno end\n')).toThrow(/delimiter EOF never closed/);
  });

  it('mangles input names like the runner', () => {
    expect(inputEnvName('go-version file')).toBe('INPUT_GO-VERSION_FILE');
  });

  it('decodes workflow commands and their escaped properties', () => {
    expect(parseWorkflowCommand('::error file=a%3Ab.go,line=3::bad%0Athing %25')).toEqual({
      command: 'error',
      properties: { file: 'a:b.go', line: '3' },
      message: 'bad\nthing %',
    });
    expect(parseWorkflowCommand('plain text')).toBeUndefined();
  });
});

describe('local runner node binary', () => {
  /** An action whose main writes the node version running it to an output. */
  async function versionAction(): Promise<string> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sga-node-action-'));
    await writeFile(path.join(dir, 'action.yml'), 'name: v\nruns:\n  using: node24\n  main: main.cjs\n');
    await writeFile(
      path.join(dir, 'main.cjs'),
      "require('fs').appendFileSync(process.env.GITHUB_OUTPUT, 'node=' + process.version + '\\n');\n",
    );
    return dir;
  }

  async function nodeVersionRunning(options: {
    node?: string;
    env?: Record<string, string>;
  }): Promise<string> {
    const actionDir = await versionAction();
    const result = await runAction({
      actionDir,
      workspace: actionDir,
      toolCache: path.join(actionDir, 'toolcache'),
      ...options,
    });
    expect(result.success).toBe(true);
    return result.outputs.node ?? '';
  }

  // A node other than the one running the tests: Node 24 where CI installed it, else a copy of this one under
  // another path, so the assertion is on the path the runner was given.
  const otherNode = process.env.SETUP_GO_ARM64_NODE || process.execPath;

  it('runs main with the node it is given, else SETUP_GO_ARM64_NODE, else its own', async () => {
    const expected = execFileSync(otherNode, ['--version'], { encoding: 'utf8' }).trim();
    expect(await nodeVersionRunning({ node: otherNode })).toBe(expected);
    const previous = process.env.SETUP_GO_ARM64_NODE;
    process.env.SETUP_GO_ARM64_NODE = otherNode;
    try {
      expect(await nodeVersionRunning({})).toBe(expected);
    } finally {
      if (previous === undefined) delete process.env.SETUP_GO_ARM64_NODE;
      else process.env.SETUP_GO_ARM64_NODE = previous;
    }
  });

  it('says so when the node binary it is given is missing', async () => {
    await expect(nodeVersionRunning({ node: '/nonexistent/node' })).rejects.toThrow(/ENOENT/);
  });
});
