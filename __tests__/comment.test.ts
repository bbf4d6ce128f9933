import {
  commentMarker,
  decideCommentAction,
  DEFAULT_COMMENT_HEADER,
  escapeMarkdown,
  headerSlug,
  isCommentFor,
  MAX_COMMENT_CHARS,
  parseCommentHeader,
  readCommentOptions,
  renderNoBaseComment,
  renderSizeComment,
} from '../src/core/compare/comment.js';
import { createCommentFile, verifyCommentFile } from '../src/core/compare/comment-file.js';
import { compareReports, type ComparableTarget } from '../src/core/compare/compare.js';
import { judge, readThresholds } from '../src/core/compare/thresholds.js';
import { InputError } from '../src/core/errors.js';
import { buildReport, type Report } from '../src/core/report/report.js';

const BASE_SHA = '1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d';
const HEAD_SHA = '9f8e7d6c5b4a39281706f5e4d3c2b1a098765432';

function target(spec: string, sizeBytes: number, extra: Partial<ComparableTarget> = {}): ComparableTarget {
  const [goos, goarch] = spec.split('/') as [string, string];
  return {
    goos,
    goarch,
    package: '.',
    path: `dist/${goos}_${goarch}`,
    sizeBytes,
    buildMs: 1500,
    sha256: '0'.repeat(64),
    format: 'elf',
    arch: goarch,
    ...extra,
  };
}

function report(commit: string, targets: ComparableTarget[], buildCache?: Report['buildCache']): Report {
  return buildReport({
    go: { version: '1.25.4', hostOs: 'linux', hostArch: 'amd64', native: true },
    commit,
    flags: { ldflags: '-s -w', trimpath: true, cgo: false },
    targets,
    ...(buildCache ? { buildCache } : {}),
    wallMs: 1,
  });
}

/** The body rows of the tables in a rendered comment (header rows left out), as cells. */
function tableRows(body: string): string[][] {
  const lines = body.split('\n');
  return lines
    .filter(
      (line, i) => line.startsWith('| ') && !line.startsWith('| :--') && !lines[i + 1]?.startsWith('| :--'),
    )
    .map((line) =>
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((c) => c.trim()),
    );
}

describe('the marker', () => {
  it('names the header, so each workflow keeps its own comment', () => {
    expect(commentMarker(DEFAULT_COMMENT_HEADER)).toBe(
      '<!-- setup-go-arm64:size-report header=setup-go-arm64 -->',
    );
    expect(commentMarker('cli tools')).toBe('<!-- setup-go-arm64:size-report header=cli%20tools -->');
    const cli = `${commentMarker('cli')}\nbody`;
    expect(isCommentFor(cli, 'cli')).toBe(true);
    expect(isCommentFor(cli, 'cli-2')).toBe(false);
    expect(isCommentFor(`${commentMarker('cli-2')}\nbody`, 'cli')).toBe(false);
    expect(isCommentFor(`> quoted ${commentMarker('cli')}`, 'cli')).toBe(false);
  });

  it('cannot be closed early by a header', () => {
    const marker = commentMarker('x --> <script>alert(1)</script> --!>');
    expect(marker.indexOf('-->')).toBe(marker.length - 3);
    expect([...marker].filter((c) => c === '<' || c === '>')).toEqual(['<', '>']);
  });

  it('has a file-name slug per header', () => {
    expect(headerSlug('setup-go-arm64')).toBe('setup-go-arm64');
    expect(headerSlug('My CLI!')).toMatch(/^my-cli-[0-9a-f]{8}$/);
    expect(headerSlug('my-cli')).not.toBe(headerSlug('My CLI!'));
    expect(headerSlug('../../etc')).toMatch(/^etc-[0-9a-f]{8}$/);
  });
});

