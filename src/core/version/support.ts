import { InputError } from '../errors.js';
import { compareGoVersions } from './spec.js';

/** The oldest Go this action sets up: it asks the toolchain about itself with `go env -json`, new in Go 1.9. */
export const OLDEST_SETUP_GO = '1.9';
/**
 * The oldest Go this action builds with: every build passes `-buildvcs=false`, and every binary's GOOS/GOARCH is
 * checked against its embedded build settings; both are new in Go 1.18.
 */
export const OLDEST_BUILD_GO = '1.18';

/**
 * The major.minor line a plain version spec names (`1.2`, `1.20.x`, `go1.17.5`, `1.21rc1`), or undefined for
 * aliases and ranges, whose line only the release index decides.
 */
export function plainSpecLine(spec: string): string | undefined {
  const match = /^(?:go)?(\d+)\.(\d+)(?:\.(?:\d+|x)|(?:rc|beta)\d+)?$/i.exec(spec.trim());
  return match ? `${match[1]}.${match[2]}` : undefined;
}

/**
 * The value a YAML float most likely came from: YAML reads an unquoted `1.20` as the number 1.2 and the runner
 * passes `1.2` on, so a one-digit minor version of the Go 1 series is read as the lost trailing zero.
 */
export function yamlFloatOrigin(spec: string): string | undefined {
  return /^1\.[1-9]$/.test(spec.trim()) ? `${spec.trim()}0` : undefined;
}

/**
 * Refuses a version older than the action supports, naming where it came from (`from`: an input or a file's
 * line) and why; `version` is a release (`1.2.2`) or a plain spec's line (`1.2`). A value shaped like a YAML
 * float gets the hint to quote it. Returns nothing when the version is supported.
 */
export function checkSupportedVersion(
  version: string,
  options: { from: string; inputName: string; building: boolean; asWritten?: string },
): void {
  const oldest = options.building ? OLDEST_BUILD_GO : OLDEST_SETUP_GO;
  if (compareGoVersions(version, oldest) >= 0) return;
  const why = options.building
    ? `builds need Go ${OLDEST_BUILD_GO} or later (-buildvcs=false and the build settings every binary is checked against are new in ${OLDEST_BUILD_GO})`
    : `setting up needs Go ${OLDEST_SETUP_GO} or later (the action reads the toolchain's go env -json, new in ${OLDEST_SETUP_GO})`;
  const meant = options.asWritten === undefined ? undefined : yamlFloatOrigin(options.asWritten);
  if (meant) {
    throw new InputError(
      options.inputName,
      `${options.from} asks for Go ${version}, which this action does not support: ${why}. YAML reads an unquoted ${meant} as the number ${options.asWritten}`,
      `quote the version in the workflow, e.g. ${options.inputName}: '${meant}'`,
    );
  }
  throw new InputError(
    options.inputName,
    `${options.from} asks for Go ${version}, which this action does not support: ${why}`,
    `ask for Go ${oldest} or later, e.g. ${options.inputName === 'go-version' ? "go-version: '1.25'" : 'go 1.25 in go.mod'}`,
  );
}
