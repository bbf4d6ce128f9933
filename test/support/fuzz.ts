// Property-based fuzzing of every parser: generated inputs (random text, near-valid text from a grammar of each
// format, mutations of real fixtures) must give a well-formed result or the parser's typed error, never a crash and
// never a slow case. The jest suite (__tests__/fuzz.test.ts) and `npm run fuzz` (scripts/fuzz.ts) run the same
// targets; only the number of cases differs.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import semver from 'semver';
import { generateSigner, signNote } from '../../__tests__/fixtures/sumdb/test-log.js';
import { readGoBuildInfo } from '../../src/core/binary/buildinfo.js';
import { readBinaryHeader } from '../../src/core/binary/header.js';
import {
  stampValues,
  STAMP_PLACEHOLDERS,
  templateLdflags,
  usedPlaceholders,
  type StampValues,
} from '../../src/core/build/ldflags.js';
import { parseDistList, parseTargets, targetEnv, targetName } from '../../src/core/build/targets.js';
import {
  commentMarker,
  headerSlug,
  isCommentFor,
  MAX_COMMENT_CHARS,
  parseCommentHeader,
} from '../../src/core/compare/comment.js';
import { verifyCommentFile } from '../../src/core/compare/comment-file.js';
import { compareReports } from '../../src/core/compare/compare.js';
import { parseSizeLimit } from '../../src/core/compare/thresholds.js';
import {
  parseBoolean,
  parseList,
  parsePositiveInteger,
  splitShellWords,
} from '../../src/core/config/values.js';
import { InputError } from '../../src/core/errors.js';
import { parseReport } from '../../src/core/report/parse.js';
import {
  ArchiveEntryChecker,
  restoredModuleFileName,
  safeEntryPath,
  type ArchiveEntry,
} from '../../src/core/toolchain/archive-paths.js';
import { parseGoSumLine } from '../../src/core/toolchain/module-hash.js';
import { parseGoproxy, type ProxyEntry } from '../../src/core/toolchain/goproxy.js';
import { decodeStdBase64, openSignedNote, SUM_GOLANG_ORG_KEY } from '../../src/core/toolchain/note.js';
import { parseLookupResponse } from '../../src/core/toolchain/sumdb.js';
import { parseVersionFile } from '../../src/core/version/files.js';
import {
  IndexShapeError,
  parseGoDevIndex,
  parseToolchainModuleList,
} from '../../src/core/version/releases.js';
import type { Release } from '../../src/core/version/resolve.js';
import {
  compareGoVersions,
  describeSpec,
  goToSemver,
  isGoPrerelease,
  isValidGoVersion,
  parseVersionSpec,
} from '../../src/core/version/spec.js';

// ---------------------------------------------------------------------------------------------------------------
// Running a target and counting what ran
// ---------------------------------------------------------------------------------------------------------------

/** A single case slower than this fails: on inputs this small, it means a catastrophic regexp or a loop. */
export const CASE_TIME_LIMIT_MS = 1000;

/** How many times more cases `npm run fuzz` runs than the jest suite. */
export const DEEP_FUZZ_SCALE = 50;

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURES = path.join(REPO_ROOT, '__tests__', 'fixtures');

/** The directory suite reporters read measured counts from. */
export const SUITE_COUNTS_DIR = path.join(os.tmpdir(), 'setup-go-arm64-suite-counts');

/** What the parser made of one input: a result, or a typed refusal (an error, or nothing found). */
export type FuzzVerdict = 'accepted' | 'refused';

/** A parser under fuzzing: how its input is generated and what it must do with it. */
export interface FuzzCase<T> {
  arbitrary: fc.Arbitrary<T>;
  /** Calls the parser on one input; throws (an assertion) when the parser misbehaves. */
  check(value: T): FuzzVerdict;
}

/** One parser's property, ready to run any number of cases. */
export interface FuzzTarget {
  /** The parser, as the tally names it. */
  parser: string;
  /** How the parser may refuse an input, which is the only way it may fail; undefined when it never throws. */
  typedFailure: string | undefined;
  /** Cases in one jest run. */
  runs: number;
  run(options: FuzzRunOptions): Promise<FuzzRunResult>;
}

export interface FuzzRunOptions {
  numRuns: number;
  /** fast-check's seed, to replay a run; random when absent. */
  seed?: number;
  /** Stops generating (and shrinking) after this long; the cases run so far still count. */
  timeBudgetMs?: number;
}

/** What one run of a target did, measured. */
export interface FuzzRunResult {
  parser: string;
  /** Cases the runner generated and checked (shrinking runs not included). */
  numRuns: number;
  /** Of those, the cases the parser gave a result for; the rest it refused with its typed error. */
  accepted: number;
  elapsedMs: number;
  interrupted: boolean;
}

const tally = new Map<string, number>();

/** What the fuzz targets ran in this process so far: the format suite reporters read. */
export function fuzzTally(): { fuzzIterations: number; perParser: Record<string, number> } {
  const perParser = Object.fromEntries([...tally.entries()].sort(([a], [b]) => a.localeCompare(b)));
  return { fuzzIterations: [...tally.values()].reduce((sum, count) => sum + count, 0), perParser };
}

/** Writes {@link fuzzTally} to `<dir>/fuzz-<pid>.json` and returns the file's path. */
export function writeFuzzCounts(dir = SUITE_COUNTS_DIR): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `fuzz-${process.pid}.json`);
  writeFileSync(file, `${JSON.stringify(fuzzTally(), null, 2)}\n`);
  return file;
}

/**
 * Cases per target: `FUZZ_RUNS` when set (the same for every parser), else the target's own count times `scale`.
 */
export function fuzzRuns(target: Pick<FuzzTarget, 'runs'>, scale = 1): number {
  const fromEnv = Number(process.env.FUZZ_RUNS);
  return Number.isSafeInteger(fromEnv) && fromEnv > 0 ? fromEnv : target.runs * scale;
}

/** `FUZZ_SEED` when set, so a failure's seed can be replayed. */
export function fuzzSeed(): number | undefined {
  const seed = Number(process.env.FUZZ_SEED);
  return process.env.FUZZ_SEED && Number.isSafeInteger(seed) ? seed : undefined;
}

/**
 * Runs one property, times every case, adds the cases run to the tally, and throws fast-check's report (seed and
 * counterexample included) when a case failed.
 */
export function fuzzProperty<T>(
  parser: string,
  fuzzCase: FuzzCase<T>,
  options: FuzzRunOptions,
): FuzzRunResult {
  const started = performance.now();
  let accepted = 0;
  const details = fc.check(
    fc.property(fuzzCase.arbitrary, (value) => {
      if (timed(() => fuzzCase.check(value)) === 'accepted') accepted++;
    }),
    {
      numRuns: options.numRuns,
      includeErrorInReport: true,
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
      ...(options.timeBudgetMs !== undefined
        ? { plugins: [fc.interruptAfterTimeLimit(options.timeBudgetMs)] }
        : {}),
    },
  );
  tally.set(parser, (tally.get(parser) ?? 0) + details.numRuns);
  if (details.failed) {
    // Counterexamples can run to many kilobytes; the start of each line is what identifies them.
    const report = (fc.defaultReportMessage(details) ?? 'a case failed')
      .split('\n')
      .map((line) => (line.length > 2000 ? `${line.slice(0, 2000)}… (${line.length} characters)` : line))
      .join('\n');
    throw new Error(`${parser}: ${report}`);
  }
  return {
    parser,
    numRuns: details.numRuns,
    accepted,
    elapsedMs: performance.now() - started,
    interrupted: details.interrupted,
  };
}

/**
 * Runs one case, failing it when it takes longer than {@link CASE_TIME_LIMIT_MS} twice in a row: on a loaded
 * machine a garbage collection or a preemption can stall one run, while a slow parser is slow every time.
 */
function timed<R>(call: () => R): R {
  const elapsed: number[] = [];
  for (;;) {
    const started = performance.now();
    const result = call();
    elapsed.push(performance.now() - started);
    if ((elapsed.at(-1) ?? 0) <= CASE_TIME_LIMIT_MS) return result;
    if (elapsed.length === 2) {
      throw new Error(
        `one case took ${elapsed.map(Math.round).join(' ms, then ')} ms (limit ${CASE_TIME_LIMIT_MS} ms): ` +
          'a catastrophic regexp or a loop',
      );
    }
  }
}

/** A target whose property is built when it runs (fixtures read, keys generated), not at import. */
function target<T>(
  parser: string,
  typedFailure: string | undefined,
  runs: number,
  prepare: () => FuzzCase<T> | Promise<FuzzCase<T>>,
): FuzzTarget {
  return {
    parser,
    typedFailure,
    runs,
    run: async (options) => fuzzProperty(parser, await prepare(), options),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Typed failures
// ---------------------------------------------------------------------------------------------------------------

type Outcome<T> = { returned: T } | { threw: unknown };

function attempt<T>(call: () => T): Outcome<T> {
  try {
    return { returned: call() };
  } catch (error) {
    return { threw: error };
  }
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `a thrown ${typeof error}: ${String(error)}`;
  return `${error.constructor.name}: ${error.message}\n${error.stack ?? ''}`;
}

function untyped(error: unknown, expected: string): Error {
  return new Error(`expected ${expected}, but got ${describeError(error)}`, { cause: error });
}

/**
 * An InputError about `input`: its `input` names it, its message names it too (the message is all a job log
 * shows), and it carries a fix.
 */
export function assertInputError(error: unknown, input: string): asserts error is InputError {
  if (!(error instanceof InputError)) throw untyped(error, `an InputError for ${input}`);
  assert.equal(error.input, input, `InputError.input is ${error.input}, not ${input}`);
  assert.ok(error.message.includes(input), `the message does not name ${input}: ${error.message}`);
  assert.ok(error.fix.trim() !== '', `the InputError has no fix: ${error.message}`);
}

/** A plain Error with a message (not a TypeError, RangeError or other sign of a crash), opening as given. */
export function assertPlainError(error: unknown, opening = ''): asserts error is Error {
  if (!(error instanceof Error) || error.constructor !== Error) throw untyped(error, 'a plain Error');
  assert.ok(error.message.trim() !== '', 'the Error has no message');
  assert.ok(
    error.message.startsWith(opening),
    `the message does not open with "${opening}": ${error.message}`,
  );
}

function assertErrorClass(error: unknown, errorClass: typeof IndexShapeError): void {
  if (!(error instanceof errorClass)) throw untyped(error, `an ${errorClass.name}`);
  assert.ok(error.message.trim() !== '', `the ${errorClass.name} has no message`);
}

// ---------------------------------------------------------------------------------------------------------------
// Shared arbitraries
// ---------------------------------------------------------------------------------------------------------------

/** Characters parsers split, quote, trim or choke on, over-represented so random text reaches those paths. */
const EDGE_CHARACTERS = [
  ...' \t\n\r\v\f\uFEFF\u00a0\u2028\u3000\0\x01\x7f"\'`\\/(),|%#{}=.-+:@!$019éİſ😀',
  // Lone surrogates, kept apart so they do not pair up.
  '\ud800',
  '\udfff',
  '\r\n',
  '//',
  'go',
];

const utf16Unit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));

