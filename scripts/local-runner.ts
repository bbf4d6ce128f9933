// Runs a JavaScript action the way GitHub's runner does: main, then post, as separate node processes, driven
// only by INPUT_* variables and the GITHUB_* command files. The demo, the bench and the tests all go through it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { RUNNER_LEADING_WHITESPACE } from '../src/core/report/format.js';

export interface RunActionOptions {
  /** Directory holding action.yml. */
  actionDir: string;
  /** Inputs as a workflow's `with:` would give them; action.yml defaults fill the rest. */
  inputs?: Record<string, string>;
  workspace: string;
  toolCache: string;
  /** RUNNER_TEMP; a fresh directory under the workspace's parent when omitted. */
  temp?: string;
  /** RUNNER_OS; default: this machine's, as GitHub's runner names it (Linux, macOS, Windows). */
  runnerOs?: string;
  /** RUNNER_ARCH; default: X64 or ARM64, this node's architecture. */
  runnerArch?: string;
  eventName?: string;
  eventPayload?: unknown;
  sha?: string;
  /** Extra environment for every step (e.g. ACTIONS_RESULTS_URL for the cache service). */
  env?: Record<string, string | undefined>;
  /** Commands run as plain steps between main and post, with the env and PATH main exported. */
  between?: { name: string; command: string; args: string[] }[];
  /** Echo each step's log lines to this process's stdout as they come. */
  echo?: boolean;
  /** Skip the post step (GitHub skips nothing, but some tests look at main alone). */
  skipPost?: boolean;
  /**
   * Save each step's raw output in a fresh directory under this one (`<n>-<step>.stdout`, `.stderr`, and `.log`
   * with both interleaved as the runner's log holds them), for scans of everything a test run logged.
   * Default: the SETUP_GO_ARM64_LOG_DIR environment variable; nothing is saved when neither is set.
   */
  logDir?: string;
  /**
   * The node binary that runs the action's main and post, as the runner picks the one runs.using names (node24).
   * Default: the SETUP_GO_ARM64_NODE environment variable, else the node running this process.
   */
  node?: string;
  /** Called with each step's process as soon as it starts, e.g. for a test that kills it mid-way. */
  onStepStart?: (name: string, child: ChildProcess) => void;
}

const RUNNER_OS_NAMES: Partial<Record<NodeJS.Platform, string>> = {
  linux: 'Linux',
  darwin: 'macOS',
  win32: 'Windows',
};

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

export interface StepResult {
  name: string;
  exitCode: number;
  durationMs: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved line by line in the order they arrived, as the runner's log holds them. */
  log: string;
  /** The log as GitHub displays it: `::add-mask::` lines hidden, every value masked so far shown as `***`. */
  displayedLog: string;
  /** `::error`, `::warning`, `::notice`, `::group` … lines, decoded. */
  commands: WorkflowCommand[];
}

export interface RunActionResult {
  steps: StepResult[];
  outputs: Record<string, string>;
  /** Variables exported through GITHUB_ENV (all steps so far). */
  exportedEnv: Record<string, string>;
  /** Directories added through GITHUB_PATH, most recent first. */
  addedPath: string[];
  state: Record<string, string>;
  summary: string;
  /** Values registered with ::add-mask:: (what GitHub would hide from logs). */
  masks: string[];
  /** Where this run's step logs were saved, when they were (see RunActionOptions.logDir). */
  logDir?: string;
  /** True when every step exited 0. */
  success: boolean;
}

interface ActionMetadata {
  inputs?: Record<string, { default?: string | number | boolean; required?: boolean }>;
  runs: { using: string; main: string; post?: string; 'post-if'?: string };
}

export async function readActionMetadata(actionDir: string): Promise<ActionMetadata> {
  return parseYaml(await readFile(path.join(actionDir, 'action.yml'), 'utf8')) as ActionMetadata;
}

/**
 * An input's default as the runner hands it over: GitHub evaluates `${{ github.token }}` to the job's token; a
 * local run has none, so it is empty (a test that needs a token gives the input).
 */
function evaluateDefault(value: string): string {
  return value.replace(/\$\{\{\s*github\.token\s*\}\}/g, '');
}

/** The runner's name mangling: upper case, spaces to underscores (hyphens stay). */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/**
 * Parses a GITHUB_OUTPUT / GITHUB_ENV / GITHUB_STATE file: `name=value` lines and the heredoc form
 * `name<<DELIMITER` … `DELIMITER` for multi-line values.
 */
export function parseKeyValueFile(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line === '') continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    const equals = line.indexOf('=');
    if (heredoc && (equals === -1 || line.indexOf('<<') < equals)) {
      const [, name, delimiter] = heredoc as unknown as [string, string, string];
      const value: string[] = [];
      i++;
      while (i < lines.length && lines[i] !== delimiter) value.push(lines[i++] ?? '');
      if (i >= lines.length)
        throw new Error(`Unterminated value for "${name}": delimiter ${delimiter} never closed`);
      result[name] = value.join('\n');
    } else if (equals > 0) {
      result[line.slice(0, equals)] = line.slice(equals + 1);
    } else {
      throw new Error(`Malformed line in command file: ${JSON.stringify(line)}`);
    }
  }
  return result;
}