describe('comment inputs', () => {
  const read = (inputs: Record<string, string>) => readCommentOptions((name) => inputs[name] ?? '');

  it('defaults to a sticky comment on change under the default header', () => {
    expect(read({})).toEqual({ mode: 'sticky', on: 'change', header: 'setup-go-arm64' });
    expect(read({ comment: 'NEW', 'comment-on': 'regression', 'comment-header': ' cli ' })).toEqual({
      mode: 'new',
      on: 'regression',
      header: 'cli',
    });
  });

  it.each([
    ['comment', 'always', 'Use one of sticky, new, off'],
    ['comment-on', 'sometimes', 'Use one of always, change, regression'],
    ['comment-header', 'two\nlines', 'line break or control character'],
    ['comment-header', 'x'.repeat(101), 'more than 100'],
  ])('rejects %s: %j', (input, value, why) => {
    expect(() => read({ [input]: value })).toThrow(InputError);
    expect(() => read({ [input]: value })).toThrow(why);
  });

  it('checks headers given to the poster the same way', () => {
    expect(parseCommentHeader('cli')).toBe('cli');
    expect(() => parseCommentHeader('a\u0007b', 'comment-header')).toThrow(InputError);
  });
});

describe('decideCommentAction', () => {
  const moved = { changed: true, regression: false };
  const still = { changed: false, regression: false };
  const regressed = { changed: true, regression: true };

  it.each([
    [{ mode: 'off', on: 'always' }, regressed, 7, 'skip'],
    [{ mode: 'sticky', on: 'change' }, moved, undefined, 'create'],
    [{ mode: 'sticky', on: 'change' }, still, undefined, 'skip'],
    [{ mode: 'sticky', on: 'change' }, still, 7, 'update'],
    [{ mode: 'sticky', on: 'regression' }, moved, undefined, 'skip'],
    [{ mode: 'sticky', on: 'regression' }, moved, 7, 'update'],
    [{ mode: 'sticky', on: 'regression' }, regressed, undefined, 'create'],
    [{ mode: 'sticky', on: 'always' }, still, undefined, 'create'],
    [{ mode: 'new', on: 'always' }, still, 7, 'create'],
    [{ mode: 'new', on: 'change' }, still, 7, 'skip'],
  ] as const)('%j %j with existing %s → %s', (options, facts, existing, kind) => {
    const action = decideCommentAction(options, facts, existing);
    expect(action.kind).toBe(kind);
    if (action.kind === 'update') expect(action.commentId).toBe(existing);
  });
});

