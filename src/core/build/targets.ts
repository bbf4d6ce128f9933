import { InputError } from '../errors.js';

/** One cross-build target: GOOS/GOARCH plus an optional GOARM/GOAMD64/… level, e.g. `7,softfloat`. */
export interface Target {
  goos: string;
  goarch: string;
  variant?: string;
}

/** The environment variable that carries each architecture's variant level, and the levels Go accepts. */
const VARIANTS: Record<string, { variable: string; pattern: RegExp; example: string }> = {
  arm: { variable: 'GOARM', pattern: /^[5-7](,(softfloat|hardfloat))?$/, example: 'linux/arm/7' },
  arm64: {
    variable: 'GOARM64',
    pattern: /^v(8\.[0-9]|9\.[0-5])(,lse|,crypto)*$/,
    example: 'linux/arm64/v8.2',
  },
  amd64: { variable: 'GOAMD64', pattern: /^v[1-4]$/, example: 'linux/amd64/v3' },
  '386': { variable: 'GO386', pattern: /^(sse2|softfloat)$/, example: 'linux/386/sse2' },
  mips: { variable: 'GOMIPS', pattern: /^(hardfloat|softfloat)$/, example: 'linux/mips/softfloat' },
  mipsle: { variable: 'GOMIPS', pattern: /^(hardfloat|softfloat)$/, example: 'linux/mipsle/softfloat' },
  mips64: { variable: 'GOMIPS64', pattern: /^(hardfloat|softfloat)$/, example: 'linux/mips64/softfloat' },
  mips64le: { variable: 'GOMIPS64', pattern: /^(hardfloat|softfloat)$/, example: 'linux/mips64le/softfloat' },
  ppc64: { variable: 'GOPPC64', pattern: /^power(8|9|10)$/, example: 'linux/ppc64/power9' },
  ppc64le: { variable: 'GOPPC64', pattern: /^power(8|9|10)$/, example: 'linux/ppc64le/power9' },
  riscv64: { variable: 'GORISCV64', pattern: /^rva(20|22|23)u64$/, example: 'linux/riscv64/rva22u64' },
  wasm: {
    variable: 'GOWASM',
    pattern: /^(satconv|signext)(,(satconv|signext))*$/,
    example: 'js/wasm/satconv,signext',
  },
};

// Underscores pass here so that x86_64 reaches validateTargets, which names the Go spelling.
const TOKEN = /^[a-z0-9_]+$/;

/** `linux/arm/6`: the spelling users write and logs show. */
export function targetName(target: Target): string {
  return [target.goos, target.goarch, target.variant].filter(Boolean).join('/');
}

/** The variable that carries `goarch`'s variant level (`GOARM` for arm), if it has one. */
export function variantVariable(goarch: string): string | undefined {
  return VARIANTS[goarch]?.variable;
}

/** GOOS, GOARCH and the variant variable for a target. */
export function targetEnv(target: Target): Record<string, string> {
  const env: Record<string, string> = { GOOS: target.goos, GOARCH: target.goarch };
  const variant = VARIANTS[target.goarch];
  if (target.variant && variant) env[variant.variable] = target.variant;
  return env;
}

/**
 * The words of a `targets` input. Spaces, newlines and commas separate targets, but a variant's own options are
 * joined by commas too (`linux/arm64/v8.2,lse,crypto`): a comma starts a new target only where a slash follows
 * before the next comma.
 */
function targetWords(text: string): string[] {
  return text
    .split(/\s+/)
    .flatMap((word) => word.split(/,+(?=[^,]*\/)/))
    .map((word) => word.replace(/^,+|,+$/g, ''))
    .filter(Boolean);
}

/**
 * Parses the `targets` input: `os/arch` pairs with an optional variant (`linux/arm/6`, `linux/amd64/v3`,
 * `linux/arm/7,softfloat`), separated by any mix of spaces, commas and newlines. Empty means "set up only, build
 * nothing".
 */