function decodeCommandValue(value: string, isProperty: boolean): string {
  let decoded = value.replace(/%0D/g, '\r').replace(/%0A/g, '\n');
  if (isProperty) decoded = decoded.replace(/%3A/g, ':').replace(/%2C/g, ',');
  return decoded.replace(/%25/g, '%');
}

/**
 * Parses one stdout line as a workflow command (`::name k=v,k=v::message`), or returns undefined. Like the
 * runner, it first trims leading whitespace as .NET counts it (U+0085 included).
 */
export function parseWorkflowCommand(line: string): WorkflowCommand | undefined {
  const match = /^::([A-Za-z-]+)(?: ([^:]*))?::(.*)$/.exec(line.replace(RUNNER_LEADING_WHITESPACE, ''));
  if (!match) return undefined;
  const properties: Record<string, string> = {};
  for (const pair of (match[2] ?? '').split(',')) {
    const at = pair.indexOf('=');
    if (at > 0) properties[pair.slice(0, at)] = decodeCommandValue(pair.slice(at + 1), true);
  }
  return { command: match[1] as string, properties, message: decodeCommandValue(match[3] ?? '', false) };
}

/**
 * A log as GitHub displays it, line by line: an `::add-mask::<value>` line registers its value and is not shown;
 * a workflow command shows decoded (`##[debug]message`); every line shows each value registered so far (in
 * `masks`, which this extends) as `***`.
 */
export function maskLog(log: string, masks: string[]): string {
  const shown: string[] = [];
  for (const raw of log.split('\n')) {
    const command = parseWorkflowCommand(raw.replace(/\r$/, ''));
    if (command?.command === 'add-mask') {
      if (command.message !== '') masks.push(command.message);
      continue;
    }
    const properties = Object.entries(command?.properties ?? {}).map(([name, value]) => ` ${name}=${value}`);
    const line = command ? `##[${command.command}${properties.join('')}]${command.message}` : raw;
    // Longest first, so a value that contains a shorter one is hidden whole.
    const ordered = [...new Set(masks)].sort((a, b) => b.length - a.length);
    shown.push(ordered.reduce((text, value) => text.split(value).join('***'), line));
  }
  return shown.join('\n');
}

interface StepFiles {
  output: string;
  env: string;
  path: string;
  state: string;
  summary: string;
}

async function freshStepFiles(dir: string, step: string): Promise<StepFiles> {
  const files: StepFiles = {
    output: path.join(dir, `${step}-output`),
    env: path.join(dir, `${step}-env`),
    path: path.join(dir, `${step}-path`),
    state: path.join(dir, `${step}-state`),
    summary: path.join(dir, `${step}-summary`),
  };
  await Promise.all(Object.values(files).map((file) => writeFile(file, '')));
  return files;
}

/** Collects a stream's complete lines into the shared log as they arrive; `flush` adds an unfinished last line. */
function lineCollector(log: string[]): { push: (chunk: Buffer) => void; flush: () => void } {
  let pending = '';
  const decoder = new TextDecoder();
  return {
    push: (chunk) => {
      const lines = (pending + decoder.decode(chunk, { stream: true })).split('\n');
      pending = lines.pop() ?? '';
      log.push(...lines);
    },
    flush: () => {
      pending += decoder.decode();
      if (pending !== '') log.push(pending);
      pending = '';
    },
  };
}

function runProcess(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
  options: { echo: boolean; masks: string[]; onStart?: (name: string, child: ChildProcess) => void },
): Promise<StepResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const log: string[] = [];
    const outLines = lineCollector(log);
    const errLines = lineCollector(log);
    child.stdout.on('data', (chunk: Buffer) => {
      out.push(chunk);
      outLines.push(chunk);
      if (options.echo) process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err.push(chunk);
      errLines.push(chunk);
      if (options.echo) process.stderr.write(chunk);
    });
    child.on('error', reject);
    options.onStart?.(name, child);
    child.on('close', (code, signal) => {
      outLines.flush();
      errLines.flush();
      const stdout = Buffer.concat(out).toString('utf8');
      const commands = stdout
        .split(/\r?\n/)
        .map(parseWorkflowCommand)
        .filter((c): c is WorkflowCommand => c !== undefined);
      resolve({
        name,
        exitCode: code ?? (signal ? 128 : 1),
        durationMs: Date.now() - started,
        stdout,
        stderr: Buffer.concat(err).toString('utf8'),
        log: log.join('\n'),
        displayedLog: maskLog(log.join('\n'), options.masks),
        commands,
      });
    });
  });
}

