import path from 'node:path';
import { BINARY_HEADER_BYTES, readBinaryHeader, type BinaryHeader } from '../../core/binary/header.js';
import { readFileStart } from '../binary/inspect-file.js';
import { runChecked } from '../platform/process.js';

/** What an installed toolchain says about itself, from its own binary and from `go env`. */
export interface ToolchainProbe {
  goBinary: string;
  header: BinaryHeader;
  env: Record<string, string>;
}

export function goBinaryPath(goroot: string): string {
  return path.join(goroot, 'bin', process.platform === 'win32' ? 'go.exe' : 'go');
}

/** Runs `go env -json` with the given variables; GOTOOLCHAIN=local so the answer is this toolchain's own. */
export async function goEnv(goBinary: string, names: string[], env: NodeJS.ProcessEnv = process.env) {
  const { stdout } = await runChecked(goBinary, ['env', '-json', ...names], {
    env: { ...env, GOTOOLCHAIN: 'local' },
    timeoutMs: 60_000,
  });
  return JSON.parse(stdout) as Record<string, string>;
}

/** Reads bin/go's header and asks it for its host platform and version; fails when it does not run. */
export async function probeToolchain(goroot: string): Promise<ToolchainProbe> {
  const goBinary = goBinaryPath(goroot);
  const header = readBinaryHeader(await readFileStart(goBinary, BINARY_HEADER_BYTES));
  let env: Record<string, string>;
  try {
    env = await goEnv(goBinary, [
      'GOHOSTOS',
      'GOHOSTARCH',
      'GOVERSION',
      'GOROOT',
      'GOMODCACHE',
      'GOCACHE',
      'GOPATH',
    ]);
  } catch (error) {
    throw new Error(
      `The toolchain at ${goroot} does not run on this machine (${header.format} ${header.arch}): ${(error as Error).message.split('\n')[0]}`,
      { cause: error },
    );
  }
  return { goBinary, header, env };
}