/** Any text: printable, any code point, any UTF-16 unit (lone surrogates too), or edge characters. */
export function anyText(maxLength = 40): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ maxLength }),
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: 'binary-ascii', maxLength }),
    fc.string({ unit: utf16Unit, maxLength }),
    fc.string({ unit: fc.constantFrom(...EDGE_CHARACTERS), maxLength }),
  );
}

/** A short piece repeated up to thousands of times: the inputs that expose quadratic or exponential matching. */
export function repeatedText(piece: fc.Arbitrary<string> = anyText(6)): fc.Arbitrary<string> {
  return fc
    .tuple(fc.string({ maxLength: 8 }), piece, fc.integer({ min: 1, max: 4000 }), anyText(6))
    .map(([head, middle, times, tail]) => head + middle.repeat(times) + tail);
}

/** Pieces joined by separators, each drawn anew, with optional separators before and after. */
export function joined(
  piece: fc.Arbitrary<string>,
  separator: fc.Arbitrary<string>,
  maxPieces = 8,
): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.option(separator, { nil: '' }),
      fc.array(fc.tuple(piece, separator), { maxLength: maxPieces }),
      fc.option(piece, { nil: '' }),
    )
    .map(([lead, pairs, last]) => lead + pairs.map(([p, s]) => p + s).join('') + last);
}

/** Picks an index into a sequence of `length`, from a random draw (so one draw serves any length). */
function at(draw: number, length: number): number {
  return length === 0 ? 0 : draw % (length + 1);
}

type TextEdit =
  | { kind: 'delete' | 'duplicate'; position: number; length: number }
  | { kind: 'insert' | 'replace'; position: number; text: string }
  | { kind: 'truncate'; position: number }
  | { kind: 'line-endings'; ending: string }
  | { kind: 'bom' };

const textEdit: fc.Arbitrary<TextEdit> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('delete' as const, 'duplicate' as const),
    position: fc.nat(),
    length: fc.integer({ min: 1, max: 12 }),
  }),
  fc.record({
    kind: fc.constantFrom('insert' as const, 'replace' as const),
    position: fc.nat(),
    text: anyText(6),
  }),
  fc.record({ kind: fc.constant('truncate' as const), position: fc.nat() }),
  fc.record({
    kind: fc.constant('line-endings' as const),
    ending: fc.constantFrom('\r\n', '\r', '\n\n', ''),
  }),
  fc.record({ kind: fc.constant('bom' as const) }),
);

function applyTextEdit(text: string, edit: TextEdit): string {
  switch (edit.kind) {
    case 'delete': {
      const start = at(edit.position, text.length);
      return text.slice(0, start) + text.slice(start + edit.length);
    }
    case 'duplicate': {
      const start = at(edit.position, text.length);
      return text.slice(0, start) + text.slice(start, start + edit.length) + text.slice(start);
    }
    case 'insert': {
      const start = at(edit.position, text.length);
      return text.slice(0, start) + edit.text + text.slice(start);
    }
    case 'replace': {
      const start = at(edit.position, text.length);
      return text.slice(0, start) + edit.text + text.slice(start + edit.text.length);
    }
    case 'truncate':
      return text.slice(0, at(edit.position, text.length));
    case 'line-endings':
      return text.replace(/\n/g, edit.ending);
    case 'bom':
      return `\uFEFF${text}`;
  }
}

/** One of `originals` with one to four random edits (deletions, insertions, truncation, new line endings…). */
export function mutatedText(originals: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...originals), fc.array(textEdit, { minLength: 1, maxLength: 4 }))
    .map(([original, edits]) => edits.reduce(applyTextEdit, original));
}

type ByteEdit =
  | { kind: 'flip'; position: number; bit: number }
  | { kind: 'set'; position: number; value: number }
  | { kind: 'truncate'; position: number }
  | { kind: 'delete'; position: number; length: number }
  | { kind: 'insert'; position: number; bytes: Uint8Array };

/** Positions that favour the first bytes, where headers are. */
function bytePosition(headerBytes: number): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.nat({ max: headerBytes - 1 }) },
    { weight: 1, arbitrary: fc.nat() },
  );
}

function byteEdit(headerBytes: number): fc.Arbitrary<ByteEdit> {
  const position = bytePosition(headerBytes);
  return fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), position, bit: fc.nat({ max: 7 }) }),
    fc.record({
      kind: fc.constant('set' as const),
      position,
      value: fc.oneof(fc.constantFrom(0, 1, 2, 0x7f, 0x80, 0xfe, 0xff), fc.nat({ max: 255 })),
    }),
    fc.record({ kind: fc.constant('truncate' as const), position }),
    fc.record({ kind: fc.constant('delete' as const), position, length: fc.integer({ min: 1, max: 16 }) }),
    fc.record({ kind: fc.constant('insert' as const), position, bytes: fc.uint8Array({ maxLength: 16 }) }),
  );
}

function applyByteEdit(bytes: Uint8Array, edit: ByteEdit): Uint8Array {
  const position =
    edit.kind === 'truncate' ? at(edit.position, bytes.length) : edit.position % (bytes.length || 1);
  switch (edit.kind) {
    case 'flip':
    case 'set': {
      if (bytes.length === 0) return bytes;
      const copy = Uint8Array.from(bytes);
      copy[position] = edit.kind === 'flip' ? (copy[position] ?? 0) ^ (1 << edit.bit) : edit.value;
      return copy;
    }
    case 'truncate':
      return bytes.slice(0, position);
    case 'delete':
      return Buffer.concat([bytes.subarray(0, position), bytes.subarray(position + edit.length)]);
    case 'insert':
      return Buffer.concat([bytes.subarray(0, position), edit.bytes, bytes.subarray(position)]);
  }
}

/** One of `originals` with one to four byte edits, mostly within the first `headerBytes`. */
export function mutatedBytes(originals: readonly Uint8Array[], headerBytes = 64): fc.Arbitrary<Uint8Array> {
  return fc
    .tuple(fc.constantFrom(...originals), fc.array(byteEdit(headerBytes), { minLength: 1, maxLength: 4 }))
    .map(([original, edits]) => edits.reduce(applyByteEdit, original));
}

/** The same bytes seen through a view that starts `offset` bytes into a larger buffer. */
function viewAt(bytes: Uint8Array, offset: number): Uint8Array {
  const backing = new Uint8Array(offset + bytes.length + 3);
  backing.set(bytes, offset);
  return backing.subarray(offset, offset + bytes.length);
}

const digits = (value: bigint | number) => String(value);

/** Mostly `usual`, sometimes one of `odd`: near-valid input, each part valid more often than not. */
function mostly<T, Odd extends unknown[]>(
  usual: fc.Arbitrary<T>,
  ...odd: Odd
): fc.Arbitrary<T | Odd[number]> {
  const choices: fc.WeightedArbitrary<T | Odd[number]>[] = [
    { weight: 8, arbitrary: usual },
    { weight: 1, arbitrary: fc.constantFrom(...odd) },
  ];
  return fc.oneof(...choices);
}

/** Numbers as version parts: usual ones, leading zeros, and ones past 2^32 and 2^53. */
const versionNumber = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('0', '1', '2', '9', '20', '21', '22', '24', '25', '26') },
  { weight: 3, arbitrary: fc.nat({ max: 40 }).map(digits) },
  { weight: 1, arbitrary: fc.constantFrom('00', '01', '010', '4294967296', '9007199254740993') },
  { weight: 1, arbitrary: fc.bigInt({ min: 0n, max: 10n ** 30n }).map(digits) },
);

/** Go versions and things that look like them: `1.25.4`, `1.23rc2`, `go1.21`, `1.21.0-rc.1`, `v1.2`, `1.x`… */
export const goVersionText: fc.Arbitrary<string> = fc
  .tuple(
    mostly(fc.constant(''), 'go', 'go ', 'GO', 'v', ' '),
    mostly(fc.constant('1'), '0', '2', '01', '', 'x'),
    fc.option(fc.tuple(mostly(fc.constant('.'), '..', ',', '-'), versionNumber), { nil: undefined, freq: 8 }),
    fc.option(fc.tuple(mostly(fc.constant('.'), '-', '_'), mostly(versionNumber, 'x', 'X', '*')), {
      nil: undefined,
      freq: 2,
    }),
    mostly(fc.constant(''), 'rc', 'beta', 'alpha', 'RC', 'pre', '-rc.', '-rc', '-beta.', '-rc.0', '.x'),
    fc.option(versionNumber, { nil: '', freq: 6 }),
    mostly(fc.constant(''), '-corp', '+build.1', ' ', '.linux-amd64', '0', '.'),
  )
  .map(
    ([prefix, major, minor, patch, kind, pre, suffix]) =>
      prefix +
      major +
      (minor ? minor.join('') : '') +
      (patch ? patch.join('') : '') +
      kind +
      (kind ? pre : '') +
      suffix,
  );

/** `go-version` values: versions, semver ranges over them, aliases, and broken forms of each. */
export const versionSpecText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: goVersionText },
  {
    weight: 3,
    arbitrary: joined(
      fc
        .tuple(fc.constantFrom('', '^', '~', '>=', '<', '<=', '>', '=', '~>', '!', '>= '), goVersionText)
        .map(([operator, version]) => operator + version),
      fc.constantFrom(' ', ' || ', '||', ' - ', ',', '  '),
      3,
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'stable',
      'oldstable',
      'STABLE',
      ' Stable ',
      'latest',
      'lts',
      '*',
      'x',
      '',
      ' ',
    ),
  },
  { weight: 1, arbitrary: anyText(16) },
);

// ---------------------------------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------------------------------

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

function versionFileFixtures(): { name: string; text: string }[] {
  return filesUnder(path.join(FIXTURES, 'version', 'files')).map((file) => ({
    name: path.basename(file),
    text: readFileSync(file, 'utf8'),
  }));
}

function lookupFixtures(): Buffer[] {
  return filesUnder(path.join(FIXTURES, 'sumdb', 'proxy', 'sumdb', 'sum.golang.org', 'lookup')).map((file) =>
    readFileSync(file),
  );
}