export function parseTargets(text: string, inputName = 'targets'): Target[] {
  const words = targetWords(text);
  const targets: Target[] = [];
  const seen = new Set<string>();
  for (const word of words) {
    const parts = word.split('/');
    const [goos, goarch, variant] = parts;
    if (
      parts.length < 2 ||
      parts.length > 3 ||
      !goos ||
      !goarch ||
      !TOKEN.test(goos) ||
      !TOKEN.test(goarch)
    ) {
      throw new InputError(
        inputName,
        `Target ${JSON.stringify(word)} in ${inputName} is not an os/arch pair`,
        'write targets like linux/amd64, darwin/arm64, linux/arm/7 or linux/amd64/v3, separated by spaces, commas or newlines; a variant takes its options after commas without spaces, e.g. linux/arm64/v8.2,lse',
      );
    }
    const target: Target = { goos, goarch };
    if (variant !== undefined) {
      const rule = VARIANTS[goarch];
      if (!rule) {
        throw new InputError(
          inputName,
          `Target ${word} in ${inputName} gives a variant, but ${goarch} has none`,
          `drop the variant (${goos}/${goarch})`,
        );
      }
      if (!rule.pattern.test(variant)) {
        throw new InputError(
          inputName,
          `Target ${word} in ${inputName} has an unknown ${rule.variable} level ${JSON.stringify(variant)}`,
          `use a level Go accepts, e.g. ${rule.example}`,
        );
      }
      target.variant = variant;
    }
    const name = targetName(target);
    if (seen.has(name)) {
      throw new InputError(
        inputName,
        `Target ${name} is listed twice in ${inputName}`,
        'list each target once',
      );
    }
    seen.add(name);
    targets.push(target);
  }
  return targets;
}

/** Spellings of architectures and systems that other tools use, and what Go calls them. */
const GO_SPELLINGS: Record<string, string> = {
  aarch64: 'arm64',
  x86_64: 'amd64',
  x64: 'amd64',
  i386: '386',
  i686: '386',
  x86: '386',
  armv6: 'arm',
  armv7: 'arm',
  macos: 'darwin',
  osx: 'darwin',
  win: 'windows',
  win32: 'windows',
};

/** `go tool dist list` output: one `goos/goarch` pair per line. */
export function parseDistList(output: string): string[] {
  return output
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => /^[a-z0-9]+\/[a-z0-9]+$/.test(line));
}

/**
 * Known GOOS/GOARCH pairs closest to an unknown one, for "did you mean" hints: the pair with other tools'
 * spellings translated (aarch64, x86_64, macos…) first when Go knows it, then the nearest by edit distance.
 */
