// The machine the tests run on, in the words the action and Go use for it: the suites that install or run a real
// toolchain expect the one for this host (linux or darwin, amd64 or arm64), as the action installs it here.
// Found without the action's own code (src/platform, src/core/toolchain/native.ts), so a mistake there cannot hide.
import { spawnSync } from 'node:child_process';
import os from 'node:os';

export interface HostPlatform {
  goos: 'linux' | 'darwin';
  /** The machine's architecture, which the action installs Go for even when this node process is translated. */
  goarch: 'amd64' | 'arm64';
  /** The tool cache's name for it (the runner's: x64, arm64): `<tool cache>/go/<version>/<this>`. */
  toolCacheArch: 'x64' | 'arm64';
}

/** Rosetta 2 hides the hardware from a translated process, `uname -m` included; the kernel still says. */
function appleSilicon(): boolean {
  const answer = spawnSync('sysctl', ['-n', 'hw.optional.arm64'], { encoding: 'utf8' });
  return answer.status === 0 && answer.stdout.trim() === '1';
}

function hostPlatform(): HostPlatform {
  const machine = os.machine();
  const goos = process.platform;
  if (goos !== 'linux' && goos !== 'darwin') {
    throw new Error(`The tests run on linux and darwin hosts; this one is ${goos}/${machine}.`);
  }
  const arm64 = machine === 'arm64' || machine === 'aarch64' || (goos === 'darwin' && appleSilicon());
  if (!arm64 && machine !== 'x86_64') {
    throw new Error(`The tests run on amd64 and arm64 hosts; this one is ${goos}/${machine}.`);
  }
  return arm64
    ? { goos, goarch: 'arm64', toolCacheArch: 'arm64' }
    : { goos, goarch: 'amd64', toolCacheArch: 'x64' };
}

export const HOST: HostPlatform = hostPlatform();

/** `linux/arm64`: how `go version` and target lists name the host. */
export const HOST_TARGET = `${HOST.goos}/${HOST.goarch}`;

/** go.dev's archive of Go `version` for the host: `go1.25.4.darwin-arm64.tar.gz`. */
export function goDevArchiveName(version: string): string {
  return `go${version}.${HOST.goos}-${HOST.goarch}.tar.gz`;
}

/** The golang.org/toolchain module version of Go `version` for the host: `v0.0.1-go1.25.4.linux-arm64`. */
export function toolchainModuleVersion(version: string): string {
  return `v0.0.1-go${version}.${HOST.goos}-${HOST.goarch}`;
}