function binaryHeadFixtures(): Buffer[] {
  const dir = path.join(FIXTURES, 'binary');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.bin-go.head'))
    .sort()
    .map((name) => readFileSync(path.join(dir, name)));
}

const BUILD_INFO_MAGIC = Buffer.from([0xff, ...Buffer.from(' Go buildinf:', 'latin1')]);

/**
 * The build info blob of the `go` on PATH, from its 16-byte-aligned magic on: a real blob, written by the real
 * linker, to mutate.
 */
function realBuildInfoBlob(): Buffer {
  const goroot = execFileSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).trim();
  const binary = readFileSync(path.join(goroot, 'bin', process.platform === 'win32' ? 'go.exe' : 'go'));
  for (
    let found = binary.indexOf(BUILD_INFO_MAGIC);
    found >= 0;
    found = binary.indexOf(BUILD_INFO_MAGIC, found + 1)
  ) {
    if (found % 16 !== 0) continue;
    const blob = Buffer.from(binary.subarray(found, found + 4096));
    if (readGoBuildInfo(blob)) return blob;
  }
  throw new Error(`no build info in ${path.join(goroot, 'bin', 'go')}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Targets, one per parser
// ---------------------------------------------------------------------------------------------------------------

const MOD_FILE_NAMES = ['go.mod', 'sub/dir/go.mod', 'tools.mod', 'go.work', 'C:\\repo\\go.work'];
const VERSION_FILE_NAMES = [
  'go.mod',
  'sub/dir/go.mod',
  'tools.mod',
  'go.work',
  'C:\\repo\\go.work',
  '.go-version',
  'ci/.go-version',
  '.tool-versions',
  'version.txt',
];

const indentation = fc.constantFrom('', '', '', ' ', '\t', '  ');
const lineEnding = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r');

function lines(line: fc.Arbitrary<string>, maxLines = 10): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom('', '', '', '\uFEFF'),
      fc.array(fc.tuple(indentation, line, lineEnding), { maxLength: maxLines }),
    )
    .map(([bom, parts]) => bom + parts.map((part) => part.join('')).join(''));
}

const toolchainName = fc.oneof(
  { weight: 4, arbitrary: goVersionText.map((version) => `go${version}`) },
  goVersionText,
  fc.constantFrom('default', 'local', 'go1.25.4-corp', 'go1.25.4 ', 'go1/2', 'path/go1.22.0'),
);

const goModLine = fc.oneof(
  { weight: 4, arbitrary: goVersionText.map((version) => `go ${version}`) },
  { weight: 3, arbitrary: toolchainName.map((name) => `toolchain ${name}`) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'module example.com/m',
      'require example.com/x v1.2.3',
      'require (',
      'replace (',
      ')',
      'example.com/y v0.1.0 // indirect',
      'go (',
      'toolchain (',
      'go 1.22 1.23',
      'go',
      'toolchain',
      '// go 1.20',
      'godebug default=go1.21',
      'go 1.22.5 // pinned',
      'go "1.22"',
      'go `1.22',
      'go "unterminated',
      'use ./tools',
      ')(',
    ),
  },
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 2, arbitrary: anyText(20) },
);

/** A go.mod as people write them: module, go line, maybe a toolchain line and a require block. */
const typicalGoMod = fc
  .tuple(
    fc.constantFrom('', '', '\uFEFF'),
    lineEnding,
    goVersionText,
    fc.option(toolchainName, { nil: undefined, freq: 2 }),
    fc.boolean(),
    fc.constantFrom('', '// Code owners: platform', '// go 1.99 is not a directive'),
  )
  .map(([bom, eol, version, toolchain, requireBlock, comment]) =>
    [
      `${bom}module example.com/m`,
      comment,
      `go ${version}`,
      ...(toolchain === undefined ? [] : [`toolchain ${toolchain}`]),
      ...(requireBlock ? ['require (', '\texample.com/x v1.2.3', '\tgo 1.0 // a module named go', ')'] : []),
      '',
    ].join(eol),
  );

const goVersionFileLine = fc.oneof(
  { weight: 4, arbitrary: versionSpecText },
  { weight: 2, arbitrary: fc.constantFrom('# pinned', '// pinned', '', '1.25.4 # pinned', 'go 1.25.4') },
  { weight: 1, arbitrary: anyText(16) },
);

const toolVersionsLine = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.constantFrom('golang', 'go', 'golang ', 'Golang', 'golangci-lint'),
        fc.constantFrom(' ', '  ', '\t'),
      )
      .chain(([tool, space]) =>
        fc.array(versionSpecText, { maxLength: 3 }).map((versions) => tool + space + versions.join(' ')),
      ),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom('nodejs 20.11.0', '# golang 1.20', 'golang', '', 'python 3.12 # go'),
  },
  { weight: 1, arbitrary: anyText(16) },
);

function lineCount(text: string): number {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).length;
}

const versionFileTarget = target(
  'parseVersionFile',
  'an InputError naming the file, with a fix and a line in the file',
  2500,
  () => ({
    // Mostly text of the format the name says, sometimes another format's or none at all.
    arbitrary: fc.oneof(
      { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...MOD_FILE_NAMES), typicalGoMod) },
      { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...MOD_FILE_NAMES), lines(goModLine, 12)) },
      {
        weight: 2,
        arbitrary: fc.tuple(fc.constantFrom('.go-version', 'ci/.go-version'), lines(goVersionFileLine, 3)),
      },
      { weight: 2, arbitrary: fc.tuple(fc.constant('.tool-versions'), lines(toolVersionsLine, 4)) },
      {
        weight: 3,
        arbitrary: fc
          .constantFrom(...versionFileFixtures())
          .chain(({ name, text }) => mutatedText([text]).map((mutated) => [name, mutated] as const)),
      },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...VERSION_FILE_NAMES), anyText(60)) },
      {
        // Long comments ending in a character `.` does not match: where a regexp rescanning them goes quadratic.
        weight: 1,
        arbitrary: fc.tuple(
          fc.constantFrom('.go-version', '.tool-versions'),
          fc
            .tuple(
              fc.constantFrom('1.25.4 ', 'golang 1.25.4 ', ''),
              fc.constantFrom('#', '//', '# '),
              fc.integer({ min: 1, max: 40_000 }),
              fc.constantFrom('\u2028', '\u2029', '\x85', ''),
            )
            .map(([value, marker, times, end]) => value + marker.repeat(times) + end),
        ),
      },
      {
        weight: 1,
        arbitrary: fc.tuple(
          fc.constantFrom(...VERSION_FILE_NAMES),
          repeatedText(fc.constantFrom('go 1.22 ', '"', '//', '#', '(', ' \u2028')),
        ),
      },
    ),
    check: ([file, text]) => {
      const outcome = attempt(() => parseVersionFile(file, text));
      const lastLine = lineCount(text);
      if ('threw' in outcome) {
        assertInputError(outcome.threw, file);
        const location = outcome.threw.location;
        if (location) {
          assert.equal(location.file, file);
          assert.ok(location.line !== undefined && location.line >= 1 && location.line <= lastLine);
        }
        return 'refused';
      }
      const requirement = outcome.returned;
      assert.equal(requirement.location.file, file);
      assert.ok(requirement.location.line >= 1 && requirement.location.line <= lastLine);
      assert.ok(
        requirement.source.startsWith(`${file} line ${requirement.location.line}: `),
        requirement.source,
      );
      // What a version file asks for must be a spec the action can resolve.
      describeSpec(parseVersionSpec(requirement.spec, 'go-version'));
      return 'accepted';
    },
  }),
);

const versionSpecTarget = target(
  'parseVersionSpec',
  'an InputError naming go-version, with a fix',
  3000,
  () => ({
    arbitrary: fc.oneof({ weight: 5, arbitrary: versionSpecText }, { weight: 1, arbitrary: repeatedText() }),
    check: (text) => {
      const outcome = attempt(() => parseVersionSpec(text, 'go-version'));
      if ('threw' in outcome) {
        assertInputError(outcome.threw, 'go-version');
        return 'refused';
      }
      const spec = outcome.returned;
      assert.equal(describeSpec(spec), text.trim());
      assert.ok(describeSpec({ ...spec, input: undefined }) !== '');
      if (spec.kind === 'exact') {
        assert.ok(isValidGoVersion(spec.version), `exact version ${spec.version} is not a Go version`);
        goToSemver(spec.version);
      } else if (spec.kind === 'range') {
        // Go-spelled lines with numbers past 2^53 stay text that matches no release; every other range is semver.
        assert.ok(
          semver.validRange(spec.range) !== null || /[0-9]{16,}/.test(spec.range),
          `range ${spec.range} is not a semver range`,
        );
      } else {
        assert.ok(spec.alias === 'stable' || spec.alias === 'oldstable');
      }
      return 'accepted';
    },
  }),
);

function assertReleases(releases: Release[]): void {
  const seen = new Set<string>();
  releases.forEach((release, index) => {
    assert.ok(isValidGoVersion(release.version), `release ${release.version} is not a Go version`);
    assert.ok(!seen.has(release.version), `release ${release.version} appears twice`);
    seen.add(release.version);
    const next = releases[index + 1];
    // Two spellings of one version (`go1` and `go1.0`) stay two releases, next to each other.
    if (next)
      assert.ok(compareGoVersions(release.version, next.version) >= 0, 'releases are not newest first');
    for (const file of release.files) {
      assert.ok(typeof file.filename === 'string' && file.filename !== '');
      assert.ok(['archive', 'installer', 'source', 'module'].includes(file.kind), `file kind ${file.kind}`);
      assert.ok(file.sha256 === undefined || /^[0-9a-f]{64}$/.test(file.sha256));
      assert.ok(file.size === undefined || (Number.isSafeInteger(file.size) && file.size >= 0));
    }
  });
}

const goDevFile = fc.record(
  {
    filename: fc.oneof(fc.constantFrom('go1.25.4.linux-amd64.tar.gz', ''), anyText(12), fc.integer()),
    os: fc.oneof(fc.constantFrom('linux', 'darwin', ''), fc.constant(null)),
    arch: fc.oneof(fc.constantFrom('amd64', 'arm64', ''), fc.constant(7)),
    version: fc.constantFrom('go1.25.4', 'go1.9.2rc2'),
    kind: fc.oneof(
      fc.constantFrom('archive', 'installer', 'source', 'module', 'signature', ''),
      fc.constant(1),
    ),
    sha256: fc.oneof(
      fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => Buffer.from(bytes).toString('hex')),
      fc.constantFrom('', 'ABCDEF', '0'.repeat(63)),
      fc.constant(null),
    ),
    size: fc.oneof(fc.nat(), fc.constantFrom(-1, 1.5, 2 ** 53, 1e300), fc.constant('12')),
  },
  { requiredKeys: [] },
);

