import * as core from '../io/log.js';
import path from 'node:path';
import { inspectBinaryFile } from '../io/binary/inspect-file.js';
import type { Target } from '../core/build/targets.js';
import { replaceFile } from '../io/platform/confine.js';
import type { TargetResult } from '../core/report/report.js';
import { goBinarySbom, type WrittenSbom } from '../core/report/sbom.js';

/** The SBOM of `binary` is `<binary>.cdx.json`, beside it. */
export function sbomPathOf(binary: string): string {
  return `${binary}.cdx.json`;
}

/**
 * Writes a CycloneDX SBOM beside each built file, read from the file's own build info, records its path in the
 * target's result (`sbom`) and sets the `sbom-files` output. The file is read again rather than trusted from the
 * build: its hash must still be the one measured, or the SBOM would describe other bytes than the report.
 */
export async function writeSboms(targets: TargetResult[], workspace: string): Promise<WrittenSbom[]> {
  const written: WrittenSbom[] = [];
  for (const target of targets) {
    // A universal binary is its two thin builds, each with its own SBOM; one for both would carry one GOARCH.
    if (target.format === 'macho-fat') continue;
    const binary = path.join(workspace, target.path);
    const inspected = await inspectBinaryFile(binary);
    if (inspected.sha256 !== target.sha256) {
      throw new Error(
        `${target.path} changed after it was built (sha256 ${inspected.sha256}, measured ${target.sha256}); no SBOM is written for it`,
      );
    }
    if (!inspected.buildInfo) throw new Error(`${target.path} holds no Go build info to write an SBOM from`);
    const asked: Target = {
      goos: target.goos,
      goarch: target.goarch,
      ...(target.variant ? { variant: target.variant } : {}),
    };
    const bom = goBinarySbom({
      buildInfo: inspected.buildInfo,
      binaryName: path.basename(binary),
      sha256: inspected.sha256,
      target: asked,
    });
    await replaceFile(sbomPathOf(binary), JSON.stringify(bom, null, 2) + '\n');
    target.sbom = sbomPathOf(target.path);
    written.push({
      target: asked,
      package: target.package,
      path: target.sbom,
      modules: inspected.buildInfo.deps.length,
    });
  }
  core.info(`Wrote ${written.length} SBOM(s): ${written.map((w) => w.path).join(', ')}`);
  core.setOutput('sbom-files', JSON.stringify(written.map((w) => w.path)));
  return written;
}
