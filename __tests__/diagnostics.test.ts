// go's error output, read three ways: as annotations on the right file and line, as log text that must not
// smuggle workflow commands, and by the problem matcher the action registers for later steps.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { parseGoDiagnostics } from '../src/core/build/diagnostics.js';
import { planBuilds } from '../src/core/build/plan.js';
import { GO_PROBLEM_MATCHER_OWNER, goProblemMatcherFile } from '../src/entries/problem-matcher.js';
import { runBuilds } from '../src/io/build/run.js';
import { parseTargets } from '../src/core/build/targets.js';
import { logSafe } from '../src/core/report/format.js';
import { parseWorkflowCommand } from '../scripts/local-runner.js';
import {
  buildConfig,
  buildTestEnv,
  columnOf,
  INJECT_MAIN as INJECT,
  lineOf,
  localGo,
  REPO_ROOT,
  runBuildsOptions,
  TYPO_MAIN as TYPO,
  workspaceWithModule,
} from './fixtures/builds/go-modules.js';

const execFileAsync = promisify(execFile);

const LIB = 'package lib\n\nimport "fmt"\n\n// F prints.\nfunc F() { fmt.Printf("%d\\n", "x") }\n';
const LIB_TEST =
  'package lib\n\nimport "testing"\n\nfunc TestF(t *testing.T) {\n\tt.Errorf("want %d, got %d", 1, 2)\n}\n';

let repository: string;
let moduleDir: string;
let outputs: Record<string, string>;

beforeAll(async () => {
  const go = await localGo();
  repository = await workspaceWithModule('sga-repo-', {
    'go.mod': 'module example.com/app\n\ngo 1.22\n',
    'cmd/typo/main.go': TYPO,
    'cmd/inject/main.go': INJECT,
    'lib/lib.go': LIB,
    'lib/lib_test.go': LIB_TEST,
  });
  moduleDir = path.join(repository, 'app');
  const jobs = planBuilds(
    buildConfig(moduleDir, {
      packages: ['./cmd/typo', './cmd/inject'],
      targets: parseTargets('linux/amd64'),
    }),
  );
  const outcomes = await runBuilds(jobs, runBuildsOptions(go, moduleDir));
  expect(outcomes.map((outcome) => outcome.ok)).toEqual([false, false]);
  const run = (args: string[]) =>
    execFileAsync(go.goBinary, args, { cwd: moduleDir, env: buildTestEnv() }).then(
      () => {
        throw new Error(`go ${args.join(' ')} succeeded`);
      },
      (error: { stdout: string; stderr: string }) => error.stdout + error.stderr,
    );
  outputs = {
    typo: outcomes[0]!.output,
    inject: outcomes[1]!.output,
    vet: await run(['vet', './lib']),
    test: await run(['test', '-vet=off', './lib']),
  };
}, 240_000);

describe('parseGoDiagnostics on real go build output', () => {
  it('points at the file relative to the repository root, with line, column and the whole message', () => {
    expect(parseGoDiagnostics(outputs.typo!, moduleDir, repository)).toEqual([
      {
        file: 'app/cmd/typo/main.go',
        line: lineOf(TYPO, 'greeting)'),
        column: columnOf(TYPO, 'greeting)'),
        message: 'undefined: greeting',
      },
      {
        file: 'app/cmd/typo/main.go',
        line: lineOf(TYPO, 'greet()'),
        column: columnOf(TYPO, 'greet()'),
        message: 'not enough arguments in call to greet\nhave ()\nwant (string)',
      },
    ]);
  });

  it('keeps a file outside the repository absolute', () => {
    const [diagnostic] = parseGoDiagnostics(outputs.typo!, moduleDir, path.join(repository, 'elsewhere'));
    expect(diagnostic?.file).toBe(path.join(repository, 'app/cmd/typo/main.go'));
  });
});

describe('logSafe', () => {
  it('breaks a `::` command that go echoes from source text, keeping the text readable', () => {
    const raw = outputs.inject!;
    expect(raw.split('\n').some((line) => line.startsWith('::error file=x.go'))).toBe(true);
    expect(raw.split('\n').map(parseWorkflowCommand).filter(Boolean)).not.toEqual([]);

    const safe = logSafe(raw);
    for (const line of safe.split('\n')) {
      expect(parseWorkflowCommand(line)).toBeUndefined();
      expect(line.trimStart().startsWith('::')).toBe(false);
      expect(line).not.toContain('##[');
    }
    expect(safe).toContain('\\::error file=x.go,line=1::pwned');
    expect(safe).toContain('##\\[warning]legacy');
  });

  it('splits at bare carriage returns, which end a line for the runner too', () => {
    expect(logSafe('building…\r::add-mask::secret\r\n  ::set-output name=a::b\nok')).toBe(
      'building…\n\\::add-mask::secret\n  \\::set-output name=a::b\nok',
    );
    expect(logSafe('nothing to see: a::b ## [x]')).toBe('nothing to see: a::b ## [x]');
  });
});

describe('the problem matcher', () => {
  const matcherFile = goProblemMatcherFile();
  const matcher = JSON.parse(readFileSync(matcherFile, 'utf8')) as {
    problemMatcher: {
      owner: string;
      pattern: { regexp: string; file: number; line: number; column: number; message: number }[];
    }[];
  };
  const [entry] = matcher.problemMatcher;
  const [pattern] = entry!.pattern;
  const regexp = new RegExp(pattern!.regexp);
  const problems = (output: string) =>
    output.split(/\r?\n/).flatMap((line) => {
      const match = regexp.exec(line);
      if (!match) return [];
      return [
        {
          file: match[pattern!.file],
          line: Number(match[pattern!.line]),
          column: match[pattern!.column] ? Number(match[pattern!.column]) : undefined,
          message: match[pattern!.message],
        },
      ];
    });

  it('ships beside both the sources and the bundle, under the owner the action removes it by', () => {
    expect(matcherFile).toBe(path.join(REPO_ROOT, '.github/matchers/go.json'));
    expect(goProblemMatcherFile(pathToFileURL(path.join(REPO_ROOT, 'dist/setup/index.js')).href)).toBe(
      matcherFile,
    );
    expect(matcher.problemMatcher).toHaveLength(1);
    expect(entry!.owner).toBe(GO_PROBLEM_MATCHER_OWNER);
  });

  it('matches go build errors as parseGoDiagnostics reads them, and nothing else in the output', () => {
    const found = problems(outputs.typo!);
    const parsed = parseGoDiagnostics(outputs.typo!, moduleDir, moduleDir);
    expect(found).toEqual(
      parsed.map((d) => ({
        file: d.file,
        line: d.line,
        column: d.column,
        message: d.message.split('\n')[0],
      })),
    );
    expect(outputs.typo).toMatch(/^# example\.com\/app\/cmd\/typo$/m);
  });

  it('matches go vet findings', () => {
    expect(problems(outputs.vet!)).toEqual([
      {
        file: 'lib/lib.go',
        line: lineOf(LIB, 'fmt.Printf'),
        column: columnOf(LIB, '%d'),
        message: 'fmt.Printf format %d has arg "x" of wrong type string',
      },
    ]);
  });

  it('matches go test failures (file and line, no column), not the FAIL lines around them', () => {
    expect(outputs.test).toMatch(/^--- FAIL: TestF/m);
    expect(outputs.test).toMatch(/^FAIL\texample\.com\/app\/lib/m);
    expect(problems(outputs.test!)).toEqual([
      {
        file: 'lib_test.go',
        line: lineOf(LIB_TEST, 't.Errorf'),
        column: undefined,
        message: 'want 1, got 2',
      },
    ]);
  });
});
