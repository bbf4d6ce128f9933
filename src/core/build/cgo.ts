import { InputError } from '../errors.js';
import { targetName, type Target } from './targets.js';

/** A C (CC) or C++ (CXX) compiler command per target name (`linux/arm64` → `zig cc -target aarch64-linux-gnu`). */
export type CompilerMap = Record<string, string>;

/**
 * Parses `cgo-cc` / `cgo-cxx`: one `goos/goarch[/variant]=command` a line, the command as go reads CC (words,
 * quotes allowed), e.g. `linux/arm64=zig cc -target aarch64-linux-gnu`. Every target named must be one of
 * `targets`, so a typo cannot silently leave a target on the host's compiler.
 */
export function parseCompilerMap(value: string, inputName: string, targets: Target[]): CompilerMap {
  const map: CompilerMap = {};
  const known = new Set(targets.flatMap((t) => [targetName(t), `${t.goos}/${t.goarch}`]));
  for (const raw of value.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    const at = line.indexOf('=');
    const name = at < 0 ? '' : line.slice(0, at).trim();
    const command = at < 0 ? '' : line.slice(at + 1).trim();
    if (!/^[a-z0-9]+\/[a-z0-9]+(\/[\w.,]+)?$/.test(name) || command === '') {
      throw new InputError(
        inputName,
        `Input ${inputName} holds ${JSON.stringify(line)}, which is not target=command`,
        `write one target a line with its compiler, e.g. linux/arm64=aarch64-linux-gnu-gcc or linux/arm64=zig ${inputName === 'cgo-cxx' ? 'c++' : 'cc'} -target aarch64-linux-gnu`,
      );
    }
    if (!known.has(name)) {
      throw new InputError(
        inputName,
        `Input ${inputName} sets a compiler for ${name}, which is not one of the targets (${targets.map(targetName).join(' ') || 'none'})`,
        'name a target listed in targets, e.g. linux/arm64=aarch64-linux-gnu-gcc',
      );
    }
    if (map[name] !== undefined) {
      throw new InputError(
        inputName,
        `Input ${inputName} sets the compiler for ${name} twice`,
        'keep one line per target',
      );
    }
    map[name] = command;
  }
  return map;
}

/** The compiler a map gives a target: by its full name (`linux/arm/7`) first, then by `goos/goarch`. */
export function compilerFor(map: CompilerMap, target: Target): string | undefined {
  return map[targetName(target)] ?? map[`${target.goos}/${target.goarch}`];
}

/** Lines of a failed cgo build that say why the C side failed, rather than the tail of an assembler's noise. */
const C_TOOLCHAIN_LINE =
  /executable file not found|C compiler .* not found|cgo: |unrecognized command[- ]line option|unknown (target|argument)|no such instruction|Error: |error: unsupported|cannot find -l|ld(\.\w+)?: |linker command failed|fatal error: /;

/**
 * The annotation for a failed build with cgo on, when its output shows the C toolchain failing: the first lines
 * that say so, and the fix. Cross-compiling C needs a C compiler for the target (`cgo-cc`), else a runner of the
 * target's own platform, else `cgo: false`. Undefined when the output does not look like a C toolchain failure.
 */
export function cgoFailureMessage(
  label: string,
  target: Target,
  host: { goos: string; goarch: string },
  output: string,
  compiler: string | undefined,
): string | undefined {
  const lines = output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => C_TOOLCHAIN_LINE.test(line));
  if (lines.length === 0) return undefined;
  const cause = lines.slice(0, 2).join(' / ');
  const cross = target.goos !== host.goos || target.goarch !== host.goarch;
  const name = `${target.goos}/${target.goarch}`;
  if (compiler) {
    return (
      `go build failed for ${label} in the C toolchain (cgo-cc for ${name}: ${compiler}): ${cause}. ` +
      `Check that the command compiles for ${name}, or set cgo: false`
    );
  }
  if (!cross)
    return `go build failed for ${label} in the C toolchain: ${cause}. Install a C compiler, or set cgo: false`;
  return (
    `go build failed for ${label}: cgo: true compiles C code, and this ${host.goos}/${host.goarch} machine's ` +
    `default C compiler does not build for ${name} (${cause}). Set a C cross compiler for it in cgo-cc ` +
    `(e.g. ${name}=${exampleCompiler(target)}), build ${name} on a runner of that platform ` +
    '(the reusable workflow runs each target natively), or set cgo: false'
  );
}

/** A cross compiler that would do for a target, for messages: zig's target triple spelling. */
function exampleCompiler(target: Target): string {
  const arch: Record<string, string> = {
    amd64: 'x86_64',
    arm64: 'aarch64',
    '386': 'x86',
    arm: 'arm',
    riscv64: 'riscv64',
  };
  const os: Record<string, string> = { linux: 'linux-gnu', darwin: 'macos', windows: 'windows-gnu' };
  return `zig cc -target ${arch[target.goarch] ?? target.goarch}-${os[target.goos] ?? target.goos}`;
}