describe('escapeMarkdown', () => {
  it('neutralises HTML, markdown and mentions', () => {
    expect(escapeMarkdown('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert\\(1\\)&gt;');
    expect(escapeMarkdown('a|b')).toBe('a\\|b');
    expect(escapeMarkdown('**bold** [link](http://x) `code`')).toBe(
      '\\*\\*bold\\*\\* \\[link\\]\\(http://x\\) \\`code\\`',
    );
    expect(escapeMarkdown('@octocat')).toBe('@\u200boctocat');
    expect(escapeMarkdown('two\nlines')).toBe('two lines');
    expect(escapeMarkdown('github.com/spf13/pflag')).toBe('github.com/spf13/pflag');
    expect(escapeMarkdown('WWW.evil.example/x')).toBe('WWW\u200b.evil.example/x');
  });
});

describe('renderSizeComment', () => {
  const unchanged = [
    target('linux/arm64', 2_300_000),
    target('darwin/arm64', 2_500_000),
    target('darwin/amd64', 2_600_000),
  ];
  const base = report(
    BASE_SHA,
    [target('linux/amd64', 2_420_898, { buildMs: 1200 }), ...unchanged, target('windows/amd64', 2_700_000)],
    'partial',
  );
  const head = report(
    HEAD_SHA,
    [target('linux/amd64', 3_879_074, { buildMs: 1500 }), ...unchanged, target('linux/riscv64', 2_000_000)],
    'partial',
  );
  const comparison = compareReports(base, head);
  const verdict = judge(
    comparison,
    readThresholds((n) => (n === 'fail-on-size-increase' ? '5%' : '')),
  );
  const body = renderSizeComment(
    { header: 'setup-go-arm64', baseSource: 'a build of the merge-base' },
    comparison,
    verdict,
  );

  it('opens with the marker, a heading and the two short commits', () => {
    const lines = body.split('\n');
    expect(lines[0]).toBe(commentMarker('setup-go-arm64'));
    expect(lines[1]).toBe('### Binary sizes');
    expect(lines[3]).toBe('Base `1a2b3c4` → head `9f8e7d6` · base sizes from a build of the merge-base');
  });

  it('has a table of what moved, largest first, with a total over the targets in both', () => {
    expect(tableRows(body.split('<details>')[0] as string)).toEqual([
      ['windows/amd64', '.', '2.6 MiB', '—', 'removed', '', '1.50 s'],
      ['linux/riscv64', '.', '—', '1.9 MiB', 'added', '', '1.50 s'],
      ['linux/amd64', '.', '2.3 MiB', '3.7 MiB', '**+1.4 MiB**', '+60.2%', '1.50 s (+300 ms)'],
      ['**Total of 4 in both**', '', '9.4 MiB', '10.8 MiB', '**+1.4 MiB**', '+14.8%', '6.00 s (+300 ms)'],
    ]);
  });

  it('folds unchanged targets under details', () => {
    const details = body.slice(body.indexOf('<details>'), body.indexOf('</details>'));
    expect(details).toContain('<summary>3 unchanged targets</summary>');
    expect(tableRows(details).map((r) => r[0])).toEqual(['darwin/amd64', 'darwin/arm64', 'linux/arm64']);
  });

  it('ends with a one-line verdict', () => {
    expect(body.trimEnd().split('\n').at(-1)).toBe(
      '**❌ Size regression: linux/amd64 grew +1.4 MiB \\(+60.2%\\), over the fail-on-size-increase limit of 5%.**',
    );
    const passing = renderSizeComment({ header: 'x' }, comparison, judge(comparison, {}));
    expect(passing.trimEnd().split('\n').at(-1)).toBe(
      '**✅ No size limits set \\(fail-on-size-increase, fail-on-total-increase\\).**',
    );
  });

  it('escapes package paths and headers from reports and inputs', () => {
    const evil = '<img src=x onerror=alert(1)>|@admin';
    const hostile = compareReports(
      report(BASE_SHA, [target('linux/amd64', 100, { package: evil })]),
      report(HEAD_SHA, [target('linux/amd64', 200, { package: evil })]),
    );
    const text = renderSizeComment({ header: '</details><script>x</script>' }, hostile, judge(hostile, {}));
    expect(text).not.toContain('<img');
    expect(text).not.toContain('<script');
    expect(text).not.toContain('@admin');
    expect(text).toContain('### Binary sizes: &lt;/details&gt;&lt;script&gt;x&lt;/script&gt;');
    expect(tableRows(text)[0]?.[1]).toBe('&lt;img src=x onerror=alert\\(1\\)&gt;\\|@\u200badmin');
  });

  it('says when nothing moved, and warns when the toolchains differ', () => {
    const same = compareReports(base, { ...base, go: { ...base.go, version: '1.26.0' }, commit: HEAD_SHA });
    const text = renderSizeComment({ header: 'setup-go-arm64' }, same, judge(same, {}));
    expect(text).toContain('No size changed: 5 targets, 11.9 MiB in total.');
    expect(text).toContain(
      "> ⚠️ Not like-for-like: base was built with Go 1.25.4, head with Go 1.26.0. The base could not be rebuilt the way head was (it was compared as given, without a rebuild), so the change mixes the code's with the build’s, and size limits are not judged on it.",
    );
    expect(text).toContain('<summary>5 unchanged targets</summary>');
  });

  it('lists what grew inside a target when both reports carry attribution', () => {
    const attributed = compareReports(
      report(BASE_SHA, [
        target('linux/amd64', 1000, { attribution: [{ package: 'runtime', sizeBytes: 900 }] }),
      ]),
      report(HEAD_SHA, [
        target('linux/amd64', 5000, {
          attribution: [
            { package: 'runtime', sizeBytes: 1000 },
            { package: 'golang.org/x/text/collate', sizeBytes: 3900 },
          ],
        }),
      ]),
    );
    const text = renderSizeComment({ header: 'h' }, attributed, judge(attributed, {}));
    const section = text.slice(text.indexOf('What grew in linux/amd64'));
    expect(tableRows(section)).toEqual([
      ['golang.org/x/text/collate', '0 B', '3.8 KiB', '+3.8 KiB'],
      ['runtime', '900 B', '1000 B', '+100 B'],
    ]);
  });

  it('stays under GitHub’s size limit with thousands of targets, keeping the largest changes', () => {
    const many = (commit: string, grow: number) =>
      report(
        commit,
        Array.from({ length: 3000 }, (_, i) =>
          target('linux/amd64', 1_000_000 + (i % 2 === 0 ? i * grow : 0), {
            package: `./cmd/tool-with-a-long-name-${i}`,
          }),
        ),
      );
    const huge = compareReports(many(BASE_SHA, 0), many(HEAD_SHA, 7));
    const text = renderSizeComment({ header: 'setup-go-arm64' }, huge, judge(huge, {}));
    expect(text.length).toBeLessThan(MAX_COMMENT_CHARS);
    expect(text.startsWith(commentMarker('setup-go-arm64'))).toBe(true);
    expect(tableRows(text)[0]?.[1]).toBe('./cmd/tool-with-a-long-name-2998');
    expect(text).toMatch(/… and \d+ more changed targets \(see the size-delta output\)\./);
    expect(text).toContain('<summary>1501 unchanged targets</summary>');
  });
});

describe('renderNoBaseComment', () => {
  it('says there is nothing to compare against and why, with the head sizes', () => {
    const head = report(HEAD_SHA, [target('linux/amd64', 3_879_074), target('linux/arm64', 3_801_250)]);
    const text = renderNoBaseComment({ header: 'cli' }, head, 'base-report is none');
    expect(text.split('\n').slice(0, 4)).toEqual([
      commentMarker('cli'),
      '### Binary sizes: cli',
      '',
      'Head `9f8e7d6` · nothing to compare against: base-report is none.',
    ]);
    expect(tableRows(text)).toEqual([
      ['linux/amd64', '.', '3.7 MiB', '1.50 s'],
      ['linux/arm64', '.', '3.6 MiB', '1.50 s'],
    ]);
    expect(text).toContain('**✅ Nothing to compare against, so no size limit applies.**');
  });

  it('says the verdict another baseline reached, never that nothing applies, when the release judged a regression', () => {
    const head = report(HEAD_SHA, [target('linux/amd64', 3_879_074)]);
    const verdict = {
      regression: true,
      breaches: [],
      message: 'Against the release: linux/amd64 grew 12.0%, over its 10% limit.',
    };
    const text = renderNoBaseComment({ header: 'cli' }, head, 'no base report', verdict);
    expect(text).toContain('**❌ Against the release: linux/amd64 grew 12.0%, over its 10% limit.**');
    expect(text).not.toContain('✅');
  });
});

describe('comment files from untrusted runs', () => {
  const head = report(HEAD_SHA, [
    target('linux/amd64', 2_500_000, {
      package: './cmd/tool',
      attribution: [
        { package: 'github.com/spf13/pflag', sizeBytes: 9 },
        { package: 'type:', sizeBytes: 5 },
      ],
    }),
  ]);
  const base = report(BASE_SHA, [target('linux/amd64', 2_000_000, { package: './cmd/tool' })]);
  const good = createCommentFile(42, HEAD_SHA, 'cli', {
    head,
    base: { report: base, commit: BASE_SHA },
    thresholds: { perTarget: '5%,200KB' },
  });

  it('renders the comment from the data with the action’s own renderer', () => {
    const comparison = compareReports(base, head);
    const verdict = judge(
      comparison,
      readThresholds((name) => (name === 'fail-on-size-increase' ? '5%,200KB' : '')),
    );
    expect(verdict.regression).toBe(true);
    expect(verifyCommentFile(JSON.parse(JSON.stringify(good)), 'c.json')).toEqual({
      pullRequest: 42,
      headSha: HEAD_SHA,
      header: 'cli',
      body: renderSizeComment(
        { header: 'cli', baseCommit: BASE_SHA, headCommit: HEAD_SHA },
        comparison,
        verdict,
      ),
    });
    expect(verifyCommentFile(good, 'c.json', 'cli').header).toBe('cli');
    const noBase = verifyCommentFile({ ...good, base: undefined }, 'c.json').body;
    expect(noBase).toContain('nothing to compare against: the pull request’s run had no base report');
  });

  it('takes ldflags that are linker flags and their values', () => {
    const stamped = {
      ...head,
      flags: { ...head.flags, ldflags: '-s -w -X main.version={version} -extldflags=-static' },
    };
    expect(verifyCommentFile({ ...good, head: stamped }, 'c.json').body).toContain(
      '-ldflags=-s -w -X main.version=\\{version\\}',
    );
  });

  it.each([
    ['not an object', 'null', 'it is not a JSON object'],
    ['another schema', { ...good, schema: 'x' }, 'not a setup-go-arm64 size comment file'],
    ['version 1', { ...good, version: 1 }, 'update setup-go-arm64 in the pull request workflow'],
    ['an unknown version', { ...good, version: 3 }, 'its version is 3; this comment action reads version 2'],
    ['a markdown body', { ...good, body: '@admin' }, 'it carries a markdown body, which is never posted'],
    ['a fractional PR', { ...good, pullRequest: 4.2 }, 'pullRequest is not a pull request number'],
    ['a PR number as text', { ...good, pullRequest: '42' }, 'pullRequest is not a pull request number'],
    ['a short SHA', { ...good, headSha: 'abc1234' }, 'headSha is not a full commit SHA'],
    ['a header with a space', { ...good, header: 'cli tools' }, 'its header "cli tools" is not made of'],
    ['a header with a mention', { ...good, header: '@admin' }, 'its header "@admin" is not made of'],
    ['no head report', { ...good, head: undefined }, 'head is not a setup-go-arm64 report'],
    ['a base that is no object', { ...good, base: 'x' }, 'base is not an object'],
    ['a base commit that is text', { ...good, base: { report: base, commit: 'main' } }, 'base.commit is not'],
    [
      'a limit spelled otherwise',
      { ...good, thresholds: { perTarget: '5 %' } },
      'thresholds.perTarget is not',
    ],
    ['no thresholds', { ...good, thresholds: null }, 'thresholds is not an object'],
    [
      'a variant Go has no level of',
      { ...good, head: { ...head, targets: [{ ...head.targets[0], variant: 'v9' }] } },
      'targets[0] is "linux/amd64/v9", not a Go target',
    ],
  ])('refuses %s', (_what, json, why) => {
    expect(() => verifyCommentFile(json === 'null' ? null : json, 'c.json')).toThrow(`c.json is refused: `);
    expect(() => verifyCommentFile(json === 'null' ? null : json, 'c.json')).toThrow(why);
  });

  it('takes a header of any text the workflow named itself, and only that one', () => {
    const spaced = { ...good, header: 'cli tools' };
    expect(verifyCommentFile(spaced, 'c.json', 'cli tools').body).toContain('### Binary sizes: cli tools');
    expect(() => verifyCommentFile(good, 'c.json', 'setup-go-arm64')).toThrow(
      'the comment is for header "cli", not "setup-go-arm64"',
    );
  });
});
