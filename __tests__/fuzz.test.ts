// Every parser, fed generated input, returns a well-formed result or refuses the input in its one typed way; no
// crash (TypeError, RangeError, URIError…), no case slower than a second. The targets, their generators and
// what "well-formed" and "typed" mean for each parser are in test/support/fuzz.ts: an InputError naming the input
// and carrying a fix for values users write, IndexShapeError for release indexes, a plain Error with a message
// for bytes and answers that come from elsewhere (binaries, the checksum database, comment and report files).
// `npm run fuzz` runs the same targets with 50 times the cases.
import { stampValues, templateLdflags } from '../src/core/build/ldflags.js';
import { parseTargets, targetEnv } from '../src/core/build/targets.js';
import { parseCommentHeader } from '../src/core/compare/comment.js';
import { verifyCommentFile } from '../src/core/compare/comment-file.js';
import { InputError } from '../src/core/errors.js';
import { parseGoSumLine } from '../src/core/toolchain/module-hash.js';
import { parseGoproxy } from '../src/core/toolchain/goproxy.js';
import { parseVersionFile } from '../src/core/version/files.js';
import {
  CASE_TIME_LIMIT_MS,
  FUZZ_TARGETS,
  fuzzRuns,
  fuzzSeed,
  fuzzTally,
  writeFuzzCounts,
  type FuzzTarget,
} from '../test/support/fuzz.js';

function title(target: FuzzTarget): string {
  return target.typedFailure === undefined
    ? `${target.parser} gives a well-formed result for any input and never throws`
    : `${target.parser} gives a well-formed result for any input, or ${target.typedFailure}`;
}

describe('parsers under generated input', () => {
  afterAll(() => {
    writeFuzzCounts();
  });

  it.each(FUZZ_TARGETS.map((target) => [title(target), target] as const))('%s', async (_title, target) => {
    const seed = fuzzSeed();
    const result = await target.run({
      numRuns: fuzzRuns(target),
      // Bounds shrinking after a slow case; a run cut short shows as fewer cases than asked for.
      timeBudgetMs: 60_000,
      ...(seed !== undefined ? { seed } : {}),
    });
    expect(result.numRuns).toBe(fuzzRuns(target));
    expect(fuzzTally().perParser[target.parser]).toBe(result.numRuns);
    // The generators reach both the parser's results and, where it has one, its refusal.
    expect(result.accepted).toBeGreaterThan(0);
    if (target.typedFailure !== undefined) expect(result.accepted).toBeLessThan(result.numRuns);
  });
});

describe('inputs the fuzzing found', () => {
  it('stampValues leaves a SOURCE_DATE_EPOCH past the last representable date as a gap, not a RangeError', () => {
    const past = stampValues({ sourceDateEpoch: '8640000000001' });
    expect(past.values.date).toBeUndefined();
    expect(past.gaps.date).toMatch(
      /SOURCE_DATE_EPOCH is "8640000000001", past the last date a timestamp can hold/,
    );
    expect(() => templateLdflags('-X main.date={date}', past)).toThrow(InputError);
    // The last second a Date holds still stamps.
    expect(stampValues({ sourceDateEpoch: '8640000000000' }).values.date).toBe('+275760-09-13T00:00:00Z');
  });

  it('parseGoproxy refuses a URL with white space inside, and still trims it around entries', () => {
    expect(() => parseGoproxy('https://a b')).toThrow(InputError);
    expect(() => parseGoproxy('https://proxy.golang.org,https://x/a b|direct')).toThrow(
      /Entry "https:\/\/x\/a b" in goproxy is not a proxy URL/,
    );
    expect(parseGoproxy(' https://proxy.golang.org/ , direct ')).toEqual([
      { url: 'https://proxy.golang.org', fallThrough: 'not-found' },
      { url: 'direct', fallThrough: 'not-found' },
    ]);
  });

  it.each([
    '  h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    'golang.org/toolchain v0.0.1-go1.25.4.linux-amd64/go.mod h1:8wlg68NqwW7eMnI1aABk/C2pDYXj8mrMY4TyRfiLeS0=',
    'golang.org/toolchain 1.25.4 h1:5e4fxJf48MqaBmsurT33X8lENq6kLpby4xLNGF0tmEw=',
    'golang.org/toolchain v0.0.1-go1.25.4.linux-amd64 h1:5e4fxJf48MqaBmsurT33X8lENq6kLpby4xLNGF0tmE=',
  ])('parseGoSumLine names toolchain-sum in the message refusing %j', (line) => {
    expect(() => parseGoSumLine(line)).toThrow(expect.objectContaining({ input: 'toolchain-sum' }));
    expect(() => parseGoSumLine(line)).toThrow(/toolchain-sum/);
  });

  it('parseCommentHeader refuses a lone surrogate, which no marker can carry', () => {
    expect(() => parseCommentHeader('\ud800')).toThrow(
      expect.objectContaining({ name: 'InputError', input: 'comment-header' }),
    );
    expect(() => parseCommentHeader('a\udc00b')).toThrow(/half of a UTF-16 surrogate pair/);
    // Paired surrogates are ordinary text.
    expect(parseCommentHeader('sizes 😀')).toBe('sizes 😀');
  });

  it('verifyCommentFile refuses a header holding a lone surrogate instead of crashing with a URIError', () => {
    const head = {
      schemaVersion: 1,
      go: { version: '1.25.4' },
      flags: { ldflags: '', trimpath: true, cgo: false },
      commit: null,
      targets: [],
    };
    const file = {
      schema: 'setup-go-arm64/size-comment',
      version: 2,
      pullRequest: 1,
      headSha: '0'.repeat(40),
      header: '\udefb',
      head,
      thresholds: {},
    };
    expect(() => verifyCommentFile(file, 'comment.json')).toThrow(
      'comment.json is refused: its header "\\udefb" is not made of letters, digits and . _ / -',
    );
  });

  it('parseTargets takes only the GOARM64 levels go accepts', () => {
    for (const bad of ['linux/arm64/v8.2junk', 'linux/arm64/v8.10', 'linux/arm64/v9.6', 'linux/arm64/v8']) {
      expect(() => parseTargets(bad)).toThrow(/unknown GOARM64 level/);
    }
    expect(parseTargets('linux/arm64/v8.0 darwin/arm64/v9.5').map(targetEnv)).toEqual([
      { GOOS: 'linux', GOARCH: 'arm64', GOARM64: 'v8.0' },
      { GOOS: 'darwin', GOARCH: 'arm64', GOARM64: 'v9.5' },
    ]);
  });

  it('parseVersionFile reads a comment to the end of its line, U+2028 and all, in linear time', () => {
    expect(parseVersionFile('.go-version', '1.22 # pinned\u2028for now\n').spec).toBe('1.22');
    expect(parseVersionFile('.tool-versions', 'golang 1.25.4 # \u2029x\n').spec).toBe('1.25.4');
    const started = performance.now();
    expect(() => parseVersionFile('.go-version', `${'#'.repeat(40_000)}\u2028`)).toThrow(/holds no version/);
    expect(performance.now() - started).toBeLessThan(CASE_TIME_LIMIT_MS);
  });
});
