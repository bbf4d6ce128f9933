import { targetName } from '../build/targets.js';
import { cell, code, humanBytes, humanDuration } from './format.js';
import type { Report, TargetResult } from './report.js';

/** How the toolchain was obtained and checked, as the summary tells it. */
export interface SetupFacts {
  version: string;
  /** `tool cache`, `go.dev`, or the proxy URL it came from. */
  source: string;
  /** Why this version: e.g. `go.mod line 3: go 1.25.4`. */
  decidedBy: string;
  goroot: string;
  /** `h1:…` or `sha256:…`, when the toolchain was downloaded and verified in this run. */
  verifiedHash?: string;
  /** How the hash was vouched for: `sum.golang.org via https://proxy.golang.org`, `go.dev release index`… */
  verifiedBy?: string;
  headerFormat: string;
  headerArch: string;
  goHostOs: string;
  goHostArch: string;
  machineArch: string;
  native: boolean;
  rosetta: boolean;
  /** Time spent per phase, for the table's last column. */
  timings: Record<string, number>;
}

export function renderSetupSection(setup: SetupFacts): string {
  const nativeLine = setup.native
    ? `native: \`bin/go\` is ${setup.headerFormat} ${setup.headerArch}, \`go env GOHOSTARCH\` is ${setup.goHostArch}, machine is ${setup.machineArch}`
    : `**not native**: \`bin/go\` is ${setup.headerFormat} ${setup.headerArch} on a ${setup.machineArch} machine${setup.rosetta ? ' (runs under Rosetta 2)' : ''}`;
  const lines = [
    `### Go ${cell(setup.version)}`,
    '',
    '| | |',
    '| --- | --- |',
    `| Version decided by | ${cell(setup.decidedBy)} |`,
    `| Source | ${cell(setup.source)} |`,
    `| Verified | ${setup.verifiedHash ? `${code(setup.verifiedHash, true)} (${cell(setup.verifiedBy ?? '')})` : 'already installed in the tool cache'} |`,
    `| Native proof | ${nativeLine} |`,
    `| GOROOT | ${code(setup.goroot, true)} |`,
    `| Time | ${Object.entries(setup.timings)
      .map(([phase, ms]) => `${cell(phase)} ${humanDuration(ms)}`)
      .join(', ')} |`,
  ];
  return lines.join('\n') + '\n';
}

function targetLabel(t: Pick<TargetResult, 'goos' | 'goarch' | 'variant'>): string {
  return targetName({ goos: t.goos, goarch: t.goarch, ...(t.variant ? { variant: t.variant } : {}) });
}