const goDevRelease = fc.record(
  {
    version: fc.oneof(
      goVersionText.map((version) => `go${version}`),
      fc.constantFrom('go1.25.4', 'go1.9.2rc2', '1.25.4', 'go'),
      fc.constant(125),
    ),
    stable: fc.oneof(fc.boolean(), fc.constant('true')),
    files: fc.oneof(fc.array(goDevFile, { maxLength: 4 }), fc.constant({})),
  },
  { requiredKeys: [] },
);

const goDevIndexTarget = target('parseGoDevIndex', 'an IndexShapeError', 2000, () => {
  const fixture = readFileSync(path.join(FIXTURES, 'version', 'go-dev-index.json'), 'utf8');
  const firstReleases = JSON.stringify((JSON.parse(fixture) as unknown[]).slice(0, 3));
  return {
    arbitrary: fc.oneof(
      { weight: 3, arbitrary: mutatedText([fixture, firstReleases]) },
      {
        weight: 3,
        arbitrary: fc.array(goDevRelease, { maxLength: 5 }).map((value) => JSON.stringify(value)),
      },
      { weight: 1, arbitrary: fc.jsonValue().map((value) => JSON.stringify(value)) },
      { weight: 1, arbitrary: anyText(40) },
    ),
    check: (json) => {
      const outcome = attempt(() => parseGoDevIndex(json));
      if ('threw' in outcome) {
        assertErrorClass(outcome.threw, IndexShapeError);
        return 'refused';
      }
      assertReleases(outcome.returned);
      return 'accepted';
    },
  };
});

const toolchainModuleLine = fc
  .tuple(
    mostly(fc.constant('v0.0.1'), 'v0.0.2', 'v1.0.0', 'v0.0.1-', '0.0.1'),
    mostly(fc.constant('-go'), '-', '-GO'),
    goVersionText,
    mostly(fc.constant('.'), '-'),
    mostly(fc.constantFrom('linux', 'darwin', 'windows'), 'Linux', ''),
    mostly(fc.constant('-'), '_', '.'),
    mostly(fc.constantFrom('amd64', 'arm64', 'arm', '386'), 'ARM64', ''),
  )
  .map((parts) => parts.join(''));

const toolchainListTarget = target('parseToolchainModuleList', 'an IndexShapeError', 2500, () => {
  const fixture = readFileSync(path.join(FIXTURES, 'version', 'proxy-toolchain-list.txt'), 'utf8');
  return {
    arbitrary: fc.oneof(
      { weight: 3, arbitrary: mutatedText([fixture, fixture.split('\n').slice(0, 6).join('\n')]) },
      { weight: 3, arbitrary: lines(toolchainModuleLine, 8) },
      {
        weight: 1,
        arbitrary: repeatedText(fc.constantFrom('.a', '1.', 'a-', '.1a')).map((s) => `v0.0.1-go1${s}`),
      },
      { weight: 1, arbitrary: anyText(40) },
    ),
    check: (text) => {
      const outcome = attempt(() => parseToolchainModuleList(text));
      if ('threw' in outcome) {
        assertErrorClass(outcome.threw, IndexShapeError);
        return 'refused';
      }
      assertReleases(outcome.returned);
      for (const release of outcome.returned) {
        assert.equal(release.stable, !isGoPrerelease(release.version));
        for (const file of release.files) {
          assert.equal(file.kind, 'module');
          assert.ok(
            file.filename.startsWith(`v0.0.1-go${release.version}.`) && file.filename.endsWith('.zip'),
          );
          assert.match(`${file.os}/${file.arch}`, /^[a-z0-9]+\/[a-z0-9]+$/);
        }
      }
      return 'accepted';
    },
  };
});

const GOOS_WORDS = 'linux darwin windows freebsd android js wasip1 macos Linux x86_64'.split(' ');
const GOARCH_WORDS =
  'amd64 arm64 arm 386 riscv64 mips mips64le ppc64le wasm s390x aarch64 x86_64 ARM64'.split(' ');
const VARIANT_WORDS = [
  ...'5 6 7 8 7,softfloat 6,hardfloat 7,softfloat,hardfloat v1 v3 v5 V3 sse2 softfloat hardfloat'.split(' '),
  ...'v8.0 v8.2 v8.9 v9.5 v9.6 v8.10 v8.2,lse v8.0,crypto,lse v9.5,lse,lse v8.2junk v8.2,sve'.split(' '),
  ...'power8 power10 power11 rva20u64 rva23u64 rva24u64'.split(' '),
  '',
];

/** The levels Go's internal/buildcfg accepts for each architecture's variant variable, written from its parsers. */
const GO_VARIANT_LEVELS: Record<string, RegExp> = {
  arm: /^[5-7](,softfloat|,hardfloat)?$/,
  arm64: /^v(8\.[0-9]|9\.[0-5])(,lse|,crypto)*$/,
  amd64: /^v[1-4]$/,
  '386': /^(sse2|softfloat)$/,
  mips: /^(hardfloat|softfloat)$/,
  mipsle: /^(hardfloat|softfloat)$/,
  mips64: /^(hardfloat|softfloat)$/,
  mips64le: /^(hardfloat|softfloat)$/,
  ppc64: /^power(8|9|10)$/,
  ppc64le: /^power(8|9|10)$/,
  riscv64: /^rva(20|22|23)u64$/,
};

const targetWord = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(
        mostly(fc.constantFrom('linux', 'darwin', 'windows', 'freebsd'), ...GOOS_WORDS),
        mostly(fc.constant('/'), '//', '\\'),
        mostly(fc.constantFrom('amd64', 'arm64', '386', 'riscv64'), ...GOARCH_WORDS),
        mostly(fc.constant(undefined), ...VARIANT_WORDS),
        mostly(fc.constant(''), '/', '/x'),
      )
      .map(
        ([goos, slash, goarch, variant, tail]) =>
          goos + slash + goarch + (variant === undefined ? '' : `/${variant}`) + tail,
      ),
  },
  { weight: 1, arbitrary: fc.constantFrom('linux', '/', 'linux/', '/amd64', 'linux/amd64/v3/v3') },
  { weight: 1, arbitrary: anyText(12) },
);

const targetSeparator = fc.constantFrom(' ', ',', '\n', '\r\n', '\t', ', ', ' ,\n', '\u00a0', '\u3000', ',,');

const targetsTarget = target('parseTargets', 'an InputError naming targets, with a fix', 3000, () => ({
  arbitrary: fc.oneof(
    { weight: 6, arbitrary: joined(targetWord, targetSeparator, 6) },
    { weight: 1, arbitrary: repeatedText(fc.constantFrom('linux/amd64,', ' ,', '/')) },
  ),
  check: (text) => {
    const outcome = attempt(() => parseTargets(text));
    if ('threw' in outcome) {
      assertInputError(outcome.threw, 'targets');
      return 'refused';
    }
    const targets = outcome.returned;
    const names = targets.map(targetName);
    assert.equal(new Set(names).size, names.length, 'a target is listed twice');
    // Rendered back to names, the targets parse to themselves.
    assert.deepEqual(parseTargets(names.join(' ')), targets);
    for (const parsed of targets) {
      assert.match(parsed.goos, /^[a-z0-9_]+$/);
      assert.match(parsed.goarch, /^[a-z0-9_]+$/);
      const env = targetEnv(parsed);
      assert.equal(env.GOOS, parsed.goos);
      assert.equal(env.GOARCH, parsed.goarch);
      // A variant is only accepted when the go command would accept it too.
      if (parsed.variant !== undefined) {
        assert.match(
          parsed.variant,
          GO_VARIANT_LEVELS[parsed.goarch] ?? /(?!)/,
          `variant of ${targetName(parsed)}`,
        );
      }
    }
    return 'accepted';
  },
}));

const distListTarget = target('parseDistList', undefined, 2000, () => ({
  arbitrary: fc.oneof(
    lines(
      fc.oneof(fc.constantFrom('linux/amd64', 'darwin/arm64', 'aix/ppc64', 'linux/arm64/v8'), anyText(12)),
      8,
    ),
    anyText(60),
  ),
  check: (output) => {
    for (const pair of parseDistList(output)) assert.match(pair, /^[a-z0-9]+\/[a-z0-9]+$/);
    return 'accepted';
  },
}));

const stampFacts = fc.record(
  {
    ref: fc.oneof(
      fc.constantFrom('refs/tags/v1.2.0', 'refs/heads/main', 'refs/tags/', 'refs/pull/1/merge'),
      anyText(12),
    ),
    refName: fc.oneof(fc.constantFrom('v1.2.0', 'main', ''), anyText(12)),
    sha: fc.oneof(
      fc.uint8Array({ minLength: 20, maxLength: 20 }).map((bytes) => Buffer.from(bytes).toString('hex')),
      fc.constantFrom('', ' ', 'abc'),
      anyText(12),
    ),
    commitDate: fc.oneof(
      fc.constantFrom(
        '2024-05-01T12:34:56+02:00',
        '2024-05-01T10:34:56Z',
        '+275760-09-13T00:00:00Z',
        '+275760-09-13T00:00:00.001Z',
        '-000001-01-01T00:00:00Z',
        '9999-12-31T23:59:59-14:00',
        'yesterday',
        '',
      ),
      fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
      anyText(12),
    ),
    commitDateError: anyText(12),
    sourceDateEpoch: fc.oneof(
      fc.nat().map(digits),
      fc.bigInt({ min: 0n, max: 10n ** 25n }).map(digits),
      fc.constantFrom(' 1700000000 ', '-1', '1.5', '', '8640000000000', '8640000000001', '1e9'),
      anyText(8),
    ),
  },
  { requiredKeys: [] },
);

const ldflagsText = joined(
  fc.oneof(
    fc.constantFrom(
      '-s',
      '-w',
      '-X main.version={version}',
      '-X main.commit={commit}',
      '-X main.date={date}',
      '{Version}',
      '{unknown}',
      '{}',
      '{ version}',
      '{{version}}',
      '{a-b}',
      '{_}',
      '-X "main.v={version}"',
      "-X 'main.greeting=hello world'",
      "'-X main.v={commit}'",
      "'unterminated",
      '"',
      "a'b",
      '""',
    ),
    anyText(10),
  ),
  fc.constantFrom(' ', '  ', '', '\n', '\t'),
  5,
);

