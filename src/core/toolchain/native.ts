import { InputError } from '../errors.js';
import type { PlatformFacts } from '../../io/platform/facts.js';

/** The `architecture` input: which toolchain to install. */
export type ArchitectureInput = 'auto' | 'arm64' | 'amd64';

const ARCHITECTURE_ALIASES: ReadonlyMap<string, ArchitectureInput> = new Map([
  ['', 'auto'],
  ['auto', 'auto'],
  ['arm64', 'arm64'],
  ['aarch64', 'arm64'],
  ['amd64', 'amd64'],
  ['x64', 'amd64'],
  ['x86_64', 'amd64'],
]);

/** Parses the `architecture` input, case-insensitively; x64/x86_64 mean amd64, aarch64 means arm64, empty means auto. */
export function parseArchitectureInput(value: string): ArchitectureInput {
  const parsed = ARCHITECTURE_ALIASES.get(value.trim().toLowerCase());
  if (parsed === undefined) {
    throw new InputError(
      'architecture',
      `architecture ${JSON.stringify(value)} is not an architecture this action installs`,
      "use auto (the machine's own architecture), arm64 (or aarch64), or amd64 (or x64, x86_64)",
    );
  }
  return parsed;
}

/** The machine as the toolchain choice sees it. */
export interface MachineArch {
  /** GOOS of this machine. */
  goos: string;
  /** The hardware's architecture in GOARCH spelling, whatever the node process was built for. */
  machineArch: 'arm64' | 'amd64' | string;
  /** Node's process.arch, as given. */
  processArch: string;
  /** This node process runs translated by Rosetta 2. */
  rosetta: boolean;
}

const GOOS_BY_PLATFORM: ReadonlyMap<string, string> = new Map([
  ['win32', 'windows'],
  ['sunos', 'solaris'],
]);

const GOARCH_BY_NODE_ARCH: ReadonlyMap<string, string> = new Map([
  ['x64', 'amd64'],
  ['ia32', '386'],
  ['mipsel', 'mipsle'],
]);

/** `uname -m` spellings → GOARCH; armv8l is a 32-bit userland on a 64-bit core, so it runs arm toolchains. */
const GOARCH_BY_UNAME_MACHINE: ReadonlyMap<string, string> = new Map([
  ['x86_64', 'amd64'],
  ['amd64', 'amd64'],
  ['aarch64', 'arm64'],
  ['aarch64_be', 'arm64be'],
  ['arm64', 'arm64'],
  ['armv6l', 'arm'],
  ['armv7l', 'arm'],
  ['armv8l', 'arm'],
  ['i386', '386'],
  ['i686', '386'],
  ['loongarch64', 'loong64'],
  ['mips', 'mips'],
  ['mips64', 'mips64'],
  ['ppc64', 'ppc64'],
  ['ppc64le', 'ppc64le'],
  ['riscv64', 'riscv64'],
  ['s390x', 's390x'],
]);

/**
 * The machine's real architecture. On darwin hw.optional.arm64 = 1 means Apple Silicon even when process.arch
 * says x64, because Rosetta 2 hides the hardware from translated processes (their `uname -m` says x86_64 too);
 * sysctl.proc_translated = 1 reveals that translation. Elsewhere `uname -m` names the hardware, and
 * process.arch is the fallback when it is unknown.
 */
export function machineArchitecture(facts: PlatformFacts): MachineArch {
  const goos = GOOS_BY_PLATFORM.get(facts.platform) ?? facts.platform;
  const processGoarch = GOARCH_BY_NODE_ARCH.get(facts.processArch) ?? facts.processArch;
  const rosetta = facts.platform === 'darwin' && facts.sysctlProcTranslated?.trim() === '1';
  const appleSilicon = facts.platform === 'darwin' && (facts.sysctlArm64?.trim() === '1' || rosetta);
  const machineArch = appleSilicon
    ? 'arm64'
    : (GOARCH_BY_UNAME_MACHINE.get(facts.unameMachine?.trim().toLowerCase() ?? '') ?? processGoarch);
  return { goos, machineArch, processArch: facts.processArch, rosetta };
}

/** The toolchain architecture to install: the requested one, or for `auto` the machine's real one. */
export function toolchainArchFor(input: ArchitectureInput, machine: MachineArch): string {
  return input === 'auto' ? machine.machineArch : input;
}