export function nearestPairs(wanted: Target, known: string[], limit = 3): string[] {
  const name = `${wanted.goos}/${wanted.goarch}`;
  const translated = `${GO_SPELLINGS[wanted.goos] ?? wanted.goos}/${GO_SPELLINGS[wanted.goarch] ?? wanted.goarch}`;
  const byDistance = known
    .filter((pair) => pair !== translated)
    .map((pair) => ({ pair, distance: editDistance(name, pair) }))
    .sort((a, b) => a.distance - b.distance || a.pair.localeCompare(b.pair))
    .map((entry) => entry.pair);
  return [...(known.includes(translated) ? [translated] : []), ...byDistance].slice(0, limit);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * Checks targets against `go tool dist list` of the installed toolchain. Every unknown pair is named in one
 * error, each with its nearest known pairs.
 */
export function validateTargets(targets: Target[], distList: string[], inputName = 'targets'): void {
  const known = new Set(distList);
  const unknown = targets.filter((target) => !known.has(`${target.goos}/${target.goarch}`));
  if (unknown.length === 0) return;
  const suggest = (target: Target) => `did you mean ${nearestPairs(target, distList).join(', ')}?`;
  const [only] = unknown;
  throw new InputError(
    inputName,
    `${unknown.length === 1 ? 'Target' : 'Targets'} ${unknown.map(targetName).join(', ')} in ${inputName} ` +
      `${unknown.length === 1 ? 'is not a platform' : 'are not platforms'} this Go toolchain can build for`,
    only && unknown.length === 1
      ? `use a pair that \`go tool dist list\` prints: ${suggest(only)}`
      : `use pairs that \`go tool dist list\` prints: ${unknown
          .map((target) => `instead of ${targetName(target)}, ${suggest(target)}`)
          .join(' ')}`,
  );
}

/** One question for the installed go: does it take this variant level? One per architecture and level asked for. */
export interface VariantProbe {
  goos: string;
  goarch: string;
  variable: string;
  value: string;
  /** The targets that ask for it, as written. */
  targets: string[];
}

/** The distinct variant levels among the targets, each with the targets that ask for it. */
export function variantProbes(targets: Target[]): VariantProbe[] {
  const probes = new Map<string, VariantProbe>();
  for (const target of targets) {
    const variable = variantVariable(target.goarch);
    if (!target.variant || !variable) continue;
    const key = `${target.goarch}/${target.variant}`;
    const probe = probes.get(key) ?? {
      goos: target.goos,
      goarch: target.goarch,
      variable,
      value: target.variant,
      targets: [],
    };
    probe.targets.push(targetName(target));
    probes.set(key, probe);
  }
  return [...probes.values()];
}

/**
 * `go env` with the level set: go checks GOARM64, GOMIPS, GOMIPS64, GOPPC64, GORISCV64 and GOWASM as it starts
 * and exits 2 naming what it accepts, and prints the variable's value only when it knows the variable (an older
 * toolchain ignores an unknown one, and would build for its default level). It lets any GOAMD64, GOARM (from Go
 * 1.23 the GOARM64 check resets the error) and GO386 (only the compiler checks it) through, which is why
 * parseTargets holds every level to Go's own rules first.
 */
export function variantProbeCommand(probe: VariantProbe): { args: string[]; env: Record<string, string> } {
  return {
    args: ['env', '-json', 'GOVERSION', probe.variable],
    env: { GOOS: probe.goos, GOARCH: probe.goarch, [probe.variable]: probe.value },
  };
}

/** How a probe's `go env` ended. */
export interface ProbeAnswer {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/** Why the toolchain refuses the probe's level (`GOARM64=v8.2, but go1.22.12 does not know…`), or undefined. */
export function variantRefusal(probe: VariantProbe, answer: ProbeAnswer): string | undefined {
  const asked = `${probe.variable}=${probe.value}`;
  if (answer.exitCode !== 0) {
    const said =
      answer.stderr.trim().split('\n')[0]?.replace(/^go: /, '') || `go env exited with ${answer.exitCode}`;
    return `${asked}, which the installed Go toolchain rejects: ${said}`;
  }
  let env: Record<string, unknown>;
  try {
    env = JSON.parse(answer.stdout) as Record<string, unknown>;
  } catch {
    throw new Error(`go env -json printed something that is not JSON: ${answer.stdout.slice(0, 200)}`);
  }
  if (env[probe.variable] === probe.value) return undefined;
  return (
    `${asked}, but ${String(env.GOVERSION ?? 'the installed Go toolchain')} does not know ${probe.variable}: ` +
    'it would ignore it and build for its default level'
  );
}

/** Every variant level the toolchain refuses, in one error naming the targets and the fix. */
export function checkVariantAnswers(
  probes: VariantProbe[],
  answers: ProbeAnswer[],
  inputName = 'targets',
): void {
  const refused = probes.flatMap((probe, index) => {
    const answer = answers[index];
    const why = answer && variantRefusal(probe, answer);
    return why ? [{ probe, why }] : [];
  });
  const [first] = refused;
  if (!first) return;
  const sentences = refused.map(({ probe, why }) =>
    probe.targets.length === 1
      ? `Target ${probe.targets.join('')} in ${inputName} sets ${why}`
      : `Targets ${probe.targets.join(', ')} in ${inputName} set ${why}`,
  );
  throw new InputError(
    inputName,
    sentences.join('; '),
    'use a level this Go accepts, set go-version to a Go that has the level, or drop the variant ' +
      `(e.g. ${first.probe.goos}/${first.probe.goarch})`,
  );
}