const ldflagsTarget = target(
  'templateLdflags',
  'an InputError naming ldflags, with a fix (stampValues never throws)',
  2500,
  () => ({
    arbitrary: fc.tuple(
      fc.oneof(
        { weight: 8, arbitrary: ldflagsText },
        { weight: 1, arbitrary: repeatedText(fc.constantFrom("'a' ", '"', ' {version}', '-X a=b ')) },
      ),
      stampFacts,
    ),
    check: ([ldflags, facts]) => {
      const stamp = stampValues(facts);
      for (const name of STAMP_PLACEHOLDERS) {
        const value = stamp.values[name];
        assert.ok(
          (value === undefined) !== (stamp.gaps[name] === undefined),
          `${name} has a value and a gap`,
        );
        if (value !== undefined) assert.ok(value !== '', `${name} is empty`);
      }
      if (stamp.values.date !== undefined) {
        assert.match(stamp.values.date, /^[+-]?[0-9]{4,6}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$/);
      }
      const outcome = attempt(() => templateLdflags(ldflags, stamp));
      if ('threw' in outcome) {
        assertInputError(outcome.threw, 'ldflags');
        return 'refused';
      }
      // Every placeholder is one of the three, and each stands for its value, once, wherever it is.
      assert.ok(
        usedPlaceholders(ldflags).every((name) => (STAMP_PLACEHOLDERS as readonly string[]).includes(name)),
      );
      const expected = ldflags
        .split(/\{(version|commit|date)\}/)
        .map((piece, index) => (index % 2 === 1 ? stamp.values[piece as keyof StampValues] : piece))
        .join('');
      assert.equal(outcome.returned, expected);
      return 'accepted';
    },
  }),
);

type QuoteStyle = 'plain' | 'single' | 'double' | 'backslash';

function quoteShellWord(word: string, style: QuoteStyle): string {
  switch (style) {
    case 'plain':
      return /^[A-Za-z0-9._=:/@+-]+$/.test(word) ? word : quoteShellWord(word, 'single');
    case 'single':
      return `'${word.replace(/'/g, `'\\''`)}'`;
    case 'double':
      return `"${word.replace(/["\\$`]/g, '\\$&')}"`;
    case 'backslash':
      return word === '' ? "''" : word.replace(/[\s\S]/g, '\\$&');
  }
}

/** A word quoted in pieces, each piece its own way, as people write `-ldflags="-X 'a=b c'"`. */
const quotedWord = fc
  .array(fc.tuple(anyText(10), fc.constantFrom<QuoteStyle>('plain', 'single', 'double', 'backslash')), {
    minLength: 1,
    maxLength: 3,
  })
  .map((pieces) => ({
    word: pieces.map(([piece]) => piece).join(''),
    quoted: pieces.map(([piece, style]) => quoteShellWord(piece, style)).join(''),
  }));

const shellSpace = fc.constantFrom(' ', '  ', '\t', '\n', ' \r\n ', '\u00a0', '\u3000');

const shellWordsTarget = target(
  'splitShellWords',
  'an InputError naming build-flags, with a fix',
  3000,
  () => ({
    arbitrary: fc.oneof(
      {
        weight: 3,
        arbitrary: fc
          .tuple(
            fc.array(fc.tuple(quotedWord, shellSpace), { maxLength: 6 }),
            fc.option(shellSpace, { nil: '' }),
          )
          .map(([words, lead]) => ({
            words: words.map(([{ word }]) => word),
            text: lead + words.map(([{ quoted }, space]) => quoted + space).join(''),
          })),
      },
      { weight: 2, arbitrary: anyText(40).map((text) => ({ words: undefined, text })) },
      {
        weight: 1,
        arbitrary: repeatedText(fc.constantFrom("'", '"', '\\', ' ', '\\"')).map((text) => ({
          words: undefined,
          text,
        })),
      },
    ),
    check: ({ words, text }) => {
      const outcome = attempt(() => splitShellWords(text, 'build-flags'));
      if ('threw' in outcome) {
        assert.equal(words, undefined, 'quoted words were refused');
        assertInputError(outcome.threw, 'build-flags');
        return 'refused';
      }
      // Words quoted one by one split back into exactly those words.
      if (words) assert.deepEqual(outcome.returned, words);
      const requoted = outcome.returned.map((word) => quoteShellWord(word, 'single')).join(' ');
      assert.deepEqual(splitShellWords(requoted, 'build-flags'), outcome.returned);
      return 'accepted';
    },
  }),
);

const listTarget = target('parseList', undefined, 2000, () => ({
  arbitrary: fc.oneof(
    joined(anyText(8), fc.constantFrom(' ', ',', '\n', ', ', '\t', '\u00a0'), 6),
    anyText(40),
  ),
  check: (text) => {
    const words = parseList(text);
    for (const word of words) assert.ok(word !== '' && !/[\s,]/.test(word), `word ${JSON.stringify(word)}`);
    assert.deepEqual(parseList(words.join(',')), words);
    return 'accepted';
  },
}));

const booleanTarget = target('parseBoolean', 'an InputError naming cgo, with a fix', 2000, () => ({
  arbitrary: fc.oneof(
    fc
      .tuple(
        fc.constantFrom('', ' ', '\n', '\u00a0'),
        fc.constantFrom('true', 'false', 'TRUE', 'False', 'yes', '1', 'tru', 'truee', 'on', ''),
        fc.constantFrom('', ' ', '\r\n', '\uFEFF'),
      )
      .map((parts) => parts.join('')),
    anyText(10),
  ),
  check: (text) => {
    const outcome = attempt(() => parseBoolean(text, 'cgo'));
    const normalized = text.trim().toLowerCase();
    if ('threw' in outcome) {
      assert.ok(normalized !== 'true' && normalized !== 'false');
      assertInputError(outcome.threw, 'cgo');
      return 'refused';
    }
    assert.equal(outcome.returned, normalized === 'true');
    assert.ok(normalized === 'true' || normalized === 'false');
    return 'accepted';
  },
}));

const positiveIntegerTarget = target(
  'parsePositiveInteger',
  'an InputError naming parallel, with a fix',
  2000,
  () => ({
    arbitrary: fc.oneof(
      fc
        .tuple(
          fc.constantFrom('', ' ', '\t'),
          fc.oneof(
            fc.nat().map(digits),
            fc.bigInt({ min: 0n, max: 10n ** 400n }).map(digits),
            fc.constantFrom(
              '0',
              '00',
              '007',
              '-1',
              '+2',
              '1.5',
              '2e3',
              '0x10',
              '\uff12',
              '\u0663',
              'Infinity',
            ),
          ),
          fc.constantFrom('', ' ', '\n'),
        )
        .map((parts) => parts.join('')),
      anyText(10),
    ),
    check: (text) => {
      const outcome = attempt(() => parsePositiveInteger(text, 'parallel', 2));
      if ('threw' in outcome) {
        assertInputError(outcome.threw, 'parallel');
        return 'refused';
      }
      const trimmed = text.trim();
      if (trimmed === '') assert.equal(outcome.returned, 2);
      else {
        assert.match(trimmed, /^[0-9]+$/);
        assert.equal(outcome.returned, Number(trimmed));
        assert.ok(outcome.returned >= 1);
      }
      return 'accepted';
    },
  }),
);

const sizeLimitPart = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(
        fc.oneof(
          fc.nat({ max: 5000 }).map(digits),
          fc
            .tuple(fc.nat({ max: 99 }), fc.nat({ max: 999 }))
            .map(([whole, fraction]) => `${whole}.${fraction}`),
          fc.constantFrom('0', '00012', '.5', '5.', '1e3', '-1', '0.0'),
          fc.bigInt({ min: 0n, max: 10n ** 400n }).map(digits),
        ),
        fc.constantFrom('', '', ' ', '\t'),
        fc.constantFrom(
          '%',
          '%',
          'B',
          'b',
          'KB',
          'kb',
          'KiB',
          'KIB',
          'MB',
          'MiB',
          'GB',
          'GiB',
          'TB',
          'K',
          '',
          'bytes',
          '%%',
        ),
      )
      .map((parts) => parts.join('')),
  },
  { weight: 1, arbitrary: anyText(8) },
);

const sizeLimitTarget = target(
  'parseSizeLimit',
  'an InputError naming fail-on-size-increase, with a fix',
  3000,
  () => ({
    arbitrary: fc.oneof(
      { weight: 6, arbitrary: joined(sizeLimitPart, fc.constantFrom(',', ', ', ' , ', ',,'), 3) },
      { weight: 1, arbitrary: repeatedText(fc.constantFrom('5', ' ', '1.', '%,')) },
    ),
    check: (text) => {
      const outcome = attempt(() => parseSizeLimit(text, 'fail-on-size-increase'));
      if ('threw' in outcome) {
        assertInputError(outcome.threw, 'fail-on-size-increase');
        return 'refused';
      }
      const limit = outcome.returned;
      if (limit === undefined) {
        assert.equal(text.replace(/[\s,]/g, ''), '', 'a non-empty limit parsed to none');
        return 'accepted';
      }
      assert.ok(limit.percent !== undefined || limit.bytes !== undefined);
      assert.ok(limit.percent === undefined || limit.percent >= 0);
      assert.ok(limit.bytes === undefined || limit.bytes >= 0);
      // The normalised text is itself a limit, and the same one.
      assert.deepEqual(parseSizeLimit(limit.text, 'fail-on-size-increase'), limit);
      return 'accepted';
    },
  }),
);

const proxyUrl = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.constantFrom(
      'https://proxy.golang.org',
      'http://127.0.0.1:8080/mod',
      'file:///tmp/mods',
      'https://goproxy.io/',
      'direct',
      'off',
    ),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'DIRECT',
      'https://',
      'http:/x',
      'proxy.golang.org',
      'ftp://x',
      ' https://a.b ',
      'https://a b',
    ),
  },
  { weight: 1, arbitrary: anyText(12) },
);

function renderGoproxy(entries: ProxyEntry[]): string {
  return entries.map((entry) => entry.url + (entry.fallThrough === 'any-error' ? '|' : ',')).join('');
}

const goproxyTarget = target('parseGoproxy', 'an InputError naming goproxy, with a fix', 3000, () => ({
  arbitrary: joined(
    fc.tuple(proxyUrl, fc.constantFrom('', '', '/', '//', ' ')).map(([url, tail]) => url + tail),
    fc.constantFrom(',', '|', ', ', ' | ', ',,', '||', ' '),
    4,
  ),
  check: (text) => {
    const outcome = attempt(() => parseGoproxy(text));
    if ('threw' in outcome) {
      assertInputError(outcome.threw, 'goproxy');
      return 'refused';
    }
    const entries = outcome.returned;
    assert.ok(entries.length > 0);
    for (const entry of entries) {
      assert.ok(
        entry.url === 'direct' || entry.url === 'off' || /^(https?|file):\/\/\S+$/.test(entry.url),
        `entry ${JSON.stringify(entry.url)} is not a proxy URL`,
      );
      assert.ok(!entry.url.endsWith('/'), `entry ${entry.url} keeps a trailing slash`);
    }
    assert.deepEqual(parseGoproxy(renderGoproxy(entries)), entries);
    return 'accepted';
  },
}));

