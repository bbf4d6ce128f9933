// Darwin size attribution against ELF's of the same GOARCH, a case of `npm run realworld`: the action's own
// attribution of one command built for darwin and for linux, compared package by package.
import path from 'node:path';
import type { LocalGo } from '../__tests__/fixtures/builds/go-modules.js';
import { locateNmTool, measureAttribution } from '../src/io/build/attribution.js';
import type { BuildJob } from '../src/core/build/plan.js';
import { runBuildJob } from '../src/io/build/run.js';
import type { PackageSize } from '../src/core/report/report.js';
import { check, fetchModule, freshCase, goEnv, run } from './realworld-kit.js';

/** Darwin package sizes may differ from ELF's by this much for a package built from the same files. */
const ATTRIBUTION_TOLERANCE = 0.05;

/** Each package's Go and assembly files for `goos`, to tell the packages built from other files on darwin. */
async function packageFiles(
  dir: string,
  pkg: string,
  goos: string,
  goarch: string,
): Promise<Map<string, string>> {
  const listed = await run(
    'go',
    ['list', '-deps', '-f', '{{.ImportPath}} {{.GoFiles}} {{.SFiles}}', pkg],
    dir,
    goEnv({ GOOS: goos, GOARCH: goarch, GOFLAGS: '-mod=mod', CGO_ENABLED: '0' }),
  );
  const lines = listed.split('\n').filter(Boolean);
  const files = new Map(lines.map((line) => [line.split(' ')[0]!, line] as const));
  // The command itself comes last, and its symbols are named main.
  return files.set('main', lines.at(-1) ?? '');
}

/** The action's attribution (build, then the unstripped link and nm) of `pkg` for one target. */
async function attributionOf(dir: string, pkg: string, goos: string, goarch: string): Promise<PackageSize[]> {
  const go = { goBinary: 'go', cwd: dir, env: goEnv({ GOFLAGS: '-mod=mod', CGO_ENABLED: '0' }) };
  const output = path.join(dir, `attribution-${goos}-${goarch}`);
  const job: BuildJob = {
    package: pkg,
    target: { goos, goarch },
    args: ['build', '-o', output, '-trimpath', '-buildvcs=false', '-ldflags=-s -w', pkg],
    env: { GOOS: goos, GOARCH: goarch },
    output,
    label: `${pkg} ${goos}/${goarch}`,
  };
  const built = await runBuildJob(job, go);
  if (!built.ok) throw new Error(`${job.label} failed: ${built.output}`);
  return measureAttribution(job, go, await locateNmTool(go), `${output}.unstripped`, Number.MAX_SAFE_INTEGER);
}

/**
 * Darwin attribution against ELF's of the same GOARCH, for the packages that make up 95% of the ELF's bytes.
 * Packages built from the same files on both must agree within the tolerance; the others (os, syscall,
 * internal/poll, runtime, and the linker's type: and go:) hold other code on darwin and are printed only.
 */
export async function attributionAgreement(
  go: LocalGo,
  mod: { module: string; version: string },
  pkg: string,
  goarch: string,
): Promise<void> {
  const started = Date.now();
  const c = await freshCase(go, `attribution-${goarch}`);
  const dir = path.join(c.workspace, 'src');
  await fetchModule(mod, dir);
  const elf = await attributionOf(dir, pkg, 'linux', goarch);
  const darwin = new Map(
    (await attributionOf(dir, pkg, 'darwin', goarch)).map((p) => [p.package, p.sizeBytes]),
  );
  const linuxFiles = await packageFiles(dir, pkg, 'linux', goarch);
  const darwinFiles = await packageFiles(dir, pkg, 'darwin', goarch);
  const total = elf.reduce((sum, p) => sum + p.sizeBytes, 0);
  const rows: { row: string; difference: number; sameFiles: boolean }[] = [];
  let covered = 0;
  for (const { package: name, sizeBytes } of elf) {
    if (covered >= 0.95 * total) break;
    covered += sizeBytes;
    const difference = Math.abs((darwin.get(name) ?? 0) - sizeBytes) / sizeBytes;
    rows.push({
      row: `${name} ${sizeBytes} B, darwin ${darwin.get(name) ?? 0} B (${(difference * 100).toFixed(2)}%)`,
      difference,
      sameFiles: linuxFiles.has(name) && linuxFiles.get(name) === darwinFiles.get(name),
    });
  }
  const same = rows.filter((r) => r.sameFiles).sort((a, b) => b.difference - a.difference);
  const max = same[0]?.difference ?? 0;
  const median = same[Math.floor(same.length / 2)]?.difference ?? 0;
  const worst = same.slice(0, 3).map((r) => r.row);
  const other = rows.filter((r) => !r.sameFiles).map((r) => r.row);
  const label = `attribution: ${mod.module.split('/').pop()} darwin/${goarch} against linux/${goarch}`;
  check(
    `${label}, ${same.length} packages of the same files within ${ATTRIBUTION_TOLERANCE * 100}%`,
    same.length > 10 && max <= ATTRIBUTION_TOLERANCE,
    `max ${(max * 100).toFixed(2)}%, median ${(median * 100).toFixed(2)}%; worst ${worst.join(', ')}`,
  );
  process.stderr.write(`${label}: other files on darwin: ${other.join(', ')}\n`);
  process.stderr.write(`${label}: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