/** Runs the action's main step, any plain steps in between, then its post step. */
export async function runAction(options: RunActionOptions): Promise<RunActionResult> {
  const metadata = await readActionMetadata(options.actionDir);
  if (!/^node\d+$/.test(metadata.runs.using))
    throw new Error(`Not a JavaScript action: runs.using is ${metadata.runs.using}`);

  const temp = options.temp ?? (await mkdtemp(path.join(path.dirname(options.workspace), 'runner-temp-')));
  const logRoot = options.logDir ?? process.env.SETUP_GO_ARM64_LOG_DIR;
  let logDir: string | undefined;
  if (logRoot) {
    await mkdir(logRoot, { recursive: true });
    logDir = await mkdtemp(path.join(logRoot, 'run-'));
  }
  const commandDir = path.join(temp, '_runner_file_commands');
  await mkdir(commandDir, { recursive: true });
  await mkdir(options.toolCache, { recursive: true });
  const eventPath = path.join(temp, 'event.json');
  await writeFile(eventPath, JSON.stringify(options.eventPayload ?? {}));

  const inputEnv: Record<string, string> = {};
  for (const [name, spec] of Object.entries(metadata.inputs ?? {})) {
    if (spec.default !== undefined) inputEnv[inputEnvName(name)] = evaluateDefault(String(spec.default));
  }
  for (const [name, value] of Object.entries(options.inputs ?? {})) inputEnv[inputEnvName(name)] = value;

  const baseEnv: NodeJS.ProcessEnv = {
    ...process.env,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    RUNNER_TOOL_CACHE: options.toolCache,
    RUNNER_TEMP: temp,
    RUNNER_OS: options.runnerOs ?? RUNNER_OS_NAMES[process.platform] ?? process.platform,
    RUNNER_ARCH: options.runnerArch ?? (process.arch === 'arm64' ? 'ARM64' : 'X64'),
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_EVENT_NAME: options.eventName ?? 'push',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_SHA: options.sha ?? '0000000000000000000000000000000000000000',
    ...options.env,
  };
  // Values the test machine carries must not leak into the action as if a workflow had set them.
  for (const key of Object.keys(baseEnv)) {
    if (key.startsWith('INPUT_') || key.startsWith('STATE_')) delete baseEnv[key];
  }

  const exportedEnv: Record<string, string> = {};
  const addedPath: string[] = [];
  const state: Record<string, string> = {};
  const outputs: Record<string, string> = {};
  // What GitHub would hide from the rest of the job's log, in the order it was registered.
  const displayMasks: string[] = [];
  const steps: StepResult[] = [];
  let summary = '';

  const stepEnv = (extra: Record<string, string>): NodeJS.ProcessEnv => ({
    ...baseEnv,
    ...exportedEnv,
    PATH: [...addedPath, baseEnv.PATH ?? ''].join(path.delimiter),
    ...extra,
  });

  const runStep = async (name: string, command: string, args: string[], extra: Record<string, string>) => {
    const files = await freshStepFiles(commandDir, `${steps.length}-${name.replace(/\W+/g, '_')}`);
    const env = stepEnv({
      ...extra,
      GITHUB_OUTPUT: files.output,
      GITHUB_ENV: files.env,
      GITHUB_PATH: files.path,
      GITHUB_STATE: files.state,
      GITHUB_STEP_SUMMARY: files.summary,
    });
    const result = await runProcess(name, command, args, env, options.workspace, {
      echo: options.echo ?? false,
      masks: displayMasks,
      ...(options.onStepStart ? { onStart: options.onStepStart } : {}),
    });
    steps.push(result);
    if (logDir) {
      const base = path.join(logDir, `${steps.length - 1}-${name.replace(/\W+/g, '_')}`);
      await writeFile(`${base}.stdout`, result.stdout);
      await writeFile(`${base}.stderr`, result.stderr);
      await writeFile(`${base}.log`, result.log);
    }
    Object.assign(exportedEnv, parseKeyValueFile(await readFile(files.env, 'utf8')));
    const newPaths = (await readFile(files.path, 'utf8')).split(/\r?\n/).filter(Boolean);
    addedPath.unshift(...newPaths.reverse());
    Object.assign(state, parseKeyValueFile(await readFile(files.state, 'utf8')));
    summary += await readFile(files.summary, 'utf8');
    return { result, outputs: parseKeyValueFile(await readFile(files.output, 'utf8')) };
  };

  const node = options.node ?? (process.env.SETUP_GO_ARM64_NODE || process.execPath);
  const main = await runStep('main', node, [path.join(options.actionDir, metadata.runs.main)], inputEnv);
  Object.assign(outputs, main.outputs);

  for (const step of options.between ?? []) {
    if (main.result.exitCode !== 0) break;
    await runStep(step.name, step.command, step.args, {});
  }

  // A post step runs by default even after a failure (post-if: always()), with the state main saved.
  const postIf = metadata.runs['post-if'] ?? 'always()';
  const mainSucceeded = steps.every((s) => s.exitCode === 0);
  if (metadata.runs.post && !options.skipPost && (postIf === 'always()' || mainSucceeded)) {
    const stateEnv = Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v]));
    await runStep('post', node, [path.join(options.actionDir, metadata.runs.post)], {
      ...inputEnv,
      ...stateEnv,
    });
  }

  return {
    steps,
    outputs,
    exportedEnv,
    addedPath,
    state,
    summary,
    masks: steps.flatMap((step) =>
      step.commands.filter((c) => c.command === 'add-mask').map((c) => c.message),
    ),
    ...(logDir ? { logDir } : {}),
    success: steps.every((s) => s.exitCode === 0),
  };
}