const base64Of = (minLength: number, maxLength: number) =>
  fc.uint8Array({ minLength, maxLength }).map((bytes) => Buffer.from(bytes).toString('base64'));

const goSumField = {
  module: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('golang.org/toolchain', 'github.com/google/uuid', 'h1:x') },
    anyText(8),
  ),
  version: fc.oneof(
    {
      weight: 4,
      arbitrary: fc.constantFrom('v0.0.1-go1.25.4.linux-amd64', 'v1.6.0', 'v0.0.1-go1.26rc1.darwin-arm64'),
    },
    fc.constantFrom('v1.6.0/go.mod', '1.6.0', 'v', 'vx', 'V1.0.0'),
    anyText(8),
  ),
  hash: fc.oneof(
    { weight: 6, arbitrary: base64Of(32, 32).map((hash) => `h1:${hash}`) },
    { weight: 2, arbitrary: base64Of(0, 40).map((hash) => `h1:${hash}`) },
    {
      weight: 1,
      arbitrary: base64Of(32, 32).chain((hash) =>
        fc.constantFrom(
          `h1:${hash.replace(/=+$/, '')}`,
          `h2:${hash}`,
          `H1:${hash}`,
          `h1:${hash}=`,
          `h1: ${hash}`,
        ),
      ),
    },
    { weight: 1, arbitrary: anyText(8) },
  ),
};

const goSumLineTarget = target(
  'parseGoSumLine',
  'an InputError naming toolchain-sum, with a fix',
  3000,
  () => ({
    arbitrary: fc.oneof(
      {
        weight: 5,
        arbitrary: fc
          .tuple(
            fc.constantFrom('', ' ', '\t'),
            goSumField.module,
            fc.constantFrom(' ', '  ', '\t', ' \u00a0 '),
            goSumField.version,
            fc.constantFrom(' ', '\t'),
            goSumField.hash,
            fc.constantFrom('', '', ' ', '\n', ' extra'),
          )
          .map((parts) => parts.join('')),
      },
      { weight: 1, arbitrary: anyText(40) },
    ),
    check: (line) => {
      const outcome = attempt(() => parseGoSumLine(line));
      if ('threw' in outcome) {
        assertInputError(outcome.threw, 'toolchain-sum');
        return 'refused';
      }
      const entry = outcome.returned;
      assert.deepEqual([entry.module, entry.version, entry.hash], line.trim().split(/\s+/));
      assert.match(entry.version, /^v[0-9]/);
      assert.ok(!entry.version.endsWith('/go.mod'));
      assert.equal(decodeStdBase64(entry.hash.slice(3))?.length, 32);
      return 'accepted';
    },
  }),
);

const lookupTarget = target(
  'parseLookupResponse',
  'a plain Error saying why the answer is refused',
  2000,
  () => {
    const fixtures = lookupFixtures();
    const texts = fixtures.map((bytes) => bytes.toString('utf8'));
    const signedTrees = new Set(
      fixtures.map((bytes) => {
        const { tree } = parseLookupResponse(bytes, SUM_GOLANG_ORG_KEY);
        return `${tree.size} ${tree.rootHash}`;
      }),
    );
    return {
      arbitrary: fc.oneof(
        { weight: 4, arbitrary: mutatedText(texts) },
        { weight: 2, arbitrary: mutatedBytes(fixtures, 400) },
        {
          // The record is not what is signed: edits to it reach the checks that come after the signature's.
          weight: 3,
          arbitrary: fc.constantFrom(...texts).chain((text) => {
            const split = text.indexOf('\n\n') + 1;
            return mutatedText([text.slice(0, split)]).map((record) => record + text.slice(split));
          }),
        },
        { weight: 1, arbitrary: fc.constantFrom<string | Uint8Array>(...texts, ...fixtures) },
        {
          weight: 1,
          arbitrary: fc
            .tuple(fc.oneof(versionNumber, anyText(6)), fc.constantFrom(...texts))
            .map(([id, text]) => `${id}${text.slice(text.indexOf('\n'))}`),
        },
        { weight: 1, arbitrary: anyText(60) },
      ),
      check: (body) => {
        const outcome = attempt(() => parseLookupResponse(body, SUM_GOLANG_ORG_KEY));
        if ('threw' in outcome) {
          assertPlainError(outcome.threw);
          return 'refused';
        }
        const record = outcome.returned;
        // Only the database's key can sign a tree head: whatever verified is one of the real ones.
        assert.ok(
          signedTrees.has(`${record.tree.size} ${record.tree.rootHash}`),
          'an unsigned tree verified',
        );
        assert.equal(record.tree.origin, 'sum.golang.org');
        assert.ok(Number.isSafeInteger(record.recordId) && record.recordId < record.tree.size);
        assert.ok(record.recordText.endsWith('\n') && record.lines.length > 0);
        for (const line of record.lines)
          assert.ok(line.module !== '' && line.version !== '' && line.hash !== '');
        return 'accepted';
      },
    };
  },
);

const signedNoteTarget = target(
  'openSignedNote',
  'a plain Error saying why the note is refused',
  2000,
  () => {
    const trusted = generateSigner('sum.example.org');
    const foreign = generateSigner('other.example');
    const impostor = generateSigner('sum.example.org');
    const signed = fc
      .tuple(
        fc.oneof(
          fc.constantFrom(
            'go.sum database tree\n42\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n',
            'hello\n',
            '\n',
          ),
          fc
            .array(fc.string({ maxLength: 30 }), { maxLength: 3 })
            .map((noteLines) => noteLines.map((line) => `${line}\n`).join('')),
          lines(anyText(20), 3),
        ),
        fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom([trusted], [foreign, trusted], [trusted, impostor]) },
          { weight: 1, arbitrary: fc.subarray([trusted, foreign, impostor]) },
        ),
      )
      .map(([text, signers]) => ({ text, note: signNote(text, ...signers) }));
    return {
      arbitrary: fc.tuple(
        fc.oneof(
          { weight: 3, arbitrary: signed },
          {
            weight: 3,
            arbitrary: signed.chain(({ text, note }) => mutatedText([note]).map((m) => ({ text, note: m }))),
          },
          { weight: 1, arbitrary: anyText(40).map((note) => ({ text: undefined, note })) },
        ),
        fc.oneof(
          { weight: 4, arbitrary: fc.constant(trusted.verifierKey) },
          { weight: 1, arbitrary: mutatedText([trusted.verifierKey, SUM_GOLANG_ORG_KEY]) },
          { weight: 1, arbitrary: anyText(20) },
        ),
        fc.boolean(),
      ),
      check: ([{ text, note }, key, asBytes]) => {
        const outcome = attempt(() => openSignedNote(asBytes ? Buffer.from(note, 'utf8') : note, key));
        if ('threw' in outcome) {
          assertPlainError(outcome.threw);
          return 'refused';
        }
        // Only the trusted key's signature opens a note, and it covers exactly the bytes it signed (text as UTF-8).
        assert.equal(outcome.returned.signedBy, trusted.name);
        assert.ok(text !== undefined, 'random text opened as a signed note');
        assert.deepEqual(Buffer.from(outcome.returned.text, 'utf8'), Buffer.from(text, 'utf8'));
        return 'accepted';
      },
    };
  },
);

const commentHeaderTarget = target(
  'parseCommentHeader',
  'an InputError naming comment-header, with a fix',
  2500,
  () => ({
    arbitrary: fc.oneof(
      { weight: 3, arbitrary: anyText(30) },
      {
        weight: 1,
        arbitrary: fc.constantFrom('', '  ', 'setup-go-arm64', 'My CLI!', 'a'.repeat(100), 'a'.repeat(101)),
      },
      { weight: 1, arbitrary: repeatedText(fc.constantFrom('a', ' ', '-->', '%')) },
    ),
    check: (text) => {
      const outcome = attempt(() => parseCommentHeader(text));
      if ('threw' in outcome) {
        assertInputError(outcome.threw, 'comment-header');
        return 'refused';
      }
      const header = outcome.returned;
      assert.ok(header !== '' && header === header.trim() && header.length <= 100);
      assert.equal(parseCommentHeader(header), header);
      // A header the input accepts opens its own comment's marker, and no other header's.
      assert.ok(isCommentFor(`${commentMarker(header)}\nbody`, header));
      assert.ok(!isCommentFor(`${commentMarker(header)}\nbody`, `${header}-2`));
      assert.match(headerSlug(header), /^[a-z0-9-]+$/);
      return 'accepted';
    },
  }),
);

const hexOf = (bytes: number) =>
  fc.uint8Array({ minLength: bytes, maxLength: bytes }).map((value) => Buffer.from(value).toString('hex'));

const oddJson = fc.oneof(fc.constant(null), fc.constant('1'), fc.constant([]), fc.constant({}), fc.boolean());

/** A field's usual values, now and then replaced by JSON of another type. */
function orOddJson<T>(usual: fc.Arbitrary<T>): fc.Arbitrary<T | unknown> {
  return fc.oneof({ weight: 15, arbitrary: usual }, { weight: 1, arbitrary: oddJson });
}

