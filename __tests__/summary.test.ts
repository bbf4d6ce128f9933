// The job summary: tables per package, charts, flags, attribution, and user text that must stay text.
import { cell, code, humanBytes, humanDuration } from '../src/core/report/format.js';
import { buildReport, type Report, type TargetResult } from '../src/core/report/report.js';
import { renderBuildSection, renderSetupSection, renderSizeChart } from '../src/core/report/summary.js';

function target(overrides: Partial<TargetResult> & Pick<TargetResult, 'goos' | 'goarch'>): TargetResult {
  const sizeBytes = overrides.sizeBytes ?? 2_000_000;
  return {
    package: '.',
    path: `dist/app_${overrides.goos}_${overrides.goarch}`,
    sizeBytes,
    buildMs: 1234,
    sha256: `${overrides.goos.length}${overrides.goarch}`.padEnd(64, 'a').replace(/[^0-9a-f]/g, 'b'),
    format: overrides.goos === 'darwin' ? 'macho' : 'elf',
    arch: overrides.goarch,
    ...overrides,
  };
}

function report(targets: TargetResult[], flags: Partial<Report['flags']> = {}): Report {
  return buildReport({
    go: { version: '1.26.8', hostOs: 'linux', hostArch: 'amd64', native: true },
    commit: 'a'.repeat(40),
    flags: { ldflags: '-s -w', trimpath: true, cgo: false, ...flags },
    targets,
    wallMs: 3456,
  });
}

/** The cells of a markdown table row, split at pipes that are not escaped. */
function cellsOf(row: string): string[] {
  return row
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((part) => part.trim());
}

/** Every table in the markdown, as rows of cells; each must keep its header's column count. */
function tables(markdown: string): string[][][] {
  const found: string[][][] = [];
  let current: string[][] | undefined;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('|')) {
      current ??= [];
      current.push(cellsOf(line));
    } else if (current) {
      found.push(current);
      current = undefined;
    }
  }
  if (current) found.push(current);
  return found;
}

