import { targetName } from '../build/targets.js';
import { cell, humanBytes, humanDuration } from './format.js';
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
    `### Go ${setup.version}`,
    '',
    '| | |',
    '| --- | --- |',
    `| Version decided by | ${cell(setup.decidedBy)} |`,
    `| Source | ${cell(setup.source)} |`,
    `| Verified | ${setup.verifiedHash ? `\`${setup.verifiedHash}\` (${cell(setup.verifiedBy ?? '')})` : 'already installed in the tool cache'} |`,
    `| Native proof | ${cell(nativeLine)} |`,
    `| GOROOT | \`${setup.goroot}\` |`,
    `| Time | ${Object.entries(setup.timings)
      .map(([phase, ms]) => `${phase} ${humanDuration(ms)}`)
      .join(', ')} |`,
  ];
  return lines.join('\n') + '\n';
}

function targetLabel(t: TargetResult): string {
  return targetName({ goos: t.goos, goarch: t.goarch, ...(t.variant ? { variant: t.variant } : {}) });
}

/** A mermaid bar chart of sizes per target, which GitHub renders in job summaries. */
export function renderSizeChart(targets: TargetResult[]): string {
  const labels = targets.map((t) => `"${targetLabel(t)}"`).join(', ');
  const values = targets.map((t) => (t.sizeBytes / 1024 / 1024).toFixed(2)).join(', ');
  return [
    '```mermaid',
    'xychart-beta',
    '  title "Binary size (MiB)"',
    `  x-axis [${labels}]`,
    '  y-axis "MiB"',
    `  bar [${values}]`,
    '```',
  ].join('\n');
}

export function renderBuildSection(report: Report): string {
  const parts: string[] = [];
  const packages = [...new Set(report.targets.map((t) => t.package))];
  for (const pkg of packages) {
    const rows = report.targets.filter((t) => t.package === pkg);
    parts.push(
      `### Builds of \`${pkg}\``,
      '',
      '| Target | Size | Bytes | Build time | Header | sha256 |',
      '| --- | ---: | ---: | ---: | --- | --- |',
      ...rows.map(
        (t) =>
          `| ${targetLabel(t)} | ${humanBytes(t.sizeBytes)} | ${t.sizeBytes} | ${humanDuration(t.buildMs)} | ${t.format} ${t.arch} | \`${t.sha256.slice(0, 12)}\` |`,
      ),
      '',
    );
  }
  if (report.targets.length > 0) parts.push(renderSizeChart(report.targets), '');
  parts.push(
    `Total ${humanBytes(report.totals.sizeBytes)} in ${report.targets.length} file(s); ` +
      `builds took ${humanDuration(report.totals.buildMs)} of CPU-side time in ${humanDuration(report.totals.wallMs)} wall time. ` +
      `Flags: \`-ldflags=${report.flags.ldflags}\`${report.flags.trimpath ? ' `-trimpath`' : ''}, CGO_ENABLED=${report.flags.cgo ? 1 : 0}.`,
    '',
  );
  return parts.join('\n');
}