/** JSON numbers: what a report's sizes and times may hold, and what they must not. */
const jsonNumber = fc.oneof(
  { weight: 12, arbitrary: fc.nat({ max: 50_000_000 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, 1.5, -0, 1e308, Number.MAX_SAFE_INTEGER) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
);

const reportTarget = fc.record(
  {
    goos: orOddJson(fc.constantFrom('linux', 'darwin', 'windows')),
    goarch: orOddJson(fc.constantFrom('amd64', 'arm64', 'arm')),
    variant: orOddJson(fc.constantFrom('7', 'v3', '')),
    package: orOddJson(
      fc.oneof({ weight: 4, arbitrary: fc.constantFrom('.', './cmd/tool', '') }, anyText(6)),
    ),
    path: fc.constantFrom('dist/app', ''),
    sizeBytes: orOddJson(jsonNumber),
    buildMs: orOddJson(jsonNumber),
    sha256: hexOf(32),
    format: fc.constantFrom('elf', 'macho', 'pe'),
    arch: fc.constantFrom('amd64', 'arm64'),
    attribution: fc.oneof(
      {
        weight: 8,
        arbitrary: fc.array(
          fc.record({ package: fc.constantFrom('main', 'runtime', 'fmt'), sizeBytes: jsonNumber }),
          {
            maxLength: 4,
          },
        ),
      },
      fc.array(fc.jsonValue(), { maxLength: 2 }),
      oddJson,
    ),
  },
  { requiredKeys: ['goos', 'goarch', 'package', 'sizeBytes', 'buildMs'] },
);

const report = fc.record(
  {
    schemaVersion: orOddJson(mostly(fc.constant(1), 2, '1', 1.0001)),
    go: orOddJson(
      fc.record({
        version: orOddJson(fc.constantFrom('1.25.4', '1.24.10')),
        hostOs: fc.constant('linux'),
        hostArch: fc.constant('arm64'),
        native: fc.boolean(),
      }),
    ),
    commit: mostly(fc.oneof(hexOf(20), fc.constant(null)), 5, ''),
    flags: orOddJson(
      fc.record({
        ldflags: orOddJson(fc.constantFrom('-s -w', '')),
        trimpath: orOddJson(fc.boolean()),
        cgo: orOddJson(fc.boolean()),
      }),
    ),
    targets: orOddJson(fc.array(reportTarget, { maxLength: 5 })),
    totals: fc.record({ sizeBytes: jsonNumber, buildMs: jsonNumber, wallMs: jsonNumber }),
  },
  { requiredKeys: ['schemaVersion', 'go', 'flags', 'targets'] },
);

const reportParseTarget = target(
  'parseReport',
  'a plain Error opening "<source> is not a setup-go-arm64 report"',
  2500,
  () => ({
    // Reports arrive as parsed JSON: what JSON.parse can give is what the parser must handle.
    arbitrary: fc
      .oneof({ weight: 5, arbitrary: report }, { weight: 1, arbitrary: fc.jsonValue() })
      .map((value) => JSON.parse(JSON.stringify(value)) as unknown),
    check: (json) => {
      const outcome = attempt(() => parseReport(json, 'base.json'));
      if ('threw' in outcome) {
        assertPlainError(outcome.threw, 'base.json is not a setup-go-arm64 report (schema v1): ');
        return 'refused';
      }
      // A report that parses can be compared, and compared with itself nothing changed.
      const comparison = compareReports(outcome.returned, outcome.returned);
      assert.equal(comparison.changed, false);
      assert.equal(comparison.rows.length, outcome.returned.targets.length);
      assert.ok(comparison.rows.every((row) => row.status === 'unchanged'));
      return 'accepted';
    },
  }),
);

const COMMENT_FILE_KEYS = [
  'schema',
  'version',
  'pullRequest',
  'headSha',
  'header',
  'head',
  'thresholds',
] as const;

/** Comment files as a fork's run writes them (version 2), and as its code could write them instead. */
const commentFile = fc
  .tuple(
    fc.record({
      schema: mostly(fc.constant('setup-go-arm64/size-comment'), 'other', null),
      version: mostly(fc.constant(2), 1, '2', 3),
      pullRequest: mostly(fc.integer({ min: 1, max: 100000 }), 0, -1, 1.5, 2 ** 53, '7'),
      headSha: mostly(fc.oneof(hexOf(20), hexOf(32)), 'ABCDEF'.repeat(7).slice(0, 40), '0'.repeat(39), ''),
      header: mostly(
        fc.constantFrom('setup-go-arm64', 'cli', 'a/b.c_d-e'),
        'My CLI',
        '@admin',
        '',
        'x'.repeat(101),
      ),
      head: report,
      thresholds: mostly(
        fc.record({ perTarget: fc.constantFrom('5%', '200KB', '5%,200KB') }, { requiredKeys: [] }),
        { perTarget: '5 %' },
        { total: 5 },
        null,
      ),
    }),
    fc.option(fc.record({ report, commit: mostly(fc.oneof(hexOf(20), fc.constant(null)), 'main') }), {
      nil: undefined,
    }),
    mostly(fc.constant(undefined), 'markdown body', ...COMMENT_FILE_KEYS),
  )
  .map(([file, base, twist]) => {
    const json: Record<string, unknown> = { ...file, ...(base ? { base } : {}) };
    if (twist === 'markdown body') json.body = `${commentMarker('cli')}\n@admin`;
    else if (twist !== undefined) delete json[twist];
    return JSON.parse(JSON.stringify(json)) as unknown;
  });

const commentFileTarget = target(
  'verifyCommentFile',
  'a plain Error opening "<source> is refused: "',
  2500,
  () => ({
    arbitrary: fc.tuple(
      fc.oneof({ weight: 4, arbitrary: commentFile }, { weight: 1, arbitrary: fc.jsonValue() }),
      mostly(fc.constant(undefined), 'setup-go-arm64', 'My CLI'),
    ),
    check: ([json, expectedHeader]) => {
      const outcome = attempt(() => verifyCommentFile(json, 'comment.json', expectedHeader));
      if ('threw' in outcome) {
        assertPlainError(outcome.threw, 'comment.json is refused: ');
        return 'refused';
      }
      const trusted = outcome.returned;
      assert.ok(isCommentFor(trusted.body, trusted.header));
      assert.ok(trusted.body.length < MAX_COMMENT_CHARS);
      // Rendered from checked data: no mention, link, image or HTML the file could have slipped in.
      assert.doesNotMatch(
        trusted.body,
        /@(?!\u200b)|\]\(|https?:|<(?!!-- setup-go-arm64|\/?details|\/?summary)/,
      );
      assert.ok(Number.isSafeInteger(trusted.pullRequest) && trusted.pullRequest >= 1);
      assert.match(trusted.headSha, /^([0-9a-f]{40}|[0-9a-f]{64})$/);
      assert.ok(expectedHeader === undefined || expectedHeader === trusted.header);
      return 'accepted';
    },
  }),
);

const ELF_MACHINES = [3, 8, 20, 21, 22, 40, 43, 62, 183, 243, 258, 0, 0xffff];
const MACHO_CPU_TYPES = [7, 0x01000007, 12, 0x0100000c, 18, 0x01000012, 0, 0xffffffff];
const PE_MACHINES = [0x14c, 0x8664, 0x1c0, 0x1c4, 0xaa64, 0x5064, 0x6264, 0, 0xffff];

/** Headers of every format built field by field from their layouts, with the fields drawn from valid and odd values. */
const craftedHeader: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc
    .tuple(
      fc.nat({ max: 3 }),
      fc.nat({ max: 3 }),
      fc.constantFrom(0, 2, 6, 9, 12, 97, 255),
      fc.constantFrom(...ELF_MACHINES),
      fc.integer({ min: 4, max: 64 }),
    )
    .map(([elfClass, data, osabi, machine, length]) => {
      const bytes = Buffer.alloc(64);
      bytes.set([0x7f, 0x45, 0x4c, 0x46, elfClass, data, 1, osabi]);
      if (data === 2) bytes.writeUInt16BE(machine, 18);
      else bytes.writeUInt16LE(machine, 18);
      return bytes.subarray(0, length);
    }),
  fc
    .tuple(
      fc.constantFrom(0xcafebabe, 0xcafebabf),
      fc.oneof(fc.integer({ min: 0, max: 25 }), fc.constantFrom(0x0000002d, 0x00000034, 0xffffffff)),
      fc.array(fc.constantFrom(...MACHO_CPU_TYPES), { maxLength: 25 }),
      fc.nat({ max: 900 }),
    )
    .map(([magic, count, cpuTypes, length]) => {
      const entryBytes = magic === 0xcafebabf ? 32 : 20;
      const bytes = Buffer.alloc(8 + 25 * entryBytes);
      bytes.writeUInt32BE(magic, 0);
      bytes.writeUInt32BE(count, 4);
      cpuTypes.forEach((cpuType, index) => bytes.writeUInt32BE(cpuType, 8 + index * entryBytes));
      return bytes.subarray(0, length);
    }),
  fc
    .tuple(
      fc.constantFrom(0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe),
      fc.constantFrom(...MACHO_CPU_TYPES),
      fc.integer({ min: 4, max: 32 }),
    )
    .map(([magic, cpuType, length]) => {
      const bytes = Buffer.alloc(32);
      bytes.writeUInt32BE(magic, 0);
      bytes.writeUInt32BE(cpuType, 4);
      return bytes.subarray(0, length);
    }),
  fc
    .tuple(
      fc.oneof(fc.nat({ max: 400 }), fc.constantFrom(0x3c, 0x3e, 0xfffffff0, 0xffffffff)),
      fc.constantFrom(...PE_MACHINES),
      fc.constantFrom(0, 1, 2, 0xe0, 0xf0, 0xffff),
      fc.constantFrom(0x10b, 0x20b, 0x107, 0),
      fc.nat({ max: 520 }),
    )
    .map(([peOffset, machine, optionalSize, optionalMagic, length]) => {
      const bytes = Buffer.alloc(520);
      bytes.write('MZ', 0, 'latin1');
      bytes.writeUInt32LE(peOffset, 0x3c);
      if (peOffset + 26 <= bytes.length) {
        bytes.write('PE\0\0', peOffset, 'latin1');
        bytes.writeUInt16LE(machine, peOffset + 4);
        bytes.writeUInt16LE(optionalSize, peOffset + 20);
        bytes.writeUInt16LE(optionalMagic, peOffset + 24);
      }
      return bytes.subarray(0, length);
    }),
  fc
    .tuple(
      fc.constantFrom('PK\x03\x04', '\x1f\x8b', '!<arch>\n', '#!/bin/sh\n', '#!', 'MZ', '\x7fEL', 'hello'),
      fc.uint8Array({ maxLength: 80 }),
    )
    .map(([prefix, rest]) => Buffer.concat([Buffer.from(prefix, 'latin1'), rest])),
);

const binaryHeaderTarget = target(
  'readBinaryHeader',
  'a plain Error saying what the bytes are instead',
  3000,
  () => ({
    arbitrary: fc.tuple(
      fc.oneof(
        { weight: 3, arbitrary: mutatedBytes(binaryHeadFixtures()) },
        { weight: 3, arbitrary: craftedHeader },
        { weight: 1, arbitrary: fc.uint8Array({ maxLength: 100 }) },
      ),
      fc.nat({ max: 7 }),
    ),
    check: ([bytes, offset]) => {
      const outcome = attempt(() => readBinaryHeader(bytes));
      if ('threw' in outcome) {
        assertPlainError(outcome.threw);
        assert.throws(() => readBinaryHeader(viewAt(bytes, offset)), { message: outcome.threw.message });
        return 'refused';
      }
      const header = outcome.returned;
      assert.ok(['elf', 'macho', 'pe'].includes(header.format));
      assert.ok(header.os !== '' && (header.bits === 32 || header.bits === 64));
      assert.ok(header.archs.length >= 1 && header.archs.every((arch) => arch !== ''));
      assert.equal(header.arch, header.archs.join('+'));
      assert.ok(header.fat || header.archs.length === 1);
      assert.ok(!header.fat || header.format === 'macho');
      // A view into a larger buffer reads the same as the bytes on their own.
      assert.deepEqual(readBinaryHeader(viewAt(bytes, offset)), header);
      return 'accepted';
    },
  }),
);

const MODULE_INFO_START = Buffer.from('3077af0c9274080241e1c107e6d618e6', 'hex');
const MODULE_INFO_END = Buffer.from('f932433186182072008242104116d8f2', 'hex');

function uvarint(value: number): Buffer {
  const out: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  out.push(rest);
  return Buffer.from(out);
}

/** A Go 1.18+ build info blob, laid out as the linker writes it, around the given version and module text. */
function buildInfoBlob(goVersion: string, moduleText: string, framed: boolean, pointerSize: number): Buffer {
  const header = Buffer.alloc(32);
  BUILD_INFO_MAGIC.copy(header);
  header[14] = pointerSize;
  header[15] = 0x2;
  const version = Buffer.from(goVersion, 'utf8');
  const info = framed
    ? Buffer.concat([MODULE_INFO_START, Buffer.from(moduleText, 'utf8'), MODULE_INFO_END])
    : Buffer.from(moduleText, 'utf8');
  return Buffer.concat([header, uvarint(version.length), version, uvarint(info.length), info]);
}

const goQuoted = fc.oneof(
  fc.constantFrom(
    '"a b"',
    '"tab\\there"',
    '"\\x41\\u00e9\\U0001F600"',
    '"\\101"',
    '"\\400"',
    '"\\ud800"',
    '"\\q"',
    '"unterminated',
    '"\\"',
    '`raw value`',
    '`a`b`',
    '"\\x4"',
    '"\\U00110000"',
  ),
  anyText(10).map((text) => JSON.stringify(text)),
);

const buildInfoLine = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom('path\texample.com/hello', 'path\tcommand-line-arguments') },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.constantFrom('mod', 'dep', '=>'),
        fc.array(fc.oneof(fc.constantFrom('example.com/x', 'v1.2.3', '(devel)', 'h1:abc=', ''), anyText(6)), {
          maxLength: 4,
        }),
      )
      .map(([kind, fields]) => [kind, ...fields].join('\t')),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.oneof(fc.constantFrom('GOOS', 'GOARCH', '-ldflags', 'vcs.time', '', '__proto__'), goQuoted),
        fc.constantFrom('=', '=', '', '=='),
        fc.oneof(fc.constantFrom('linux', 'amd64', ''), goQuoted),
      )
      .map((parts) => `build\t${parts.join('')}`),
  },
  { weight: 1, arbitrary: anyText(20) },
);

