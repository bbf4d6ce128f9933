import { InputError } from '../errors.js';

/** One cross-build target: GOOS/GOARCH plus an optional GOARM/GOAMD64/… level. */
export interface Target {
  goos: string;
  goarch: string;
  variant?: string;
}

/** The environment variable that carries each architecture's variant level, and the levels Go accepts. */
const VARIANTS: Record<string, { variable: string; pattern: RegExp; example: string }> = {
  arm: { variable: 'GOARM', pattern: /^[5-7](,(softfloat|hardfloat))?$/, example: 'linux/arm/7' },
  arm64: { variable: 'GOARM64', pattern: /^v8\.[0-9]|^v9\.[0-5]/, example: 'linux/arm64/v8.2' },
  amd64: { variable: 'GOAMD64', pattern: /^v[1-4]$/, example: 'linux/amd64/v3' },
  '386': { variable: 'GO386', pattern: /^(sse2|softfloat)$/, example: 'linux/386/sse2' },
  mips: { variable: 'GOMIPS', pattern: /^(hardfloat|softfloat)$/, example: 'linux/mips/softfloat' },
  mipsle: { variable: 'GOMIPS', pattern: /^(hardfloat|softfloat)$/, example: 'linux/mipsle/softfloat' },
  mips64: { variable: 'GOMIPS64', pattern: /^(hardfloat|softfloat)$/, example: 'linux/mips64/softfloat' },
  mips64le: { variable: 'GOMIPS64', pattern: /^(hardfloat|softfloat)$/, example: 'linux/mips64le/softfloat' },
  ppc64: { variable: 'GOPPC64', pattern: /^power(8|9|10)$/, example: 'linux/ppc64/power9' },
  ppc64le: { variable: 'GOPPC64', pattern: /^power(8|9|10)$/, example: 'linux/ppc64le/power9' },
  riscv64: { variable: 'GORISCV64', pattern: /^rva(20|22|23)u64$/, example: 'linux/riscv64/rva22u64' },
};

const TOKEN = /^[a-z0-9]+$/;

/** `linux/arm/6`: the spelling users write and logs show. */
export function targetName(target: Target): string {
  return [target.goos, target.goarch, target.variant].filter(Boolean).join('/');
}

/** GOOS, GOARCH and the variant variable for a target. */
export function targetEnv(target: Target): Record<string, string> {
  const env: Record<string, string> = { GOOS: target.goos, GOARCH: target.goarch };
  const variant = VARIANTS[target.goarch];
  if (target.variant && variant) env[variant.variable] = target.variant;
  return env;
}

/**
 * Parses the `targets` input: `os/arch` pairs with an optional variant (`linux/arm/6`, `linux/amd64/v3`),
 * separated by any mix of spaces, commas and newlines. Empty means "set up only, build nothing".
 */
export function parseTargets(text: string, inputName = 'targets'): Target[] {
  const words = text
    .split(/[\s,]+/)
    .map((word) => word.trim())
    .filter(Boolean);
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
        'write targets like linux/amd64, darwin/arm64, linux/arm/7 or linux/amd64/v3, separated by spaces, commas or newlines',
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

/** Known GOOS/GOARCH pairs closest to an unknown one, for "did you mean" hints. */
export function nearestPairs(wanted: Target, known: string[], limit = 3): string[] {
  const name = `${wanted.goos}/${wanted.goarch}`;
  return known
    .map((pair) => ({ pair, distance: editDistance(name, pair) }))
    .sort((a, b) => a.distance - b.distance || a.pair.localeCompare(b.pair))
    .slice(0, limit)
    .map((entry) => entry.pair);
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
 * Checks targets against `go tool dist list` of the installed toolchain; an unknown pair is an error naming
 * it and its nearest known pairs.
 */
export function validateTargets(targets: Target[], distList: string[], inputName = 'targets'): void {
  const known = new Set(distList);
  for (const target of targets) {
    const pair = `${target.goos}/${target.goarch}`;
    if (!known.has(pair)) {
      throw new InputError(
        inputName,
        `Target ${targetName(target)} in ${inputName} is not a platform this Go toolchain can build for`,
        `did you mean ${nearestPairs(target, distList).join(', ')}? \`go tool dist list\` prints every valid pair`,
      );
    }
  }
}
