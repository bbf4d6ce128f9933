// The one module that asks the machine about itself; everything that interprets the answers is pure.
import { runChecked } from './process.js';

/** Raw facts about the machine this process runs on, for the pure code in toolchain/native.ts. */
export interface PlatformFacts {
  platform: NodeJS.Platform;
  /** Node's process.arch: the architecture this process was built for, not always the machine's. */
  processArch: string;
  /** Raw answer of `sysctl -n hw.optional.arm64` (darwin only); undefined when the command failed. */
  sysctlArm64?: string;
  /** Raw answer of `sysctl -n sysctl.proc_translated` (darwin only): `1` under Rosetta 2. */
  sysctlProcTranslated?: string;
  /** Raw answer of `uname -m` (every platform but Windows). */
  unameMachine?: string;
}

const COMMAND_TIMEOUT_MS = 5_000;

/** Gathers the facts; a command that fails or hangs leaves its fact undefined, so this never throws. */
export async function gatherPlatformFacts(): Promise<PlatformFacts> {
  const platform = process.platform;
  const facts: PlatformFacts = { platform, processArch: process.arch };
  if (platform === 'darwin') {
    const [arm64, translated, machine] = await Promise.all([
      answerOf('sysctl', ['-n', 'hw.optional.arm64']),
      answerOf('sysctl', ['-n', 'sysctl.proc_translated']),
      answerOf('uname', ['-m']),
    ]);
    return {
      ...facts,
      ...(arm64 !== undefined ? { sysctlArm64: arm64 } : {}),
      ...(translated !== undefined ? { sysctlProcTranslated: translated } : {}),
      ...(machine !== undefined ? { unameMachine: machine } : {}),
    };
  }
  if (platform !== 'win32') {
    const machine = await answerOf('uname', ['-m']);
    if (machine !== undefined) return { ...facts, unameMachine: machine };
  }
  return facts;
}

async function answerOf(command: string, args: string[]): Promise<string | undefined> {
  return runChecked(command, args, { env: process.env, timeoutMs: COMMAND_TIMEOUT_MS }).then(
    (result) => result.stdout,
    () => undefined,
  );
}