/** Whether the installed toolchain runs natively, decided from what it says about itself and the machine facts. */
export interface NativeProof {
  machineArch: string;
  /** From bin/go's own header. */
  toolchainArch: string;
  /** From `go env GOHOSTARCH`. */
  goHostArch: string;
  goHostOs: string;
  /** Header arch, GOHOSTARCH and the machine's arch all agree. */
  native: boolean;
  /** The toolchain would run under Rosetta 2 (an amd64 toolchain on Apple Silicon). */
  rosetta: boolean;
  verdict: 'ok' | 'warn' | 'fail';
  /** One or two sentences for the log: what was found and, unless ok, what to change. */
  message: string;
}

/** What the proof is decided from: the request, the machine, and what the installed toolchain says of itself. */
export interface NativeFacts {
  requested: ArchitectureInput;
  machine: MachineArch;
  /** From bin/go's own header. */
  headerArch: string;
  goHostArch: string;
  goHostOs: string;
}

/**
 * Decides from facts alone. Native means header arch == GOHOSTARCH == machine arch. A toolchain at odds with
 * itself (header vs GOHOSTARCH) or with the requested architecture fails. A foreign toolchain — amd64 on
 * Apple Silicon runs under Rosetta 2 — fails with the fix, unless that architecture was asked for by name,
 * which only warns.
 */
export function proveNative(input: NativeFacts): NativeProof {
  const { requested, machine, headerArch, goHostArch, goHostOs } = input;
  const rosetta = machine.goos === 'darwin' && machine.machineArch === 'arm64' && headerArch === 'amd64';
  const native = headerArch === goHostArch && goHostArch === machine.machineArch;
  const facts = {
    machineArch: machine.machineArch,
    toolchainArch: headerArch,
    goHostArch,
    goHostOs,
    native,
    rosetta,
  };
  const verdict = (v: NativeProof['verdict'], message: string): NativeProof => ({
    ...facts,
    verdict: v,
    message,
  });
  const described = `The Go toolchain is ${goHostOs}/${headerArch} on this ${machine.goos}/${machine.machineArch} machine`;
  const emulation =
    (rosetta
      ? 'it runs under Rosetta 2, several times slower than a native toolchain'
      : 'it does not run natively here') +
    (machine.rosetta ? ' (this node process runs under Rosetta 2 as well, so process.arch says x64)' : '');

  const wrong = wrongToolchain(input, described);
  if (wrong) return verdict('fail', wrong);
  if (native) {
    return verdict('ok', `${described}: native (bin/go's header, GOHOSTARCH and the hardware agree).`);
  }
  if (requested !== 'auto') {
    return verdict(
      'warn',
      `${described}; ${emulation}. That is what \`architecture: ${requested}\` asks for; remove it ` +
        `(or set \`architecture: ${machine.machineArch}\`) for a native toolchain.`,
    );
  }
  return verdict(
    'fail',
    `${described}; ${emulation}. Set \`architecture: ${machine.machineArch}\` (or remove ` +
      `\`architecture: ${headerArch}\` wherever it is set) and delete the ${headerArch} toolchain from the tool ` +
      'cache so the native one is installed.',
  );
}

/**
 * Why the installed toolchain is the wrong one outright, whatever the hardware: built for another OS, at odds with
 * itself (bin/go's header vs GOHOSTARCH), or not the architecture asked for by name. Undefined when none holds.
 */
function wrongToolchain(input: NativeFacts, described: string): string | undefined {
  const { requested, machine, headerArch, goHostArch, goHostOs } = input;
  if (goHostOs !== machine.goos) {
    return (
      `${described}: \`go env GOHOSTOS\` says ${goHostOs || '(nothing)'}, not ${machine.goos}. ` +
      'The installed toolchain is for another OS; delete it from the tool cache so the right one is installed.'
    );
  }
  if (headerArch !== goHostArch) {
    return (
      `The Go toolchain contradicts itself: bin/go is a binary for ${headerArch} but \`go env GOHOSTARCH\` says ` +
      `${goHostArch || '(nothing)'}. Delete it from the tool cache so it is installed afresh.`
    );
  }
  if (requested !== 'auto' && headerArch !== requested) {
    return (
      `${described}, but \`architecture: ${requested}\` asked for ${requested}. ` +
      `Delete the ${headerArch} toolchain from the tool cache so the ${requested} one is installed.`
    );
  }
  return undefined;
}