const buildInfoTarget = target(
  'readGoBuildInfo',
  'undefined (no build info) or a plain Error opening "Malformed Go build info"',
  2000,
  () => {
    const blob = realBuildInfoBlob();
    return {
      arbitrary: fc.oneof(
        { weight: 3, arbitrary: mutatedBytes([blob], 600) },
        {
          weight: 3,
          arbitrary: fc
            .tuple(
              fc.constantFrom('go1.25.4', 'go1.26.8', 'devel go1.27-abc', 'gox', ''),
              fc
                .array(buildInfoLine, { maxLength: 8 })
                .map((infoLines) => infoLines.map((line) => `${line}\n`).join('')),
              fc.boolean(),
              fc.constantFrom(8, 8, 4, 0, 16),
              fc.constantFrom(0, 0, 16, 3),
            )
            .map(([version, text, framed, pointerSize, padding]) =>
              Buffer.concat([Buffer.alloc(padding), buildInfoBlob(version, text, framed, pointerSize)]),
            ),
        },
        {
          weight: 1,
          arbitrary: fc
            .tuple(fc.uint8Array({ maxLength: 48 }), fc.uint8Array({ maxLength: 48 }))
            .map(([before, after]) =>
              Buffer.concat([Buffer.alloc(16), BUILD_INFO_MAGIC, Buffer.from(before), after]),
            ),
        },
      ),
      check: (bytes) => {
        const outcome = attempt(() => readGoBuildInfo(bytes));
        if ('threw' in outcome) {
          assertPlainError(outcome.threw, 'Malformed Go build info');
          return 'refused';
        }
        const info = outcome.returned;
        if (info === undefined) return 'refused';
        assert.match(info.goVersion, /^(go[0-9]|devel )/);
        for (const module of [...(info.main ? [info.main] : []), ...info.deps]) {
          assert.ok(typeof module.path === 'string' && typeof module.version === 'string');
        }
        for (const [key, value] of Object.entries(info.settings)) {
          assert.ok(typeof key === 'string' && typeof value === 'string');
        }
        return 'accepted';
      },
    };
  },
);

const pathSegment = fc.constantFrom(
  'go',
  'GO',
  'bin',
  'pkg',
  'tool',
  '..',
  '.',
  '',
  'C:',
  'a',
  'A',
  'go.mod',
  '_go.mod',
  'x\\..\\y',
  'a\0b',
  'é',
  'golang.org',
  'toolchain@v0.0.1-go1.25.4.linux-amd64',
);

const entryName = fc
  .tuple(
    fc.constantFrom('', '', '', '/', '\\', 'C:/'),
    fc.constantFrom('go/', 'go/', 'golang.org/toolchain@v0.0.1-go1.25.4.linux-amd64/', '', 'gox/'),
    fc.array(pathSegment, { maxLength: 4 }),
    fc.constantFrom('/', '/', '\\'),
  )
  .map(([lead, top, segments, separator]) => lead + top + segments.join(separator));

const archiveEntry: fc.Arbitrary<ArchiveEntry> = fc.record(
  {
    name: fc.oneof({ weight: 6, arbitrary: entryName }, { weight: 1, arbitrary: anyText(12) }),
    kind: fc.constantFrom(
      'file' as const,
      'directory' as const,
      'symlink' as const,
      'hardlink' as const,
      'other' as const,
    ),
    size: fc.oneof(fc.nat({ max: 100 }), fc.constant(2 ** 40)),
    linkTarget: fc.oneof(
      fc.array(pathSegment, { maxLength: 4 }).map((segments) => segments.join('/')),
      entryName,
      fc.constantFrom('/etc/passwd', '../../x', 'C:\\x', '\\\\server\\x'),
    ),
    typeName: fc.constantFrom('CharacterDevice', 'FIFO'),
  },
  { requiredKeys: ['name', 'kind', 'size'] },
);

/** Where a link resolves lexically from inside the root; undefined when it climbs out. */
function resolveInside(linkPath: string, target: string): string | undefined {
  const stack = linkPath.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') {
      if (stack.length === 0) return undefined;
      stack.pop();
    } else if (segment !== '' && segment !== '.') stack.push(segment);
  }
  return stack.join('/');
}

function assertRelativePath(relative: string): void {
  assert.ok(relative !== '' && !relative.includes('\\') && !relative.includes('\0'), `path ${relative}`);
  assert.ok(
    relative.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..'),
    `path ${relative} is not normalised`,
  );
}

const archiveEntriesTarget = target('safeEntryPath+ArchiveEntryChecker', undefined, 2000, () => ({
  arbitrary: fc.tuple(
    fc.constantFrom('go', 'go/', 'golang.org/toolchain@v0.0.1-go1.25.4.linux-amd64'),
    fc.boolean(),
    fc.boolean(),
    fc.array(archiveEntry, { maxLength: 12 }),
  ),
  check: ([topDirectory, allowLinks, renameModuleFiles, entries]) => {
    const maxExtractedBytes = 1000;
    const checker = new ArchiveEntryChecker({
      topDirectory,
      maxExtractedBytes,
      allowLinks,
      ...(renameModuleFiles ? { rename: (p: string) => restoredModuleFileName(p) ?? p } : {}),
    });
    const written = new Map<string, 'directory' | 'file' | 'link'>();
    let acceptedBytes = 0;
    for (const entry of entries) {
      const single = safeEntryPath(entry.name, topDirectory);
      if ('path' in single) assertRelativePath(single.path);
      if ('refused' in single) assert.ok(single.refused !== '');
      const decision = checker.check(entry);
      if (decision.action === 'refuse') {
        assert.ok(decision.reason !== '');
        continue;
      }
      if (decision.action === 'skip') continue;
      assertRelativePath(decision.path);
      const key = decision.path.toLowerCase();
      const parts = key.split('/');
      for (let depth = 1; depth < parts.length; depth++) {
        const kind = written.get(parts.slice(0, depth).join('/'));
        assert.ok(
          kind === undefined || kind === 'directory',
          `${decision.path} is written through a ${kind}`,
        );
      }
      const earlier = written.get(key);
      assert.ok(
        earlier === undefined || (earlier === 'directory' && decision.action === 'directory'),
        `${decision.path} replaces an earlier ${earlier}`,
      );
      if (decision.action === 'symlink') {
        assert.ok(allowLinks);
        assert.notEqual(
          resolveInside(decision.path, decision.target),
          undefined,
          `link ${decision.path} leaves the root`,
        );
      }
      if (decision.action === 'hardlink') {
        assert.ok(allowLinks);
        assert.equal(written.get(decision.target.toLowerCase()), 'file', `hard link to ${decision.target}`);
      }
      if (decision.action === 'file') acceptedBytes += entry.size;
      written.set(
        key,
        decision.action === 'directory' ? 'directory' : decision.action === 'symlink' ? 'link' : 'file',
      );
    }
    assert.ok(acceptedBytes <= maxExtractedBytes, `${acceptedBytes} bytes accepted past the cap`);
    return 'accepted';
  },
}));

/** Every parser under fuzzing, in the order the suite runs them. */
export const FUZZ_TARGETS: readonly FuzzTarget[] = [
  versionFileTarget,
  versionSpecTarget,
  goDevIndexTarget,
  toolchainListTarget,
  targetsTarget,
  distListTarget,
  ldflagsTarget,
  shellWordsTarget,
  listTarget,
  booleanTarget,
  positiveIntegerTarget,
  sizeLimitTarget,
  goproxyTarget,
  goSumLineTarget,
  lookupTarget,
  signedNoteTarget,
  commentHeaderTarget,
  commentFileTarget,
  reportParseTarget,
  binaryHeaderTarget,
  buildInfoTarget,
  archiveEntriesTarget,
];
