import { extractTarGz, type ExtractTarOptions } from './extract-tar.js';
import { extractZip } from './extract-zip.js';

/**
 * Extracts a go.dev release archive by its name: `.zip` (windows) through extractZip, `.tar.gz` otherwise. Both
 * strip the top `go/` directory and keep the archive's own file modes.
 */
export async function extractReleaseArchive(
  options: ExtractTarOptions,
): Promise<{ files: number; bytes: number }> {
  if (options.archivePath.endsWith('.zip')) {
    return extractZip({
      zipPath: options.archivePath,
      destination: options.destination,
      topDirectory: options.topDirectory,
      maxExtractedBytes: options.maxExtractedBytes,
      moduleFixups: false,
    });
  }
  return extractTarGz(options);
}