/** Text inside a mermaid string: it has no escape for quotes, and a backtick could end the code fence. */
function mermaidText(text: string): string {
  return text.replace(/["`\r\n]/g, "'");
}

/**
 * A mermaid bar chart of sizes per target, which GitHub renders in job summaries; in MiB, or KiB when every
 * file is smaller than a MiB.
 */
export function renderSizeChart(targets: TargetResult[], title = 'Binary size'): string {
  const inMiB = targets.some((t) => t.sizeBytes >= 1024 * 1024);
  const unit = inMiB ? 'MiB' : 'KiB';
  const labels = targets.map((t) => `"${mermaidText(targetLabel(t))}"`).join(', ');
  const values = targets.map((t) => (t.sizeBytes / (inMiB ? 1024 * 1024 : 1024)).toFixed(2)).join(', ');
  return [
    '```mermaid',
    'xychart-beta',
    `  title "${mermaidText(title)} (${unit})"`,
    `  x-axis [${labels}]`,
    `  y-axis "${unit}"`,
    `  bar [${values}]`,
    '```',
  ].join('\n');
}

/**
 * Which packages take the bytes of one program on each target: packages as rows (largest first), targets as
 * columns, folded away since it is long.
 */
export function renderAttribution(targets: TargetResult[]): string {
  const measured = targets.filter((t) => t.attribution && t.attribution.length > 0);
  if (measured.length === 0) return '';
  const largest = new Map<string, number>();
  for (const t of measured) {
    for (const entry of t.attribution ?? []) {
      largest.set(entry.package, Math.max(largest.get(entry.package) ?? 0, entry.sizeBytes));
    }
  }
  const rows = [...largest].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([pkg]) => pkg);
  const sizeIn = (t: TargetResult, pkg: string) => {
    const entry = t.attribution?.find((e) => e.package === pkg);
    return entry ? humanBytes(entry.sizeBytes) : '–';
  };
  return [
    '<details><summary>Size by Go package (symbol sizes of an unstripped link)</summary>',
    '',
    `| Package | ${measured.map((t) => cell(targetLabel(t))).join(' | ')} |`,
    `| --- |${' ---: |'.repeat(measured.length)}`,
    ...rows.map((pkg) => `| ${code(pkg, true)} | ${measured.map((t) => sizeIn(t, pkg)).join(' | ')} |`),
    '',
    '</details>',
  ].join('\n');
}

/** The flags every target was built with (ldflags as the linker got them), as one line of markdown. */
export function renderFlags(flags: Report['flags']): string {
  const parts = [
    flags.ldflags ? code(`-ldflags=${flags.stampedLdflags ?? flags.ldflags}`) : 'no `-ldflags`',
    flags.trimpath ? '`-trimpath`' : 'no `-trimpath`',
    `\`CGO_ENABLED=${flags.cgo ? 1 : 0}\``,
  ];
  if (flags.tags && flags.tags.length > 0) parts.push(code(`-tags=${flags.tags.join(',')}`));
  if (flags.buildFlags && flags.buildFlags.length > 0)
    parts.push(`build-flags ${flags.buildFlags.map((flag) => code(flag)).join(' ')}`);
  return `Flags: ${parts.join(', ')}.`;
}

/** What a universal binary is made of: each slice's arch, size, place, toolchain and hash. */
function renderSlices(target: TargetResult): string {
  const slices = (target.slices ?? []).map(
    (slice) =>
      `${cell(slice.arch)} (${humanBytes(slice.sizeBytes)} at byte ${slice.offset}, ` +
      `${slice.goVersion ? `${cell(slice.goVersion)} ${cell(`${slice.goos}/${slice.goarch}`)}` : 'no Go build info'}, ` +
      `\`${slice.sha256.slice(0, 12)}\`)`,
  );
  return `${cell(targetLabel(target))} is a universal binary of ${slices.join(' and ')}.`;
}

/** One table (and chart) per main package, then the flags and the totals. */
export function renderBuildSection(report: Report): string {
  const parts: string[] = [];
  const packages = [...new Set(report.targets.map((t) => t.package))];
  for (const pkg of packages) {
    const rows = report.targets.filter((t) => t.package === pkg);
    parts.push(
      `### Builds of ${code(pkg)}`,
      '',
      '| Target | Size | Bytes | Build time | Header | sha256 |',
      '| --- | ---: | ---: | ---: | --- | --- |',
      ...rows.map(
        (t) =>
          `| ${cell(targetLabel(t))} | ${humanBytes(t.sizeBytes)} | ${t.sizeBytes} | ${humanDuration(t.buildMs)} | ${t.format} ${t.arch} | \`${t.sha256.slice(0, 12)}\` |`,
      ),
      '',
      renderSizeChart(rows, `Binary size of ${pkg}`),
      '',
    );
    const kept = rows.filter((t) => t.keptSymbols);
    if (kept.length > 0) {
      parts.push(
        `${kept.map((t) => `${cell(targetLabel(t))} keeps ${t.keptSymbols} symbols`).join(', ')} although ldflags ` +
          'strip them (-s): Go 1.21 and older keep the Mach-O symbol table under -s. Go 1.22 or later drops it.',
        '',
      );
    }
    for (const t of rows.filter((row) => row.slices)) parts.push(renderSlices(t), '');
    const attribution = renderAttribution(rows);
    if (attribution) parts.push(attribution, '');
  }
  if (report.failed && report.failed.length > 0) {
    parts.push(
      `### Failed builds (${report.failed.length})`,
      '',
      '| Package | Target | Why |',
      '| --- | --- | --- |',
      ...report.failed.map(
        (f) => `| ${code(f.package, true)} | ${cell(targetLabel(f))} | ${cell(f.reason)} |`,
      ),
      '',
    );
  }
  parts.push(
    renderFlags(report.flags),
    '',
    `Total ${humanBytes(report.totals.sizeBytes)} in ${report.targets.length} file(s). ` +
      `The builds took ${humanDuration(report.totals.wallMs)} of wall time; ` +
      `their individual build times add up to ${humanDuration(report.totals.buildMs)}.`,
    '',
  );
  return parts.join('\n');
}