describe('renderBuildSection', () => {
  const targets = [
    target({ goos: 'linux', goarch: 'arm64', sizeBytes: 1_834_242, buildMs: 2345 }),
    target({ goos: 'darwin', goarch: 'arm64', sizeBytes: 1_901_234, buildMs: 812 }),
    target({ goos: 'linux', goarch: 'arm', variant: '6', sizeBytes: 1_799_000, buildMs: 1999 }),
    target({ package: './cmd/b', goos: 'linux', goarch: 'amd64', sizeBytes: 3_500_000, buildMs: 4000 }),
  ];
  const built = report(targets, { tags: ['netgo'], buildFlags: ['-gcflags=all=-N -l'] });
  const markdown = renderBuildSection(built);

  it('has one table per package, each row with human and exact size, build time, header and sha256 prefix', () => {
    expect(markdown.match(/^### Builds of .*$/gm)).toEqual(['### Builds of `.`', '### Builds of `./cmd/b`']);
    const [dot, b] = tables(markdown);
    expect(dot?.[0]).toEqual(['Target', 'Size', 'Bytes', 'Build time', 'Header', 'sha256']);
    const rows = dot!.slice(2);
    // buildReport orders targets by package, goos, goarch, variant.
    expect(rows.map((row) => row[0])).toEqual(['darwin/arm64', 'linux/arm/6', 'linux/arm64']);
    rows.forEach((row, index) => {
      const t = built.targets.filter((candidate) => candidate.package === '.')[index]!;
      expect(row).toEqual([
        row[0],
        humanBytes(t.sizeBytes),
        String(t.sizeBytes),
        humanDuration(t.buildMs),
        `${t.format} ${t.arch}`,
        `\`${t.sha256.slice(0, 12)}\``,
      ]);
    });
    expect(b!.slice(2).map((row) => row[0])).toEqual(['linux/amd64']);
    for (const table of tables(markdown)) for (const row of table) expect(row).toHaveLength(table[0]!.length);
  });

  it('charts sizes per target for each package, in MiB', () => {
    const charts = [...markdown.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((match) => match[1]!);
    expect(charts).toHaveLength(2);
    const dotTargets = built.targets.filter((t) => t.package === '.');
    expect(charts[0]).toContain('xychart-beta');
    expect(charts[0]).toContain('title "Binary size of . (MiB)"');
    expect(charts[0]).toContain('x-axis ["darwin/arm64", "linux/arm/6", "linux/arm64"]');
    expect(charts[0]).toContain(
      `bar [${dotTargets.map((t) => (t.sizeBytes / 1048576).toFixed(2)).join(', ')}]`,
    );
  });

  it('switches the chart to KiB when every file is under a MiB', () => {
    const chart = renderSizeChart([target({ goos: 'js', goarch: 'wasm', sizeBytes: 300 * 1024 })]);
    expect(chart).toContain('y-axis "KiB"');
    expect(chart).toContain('bar [300.00]');
  });

  it('lists every flag, and says what the two times are', () => {
    expect(markdown).toContain(
      'Flags: `-ldflags=-s -w`, `-trimpath`, `CGO_ENABLED=0`, `-tags=netgo`, build-flags `-gcflags=all=-N -l`.',
    );
    expect(markdown).toContain(
      `Total ${humanBytes(built.totals.sizeBytes)} in 4 file(s). The builds took ${humanDuration(3456)} of wall time; ` +
        `their individual build times add up to ${humanDuration(2345 + 812 + 1999 + 4000)}.`,
    );
    expect(markdown).not.toMatch(/CPU/);
    const stamped = renderBuildSection(
      report([targets[0]!], { ldflags: '-X main.v={version}', stampedLdflags: '-X main.v=v1.2.3' }),
    );
    expect(stamped).toContain('Flags: `-ldflags=-X main.v=v1.2.3`, ');
    const bare = renderBuildSection(report([targets[0]!], { ldflags: '', trimpath: false, cgo: true }));
    expect(bare).toContain('Flags: no `-ldflags`, no `-trimpath`, `CGO_ENABLED=1`.');
  });

  it('folds the size attribution into a table of packages by target, largest first', () => {
    const attributed = (goarch: string, sizes: [string, number][]) =>
      target({
        goos: 'linux',
        goarch,
        attribution: sizes.map(([name, sizeBytes]) => ({ package: name, sizeBytes })),
      });
    const withAttribution = renderBuildSection(
      report([
        attributed('amd64', [
          ['runtime', 450_000],
          ['go:', 118_000],
          ['example.com/app/internal/big', 9_000],
        ]),
        attributed('arm64', [
          ['runtime', 520_000],
          ['example.com/app/internal/big', 150_000],
        ]),
      ]),
    );
    expect(withAttribution).toMatch(/<details><summary>Size by Go package[^<]*<\/summary>\n\n\| Package \|/);
    const attributionTable = tables(withAttribution)[1]!;
    expect(attributionTable[0]).toEqual(['Package', 'linux/amd64', 'linux/arm64']);
    expect(attributionTable.slice(2)).toEqual([
      ['`runtime`', humanBytes(450_000), humanBytes(520_000)],
      ['`example.com/app/internal/big`', humanBytes(9_000), humanBytes(150_000)],
      ['`go:`', humanBytes(118_000), '–'],
    ]);
    expect(markdown).not.toContain('<details>');
  });

  it('keeps user text as text: backticks, pipes, HTML and newlines in packages and flags', () => {
    const hostile = renderBuildSection(
      report([target({ package: './cmd/`x`|<b>y</b>', goos: 'linux', goarch: 'amd64' })], {
        ldflags: '-X main.note=`a|b`\n::error::x',
        buildFlags: ['-toolexec=`id`'],
      }),
    );
    expect(hostile).toContain('### Builds of ``./cmd/`x`|<b>y</b>``');
    expect(hostile).toContain('title "Binary size of ./cmd/\'x\'|<b>y</b> (MiB)"');
    expect(hostile).toContain('``-ldflags=-X main.note=`a|b` ::error::x``');
    expect(hostile).toContain('build-flags `` -toolexec=`id` ``');
    expect(hostile.split('\n').some((line) => line.startsWith('::'))).toBe(false);
  });
});

describe('renderSetupSection', () => {
  it('escapes what users wrote and shows the native proof', () => {
    const markdown = renderSetupSection({
      version: '1.26.8',
      source: 'https://proxy.golang.org (golang.org/toolchain module)',
      decidedBy: 'input go-version: >=1.26 | *newest* <b>',
      goroot: '/opt/hostedtoolcache/go/1.26.8/arm64',
      verifiedHash: 'h1:abc=',
      verifiedBy: 'sum.golang.org via https://proxy.golang.org',
      headerFormat: 'macho',
      headerArch: 'arm64',
      goHostOs: 'darwin',
      goHostArch: 'arm64',
      machineArch: 'arm64',
      native: true,
      rosetta: false,
      timings: { fetch: 1500, verify: 30 },
    });
    expect(markdown).toContain(
      '| Version decided by | input go-version: \\>=1.26 \\| \\*newest\\* \\<b\\> |',
    );
    expect(markdown).toContain(
      '| Native proof | native: `bin/go` is macho arm64, `go env GOHOSTARCH` is arm64, machine is arm64 |',
    );
    expect(markdown).toContain('| Verified | `h1:abc=` (sum.golang.org via https://proxy.golang.org) |');
    for (const table of tables(markdown)) for (const row of table) expect(row).toHaveLength(2);
  });
});

describe('markdown escaping', () => {
  it('cell shows any text literally on one line', () => {
    expect(cell('a|b *c* _d_ `e` [f](g) <h> &amp; #1\nnext')).toBe(
      'a\\|b \\*c\\* \\_d\\_ \\`e\\` \\[f\\](g) \\<h\\> &amp;amp; \\#1 next',
    );
  });

  it('code picks a fence longer than any backtick run inside, and escapes pipes only in tables', () => {
    expect(code('plain')).toBe('`plain`');
    expect(code('a`b')).toBe('``a`b``');
    expect(code('``x``')).toBe('``` ``x`` ```');
    expect(code('a|b')).toBe('`a|b`');
    expect(code('a|b', true)).toBe('`a\\|b`');
    expect(code(' padded ')).toBe('`  padded  `');
  });
});
