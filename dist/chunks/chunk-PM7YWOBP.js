import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  debug,
  info
} from "./chunk-MY3REOT7.js";

// src/core/report/format.ts
function humanBytes(bytes) {
  const units = ["B", "KiB", "MiB", "GiB"];
  let value = Math.abs(bytes);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const text = unit === 0 ? String(value) : value.toFixed(1);
  return `${bytes < 0 ? "-" : ""}${text} ${units[unit]}`;
}
function humanDuration(ms) {
  return ms >= 1e3 ? `${(ms / 1e3).toFixed(2)} s` : `${Math.round(ms)} ms`;
}
function cell(text) {
  return text.replace(/\r\n|\r|\n/g, " ").replace(/[\\`*_{}[\]<>|~#]/g, "\\$&").replace(/&/g, "&amp;");
}
function code(text, inTable = false) {
  const oneLine = text.replace(/\r\n|\r|\n/g, " ");
  const longestRun = Math.max(0, ...(oneLine.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  const pad = oneLine.startsWith("`") || oneLine.endsWith("`") || /^ .* $/.test(oneLine) ? " " : "";
  return `${fence}${pad}${inTable ? oneLine.replace(/\|/g, "\\|") : oneLine}${pad}${fence}`;
}
function logSafe(text) {
  return text.split(/\r\n|\r|\n/).map((line) => line.replace(/^([\s\u0085]*)::/, "$1\\::").replace(/##\[/g, "##\\[")).join("\n");
}

// src/io/log.ts
function info2(message) {
  info(logSafe(message));
}
function debug2(message) {
  debug(logSafe(message));
}
function addMatcher(file) {
  info(`::add-matcher::${file}`);
}

// src/core/errors.ts
var InputError = class extends Error {
  constructor(input, message, fix, location) {
    super(`${message}. ${fix.charAt(0).toUpperCase()}${fix.slice(1)}${/[.!?]$/.test(fix) ? "" : "."}`);
    this.input = input;
    this.fix = fix;
    this.location = location;
  }
  input;
  fix;
  location;
  name = "InputError";
};
var VerificationError = class extends Error {
  name = "VerificationError";
};

// src/core/build/targets.ts
var VARIANTS = {
  arm: { variable: "GOARM", pattern: /^[5-7](,(softfloat|hardfloat))?$/, example: "linux/arm/7" },
  arm64: {
    variable: "GOARM64",
    pattern: /^v(8\.[0-9]|9\.[0-5])(,lse|,crypto)*$/,
    example: "linux/arm64/v8.2"
  },
  amd64: { variable: "GOAMD64", pattern: /^v[1-4]$/, example: "linux/amd64/v3" },
  "386": { variable: "GO386", pattern: /^(sse2|softfloat)$/, example: "linux/386/sse2" },
  mips: { variable: "GOMIPS", pattern: /^(hardfloat|softfloat)$/, example: "linux/mips/softfloat" },
  mipsle: { variable: "GOMIPS", pattern: /^(hardfloat|softfloat)$/, example: "linux/mipsle/softfloat" },
  mips64: { variable: "GOMIPS64", pattern: /^(hardfloat|softfloat)$/, example: "linux/mips64/softfloat" },
  mips64le: { variable: "GOMIPS64", pattern: /^(hardfloat|softfloat)$/, example: "linux/mips64le/softfloat" },
  ppc64: { variable: "GOPPC64", pattern: /^power(8|9|10)$/, example: "linux/ppc64/power9" },
  ppc64le: { variable: "GOPPC64", pattern: /^power(8|9|10)$/, example: "linux/ppc64le/power9" },
  riscv64: { variable: "GORISCV64", pattern: /^rva(20|22|23)u64$/, example: "linux/riscv64/rva22u64" },
  wasm: {
    variable: "GOWASM",
    pattern: /^(satconv|signext)(,(satconv|signext))*$/,
    example: "js/wasm/satconv,signext"
  }
};
var TOKEN = /^[a-z0-9_]+$/;
function targetName(target) {
  return [target.goos, target.goarch, target.variant].filter(Boolean).join("/");
}
function variantVariable(goarch) {
  return VARIANTS[goarch]?.variable;
}
function targetEnv(target) {
  const env = { GOOS: target.goos, GOARCH: target.goarch };
  const variant = VARIANTS[target.goarch];
  if (target.variant && variant) env[variant.variable] = target.variant;
  return env;
}
function targetWords(text) {
  return text.split(/\s+/).flatMap((word) => word.split(/,+(?=[^,]*\/)/)).map((word) => word.replace(/^,+|,+$/g, "")).filter(Boolean);
}
function parseTargets(text, inputName = "targets") {
  const words2 = targetWords(text);
  const targets = [];
  const seen = /* @__PURE__ */ new Set();
  for (const word of words2) {
    const parts = word.split("/");
    const [goos, goarch, variant] = parts;
    if (parts.length < 2 || parts.length > 3 || !goos || !goarch || !TOKEN.test(goos) || !TOKEN.test(goarch)) {
      throw new InputError(
        inputName,
        `Target ${JSON.stringify(word)} in ${inputName} is not an os/arch pair`,
        "write targets like linux/amd64, darwin/arm64, linux/arm/7 or linux/amd64/v3, separated by spaces, commas or newlines; a variant takes its options after commas without spaces, e.g. linux/arm64/v8.2,lse"
      );
    }
    const target = { goos, goarch };
    if (variant !== void 0) {
      const rule = VARIANTS[goarch];
      if (!rule) {
        throw new InputError(
          inputName,
          `Target ${word} in ${inputName} gives a variant, but ${goarch} has none`,
          `drop the variant (${goos}/${goarch})`
        );
      }
      if (!rule.pattern.test(variant)) {
        throw new InputError(
          inputName,
          `Target ${word} in ${inputName} has an unknown ${rule.variable} level ${JSON.stringify(variant)}`,
          `use a level Go accepts, e.g. ${rule.example}`
        );
      }
      target.variant = variant;
    }
    const name = targetName(target);
    if (seen.has(name)) {
      throw new InputError(
        inputName,
        `Target ${name} is listed twice in ${inputName}`,
        "list each target once"
      );
    }
    seen.add(name);
    targets.push(target);
  }
  return targets;
}
var GO_SPELLINGS = {
  aarch64: "arm64",
  x86_64: "amd64",
  x64: "amd64",
  i386: "386",
  i686: "386",
  x86: "386",
  armv6: "arm",
  armv7: "arm",
  macos: "darwin",
  osx: "darwin",
  win: "windows",
  win32: "windows"
};
function parseDistList(output) {
  return output.split(/\r?\n/).map((line) => line.trim()).filter((line) => /^[a-z0-9]+\/[a-z0-9]+$/.test(line));
}
function nearestPairs(wanted, known, limit = 3) {
  const name = `${wanted.goos}/${wanted.goarch}`;
  const translated = `${GO_SPELLINGS[wanted.goos] ?? wanted.goos}/${GO_SPELLINGS[wanted.goarch] ?? wanted.goarch}`;
  const byDistance = known.filter((pair) => pair !== translated).map((pair) => ({ pair, distance: editDistance(name, pair) })).sort((a, b) => a.distance - b.distance || a.pair.localeCompare(b.pair)).map((entry) => entry.pair);
  return [...known.includes(translated) ? [translated] : [], ...byDistance].slice(0, limit);
}
function editDistance(a, b) {
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
function validateTargets(targets, distList, inputName = "targets") {
  const known = new Set(distList);
  const unknown = targets.filter((target) => !known.has(`${target.goos}/${target.goarch}`));
  if (unknown.length === 0) return;
  const suggest = (target) => `did you mean ${nearestPairs(target, distList).join(", ")}?`;
  const [only] = unknown;
  throw new InputError(
    inputName,
    `${unknown.length === 1 ? "Target" : "Targets"} ${unknown.map(targetName).join(", ")} in ${inputName} ${unknown.length === 1 ? "is not a platform" : "are not platforms"} this Go toolchain can build for`,
    only && unknown.length === 1 ? `use a pair that \`go tool dist list\` prints: ${suggest(only)}` : `use pairs that \`go tool dist list\` prints: ${unknown.map((target) => `instead of ${targetName(target)}, ${suggest(target)}`).join(" ")}`
  );
}
function variantProbes(targets) {
  const probes = /* @__PURE__ */ new Map();
  for (const target of targets) {
    const variable = variantVariable(target.goarch);
    if (!target.variant || !variable) continue;
    const key = `${target.goarch}/${target.variant}`;
    const probe = probes.get(key) ?? {
      goos: target.goos,
      goarch: target.goarch,
      variable,
      value: target.variant,
      targets: []
    };
    probe.targets.push(targetName(target));
    probes.set(key, probe);
  }
  return [...probes.values()];
}
function variantProbeCommand(probe) {
  return {
    args: ["env", "-json", "GOVERSION", probe.variable],
    env: { GOOS: probe.goos, GOARCH: probe.goarch, [probe.variable]: probe.value }
  };
}
function variantRefusal(probe, answer) {
  const asked = `${probe.variable}=${probe.value}`;
  if (answer.exitCode !== 0) {
    const said = answer.stderr.trim().split("\n")[0]?.replace(/^go: /, "") || `go env exited with ${answer.exitCode}`;
    return `${asked}, which the installed Go toolchain rejects: ${said}`;
  }
  let env;
  try {
    env = JSON.parse(answer.stdout);
  } catch {
    throw new Error(`go env -json printed something that is not JSON: ${answer.stdout.slice(0, 200)}`);
  }
  if (env[probe.variable] === probe.value) return void 0;
  return `${asked}, but ${String(env.GOVERSION ?? "the installed Go toolchain")} does not know ${probe.variable}: it would ignore it and build for its default level`;
}
function checkVariantAnswers(probes, answers, inputName = "targets") {
  const refused = probes.flatMap((probe, index) => {
    const answer = answers[index];
    const why = answer && variantRefusal(probe, answer);
    return why ? [{ probe, why }] : [];
  });
  const [first] = refused;
  if (!first) return;
  const sentences = refused.map(
    ({ probe, why }) => probe.targets.length === 1 ? `Target ${probe.targets.join("")} in ${inputName} sets ${why}` : `Targets ${probe.targets.join(", ")} in ${inputName} set ${why}`
  );
  throw new InputError(
    inputName,
    sentences.join("; "),
    `use a level this Go accepts, set go-version to a Go that has the level, or drop the variant (e.g. ${first.probe.goos}/${first.probe.goarch})`
  );
}

// src/core/compare/like-for-like.ts
var onOff = (value) => value ? "on" : "off";
var words = (list) => (list ?? []).join(" ");
var sortedWords = (list) => [...list ?? []].sort().join(",");
var quotedOrUnset = (value) => value ? `"${value}"` : "unset";
var SETTINGS = [
  {
    setting: "Go",
    read: (r) => r.go.version,
    caveat: (b, h) => `base was built with Go ${b}, head with Go ${h}`
  },
  {
    setting: "-ldflags",
    read: (r) => r.flags.ldflags,
    caveat: (b, h) => `base was linked with -ldflags=${b}, head with -ldflags=${h}`
  },
  {
    setting: "-trimpath",
    read: (r) => onOff(r.flags.trimpath),
    caveat: (b, h) => `-trimpath was ${b} for base, ${h} for head`
  },
  {
    setting: "CGO_ENABLED",
    read: (r) => r.flags.cgo ? "1" : "0",
    caveat: (b, h) => `CGO_ENABLED was ${b} for base, ${h} for head`
  },
  {
    setting: "-tags",
    read: (r) => sortedWords(r.flags.tags),
    caveat: (b, h) => `base was built with -tags=${b}, head with -tags=${h}`
  },
  {
    setting: "build-flags",
    read: (r) => words(r.flags.buildFlags),
    caveat: (b, h) => `base was built with build-flags "${b}", head with "${h}"`
  }
];
function environmentSettings(base, head) {
  const names = /* @__PURE__ */ new Set([...Object.keys(base.flags.env ?? {}), ...Object.keys(head.flags.env ?? {})]);
  return [...names].sort().map((name) => ({
    setting: name,
    read: (r) => r.flags.env?.[name] ?? "",
    caveat: (b, h) => `${name} was ${quotedOrUnset(b)} for base, ${quotedOrUnset(h)} for head`
  }));
}
function buildDifferences(base, head) {
  return [...SETTINGS, ...environmentSettings(base, head)].flatMap(({ setting, read, caveat }) => {
    const [was, is] = [read(base), read(head)];
    return was === is ? [] : [{ setting, base: was, head: is, caveat: caveat(was, is) }];
  });
}
function storedBaseBuild(base, head, whyNotRebuilt) {
  const differences = buildDifferences(base, head);
  return differences.length === 0 ? { kind: "stored" } : { kind: "unlike", differences, why: whyNotRebuilt };
}
function describeDifferences(differences) {
  return differences.map((d) => `${d.setting} ${d.base || "(none)"} (head ${d.head || "(none)"})`).join(", ");
}
var WARMTH = {
  exact: "started from the build cache saved for its own key",
  partial: "started from a build cache restored by a restore key",
  none: "started with no build cache restored"
};
function buildCacheStart(restored) {
  const entry = restored.find((e) => e.kind === "build");
  return entry && !entry.error ? { buildCache: entry.hit } : {};
}
function buildTimeComparability(base, head, build) {
  if (build.kind === "rebuilt")
    return {
      comparable: false,
      why: "the base was built in this job after the head, reusing the build cache the head's build filled"
    };
  if (build.kind === "unlike")
    return { comparable: false, why: "the two sides were built with different toolchains or flags" };
  if (!base.buildCache || !head.buildCache)
    return {
      comparable: false,
      why: `the ${base.buildCache ? "head" : "base"} report does not say whether its build started with a warm build cache`
    };
  if (base.buildCache !== head.buildCache)
    return {
      comparable: false,
      why: `the base build ${WARMTH[base.buildCache]}, the head build ${WARMTH[head.buildCache]}`
    };
  return { comparable: true, why: `both builds ${WARMTH[head.buildCache]}` };
}

// src/core/report/report.ts
function targetKey(target) {
  return `${target.package} ${targetName(target)}`;
}
function buildReport(input) {
  const targets = [...input.targets].sort(
    (a, b) => a.package.localeCompare(b.package) || a.goos.localeCompare(b.goos) || a.goarch.localeCompare(b.goarch) || (a.variant ?? "").localeCompare(b.variant ?? "")
  );
  return {
    schemaVersion: 1,
    go: input.go,
    commit: input.commit,
    flags: input.flags,
    targets,
    ...input.failed && input.failed.length > 0 ? { failed: input.failed } : {},
    ...input.buildCache ? { buildCache: input.buildCache } : {},
    totals: {
      sizeBytes: targets.reduce((sum, t) => sum + t.sizeBytes, 0),
      buildMs: targets.reduce((sum, t) => sum + t.buildMs, 0),
      wallMs: input.wallMs
    }
  };
}

// src/core/report/schema.ts
var moduleVersionProperties = {
  path: { type: "string", minLength: 1 },
  version: { type: "string" },
  sum: { type: "string", pattern: "^h1:" }
};
var REPORT_SCHEMA = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "urn:setup-go-arm64:report:v1",
  title: "setup-go-arm64 build report, schema v1",
  description: "What one run of the action built: the toolchain, the flags, and every built file measured from its own bytes. Later versions of v1 may add fields, never rename them, so readers should ignore fields they do not know.",
  type: "object",
  required: ["schemaVersion", "go", "commit", "flags", "targets", "totals"],
  properties: {
    schemaVersion: { const: 1 },
    go: {
      description: "The toolchain that built the targets, and whether it runs natively on the build machine.",
      type: "object",
      required: ["version", "hostOs", "hostArch", "native"],
      properties: {
        version: {
          title: "a Go release such as 1.25.4 or 1.26rc1",
          description: "Go release without the go prefix, e.g. 1.25.4 or 1.26rc1.",
          type: "string",
          pattern: "^[0-9]{1,3}\\.[0-9]{1,3}(\\.[0-9]{1,3}|(rc|beta)[0-9]{1,2})?$"
        },
        hostOs: { $ref: "#/$defs/goName" },
        hostArch: { $ref: "#/$defs/goName" },
        native: { type: "boolean" }
      }
    },
    commit: {
      title: "a commit SHA of 7 to 64 lower-case hex digits, or null",
      description: "The commit built (GITHUB_SHA), or null outside a workflow.",
      type: ["string", "null"],
      pattern: "^[0-9a-f]{7,64}$"
    },
    flags: {
      description: "The flags every target was built with.",
      type: "object",
      required: ["ldflags", "trimpath", "cgo"],
      properties: {
        ldflags: {
          description: "As the ldflags input gives them, placeholders such as {commit} included, so that reports of different commits built the same way compare equal.",
          type: "string"
        },
        stampedLdflags: {
          description: "As passed to the linker, with {version}, {commit} and {date} filled in; only when ldflags uses them.",
          type: "string"
        },
        trimpath: { type: "boolean" },
        cgo: { description: "CGO_ENABLED=1 when true.", type: "boolean" },
        tags: { description: "Build tags (-tags).", type: "array", items: { type: "string", minLength: 1 } },
        buildFlags: {
          description: "Further go build flags from the build-flags input, one word each.",
          type: "array",
          items: { type: "string" }
        },
        env: {
          description: "The variables of the build environment that change what go builds (GOFLAGS, GOEXPERIMENT, GOARM, GOAMD64, \u2026), those that were set; PR comparisons rebuild the base when they differ.",
          type: "object",
          additionalProperties: { type: "string" }
        }
      }
    },
    buildCache: {
      description: "How the build cache started: restored from its own key (exact), from a restore key (partial), or not restored (none); absent when cache-build is off. PR comparisons show build-time deltas only when both sides say the same.",
      enum: ["exact", "partial", "none"]
    },
    targets: {
      description: "Every file that built and matched its target, ordered by package, goos, goarch and variant.",
      type: "array",
      items: { $ref: "#/$defs/target" }
    },
    failed: {
      description: "Builds that produced no file, and why; present only when some failed, so a partial report says what it lacks.",
      type: "array",
      items: {
        type: "object",
        required: ["package", "goos", "goarch", "reason"],
        properties: {
          package: { type: "string" },
          goos: { $ref: "#/$defs/goName" },
          goarch: { $ref: "#/$defs/goName" },
          variant: { type: "string" },
          reason: { description: "The first line of what failed.", type: "string" }
        }
      }
    },
    totals: {
      type: "object",
      required: ["sizeBytes", "buildMs", "wallMs"],
      properties: {
        sizeBytes: { description: "Sum of the targets' sizes.", $ref: "#/$defs/count" },
        buildMs: { description: "Sum of the targets' build times.", $ref: "#/$defs/count" },
        wallMs: { description: "Wall time of all builds together.", $ref: "#/$defs/count" }
      }
    }
  },
  $defs: {
    count: { type: "integer", minimum: 0 },
    size: { title: "a size in bytes, 1 or more", type: "integer", minimum: 1 },
    sha256: { title: "a SHA-256 of 64 lower-case hex digits", type: "string", pattern: "^[0-9a-f]{64}$" },
    goName: {
      title: "a GOOS or GOARCH name such as linux or arm64",
      description: "A GOOS or GOARCH value.",
      type: "string",
      pattern: "^[a-z0-9_]+$"
    },
    replacement: {
      description: "The module a replace directive put in place of another: a path (or a local directory) and version, with its go.sum hash (h1:\u2026) when it has one.",
      type: "object",
      required: ["path", "version"],
      properties: moduleVersionProperties
    },
    goModule: {
      description: "A module as Go records it in a binary, and what a replace directive put in its place.",
      type: "object",
      required: ["path", "version"],
      properties: { ...moduleVersionProperties, replace: { $ref: "#/$defs/replacement" } }
    },
    target: {
      description: "One built file, as measured after the build.",
      type: "object",
      required: ["goos", "goarch", "package", "path", "sizeBytes", "buildMs", "sha256", "format", "arch"],
      properties: {
        goos: { $ref: "#/$defs/goName" },
        goarch: { $ref: "#/$defs/goName" },
        variant: {
          description: "GOARM, GOAMD64, \u2026 level when the target names one, e.g. 6 for linux/arm/6.",
          type: "string",
          minLength: 1
        },
        package: {
          description: "The main package as given, e.g. . or ./cmd/tool.",
          type: "string",
          minLength: 1
        },
        path: { description: "The built file, relative to the workspace.", type: "string", minLength: 1 },
        sizeBytes: { $ref: "#/$defs/size" },
        buildMs: { $ref: "#/$defs/count" },
        sha256: { $ref: "#/$defs/sha256" },
        format: {
          description: "Container format read from the file's header; macho-fat is a universal Mach-O (goarch universal), wasm a WebAssembly module (js/wasm, wasip1/wasm).",
          enum: ["elf", "macho", "macho-fat", "pe", "wasm"]
        },
        arch: {
          description: "Architecture read from the file's header, in GOARCH spelling; slices joined with + for a universal Mach-O.",
          type: "string",
          minLength: 1
        },
        slices: {
          description: "A universal Mach-O's slices in file order, each measured from its own bytes: its sha256 is the thin build's it was made from; goVersion, goos and goarch come from the slice's Go build info.",
          type: "array",
          minItems: 1,
          items: {
            type: "object",
            required: ["arch", "offset", "sizeBytes", "sha256"],
            properties: {
              arch: { $ref: "#/$defs/goName" },
              offset: { description: "Where the slice starts in the universal file.", $ref: "#/$defs/count" },
              sizeBytes: { $ref: "#/$defs/size" },
              sha256: { $ref: "#/$defs/sha256" },
              goVersion: { type: "string", minLength: 1 },
              goos: { $ref: "#/$defs/goName" },
              goarch: { $ref: "#/$defs/goName" }
            }
          }
        },
        keptSymbols: {
          description: "Symbols a Mach-O still defines although ldflags strip them (-s), as Go 1.21 and older leave them; read from the file's load commands.",
          type: "integer",
          minimum: 1
        },
        sbom: {
          title: "a path ending in .cdx.json",
          description: "The file's CycloneDX SBOM (with sbom: true), relative to the workspace: the built file's path with .cdx.json added.",
          type: "string",
          pattern: "\\.cdx\\.json$"
        },
        attribution: {
          description: "The Go packages whose symbols take the most bytes, largest first; type: and go: hold compiler-generated data of no package.",
          type: "array",
          items: {
            type: "object",
            required: ["package", "sizeBytes"],
            properties: {
              package: { type: "string", minLength: 1 },
              sizeBytes: { $ref: "#/$defs/size" }
            }
          }
        },
        buildInfo: {
          description: "The file's own Go build info, as go version -m shows it (stripping with -s -w keeps it): the toolchain, the main module, every dependency linked in, and the build settings. PR comparisons name the modules, Go version and settings that changed. Absent for a universal Mach-O, whose slices are the thin targets.",
          type: "object",
          required: ["goVersion", "deps", "settings"],
          properties: {
            goVersion: {
              description: "The toolchain that built the file, e.g. go1.25.4.",
              type: "string",
              minLength: 1
            },
            path: { description: "The main package's import path.", type: "string" },
            main: { $ref: "#/$defs/goModule" },
            deps: { type: "array", items: { $ref: "#/$defs/goModule" } },
            settings: {
              description: "Build settings by key: GOOS, GOARCH, CGO_ENABLED, -ldflags, -trimpath, -tags, DefaultGODEBUG, vcs.revision, \u2026.",
              type: "object",
              additionalProperties: { type: "string" }
            }
          }
        },
        host: {
          description: "In a merged report (merge-reports), the runner that built the target: its GOOS and GOARCH, and whether its toolchain ran natively.",
          type: "object",
          required: ["os", "arch", "native"],
          properties: {
            os: { $ref: "#/$defs/goName" },
            arch: { $ref: "#/$defs/goName" },
            native: { type: "boolean" }
          }
        }
      }
    }
  }
};

// src/core/report/schema-validator.ts
var schema_validator_default = validate20;
var schema31 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "urn:setup-go-arm64:report:v1", "title": "setup-go-arm64 build report, schema v1", "description": "What one run of the action built: the toolchain, the flags, and every built file measured from its own bytes. Later versions of v1 may add fields, never rename them, so readers should ignore fields they do not know.", "type": "object", "required": ["schemaVersion", "go", "commit", "flags", "targets", "totals"], "properties": { "schemaVersion": { "const": 1 }, "go": { "description": "The toolchain that built the targets, and whether it runs natively on the build machine.", "type": "object", "required": ["version", "hostOs", "hostArch", "native"], "properties": { "version": { "title": "a Go release such as 1.25.4 or 1.26rc1", "description": "Go release without the go prefix, e.g. 1.25.4 or 1.26rc1.", "type": "string", "pattern": "^[0-9]{1,3}\\.[0-9]{1,3}(\\.[0-9]{1,3}|(rc|beta)[0-9]{1,2})?$" }, "hostOs": { "$ref": "#/$defs/goName" }, "hostArch": { "$ref": "#/$defs/goName" }, "native": { "type": "boolean" } } }, "commit": { "title": "a commit SHA of 7 to 64 lower-case hex digits, or null", "description": "The commit built (GITHUB_SHA), or null outside a workflow.", "type": ["string", "null"], "pattern": "^[0-9a-f]{7,64}$" }, "flags": { "description": "The flags every target was built with.", "type": "object", "required": ["ldflags", "trimpath", "cgo"], "properties": { "ldflags": { "description": "As the ldflags input gives them, placeholders such as {commit} included, so that reports of different commits built the same way compare equal.", "type": "string" }, "stampedLdflags": { "description": "As passed to the linker, with {version}, {commit} and {date} filled in; only when ldflags uses them.", "type": "string" }, "trimpath": { "type": "boolean" }, "cgo": { "description": "CGO_ENABLED=1 when true.", "type": "boolean" }, "tags": { "description": "Build tags (-tags).", "type": "array", "items": { "type": "string", "minLength": 1 } }, "buildFlags": { "description": "Further go build flags from the build-flags input, one word each.", "type": "array", "items": { "type": "string" } }, "env": { "description": "The variables of the build environment that change what go builds (GOFLAGS, GOEXPERIMENT, GOARM, GOAMD64, \u2026), those that were set; PR comparisons rebuild the base when they differ.", "type": "object", "additionalProperties": { "type": "string" } } } }, "buildCache": { "description": "How the build cache started: restored from its own key (exact), from a restore key (partial), or not restored (none); absent when cache-build is off. PR comparisons show build-time deltas only when both sides say the same.", "enum": ["exact", "partial", "none"] }, "targets": { "description": "Every file that built and matched its target, ordered by package, goos, goarch and variant.", "type": "array", "items": { "$ref": "#/$defs/target" } }, "failed": { "description": "Builds that produced no file, and why; present only when some failed, so a partial report says what it lacks.", "type": "array", "items": { "type": "object", "required": ["package", "goos", "goarch", "reason"], "properties": { "package": { "type": "string" }, "goos": { "$ref": "#/$defs/goName" }, "goarch": { "$ref": "#/$defs/goName" }, "variant": { "type": "string" }, "reason": { "description": "The first line of what failed.", "type": "string" } } } }, "totals": { "type": "object", "required": ["sizeBytes", "buildMs", "wallMs"], "properties": { "sizeBytes": { "description": "Sum of the targets' sizes.", "$ref": "#/$defs/count" }, "buildMs": { "description": "Sum of the targets' build times.", "$ref": "#/$defs/count" }, "wallMs": { "description": "Wall time of all builds together.", "$ref": "#/$defs/count" } } } }, "$defs": { "count": { "type": "integer", "minimum": 0 }, "size": { "title": "a size in bytes, 1 or more", "type": "integer", "minimum": 1 }, "sha256": { "title": "a SHA-256 of 64 lower-case hex digits", "type": "string", "pattern": "^[0-9a-f]{64}$" }, "goName": { "title": "a GOOS or GOARCH name such as linux or arm64", "description": "A GOOS or GOARCH value.", "type": "string", "pattern": "^[a-z0-9_]+$" }, "replacement": { "description": "The module a replace directive put in place of another: a path (or a local directory) and version, with its go.sum hash (h1:\u2026) when it has one.", "type": "object", "required": ["path", "version"], "properties": { "path": { "type": "string", "minLength": 1 }, "version": { "type": "string" }, "sum": { "type": "string", "pattern": "^h1:" } } }, "goModule": { "description": "A module as Go records it in a binary, and what a replace directive put in its place.", "type": "object", "required": ["path", "version"], "properties": { "path": { "type": "string", "minLength": 1 }, "version": { "type": "string" }, "sum": { "type": "string", "pattern": "^h1:" }, "replace": { "$ref": "#/$defs/replacement" } } }, "target": { "description": "One built file, as measured after the build.", "type": "object", "required": ["goos", "goarch", "package", "path", "sizeBytes", "buildMs", "sha256", "format", "arch"], "properties": { "goos": { "$ref": "#/$defs/goName" }, "goarch": { "$ref": "#/$defs/goName" }, "variant": { "description": "GOARM, GOAMD64, \u2026 level when the target names one, e.g. 6 for linux/arm/6.", "type": "string", "minLength": 1 }, "package": { "description": "The main package as given, e.g. . or ./cmd/tool.", "type": "string", "minLength": 1 }, "path": { "description": "The built file, relative to the workspace.", "type": "string", "minLength": 1 }, "sizeBytes": { "$ref": "#/$defs/size" }, "buildMs": { "$ref": "#/$defs/count" }, "sha256": { "$ref": "#/$defs/sha256" }, "format": { "description": "Container format read from the file's header; macho-fat is a universal Mach-O (goarch universal), wasm a WebAssembly module (js/wasm, wasip1/wasm).", "enum": ["elf", "macho", "macho-fat", "pe", "wasm"] }, "arch": { "description": "Architecture read from the file's header, in GOARCH spelling; slices joined with + for a universal Mach-O.", "type": "string", "minLength": 1 }, "slices": { "description": "A universal Mach-O's slices in file order, each measured from its own bytes: its sha256 is the thin build's it was made from; goVersion, goos and goarch come from the slice's Go build info.", "type": "array", "minItems": 1, "items": { "type": "object", "required": ["arch", "offset", "sizeBytes", "sha256"], "properties": { "arch": { "$ref": "#/$defs/goName" }, "offset": { "description": "Where the slice starts in the universal file.", "$ref": "#/$defs/count" }, "sizeBytes": { "$ref": "#/$defs/size" }, "sha256": { "$ref": "#/$defs/sha256" }, "goVersion": { "type": "string", "minLength": 1 }, "goos": { "$ref": "#/$defs/goName" }, "goarch": { "$ref": "#/$defs/goName" } } } }, "keptSymbols": { "description": "Symbols a Mach-O still defines although ldflags strip them (-s), as Go 1.21 and older leave them; read from the file's load commands.", "type": "integer", "minimum": 1 }, "sbom": { "title": "a path ending in .cdx.json", "description": "The file's CycloneDX SBOM (with sbom: true), relative to the workspace: the built file's path with .cdx.json added.", "type": "string", "pattern": "\\.cdx\\.json$" }, "attribution": { "description": "The Go packages whose symbols take the most bytes, largest first; type: and go: hold compiler-generated data of no package.", "type": "array", "items": { "type": "object", "required": ["package", "sizeBytes"], "properties": { "package": { "type": "string", "minLength": 1 }, "sizeBytes": { "$ref": "#/$defs/size" } } } }, "buildInfo": { "description": "The file's own Go build info, as go version -m shows it (stripping with -s -w keeps it): the toolchain, the main module, every dependency linked in, and the build settings. PR comparisons name the modules, Go version and settings that changed. Absent for a universal Mach-O, whose slices are the thin targets.", "type": "object", "required": ["goVersion", "deps", "settings"], "properties": { "goVersion": { "description": "The toolchain that built the file, e.g. go1.25.4.", "type": "string", "minLength": 1 }, "path": { "description": "The main package's import path.", "type": "string" }, "main": { "$ref": "#/$defs/goModule" }, "deps": { "type": "array", "items": { "$ref": "#/$defs/goModule" } }, "settings": { "description": "Build settings by key: GOOS, GOARCH, CGO_ENABLED, -ldflags, -trimpath, -tags, DefaultGODEBUG, vcs.revision, \u2026.", "type": "object", "additionalProperties": { "type": "string" } } } }, "host": { "description": "In a merged report (merge-reports), the runner that built the target: its GOOS and GOARCH, and whether its toolchain ran natively.", "type": "object", "required": ["os", "arch", "native"], "properties": { "os": { "$ref": "#/$defs/goName" }, "arch": { "$ref": "#/$defs/goName" }, "native": { "type": "boolean" } } } } } } };
var schema32 = { "title": "a GOOS or GOARCH name such as linux or arm64", "description": "A GOOS or GOARCH value.", "type": "string", "pattern": "^[a-z0-9_]+$" };
var schema38 = { "type": "integer", "minimum": 0 };
var pattern4 = new RegExp("^[0-9]{1,3}\\.[0-9]{1,3}(\\.[0-9]{1,3}|(rc|beta)[0-9]{1,2})?$", "u");
var pattern5 = new RegExp("^[a-z0-9_]+$", "u");
var pattern7 = new RegExp("^[0-9a-f]{7,64}$", "u");
var schema34 = { "description": "One built file, as measured after the build.", "type": "object", "required": ["goos", "goarch", "package", "path", "sizeBytes", "buildMs", "sha256", "format", "arch"], "properties": { "goos": { "$ref": "#/$defs/goName" }, "goarch": { "$ref": "#/$defs/goName" }, "variant": { "description": "GOARM, GOAMD64, \u2026 level when the target names one, e.g. 6 for linux/arm/6.", "type": "string", "minLength": 1 }, "package": { "description": "The main package as given, e.g. . or ./cmd/tool.", "type": "string", "minLength": 1 }, "path": { "description": "The built file, relative to the workspace.", "type": "string", "minLength": 1 }, "sizeBytes": { "$ref": "#/$defs/size" }, "buildMs": { "$ref": "#/$defs/count" }, "sha256": { "$ref": "#/$defs/sha256" }, "format": { "description": "Container format read from the file's header; macho-fat is a universal Mach-O (goarch universal), wasm a WebAssembly module (js/wasm, wasip1/wasm).", "enum": ["elf", "macho", "macho-fat", "pe", "wasm"] }, "arch": { "description": "Architecture read from the file's header, in GOARCH spelling; slices joined with + for a universal Mach-O.", "type": "string", "minLength": 1 }, "slices": { "description": "A universal Mach-O's slices in file order, each measured from its own bytes: its sha256 is the thin build's it was made from; goVersion, goos and goarch come from the slice's Go build info.", "type": "array", "minItems": 1, "items": { "type": "object", "required": ["arch", "offset", "sizeBytes", "sha256"], "properties": { "arch": { "$ref": "#/$defs/goName" }, "offset": { "description": "Where the slice starts in the universal file.", "$ref": "#/$defs/count" }, "sizeBytes": { "$ref": "#/$defs/size" }, "sha256": { "$ref": "#/$defs/sha256" }, "goVersion": { "type": "string", "minLength": 1 }, "goos": { "$ref": "#/$defs/goName" }, "goarch": { "$ref": "#/$defs/goName" } } } }, "keptSymbols": { "description": "Symbols a Mach-O still defines although ldflags strip them (-s), as Go 1.21 and older leave them; read from the file's load commands.", "type": "integer", "minimum": 1 }, "sbom": { "title": "a path ending in .cdx.json", "description": "The file's CycloneDX SBOM (with sbom: true), relative to the workspace: the built file's path with .cdx.json added.", "type": "string", "pattern": "\\.cdx\\.json$" }, "attribution": { "description": "The Go packages whose symbols take the most bytes, largest first; type: and go: hold compiler-generated data of no package.", "type": "array", "items": { "type": "object", "required": ["package", "sizeBytes"], "properties": { "package": { "type": "string", "minLength": 1 }, "sizeBytes": { "$ref": "#/$defs/size" } } } }, "buildInfo": { "description": "The file's own Go build info, as go version -m shows it (stripping with -s -w keeps it): the toolchain, the main module, every dependency linked in, and the build settings. PR comparisons name the modules, Go version and settings that changed. Absent for a universal Mach-O, whose slices are the thin targets.", "type": "object", "required": ["goVersion", "deps", "settings"], "properties": { "goVersion": { "description": "The toolchain that built the file, e.g. go1.25.4.", "type": "string", "minLength": 1 }, "path": { "description": "The main package's import path.", "type": "string" }, "main": { "$ref": "#/$defs/goModule" }, "deps": { "type": "array", "items": { "$ref": "#/$defs/goModule" } }, "settings": { "description": "Build settings by key: GOOS, GOARCH, CGO_ENABLED, -ldflags, -trimpath, -tags, DefaultGODEBUG, vcs.revision, \u2026.", "type": "object", "additionalProperties": { "type": "string" } } } }, "host": { "description": "In a merged report (merge-reports), the runner that built the target: its GOOS and GOARCH, and whether its toolchain ran natively.", "type": "object", "required": ["os", "arch", "native"], "properties": { "os": { "$ref": "#/$defs/goName" }, "arch": { "$ref": "#/$defs/goName" }, "native": { "type": "boolean" } } } } };
var schema37 = { "title": "a size in bytes, 1 or more", "type": "integer", "minimum": 1 };
var schema39 = { "title": "a SHA-256 of 64 lower-case hex digits", "type": "string", "pattern": "^[0-9a-f]{64}$" };
var pattern10 = new RegExp("^[0-9a-f]{64}$", "u");
var pattern15 = new RegExp("\\.cdx\\.json$", "u");
var schema47 = { "description": "A module as Go records it in a binary, and what a replace directive put in its place.", "type": "object", "required": ["path", "version"], "properties": { "path": { "type": "string", "minLength": 1 }, "version": { "type": "string" }, "sum": { "type": "string", "pattern": "^h1:" }, "replace": { "$ref": "#/$defs/replacement" } } };
var schema48 = { "description": "The module a replace directive put in place of another: a path (or a local directory) and version, with its go.sum hash (h1:\u2026) when it has one.", "type": "object", "required": ["path", "version"], "properties": { "path": { "type": "string", "minLength": 1 }, "version": { "type": "string" }, "sum": { "type": "string", "pattern": "^h1:" } } };
var pattern16 = new RegExp("^h1:", "u");
function validate22(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate22.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.path === void 0 && (missing0 = "path") || data.version === void 0 && (missing0 = "version")) {
        validate22.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'", schema: schema47.required, parentSchema: schema47, data }];
        return false;
      } else {
        if (data.path !== void 0) {
          let data0 = data.path;
          const _errs1 = errors;
          if (errors === _errs1) {
            if (typeof data0 === "string") {
              if (data0.length < 1) {
                validate22.errors = [{ instancePath: instancePath + "/path", schemaPath: "#/properties/path/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema47.properties.path, data: data0 }];
                return false;
              }
            } else {
              validate22.errors = [{ instancePath: instancePath + "/path", schemaPath: "#/properties/path/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema47.properties.path.type, parentSchema: schema47.properties.path, data: data0 }];
              return false;
            }
          }
          var valid0 = _errs1 === errors;
        } else {
          var valid0 = true;
        }
        if (valid0) {
          if (data.version !== void 0) {
            let data1 = data.version;
            const _errs3 = errors;
            if (typeof data1 !== "string") {
              validate22.errors = [{ instancePath: instancePath + "/version", schemaPath: "#/properties/version/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema47.properties.version.type, parentSchema: schema47.properties.version, data: data1 }];
              return false;
            }
            var valid0 = _errs3 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.sum !== void 0) {
              let data2 = data.sum;
              const _errs5 = errors;
              if (errors === _errs5) {
                if (typeof data2 === "string") {
                  if (!pattern16.test(data2)) {
                    validate22.errors = [{ instancePath: instancePath + "/sum", schemaPath: "#/properties/sum/pattern", keyword: "pattern", params: { pattern: "^h1:" }, message: 'must match pattern "^h1:"', schema: "^h1:", parentSchema: schema47.properties.sum, data: data2 }];
                    return false;
                  }
                } else {
                  validate22.errors = [{ instancePath: instancePath + "/sum", schemaPath: "#/properties/sum/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema47.properties.sum.type, parentSchema: schema47.properties.sum, data: data2 }];
                  return false;
                }
              }
              var valid0 = _errs5 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.replace !== void 0) {
                let data3 = data.replace;
                const _errs7 = errors;
                const _errs8 = errors;
                if (errors === _errs8) {
                  if (data3 && typeof data3 == "object" && !Array.isArray(data3)) {
                    let missing1;
                    if (data3.path === void 0 && (missing1 = "path") || data3.version === void 0 && (missing1 = "version")) {
                      validate22.errors = [{ instancePath: instancePath + "/replace", schemaPath: "#/$defs/replacement/required", keyword: "required", params: { missingProperty: missing1 }, message: "must have required property '" + missing1 + "'", schema: schema48.required, parentSchema: schema48, data: data3 }];
                      return false;
                    } else {
                      if (data3.path !== void 0) {
                        let data4 = data3.path;
                        const _errs10 = errors;
                        if (errors === _errs10) {
                          if (typeof data4 === "string") {
                            if (data4.length < 1) {
                              validate22.errors = [{ instancePath: instancePath + "/replace/path", schemaPath: "#/$defs/replacement/properties/path/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema48.properties.path, data: data4 }];
                              return false;
                            }
                          } else {
                            validate22.errors = [{ instancePath: instancePath + "/replace/path", schemaPath: "#/$defs/replacement/properties/path/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema48.properties.path.type, parentSchema: schema48.properties.path, data: data4 }];
                            return false;
                          }
                        }
                        var valid2 = _errs10 === errors;
                      } else {
                        var valid2 = true;
                      }
                      if (valid2) {
                        if (data3.version !== void 0) {
                          let data5 = data3.version;
                          const _errs12 = errors;
                          if (typeof data5 !== "string") {
                            validate22.errors = [{ instancePath: instancePath + "/replace/version", schemaPath: "#/$defs/replacement/properties/version/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema48.properties.version.type, parentSchema: schema48.properties.version, data: data5 }];
                            return false;
                          }
                          var valid2 = _errs12 === errors;
                        } else {
                          var valid2 = true;
                        }
                        if (valid2) {
                          if (data3.sum !== void 0) {
                            let data6 = data3.sum;
                            const _errs14 = errors;
                            if (errors === _errs14) {
                              if (typeof data6 === "string") {
                                if (!pattern16.test(data6)) {
                                  validate22.errors = [{ instancePath: instancePath + "/replace/sum", schemaPath: "#/$defs/replacement/properties/sum/pattern", keyword: "pattern", params: { pattern: "^h1:" }, message: 'must match pattern "^h1:"', schema: "^h1:", parentSchema: schema48.properties.sum, data: data6 }];
                                  return false;
                                }
                              } else {
                                validate22.errors = [{ instancePath: instancePath + "/replace/sum", schemaPath: "#/$defs/replacement/properties/sum/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema48.properties.sum.type, parentSchema: schema48.properties.sum, data: data6 }];
                                return false;
                              }
                            }
                            var valid2 = _errs14 === errors;
                          } else {
                            var valid2 = true;
                          }
                        }
                      }
                    }
                  } else {
                    validate22.errors = [{ instancePath: instancePath + "/replace", schemaPath: "#/$defs/replacement/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema48.type, parentSchema: schema48, data: data3 }];
                    return false;
                  }
                }
                var valid0 = _errs7 === errors;
              } else {
                var valid0 = true;
              }
            }
          }
        }
      }
    } else {
      validate22.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema47.type, parentSchema: schema47, data }];
      return false;
    }
  }
  validate22.errors = vErrors;
  return errors === 0;
}
validate22.evaluated = { "props": { "path": true, "version": true, "sum": true, "replace": true }, "dynamicProps": false, "dynamicItems": false };
function validate21(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate21.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.goos === void 0 && (missing0 = "goos") || data.goarch === void 0 && (missing0 = "goarch") || data.package === void 0 && (missing0 = "package") || data.path === void 0 && (missing0 = "path") || data.sizeBytes === void 0 && (missing0 = "sizeBytes") || data.buildMs === void 0 && (missing0 = "buildMs") || data.sha256 === void 0 && (missing0 = "sha256") || data.format === void 0 && (missing0 = "format") || data.arch === void 0 && (missing0 = "arch")) {
        validate21.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'", schema: schema34.required, parentSchema: schema34, data }];
        return false;
      } else {
        if (data.goos !== void 0) {
          let data0 = data.goos;
          const _errs1 = errors;
          const _errs2 = errors;
          if (errors === _errs2) {
            if (typeof data0 === "string") {
              if (!pattern5.test(data0)) {
                validate21.errors = [{ instancePath: instancePath + "/goos", schemaPath: "#/$defs/goName/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9_]+$" }, message: 'must match pattern "^[a-z0-9_]+$"', schema: "^[a-z0-9_]+$", parentSchema: schema32, data: data0 }];
                return false;
              }
            } else {
              validate21.errors = [{ instancePath: instancePath + "/goos", schemaPath: "#/$defs/goName/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema32.type, parentSchema: schema32, data: data0 }];
              return false;
            }
          }
          var valid0 = _errs1 === errors;
        } else {
          var valid0 = true;
        }
        if (valid0) {
          if (data.goarch !== void 0) {
            let data1 = data.goarch;
            const _errs4 = errors;
            const _errs5 = errors;
            if (errors === _errs5) {
              if (typeof data1 === "string") {
                if (!pattern5.test(data1)) {
                  validate21.errors = [{ instancePath: instancePath + "/goarch", schemaPath: "#/$defs/goName/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9_]+$" }, message: 'must match pattern "^[a-z0-9_]+$"', schema: "^[a-z0-9_]+$", parentSchema: schema32, data: data1 }];
                  return false;
                }
              } else {
                validate21.errors = [{ instancePath: instancePath + "/goarch", schemaPath: "#/$defs/goName/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema32.type, parentSchema: schema32, data: data1 }];
                return false;
              }
            }
            var valid0 = _errs4 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.variant !== void 0) {
              let data2 = data.variant;
              const _errs7 = errors;
              if (errors === _errs7) {
                if (typeof data2 === "string") {
                  if (data2.length < 1) {
                    validate21.errors = [{ instancePath: instancePath + "/variant", schemaPath: "#/properties/variant/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema34.properties.variant, data: data2 }];
                    return false;
                  }
                } else {
                  validate21.errors = [{ instancePath: instancePath + "/variant", schemaPath: "#/properties/variant/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema34.properties.variant.type, parentSchema: schema34.properties.variant, data: data2 }];
                  return false;
                }
              }
              var valid0 = _errs7 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.package !== void 0) {
                let data3 = data.package;
                const _errs9 = errors;
                if (errors === _errs9) {
                  if (typeof data3 === "string") {
                    if (data3.length < 1) {
                      validate21.errors = [{ instancePath: instancePath + "/package", schemaPath: "#/properties/package/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema34.properties.package, data: data3 }];
                      return false;
                    }
                  } else {
                    validate21.errors = [{ instancePath: instancePath + "/package", schemaPath: "#/properties/package/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema34.properties.package.type, parentSchema: schema34.properties.package, data: data3 }];
                    return false;
                  }
                }
                var valid0 = _errs9 === errors;
              } else {
                var valid0 = true;
              }
              if (valid0) {
                if (data.path !== void 0) {
                  let data4 = data.path;
                  const _errs11 = errors;
                  if (errors === _errs11) {
                    if (typeof data4 === "string") {
                      if (data4.length < 1) {
                        validate21.errors = [{ instancePath: instancePath + "/path", schemaPath: "#/properties/path/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema34.properties.path, data: data4 }];
                        return false;
                      }
                    } else {
                      validate21.errors = [{ instancePath: instancePath + "/path", schemaPath: "#/properties/path/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema34.properties.path.type, parentSchema: schema34.properties.path, data: data4 }];
                      return false;
                    }
                  }
                  var valid0 = _errs11 === errors;
                } else {
                  var valid0 = true;
                }
                if (valid0) {
                  if (data.sizeBytes !== void 0) {
                    let data5 = data.sizeBytes;
                    const _errs13 = errors;
                    const _errs14 = errors;
                    if (!(typeof data5 == "number" && (!(data5 % 1) && !isNaN(data5)) && isFinite(data5))) {
                      validate21.errors = [{ instancePath: instancePath + "/sizeBytes", schemaPath: "#/$defs/size/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema37.type, parentSchema: schema37, data: data5 }];
                      return false;
                    }
                    if (errors === _errs14) {
                      if (typeof data5 == "number" && isFinite(data5)) {
                        if (data5 < 1 || isNaN(data5)) {
                          validate21.errors = [{ instancePath: instancePath + "/sizeBytes", schemaPath: "#/$defs/size/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema37, data: data5 }];
                          return false;
                        }
                      }
                    }
                    var valid0 = _errs13 === errors;
                  } else {
                    var valid0 = true;
                  }
                  if (valid0) {
                    if (data.buildMs !== void 0) {
                      let data6 = data.buildMs;
                      const _errs16 = errors;
                      const _errs17 = errors;
                      if (!(typeof data6 == "number" && (!(data6 % 1) && !isNaN(data6)) && isFinite(data6))) {
                        validate21.errors = [{ instancePath: instancePath + "/buildMs", schemaPath: "#/$defs/count/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema38.type, parentSchema: schema38, data: data6 }];
                        return false;
                      }
                      if (errors === _errs17) {
                        if (typeof data6 == "number" && isFinite(data6)) {
                          if (data6 < 0 || isNaN(data6)) {
                            validate21.errors = [{ instancePath: instancePath + "/buildMs", schemaPath: "#/$defs/count/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema38, data: data6 }];
                            return false;
                          }
                        }
                      }
                      var valid0 = _errs16 === errors;
                    } else {
                      var valid0 = true;
                    }
                    if (valid0) {
                      if (data.sha256 !== void 0) {
                        let data7 = data.sha256;
                        const _errs19 = errors;
                        const _errs20 = errors;
                        if (errors === _errs20) {
                          if (typeof data7 === "string") {
                            if (!pattern10.test(data7)) {
                              validate21.errors = [{ instancePath: instancePath + "/sha256", schemaPath: "#/$defs/sha256/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"', schema: "^[0-9a-f]{64}$", parentSchema: schema39, data: data7 }];
                              return false;
                            }
                          } else {
                            validate21.errors = [{ instancePath: instancePath + "/sha256", schemaPath: "#/$defs/sha256/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema39.type, parentSchema: schema39, data: data7 }];
                            return false;
                          }
                        }
                        var valid0 = _errs19 === errors;
                      } else {
                        var valid0 = true;
                      }
                      if (valid0) {
                        if (data.format !== void 0) {
                          let data8 = data.format;
                          const _errs22 = errors;
                          if (!(data8 === "elf" || data8 === "macho" || data8 === "macho-fat" || data8 === "pe" || data8 === "wasm")) {
                            validate21.errors = [{ instancePath: instancePath + "/format", schemaPath: "#/properties/format/enum", keyword: "enum", params: { allowedValues: schema34.properties.format.enum }, message: "must be equal to one of the allowed values", schema: schema34.properties.format.enum, parentSchema: schema34.properties.format, data: data8 }];
                            return false;
                          }
                          var valid0 = _errs22 === errors;
                        } else {
                          var valid0 = true;
                        }
                        if (valid0) {
                          if (data.arch !== void 0) {
                            let data9 = data.arch;
                            const _errs23 = errors;
                            if (errors === _errs23) {
                              if (typeof data9 === "string") {
                                if (data9.length < 1) {
                                  validate21.errors = [{ instancePath: instancePath + "/arch", schemaPath: "#/properties/arch/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema34.properties.arch, data: data9 }];
                                  return false;
                                }
                              } else {
                                validate21.errors = [{ instancePath: instancePath + "/arch", schemaPath: "#/properties/arch/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema34.properties.arch.type, parentSchema: schema34.properties.arch, data: data9 }];
                                return false;
                              }
                            }
                            var valid0 = _errs23 === errors;
                          } else {
                            var valid0 = true;
                          }
                          if (valid0) {
                            if (data.slices !== void 0) {
                              let data10 = data.slices;
                              const _errs25 = errors;
                              if (errors === _errs25) {
                                if (Array.isArray(data10)) {
                                  if (data10.length < 1) {
                                    validate21.errors = [{ instancePath: instancePath + "/slices", schemaPath: "#/properties/slices/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema34.properties.slices, data: data10 }];
                                    return false;
                                  } else {
                                    var valid6 = true;
                                    const len0 = data10.length;
                                    for (let i0 = 0; i0 < len0; i0++) {
                                      let data11 = data10[i0];
                                      const _errs27 = errors;
                                      if (errors === _errs27) {
                                        if (data11 && typeof data11 == "object" && !Array.isArray(data11)) {
                                          let missing1;
                                          if (data11.arch === void 0 && (missing1 = "arch") || data11.offset === void 0 && (missing1 = "offset") || data11.sizeBytes === void 0 && (missing1 = "sizeBytes") || data11.sha256 === void 0 && (missing1 = "sha256")) {
                                            validate21.errors = [{ instancePath: instancePath + "/slices/" + i0, schemaPath: "#/properties/slices/items/required", keyword: "required", params: { missingProperty: missing1 }, message: "must have required property '" + missing1 + "'", schema: schema34.properties.slices.items.required, parentSchema: schema34.properties.slices.items, data: data11 }];
                                            return false;
                                          } else {
                                            if (data11.arch !== void 0) {
                                              let data12 = data11.arch;
                                              const _errs29 = errors;
                                              const _errs30 = errors;
                                              if (errors === _errs30) {
                                                if (typeof data12 === "string") {
                                                  if (!pattern5.test(data12)) {
                                                    validate21.errors = [{ instancePath: instancePath + "/slices/" + i0 + "/arch", schemaPath: "#/$defs/goName/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9_]+$" }, message: 'must match pattern "^[a-z0-9_]+$"', schema: "^[a-z0-9_]+$", parentSchema: schema32, data: data12 }];
                                                    return false;
                                                  }
                                                } else {
                                                  validate21.errors = [{ instancePath: instancePath + "/slices/" + i0 + "/arch", schemaPath: "#/$defs/goName/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema32.type, parentSchema: schema32, data: data12 }];
                                                  return false;
                                                }
                                              }
                                              var valid7 = _errs29 === errors;
                                            } else {
                                              var valid7 = true;
                                            }
                                            if (valid7) {
                                              if (data11.offset !== void 0) {
                                                let data13 = data11.offset;
                                                const _errs32 = errors;
                                                const _errs33 = errors;
                                                if (!(typeof data13 == "number" && (!(data13 % 1) && !isNaN(data13)) && isFinite(data13))) {
                                                  validate21.errors = [{ instancePath: instancePath + "/slices/" + i0 + "/offset", schemaPath: "#/$defs/count/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema38.type, parentSchema: schema38, data: data13 }];
                                                  return false;
                                                }
                                                if (errors === _errs33) {
                                                  if (typeof data13 == "number" && isFinite(data13)) {
                                                    if (data13 < 0 || isNaN(data13)) {
                                                      validate21.errors = [{ instancePath: instancePath + "/slices/" + i0 + "/offset", schemaPath: "#/$defs/count/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema38, data: data13 }];
                                                      return false;
                                                    }
                                                  }
                                                }
                                                var valid7 = _errs32 === errors;
                                              } else {
                                                var valid7 = true;
                                              }
                                              if (valid7) {
                                                if (data11.sizeBytes !== void 0) {
                                                  let data14 = data11.sizeBytes;
                                                  const _errs35 = errors;
                                                  const _errs36 = errors;
                                                  if (!(typeof data14 == "number" && (!(data14 % 1) && !isNaN(data14)) && isFinite(data14))) {
                                                    validate21.errors = [{ instancePath: instancePath + "/slices/" + i0 + "/sizeBytes", schemaPath: "#/$defs/size/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema37.type, parentSchema: schema37, data: data14 }];
                                                    return false;
                                                  }
                                                  if (errors === _errs36) {
                                                    if (typeof data14 == "number" && isFinite(data14)) {
                                                      if (data14 < 1 || isNaN(data14)) {
                                                        validate21.errors = [{ instancePath: instancePath + "/slices/" + i0 + "/sizeBytes", schemaPath: "#/$defs/size/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema37, data: data14 }];
                                                        return false;
                                                      }
                                                    }
                                                  }
                                                  var valid7 = _errs35 === errors;
                                                } else {
                                                  var valid7 = true;
                                                }
                                                if (valid7) {
                                                  if (data11.sha256 !== void 0) {
                                                    let data15 = data11.sha256;
                                                    const _errs38 = errors;
                                                    const _errs39 = errors;
                                                    if (errors === _errs39) {
                                                      if (typeof data15 === "string") {
                                                        if (!pattern10.test(data15)) {
                                                          validate21.errors = [{ instancePath: instancePath + "/slices/" + i0 + "/sha256", schemaPath: "#/$defs/sha256/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"', schema: "^[0-9a-f]{64}$", parentSchema: schema39, data: data15 }];
                                                          return false;
                                                        }
                                                      } else {
                                                        validate21.errors = [{ instancePath: instancePath + "/slices/" + i0 + "/sha256", schemaPath: "#/$defs/sha256/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema39.type, parentSchema: schema39, data: data15 }];
                                                        return false;
                                                      }
                                                    }
                                                    var valid7 = _errs38 === errors;
                                                  } else {
                                                    var valid7 = true;
                                                  }
                                                  if (valid7) {
                                                    if (data11.goVersion !== void 0) {
                                                      let data16 = data11.goVersion;
                                                      const _errs41 = errors;
                                                      if (errors === _errs41) {
                                                        if (typeof data16 === "string") {
                                                          if (data16.length < 1) {
                                                            validate21.errors = [{ instancePath: instancePath + "/slices/" + i0 + "/goVersion", schemaPath: "#/properties/slices/items/properties/goVersion/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema34.properties.slices.items.properties.goVersion, data: data16 }];
                                                            return false;
                                                          }
                                                        } else {
                                                          validate21.errors = [{ instancePath: instancePath + "/slices/" + i0 + "/goVersion", schemaPath: "#/properties/slices/items/properties/goVersion/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema34.properties.slices.items.properties.goVersion.type, parentSchema: schema34.properties.slices.items.properties.goVersion, data: data16 }];
                                                          return false;
                                                        }
                                                      }
                                                      var valid7 = _errs41 === errors;
                                                    } else {
                                                      var valid7 = true;
                                                    }
                                                    if (valid7) {
                                                      if (data11.goos !== void 0) {
                                                        let data17 = data11.goos;
                                                        const _errs43 = errors;
                                                        const _errs44 = errors;
                                                        if (errors === _errs44) {
                                                          if (typeof data17 === "string") {
                                                            if (!pattern5.test(data17)) {
                                                              validate21.errors = [{ instancePath: instancePath + "/slices/" + i0 + "/goos", schemaPath: "#/$defs/goName/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9_]+$" }, message: 'must match pattern "^[a-z0-9_]+$"', schema: "^[a-z0-9_]+$", parentSchema: schema32, data: data17 }];
                                                              return false;
                                                            }
                                                          } else {
                                                            validate21.errors = [{ instancePath: instancePath + "/slices/" + i0 + "/goos", schemaPath: "#/$defs/goName/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema32.type, parentSchema: schema32, data: data17 }];
                                                            return false;
                                                          }
                                                        }
                                                        var valid7 = _errs43 === errors;
                                                      } else {
                                                        var valid7 = true;
                                                      }
                                                      if (valid7) {
                                                        if (data11.goarch !== void 0) {
                                                          let data18 = data11.goarch;
                                                          const _errs46 = errors;
                                                          const _errs47 = errors;
                                                          if (errors === _errs47) {
                                                            if (typeof data18 === "string") {
                                                              if (!pattern5.test(data18)) {
                                                                validate21.errors = [{ instancePath: instancePath + "/slices/" + i0 + "/goarch", schemaPath: "#/$defs/goName/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9_]+$" }, message: 'must match pattern "^[a-z0-9_]+$"', schema: "^[a-z0-9_]+$", parentSchema: schema32, data: data18 }];
                                                                return false;
                                                              }
                                                            } else {
                                                              validate21.errors = [{ instancePath: instancePath + "/slices/" + i0 + "/goarch", schemaPath: "#/$defs/goName/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema32.type, parentSchema: schema32, data: data18 }];
                                                              return false;
                                                            }
                                                          }
                                                          var valid7 = _errs46 === errors;
                                                        } else {
                                                          var valid7 = true;
                                                        }
                                                      }
                                                    }
                                                  }
                                                }
                                              }
                                            }
                                          }
                                        } else {
                                          validate21.errors = [{ instancePath: instancePath + "/slices/" + i0, schemaPath: "#/properties/slices/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema34.properties.slices.items.type, parentSchema: schema34.properties.slices.items, data: data11 }];
                                          return false;
                                        }
                                      }
                                      var valid6 = _errs27 === errors;
                                      if (!valid6) {
                                        break;
                                      }
                                    }
                                  }
                                } else {
                                  validate21.errors = [{ instancePath: instancePath + "/slices", schemaPath: "#/properties/slices/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema34.properties.slices.type, parentSchema: schema34.properties.slices, data: data10 }];
                                  return false;
                                }
                              }
                              var valid0 = _errs25 === errors;
                            } else {
                              var valid0 = true;
                            }
                            if (valid0) {
                              if (data.keptSymbols !== void 0) {
                                let data19 = data.keptSymbols;
                                const _errs49 = errors;
                                if (!(typeof data19 == "number" && (!(data19 % 1) && !isNaN(data19)) && isFinite(data19))) {
                                  validate21.errors = [{ instancePath: instancePath + "/keptSymbols", schemaPath: "#/properties/keptSymbols/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema34.properties.keptSymbols.type, parentSchema: schema34.properties.keptSymbols, data: data19 }];
                                  return false;
                                }
                                if (errors === _errs49) {
                                  if (typeof data19 == "number" && isFinite(data19)) {
                                    if (data19 < 1 || isNaN(data19)) {
                                      validate21.errors = [{ instancePath: instancePath + "/keptSymbols", schemaPath: "#/properties/keptSymbols/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema34.properties.keptSymbols, data: data19 }];
                                      return false;
                                    }
                                  }
                                }
                                var valid0 = _errs49 === errors;
                              } else {
                                var valid0 = true;
                              }
                              if (valid0) {
                                if (data.sbom !== void 0) {
                                  let data20 = data.sbom;
                                  const _errs51 = errors;
                                  if (errors === _errs51) {
                                    if (typeof data20 === "string") {
                                      if (!pattern15.test(data20)) {
                                        validate21.errors = [{ instancePath: instancePath + "/sbom", schemaPath: "#/properties/sbom/pattern", keyword: "pattern", params: { pattern: "\\.cdx\\.json$" }, message: 'must match pattern "\\.cdx\\.json$"', schema: "\\.cdx\\.json$", parentSchema: schema34.properties.sbom, data: data20 }];
                                        return false;
                                      }
                                    } else {
                                      validate21.errors = [{ instancePath: instancePath + "/sbom", schemaPath: "#/properties/sbom/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema34.properties.sbom.type, parentSchema: schema34.properties.sbom, data: data20 }];
                                      return false;
                                    }
                                  }
                                  var valid0 = _errs51 === errors;
                                } else {
                                  var valid0 = true;
                                }
                                if (valid0) {
                                  if (data.attribution !== void 0) {
                                    let data21 = data.attribution;
                                    const _errs53 = errors;
                                    if (errors === _errs53) {
                                      if (Array.isArray(data21)) {
                                        var valid14 = true;
                                        const len1 = data21.length;
                                        for (let i1 = 0; i1 < len1; i1++) {
                                          let data22 = data21[i1];
                                          const _errs55 = errors;
                                          if (errors === _errs55) {
                                            if (data22 && typeof data22 == "object" && !Array.isArray(data22)) {
                                              let missing2;
                                              if (data22.package === void 0 && (missing2 = "package") || data22.sizeBytes === void 0 && (missing2 = "sizeBytes")) {
                                                validate21.errors = [{ instancePath: instancePath + "/attribution/" + i1, schemaPath: "#/properties/attribution/items/required", keyword: "required", params: { missingProperty: missing2 }, message: "must have required property '" + missing2 + "'", schema: schema34.properties.attribution.items.required, parentSchema: schema34.properties.attribution.items, data: data22 }];
                                                return false;
                                              } else {
                                                if (data22.package !== void 0) {
                                                  let data23 = data22.package;
                                                  const _errs57 = errors;
                                                  if (errors === _errs57) {
                                                    if (typeof data23 === "string") {
                                                      if (data23.length < 1) {
                                                        validate21.errors = [{ instancePath: instancePath + "/attribution/" + i1 + "/package", schemaPath: "#/properties/attribution/items/properties/package/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema34.properties.attribution.items.properties.package, data: data23 }];
                                                        return false;
                                                      }
                                                    } else {
                                                      validate21.errors = [{ instancePath: instancePath + "/attribution/" + i1 + "/package", schemaPath: "#/properties/attribution/items/properties/package/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema34.properties.attribution.items.properties.package.type, parentSchema: schema34.properties.attribution.items.properties.package, data: data23 }];
                                                      return false;
                                                    }
                                                  }
                                                  var valid15 = _errs57 === errors;
                                                } else {
                                                  var valid15 = true;
                                                }
                                                if (valid15) {
                                                  if (data22.sizeBytes !== void 0) {
                                                    let data24 = data22.sizeBytes;
                                                    const _errs59 = errors;
                                                    const _errs60 = errors;
                                                    if (!(typeof data24 == "number" && (!(data24 % 1) && !isNaN(data24)) && isFinite(data24))) {
                                                      validate21.errors = [{ instancePath: instancePath + "/attribution/" + i1 + "/sizeBytes", schemaPath: "#/$defs/size/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema37.type, parentSchema: schema37, data: data24 }];
                                                      return false;
                                                    }
                                                    if (errors === _errs60) {
                                                      if (typeof data24 == "number" && isFinite(data24)) {
                                                        if (data24 < 1 || isNaN(data24)) {
                                                          validate21.errors = [{ instancePath: instancePath + "/attribution/" + i1 + "/sizeBytes", schemaPath: "#/$defs/size/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema37, data: data24 }];
                                                          return false;
                                                        }
                                                      }
                                                    }
                                                    var valid15 = _errs59 === errors;
                                                  } else {
                                                    var valid15 = true;
                                                  }
                                                }
                                              }
                                            } else {
                                              validate21.errors = [{ instancePath: instancePath + "/attribution/" + i1, schemaPath: "#/properties/attribution/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema34.properties.attribution.items.type, parentSchema: schema34.properties.attribution.items, data: data22 }];
                                              return false;
                                            }
                                          }
                                          var valid14 = _errs55 === errors;
                                          if (!valid14) {
                                            break;
                                          }
                                        }
                                      } else {
                                        validate21.errors = [{ instancePath: instancePath + "/attribution", schemaPath: "#/properties/attribution/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema34.properties.attribution.type, parentSchema: schema34.properties.attribution, data: data21 }];
                                        return false;
                                      }
                                    }
                                    var valid0 = _errs53 === errors;
                                  } else {
                                    var valid0 = true;
                                  }
                                  if (valid0) {
                                    if (data.buildInfo !== void 0) {
                                      let data25 = data.buildInfo;
                                      const _errs62 = errors;
                                      if (errors === _errs62) {
                                        if (data25 && typeof data25 == "object" && !Array.isArray(data25)) {
                                          let missing3;
                                          if (data25.goVersion === void 0 && (missing3 = "goVersion") || data25.deps === void 0 && (missing3 = "deps") || data25.settings === void 0 && (missing3 = "settings")) {
                                            validate21.errors = [{ instancePath: instancePath + "/buildInfo", schemaPath: "#/properties/buildInfo/required", keyword: "required", params: { missingProperty: missing3 }, message: "must have required property '" + missing3 + "'", schema: schema34.properties.buildInfo.required, parentSchema: schema34.properties.buildInfo, data: data25 }];
                                            return false;
                                          } else {
                                            if (data25.goVersion !== void 0) {
                                              let data26 = data25.goVersion;
                                              const _errs64 = errors;
                                              if (errors === _errs64) {
                                                if (typeof data26 === "string") {
                                                  if (data26.length < 1) {
                                                    validate21.errors = [{ instancePath: instancePath + "/buildInfo/goVersion", schemaPath: "#/properties/buildInfo/properties/goVersion/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema34.properties.buildInfo.properties.goVersion, data: data26 }];
                                                    return false;
                                                  }
                                                } else {
                                                  validate21.errors = [{ instancePath: instancePath + "/buildInfo/goVersion", schemaPath: "#/properties/buildInfo/properties/goVersion/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema34.properties.buildInfo.properties.goVersion.type, parentSchema: schema34.properties.buildInfo.properties.goVersion, data: data26 }];
                                                  return false;
                                                }
                                              }
                                              var valid17 = _errs64 === errors;
                                            } else {
                                              var valid17 = true;
                                            }
                                            if (valid17) {
                                              if (data25.path !== void 0) {
                                                let data27 = data25.path;
                                                const _errs66 = errors;
                                                if (typeof data27 !== "string") {
                                                  validate21.errors = [{ instancePath: instancePath + "/buildInfo/path", schemaPath: "#/properties/buildInfo/properties/path/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema34.properties.buildInfo.properties.path.type, parentSchema: schema34.properties.buildInfo.properties.path, data: data27 }];
                                                  return false;
                                                }
                                                var valid17 = _errs66 === errors;
                                              } else {
                                                var valid17 = true;
                                              }
                                              if (valid17) {
                                                if (data25.main !== void 0) {
                                                  const _errs68 = errors;
                                                  if (!validate22(data25.main, { instancePath: instancePath + "/buildInfo/main", parentData: data25, parentDataProperty: "main", rootData, dynamicAnchors })) {
                                                    vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
                                                    errors = vErrors.length;
                                                  }
                                                  var valid17 = _errs68 === errors;
                                                } else {
                                                  var valid17 = true;
                                                }
                                                if (valid17) {
                                                  if (data25.deps !== void 0) {
                                                    let data29 = data25.deps;
                                                    const _errs69 = errors;
                                                    if (errors === _errs69) {
                                                      if (Array.isArray(data29)) {
                                                        var valid18 = true;
                                                        const len2 = data29.length;
                                                        for (let i2 = 0; i2 < len2; i2++) {
                                                          const _errs71 = errors;
                                                          if (!validate22(data29[i2], { instancePath: instancePath + "/buildInfo/deps/" + i2, parentData: data29, parentDataProperty: i2, rootData, dynamicAnchors })) {
                                                            vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
                                                            errors = vErrors.length;
                                                          }
                                                          var valid18 = _errs71 === errors;
                                                          if (!valid18) {
                                                            break;
                                                          }
                                                        }
                                                      } else {
                                                        validate21.errors = [{ instancePath: instancePath + "/buildInfo/deps", schemaPath: "#/properties/buildInfo/properties/deps/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema34.properties.buildInfo.properties.deps.type, parentSchema: schema34.properties.buildInfo.properties.deps, data: data29 }];
                                                        return false;
                                                      }
                                                    }
                                                    var valid17 = _errs69 === errors;
                                                  } else {
                                                    var valid17 = true;
                                                  }
                                                  if (valid17) {
                                                    if (data25.settings !== void 0) {
                                                      let data31 = data25.settings;
                                                      const _errs72 = errors;
                                                      if (errors === _errs72) {
                                                        if (data31 && typeof data31 == "object" && !Array.isArray(data31)) {
                                                          for (const key0 in data31) {
                                                            let data32 = data31[key0];
                                                            const _errs75 = errors;
                                                            if (typeof data32 !== "string") {
                                                              validate21.errors = [{ instancePath: instancePath + "/buildInfo/settings/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/buildInfo/properties/settings/additionalProperties/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema34.properties.buildInfo.properties.settings.additionalProperties.type, parentSchema: schema34.properties.buildInfo.properties.settings.additionalProperties, data: data32 }];
                                                              return false;
                                                            }
                                                            var valid19 = _errs75 === errors;
                                                            if (!valid19) {
                                                              break;
                                                            }
                                                          }
                                                        } else {
                                                          validate21.errors = [{ instancePath: instancePath + "/buildInfo/settings", schemaPath: "#/properties/buildInfo/properties/settings/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema34.properties.buildInfo.properties.settings.type, parentSchema: schema34.properties.buildInfo.properties.settings, data: data31 }];
                                                          return false;
                                                        }
                                                      }
                                                      var valid17 = _errs72 === errors;
                                                    } else {
                                                      var valid17 = true;
                                                    }
                                                  }
                                                }
                                              }
                                            }
                                          }
                                        } else {
                                          validate21.errors = [{ instancePath: instancePath + "/buildInfo", schemaPath: "#/properties/buildInfo/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema34.properties.buildInfo.type, parentSchema: schema34.properties.buildInfo, data: data25 }];
                                          return false;
                                        }
                                      }
                                      var valid0 = _errs62 === errors;
                                    } else {
                                      var valid0 = true;
                                    }
                                    if (valid0) {
                                      if (data.host !== void 0) {
                                        let data33 = data.host;
                                        const _errs77 = errors;
                                        if (errors === _errs77) {
                                          if (data33 && typeof data33 == "object" && !Array.isArray(data33)) {
                                            let missing4;
                                            if (data33.os === void 0 && (missing4 = "os") || data33.arch === void 0 && (missing4 = "arch") || data33.native === void 0 && (missing4 = "native")) {
                                              validate21.errors = [{ instancePath: instancePath + "/host", schemaPath: "#/properties/host/required", keyword: "required", params: { missingProperty: missing4 }, message: "must have required property '" + missing4 + "'", schema: schema34.properties.host.required, parentSchema: schema34.properties.host, data: data33 }];
                                              return false;
                                            } else {
                                              if (data33.os !== void 0) {
                                                let data34 = data33.os;
                                                const _errs79 = errors;
                                                const _errs80 = errors;
                                                if (errors === _errs80) {
                                                  if (typeof data34 === "string") {
                                                    if (!pattern5.test(data34)) {
                                                      validate21.errors = [{ instancePath: instancePath + "/host/os", schemaPath: "#/$defs/goName/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9_]+$" }, message: 'must match pattern "^[a-z0-9_]+$"', schema: "^[a-z0-9_]+$", parentSchema: schema32, data: data34 }];
                                                      return false;
                                                    }
                                                  } else {
                                                    validate21.errors = [{ instancePath: instancePath + "/host/os", schemaPath: "#/$defs/goName/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema32.type, parentSchema: schema32, data: data34 }];
                                                    return false;
                                                  }
                                                }
                                                var valid20 = _errs79 === errors;
                                              } else {
                                                var valid20 = true;
                                              }
                                              if (valid20) {
                                                if (data33.arch !== void 0) {
                                                  let data35 = data33.arch;
                                                  const _errs82 = errors;
                                                  const _errs83 = errors;
                                                  if (errors === _errs83) {
                                                    if (typeof data35 === "string") {
                                                      if (!pattern5.test(data35)) {
                                                        validate21.errors = [{ instancePath: instancePath + "/host/arch", schemaPath: "#/$defs/goName/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9_]+$" }, message: 'must match pattern "^[a-z0-9_]+$"', schema: "^[a-z0-9_]+$", parentSchema: schema32, data: data35 }];
                                                        return false;
                                                      }
                                                    } else {
                                                      validate21.errors = [{ instancePath: instancePath + "/host/arch", schemaPath: "#/$defs/goName/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema32.type, parentSchema: schema32, data: data35 }];
                                                      return false;
                                                    }
                                                  }
                                                  var valid20 = _errs82 === errors;
                                                } else {
                                                  var valid20 = true;
                                                }
                                                if (valid20) {
                                                  if (data33.native !== void 0) {
                                                    let data36 = data33.native;
                                                    const _errs85 = errors;
                                                    if (typeof data36 !== "boolean") {
                                                      validate21.errors = [{ instancePath: instancePath + "/host/native", schemaPath: "#/properties/host/properties/native/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema34.properties.host.properties.native.type, parentSchema: schema34.properties.host.properties.native, data: data36 }];
                                                      return false;
                                                    }
                                                    var valid20 = _errs85 === errors;
                                                  } else {
                                                    var valid20 = true;
                                                  }
                                                }
                                              }
                                            }
                                          } else {
                                            validate21.errors = [{ instancePath: instancePath + "/host", schemaPath: "#/properties/host/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema34.properties.host.type, parentSchema: schema34.properties.host, data: data33 }];
                                            return false;
                                          }
                                        }
                                        var valid0 = _errs77 === errors;
                                      } else {
                                        var valid0 = true;
                                      }
                                    }
                                  }
                                }
                              }
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    } else {
      validate21.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema34.type, parentSchema: schema34, data }];
      return false;
    }
  }
  validate21.errors = vErrors;
  return errors === 0;
}
validate21.evaluated = { "props": { "goos": true, "goarch": true, "variant": true, "package": true, "path": true, "sizeBytes": true, "buildMs": true, "sha256": true, "format": true, "arch": true, "slices": true, "keptSymbols": true, "sbom": true, "attribution": true, "buildInfo": true, "host": true }, "dynamicProps": false, "dynamicItems": false };
function validate20(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate20.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.schemaVersion === void 0 && (missing0 = "schemaVersion") || data.go === void 0 && (missing0 = "go") || data.commit === void 0 && (missing0 = "commit") || data.flags === void 0 && (missing0 = "flags") || data.targets === void 0 && (missing0 = "targets") || data.totals === void 0 && (missing0 = "totals")) {
        validate20.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'", schema: schema31.required, parentSchema: schema31, data }];
        return false;
      } else {
        if (data.schemaVersion !== void 0) {
          let data0 = data.schemaVersion;
          const _errs1 = errors;
          if (1 !== data0) {
            validate20.errors = [{ instancePath: instancePath + "/schemaVersion", schemaPath: "#/properties/schemaVersion/const", keyword: "const", params: { allowedValue: 1 }, message: "must be equal to constant", schema: 1, parentSchema: schema31.properties.schemaVersion, data: data0 }];
            return false;
          }
          var valid0 = _errs1 === errors;
        } else {
          var valid0 = true;
        }
        if (valid0) {
          if (data.go !== void 0) {
            let data1 = data.go;
            const _errs2 = errors;
            if (errors === _errs2) {
              if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
                let missing1;
                if (data1.version === void 0 && (missing1 = "version") || data1.hostOs === void 0 && (missing1 = "hostOs") || data1.hostArch === void 0 && (missing1 = "hostArch") || data1.native === void 0 && (missing1 = "native")) {
                  validate20.errors = [{ instancePath: instancePath + "/go", schemaPath: "#/properties/go/required", keyword: "required", params: { missingProperty: missing1 }, message: "must have required property '" + missing1 + "'", schema: schema31.properties.go.required, parentSchema: schema31.properties.go, data: data1 }];
                  return false;
                } else {
                  if (data1.version !== void 0) {
                    let data2 = data1.version;
                    const _errs4 = errors;
                    if (errors === _errs4) {
                      if (typeof data2 === "string") {
                        if (!pattern4.test(data2)) {
                          validate20.errors = [{ instancePath: instancePath + "/go/version", schemaPath: "#/properties/go/properties/version/pattern", keyword: "pattern", params: { pattern: "^[0-9]{1,3}\\.[0-9]{1,3}(\\.[0-9]{1,3}|(rc|beta)[0-9]{1,2})?$" }, message: 'must match pattern "^[0-9]{1,3}\\.[0-9]{1,3}(\\.[0-9]{1,3}|(rc|beta)[0-9]{1,2})?$"', schema: "^[0-9]{1,3}\\.[0-9]{1,3}(\\.[0-9]{1,3}|(rc|beta)[0-9]{1,2})?$", parentSchema: schema31.properties.go.properties.version, data: data2 }];
                          return false;
                        }
                      } else {
                        validate20.errors = [{ instancePath: instancePath + "/go/version", schemaPath: "#/properties/go/properties/version/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.go.properties.version.type, parentSchema: schema31.properties.go.properties.version, data: data2 }];
                        return false;
                      }
                    }
                    var valid1 = _errs4 === errors;
                  } else {
                    var valid1 = true;
                  }
                  if (valid1) {
                    if (data1.hostOs !== void 0) {
                      let data3 = data1.hostOs;
                      const _errs6 = errors;
                      const _errs7 = errors;
                      if (errors === _errs7) {
                        if (typeof data3 === "string") {
                          if (!pattern5.test(data3)) {
                            validate20.errors = [{ instancePath: instancePath + "/go/hostOs", schemaPath: "#/$defs/goName/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9_]+$" }, message: 'must match pattern "^[a-z0-9_]+$"', schema: "^[a-z0-9_]+$", parentSchema: schema32, data: data3 }];
                            return false;
                          }
                        } else {
                          validate20.errors = [{ instancePath: instancePath + "/go/hostOs", schemaPath: "#/$defs/goName/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema32.type, parentSchema: schema32, data: data3 }];
                          return false;
                        }
                      }
                      var valid1 = _errs6 === errors;
                    } else {
                      var valid1 = true;
                    }
                    if (valid1) {
                      if (data1.hostArch !== void 0) {
                        let data4 = data1.hostArch;
                        const _errs9 = errors;
                        const _errs10 = errors;
                        if (errors === _errs10) {
                          if (typeof data4 === "string") {
                            if (!pattern5.test(data4)) {
                              validate20.errors = [{ instancePath: instancePath + "/go/hostArch", schemaPath: "#/$defs/goName/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9_]+$" }, message: 'must match pattern "^[a-z0-9_]+$"', schema: "^[a-z0-9_]+$", parentSchema: schema32, data: data4 }];
                              return false;
                            }
                          } else {
                            validate20.errors = [{ instancePath: instancePath + "/go/hostArch", schemaPath: "#/$defs/goName/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema32.type, parentSchema: schema32, data: data4 }];
                            return false;
                          }
                        }
                        var valid1 = _errs9 === errors;
                      } else {
                        var valid1 = true;
                      }
                      if (valid1) {
                        if (data1.native !== void 0) {
                          let data5 = data1.native;
                          const _errs12 = errors;
                          if (typeof data5 !== "boolean") {
                            validate20.errors = [{ instancePath: instancePath + "/go/native", schemaPath: "#/properties/go/properties/native/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema31.properties.go.properties.native.type, parentSchema: schema31.properties.go.properties.native, data: data5 }];
                            return false;
                          }
                          var valid1 = _errs12 === errors;
                        } else {
                          var valid1 = true;
                        }
                      }
                    }
                  }
                }
              } else {
                validate20.errors = [{ instancePath: instancePath + "/go", schemaPath: "#/properties/go/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.go.type, parentSchema: schema31.properties.go, data: data1 }];
                return false;
              }
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.commit !== void 0) {
              let data6 = data.commit;
              const _errs14 = errors;
              if (typeof data6 !== "string" && data6 !== null) {
                validate20.errors = [{ instancePath: instancePath + "/commit", schemaPath: "#/properties/commit/type", keyword: "type", params: { type: schema31.properties.commit.type }, message: "must be string,null", schema: schema31.properties.commit.type, parentSchema: schema31.properties.commit, data: data6 }];
                return false;
              }
              if (errors === _errs14) {
                if (typeof data6 === "string") {
                  if (!pattern7.test(data6)) {
                    validate20.errors = [{ instancePath: instancePath + "/commit", schemaPath: "#/properties/commit/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{7,64}$" }, message: 'must match pattern "^[0-9a-f]{7,64}$"', schema: "^[0-9a-f]{7,64}$", parentSchema: schema31.properties.commit, data: data6 }];
                    return false;
                  }
                }
              }
              var valid0 = _errs14 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.flags !== void 0) {
                let data7 = data.flags;
                const _errs16 = errors;
                if (errors === _errs16) {
                  if (data7 && typeof data7 == "object" && !Array.isArray(data7)) {
                    let missing2;
                    if (data7.ldflags === void 0 && (missing2 = "ldflags") || data7.trimpath === void 0 && (missing2 = "trimpath") || data7.cgo === void 0 && (missing2 = "cgo")) {
                      validate20.errors = [{ instancePath: instancePath + "/flags", schemaPath: "#/properties/flags/required", keyword: "required", params: { missingProperty: missing2 }, message: "must have required property '" + missing2 + "'", schema: schema31.properties.flags.required, parentSchema: schema31.properties.flags, data: data7 }];
                      return false;
                    } else {
                      if (data7.ldflags !== void 0) {
                        let data8 = data7.ldflags;
                        const _errs18 = errors;
                        if (typeof data8 !== "string") {
                          validate20.errors = [{ instancePath: instancePath + "/flags/ldflags", schemaPath: "#/properties/flags/properties/ldflags/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.flags.properties.ldflags.type, parentSchema: schema31.properties.flags.properties.ldflags, data: data8 }];
                          return false;
                        }
                        var valid4 = _errs18 === errors;
                      } else {
                        var valid4 = true;
                      }
                      if (valid4) {
                        if (data7.stampedLdflags !== void 0) {
                          let data9 = data7.stampedLdflags;
                          const _errs20 = errors;
                          if (typeof data9 !== "string") {
                            validate20.errors = [{ instancePath: instancePath + "/flags/stampedLdflags", schemaPath: "#/properties/flags/properties/stampedLdflags/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.flags.properties.stampedLdflags.type, parentSchema: schema31.properties.flags.properties.stampedLdflags, data: data9 }];
                            return false;
                          }
                          var valid4 = _errs20 === errors;
                        } else {
                          var valid4 = true;
                        }
                        if (valid4) {
                          if (data7.trimpath !== void 0) {
                            let data10 = data7.trimpath;
                            const _errs22 = errors;
                            if (typeof data10 !== "boolean") {
                              validate20.errors = [{ instancePath: instancePath + "/flags/trimpath", schemaPath: "#/properties/flags/properties/trimpath/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema31.properties.flags.properties.trimpath.type, parentSchema: schema31.properties.flags.properties.trimpath, data: data10 }];
                              return false;
                            }
                            var valid4 = _errs22 === errors;
                          } else {
                            var valid4 = true;
                          }
                          if (valid4) {
                            if (data7.cgo !== void 0) {
                              let data11 = data7.cgo;
                              const _errs24 = errors;
                              if (typeof data11 !== "boolean") {
                                validate20.errors = [{ instancePath: instancePath + "/flags/cgo", schemaPath: "#/properties/flags/properties/cgo/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema31.properties.flags.properties.cgo.type, parentSchema: schema31.properties.flags.properties.cgo, data: data11 }];
                                return false;
                              }
                              var valid4 = _errs24 === errors;
                            } else {
                              var valid4 = true;
                            }
                            if (valid4) {
                              if (data7.tags !== void 0) {
                                let data12 = data7.tags;
                                const _errs26 = errors;
                                if (errors === _errs26) {
                                  if (Array.isArray(data12)) {
                                    var valid5 = true;
                                    const len0 = data12.length;
                                    for (let i0 = 0; i0 < len0; i0++) {
                                      let data13 = data12[i0];
                                      const _errs28 = errors;
                                      if (errors === _errs28) {
                                        if (typeof data13 === "string") {
                                          if (data13.length < 1) {
                                            validate20.errors = [{ instancePath: instancePath + "/flags/tags/" + i0, schemaPath: "#/properties/flags/properties/tags/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema31.properties.flags.properties.tags.items, data: data13 }];
                                            return false;
                                          }
                                        } else {
                                          validate20.errors = [{ instancePath: instancePath + "/flags/tags/" + i0, schemaPath: "#/properties/flags/properties/tags/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.flags.properties.tags.items.type, parentSchema: schema31.properties.flags.properties.tags.items, data: data13 }];
                                          return false;
                                        }
                                      }
                                      var valid5 = _errs28 === errors;
                                      if (!valid5) {
                                        break;
                                      }
                                    }
                                  } else {
                                    validate20.errors = [{ instancePath: instancePath + "/flags/tags", schemaPath: "#/properties/flags/properties/tags/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.flags.properties.tags.type, parentSchema: schema31.properties.flags.properties.tags, data: data12 }];
                                    return false;
                                  }
                                }
                                var valid4 = _errs26 === errors;
                              } else {
                                var valid4 = true;
                              }
                              if (valid4) {
                                if (data7.buildFlags !== void 0) {
                                  let data14 = data7.buildFlags;
                                  const _errs30 = errors;
                                  if (errors === _errs30) {
                                    if (Array.isArray(data14)) {
                                      var valid6 = true;
                                      const len1 = data14.length;
                                      for (let i1 = 0; i1 < len1; i1++) {
                                        let data15 = data14[i1];
                                        const _errs32 = errors;
                                        if (typeof data15 !== "string") {
                                          validate20.errors = [{ instancePath: instancePath + "/flags/buildFlags/" + i1, schemaPath: "#/properties/flags/properties/buildFlags/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.flags.properties.buildFlags.items.type, parentSchema: schema31.properties.flags.properties.buildFlags.items, data: data15 }];
                                          return false;
                                        }
                                        var valid6 = _errs32 === errors;
                                        if (!valid6) {
                                          break;
                                        }
                                      }
                                    } else {
                                      validate20.errors = [{ instancePath: instancePath + "/flags/buildFlags", schemaPath: "#/properties/flags/properties/buildFlags/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.flags.properties.buildFlags.type, parentSchema: schema31.properties.flags.properties.buildFlags, data: data14 }];
                                      return false;
                                    }
                                  }
                                  var valid4 = _errs30 === errors;
                                } else {
                                  var valid4 = true;
                                }
                                if (valid4) {
                                  if (data7.env !== void 0) {
                                    let data16 = data7.env;
                                    const _errs34 = errors;
                                    if (errors === _errs34) {
                                      if (data16 && typeof data16 == "object" && !Array.isArray(data16)) {
                                        for (const key0 in data16) {
                                          let data17 = data16[key0];
                                          const _errs37 = errors;
                                          if (typeof data17 !== "string") {
                                            validate20.errors = [{ instancePath: instancePath + "/flags/env/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/flags/properties/env/additionalProperties/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.flags.properties.env.additionalProperties.type, parentSchema: schema31.properties.flags.properties.env.additionalProperties, data: data17 }];
                                            return false;
                                          }
                                          var valid7 = _errs37 === errors;
                                          if (!valid7) {
                                            break;
                                          }
                                        }
                                      } else {
                                        validate20.errors = [{ instancePath: instancePath + "/flags/env", schemaPath: "#/properties/flags/properties/env/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.flags.properties.env.type, parentSchema: schema31.properties.flags.properties.env, data: data16 }];
                                        return false;
                                      }
                                    }
                                    var valid4 = _errs34 === errors;
                                  } else {
                                    var valid4 = true;
                                  }
                                }
                              }
                            }
                          }
                        }
                      }
                    }
                  } else {
                    validate20.errors = [{ instancePath: instancePath + "/flags", schemaPath: "#/properties/flags/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.flags.type, parentSchema: schema31.properties.flags, data: data7 }];
                    return false;
                  }
                }
                var valid0 = _errs16 === errors;
              } else {
                var valid0 = true;
              }
              if (valid0) {
                if (data.buildCache !== void 0) {
                  let data18 = data.buildCache;
                  const _errs39 = errors;
                  if (!(data18 === "exact" || data18 === "partial" || data18 === "none")) {
                    validate20.errors = [{ instancePath: instancePath + "/buildCache", schemaPath: "#/properties/buildCache/enum", keyword: "enum", params: { allowedValues: schema31.properties.buildCache.enum }, message: "must be equal to one of the allowed values", schema: schema31.properties.buildCache.enum, parentSchema: schema31.properties.buildCache, data: data18 }];
                    return false;
                  }
                  var valid0 = _errs39 === errors;
                } else {
                  var valid0 = true;
                }
                if (valid0) {
                  if (data.targets !== void 0) {
                    let data19 = data.targets;
                    const _errs40 = errors;
                    if (errors === _errs40) {
                      if (Array.isArray(data19)) {
                        var valid8 = true;
                        const len2 = data19.length;
                        for (let i2 = 0; i2 < len2; i2++) {
                          const _errs42 = errors;
                          if (!validate21(data19[i2], { instancePath: instancePath + "/targets/" + i2, parentData: data19, parentDataProperty: i2, rootData, dynamicAnchors })) {
                            vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
                            errors = vErrors.length;
                          }
                          var valid8 = _errs42 === errors;
                          if (!valid8) {
                            break;
                          }
                        }
                      } else {
                        validate20.errors = [{ instancePath: instancePath + "/targets", schemaPath: "#/properties/targets/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.targets.type, parentSchema: schema31.properties.targets, data: data19 }];
                        return false;
                      }
                    }
                    var valid0 = _errs40 === errors;
                  } else {
                    var valid0 = true;
                  }
                  if (valid0) {
                    if (data.failed !== void 0) {
                      let data21 = data.failed;
                      const _errs43 = errors;
                      if (errors === _errs43) {
                        if (Array.isArray(data21)) {
                          var valid9 = true;
                          const len3 = data21.length;
                          for (let i3 = 0; i3 < len3; i3++) {
                            let data22 = data21[i3];
                            const _errs45 = errors;
                            if (errors === _errs45) {
                              if (data22 && typeof data22 == "object" && !Array.isArray(data22)) {
                                let missing3;
                                if (data22.package === void 0 && (missing3 = "package") || data22.goos === void 0 && (missing3 = "goos") || data22.goarch === void 0 && (missing3 = "goarch") || data22.reason === void 0 && (missing3 = "reason")) {
                                  validate20.errors = [{ instancePath: instancePath + "/failed/" + i3, schemaPath: "#/properties/failed/items/required", keyword: "required", params: { missingProperty: missing3 }, message: "must have required property '" + missing3 + "'", schema: schema31.properties.failed.items.required, parentSchema: schema31.properties.failed.items, data: data22 }];
                                  return false;
                                } else {
                                  if (data22.package !== void 0) {
                                    let data23 = data22.package;
                                    const _errs47 = errors;
                                    if (typeof data23 !== "string") {
                                      validate20.errors = [{ instancePath: instancePath + "/failed/" + i3 + "/package", schemaPath: "#/properties/failed/items/properties/package/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.failed.items.properties.package.type, parentSchema: schema31.properties.failed.items.properties.package, data: data23 }];
                                      return false;
                                    }
                                    var valid10 = _errs47 === errors;
                                  } else {
                                    var valid10 = true;
                                  }
                                  if (valid10) {
                                    if (data22.goos !== void 0) {
                                      let data24 = data22.goos;
                                      const _errs49 = errors;
                                      const _errs50 = errors;
                                      if (errors === _errs50) {
                                        if (typeof data24 === "string") {
                                          if (!pattern5.test(data24)) {
                                            validate20.errors = [{ instancePath: instancePath + "/failed/" + i3 + "/goos", schemaPath: "#/$defs/goName/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9_]+$" }, message: 'must match pattern "^[a-z0-9_]+$"', schema: "^[a-z0-9_]+$", parentSchema: schema32, data: data24 }];
                                            return false;
                                          }
                                        } else {
                                          validate20.errors = [{ instancePath: instancePath + "/failed/" + i3 + "/goos", schemaPath: "#/$defs/goName/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema32.type, parentSchema: schema32, data: data24 }];
                                          return false;
                                        }
                                      }
                                      var valid10 = _errs49 === errors;
                                    } else {
                                      var valid10 = true;
                                    }
                                    if (valid10) {
                                      if (data22.goarch !== void 0) {
                                        let data25 = data22.goarch;
                                        const _errs52 = errors;
                                        const _errs53 = errors;
                                        if (errors === _errs53) {
                                          if (typeof data25 === "string") {
                                            if (!pattern5.test(data25)) {
                                              validate20.errors = [{ instancePath: instancePath + "/failed/" + i3 + "/goarch", schemaPath: "#/$defs/goName/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9_]+$" }, message: 'must match pattern "^[a-z0-9_]+$"', schema: "^[a-z0-9_]+$", parentSchema: schema32, data: data25 }];
                                              return false;
                                            }
                                          } else {
                                            validate20.errors = [{ instancePath: instancePath + "/failed/" + i3 + "/goarch", schemaPath: "#/$defs/goName/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema32.type, parentSchema: schema32, data: data25 }];
                                            return false;
                                          }
                                        }
                                        var valid10 = _errs52 === errors;
                                      } else {
                                        var valid10 = true;
                                      }
                                      if (valid10) {
                                        if (data22.variant !== void 0) {
                                          let data26 = data22.variant;
                                          const _errs55 = errors;
                                          if (typeof data26 !== "string") {
                                            validate20.errors = [{ instancePath: instancePath + "/failed/" + i3 + "/variant", schemaPath: "#/properties/failed/items/properties/variant/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.failed.items.properties.variant.type, parentSchema: schema31.properties.failed.items.properties.variant, data: data26 }];
                                            return false;
                                          }
                                          var valid10 = _errs55 === errors;
                                        } else {
                                          var valid10 = true;
                                        }
                                        if (valid10) {
                                          if (data22.reason !== void 0) {
                                            let data27 = data22.reason;
                                            const _errs57 = errors;
                                            if (typeof data27 !== "string") {
                                              validate20.errors = [{ instancePath: instancePath + "/failed/" + i3 + "/reason", schemaPath: "#/properties/failed/items/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.failed.items.properties.reason.type, parentSchema: schema31.properties.failed.items.properties.reason, data: data27 }];
                                              return false;
                                            }
                                            var valid10 = _errs57 === errors;
                                          } else {
                                            var valid10 = true;
                                          }
                                        }
                                      }
                                    }
                                  }
                                }
                              } else {
                                validate20.errors = [{ instancePath: instancePath + "/failed/" + i3, schemaPath: "#/properties/failed/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.failed.items.type, parentSchema: schema31.properties.failed.items, data: data22 }];
                                return false;
                              }
                            }
                            var valid9 = _errs45 === errors;
                            if (!valid9) {
                              break;
                            }
                          }
                        } else {
                          validate20.errors = [{ instancePath: instancePath + "/failed", schemaPath: "#/properties/failed/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.failed.type, parentSchema: schema31.properties.failed, data: data21 }];
                          return false;
                        }
                      }
                      var valid0 = _errs43 === errors;
                    } else {
                      var valid0 = true;
                    }
                    if (valid0) {
                      if (data.totals !== void 0) {
                        let data28 = data.totals;
                        const _errs59 = errors;
                        if (errors === _errs59) {
                          if (data28 && typeof data28 == "object" && !Array.isArray(data28)) {
                            let missing4;
                            if (data28.sizeBytes === void 0 && (missing4 = "sizeBytes") || data28.buildMs === void 0 && (missing4 = "buildMs") || data28.wallMs === void 0 && (missing4 = "wallMs")) {
                              validate20.errors = [{ instancePath: instancePath + "/totals", schemaPath: "#/properties/totals/required", keyword: "required", params: { missingProperty: missing4 }, message: "must have required property '" + missing4 + "'", schema: schema31.properties.totals.required, parentSchema: schema31.properties.totals, data: data28 }];
                              return false;
                            } else {
                              if (data28.sizeBytes !== void 0) {
                                let data29 = data28.sizeBytes;
                                const _errs61 = errors;
                                const _errs62 = errors;
                                if (!(typeof data29 == "number" && (!(data29 % 1) && !isNaN(data29)) && isFinite(data29))) {
                                  validate20.errors = [{ instancePath: instancePath + "/totals/sizeBytes", schemaPath: "#/$defs/count/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema38.type, parentSchema: schema38, data: data29 }];
                                  return false;
                                }
                                if (errors === _errs62) {
                                  if (typeof data29 == "number" && isFinite(data29)) {
                                    if (data29 < 0 || isNaN(data29)) {
                                      validate20.errors = [{ instancePath: instancePath + "/totals/sizeBytes", schemaPath: "#/$defs/count/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema38, data: data29 }];
                                      return false;
                                    }
                                  }
                                }
                                var valid13 = _errs61 === errors;
                              } else {
                                var valid13 = true;
                              }
                              if (valid13) {
                                if (data28.buildMs !== void 0) {
                                  let data30 = data28.buildMs;
                                  const _errs64 = errors;
                                  const _errs65 = errors;
                                  if (!(typeof data30 == "number" && (!(data30 % 1) && !isNaN(data30)) && isFinite(data30))) {
                                    validate20.errors = [{ instancePath: instancePath + "/totals/buildMs", schemaPath: "#/$defs/count/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema38.type, parentSchema: schema38, data: data30 }];
                                    return false;
                                  }
                                  if (errors === _errs65) {
                                    if (typeof data30 == "number" && isFinite(data30)) {
                                      if (data30 < 0 || isNaN(data30)) {
                                        validate20.errors = [{ instancePath: instancePath + "/totals/buildMs", schemaPath: "#/$defs/count/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema38, data: data30 }];
                                        return false;
                                      }
                                    }
                                  }
                                  var valid13 = _errs64 === errors;
                                } else {
                                  var valid13 = true;
                                }
                                if (valid13) {
                                  if (data28.wallMs !== void 0) {
                                    let data31 = data28.wallMs;
                                    const _errs67 = errors;
                                    const _errs68 = errors;
                                    if (!(typeof data31 == "number" && (!(data31 % 1) && !isNaN(data31)) && isFinite(data31))) {
                                      validate20.errors = [{ instancePath: instancePath + "/totals/wallMs", schemaPath: "#/$defs/count/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema38.type, parentSchema: schema38, data: data31 }];
                                      return false;
                                    }
                                    if (errors === _errs68) {
                                      if (typeof data31 == "number" && isFinite(data31)) {
                                        if (data31 < 0 || isNaN(data31)) {
                                          validate20.errors = [{ instancePath: instancePath + "/totals/wallMs", schemaPath: "#/$defs/count/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema38, data: data31 }];
                                          return false;
                                        }
                                      }
                                    }
                                    var valid13 = _errs67 === errors;
                                  } else {
                                    var valid13 = true;
                                  }
                                }
                              }
                            }
                          } else {
                            validate20.errors = [{ instancePath: instancePath + "/totals", schemaPath: "#/properties/totals/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.totals.type, parentSchema: schema31.properties.totals, data: data28 }];
                            return false;
                          }
                        }
                        var valid0 = _errs59 === errors;
                      } else {
                        var valid0 = true;
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    } else {
      validate20.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.type, parentSchema: schema31, data }];
      return false;
    }
  }
  validate20.errors = vErrors;
  return errors === 0;
}
validate20.evaluated = { "props": { "schemaVersion": true, "go": true, "commit": true, "flags": true, "buildCache": true, "targets": true, "failed": true, "totals": true }, "dynamicProps": false, "dynamicItems": false };

// src/core/report/parse.ts
var validateReport = schema_validator_default;
function resolved(node) {
  if (node?.$ref === void 0) return node ?? {};
  const name = node.$ref.replace("#/$defs/", "");
  return { ...REPORT_SCHEMA.$defs[name], ...node.title === void 0 ? {} : { title: node.title } };
}
function listed(words2, conjunction) {
  return words2.length < 2 ? words2.join("") : `${words2.slice(0, -1).join(", ")} ${conjunction} ${words2.at(-1)}`;
}
function typeWords(type, node) {
  switch (type) {
    case "object":
      return node.required?.length ? `an object with ${listed(node.required, "and")}` : "an object";
    case "array":
      return node.minItems ? `a list of at least ${node.minItems}` : "a list";
    case "integer":
      return node.minimum === void 0 ? "a whole number" : `a whole number, ${node.minimum} or more`;
    case "string":
      if (node.pattern !== void 0) return `text matching ${node.pattern}`;
      return node.minLength ? `text of at least ${node.minLength} character(s)` : "text";
    case "boolean":
      return "true or false";
    default:
      return type;
  }
}
function expectedValue(node) {
  if (node.title !== void 0) return node.title;
  if (node.const !== void 0) return JSON.stringify(node.const);
  const choices = node.enum?.map((value) => JSON.stringify(value));
  if (choices) return `one of ${listed(choices, "or")}`;
  return listed(
    [node.type ?? []].flat().map((type) => typeWords(type, node)),
    "or"
  );
}
function describeValue(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 59)}\u2026` : text;
}
function locate(json, instancePath) {
  let field = "";
  let value = json;
  for (const raw of instancePath.split("/").slice(1)) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(value)) field += `[${key}]`;
    else field += /^[A-Za-z_$][\w$]*$/.test(key) ? `${field ? "." : ""}${key}` : `[${JSON.stringify(key)}]`;
    value = value?.[key];
  }
  return { field, value };
}
function problem(json, error) {
  const { field, value } = locate(json, error.instancePath);
  const node = error.parentSchema;
  if (error.keyword === "required") {
    const missing = String(error.params.missingProperty);
    return `${field ? `${field}.` : ""}${missing} is missing (${expectedValue(resolved(node.properties?.[missing]))})`;
  }
  if (field === "") return `it holds ${describeValue(value)}`;
  if (error.keyword === "const") return `${field} is ${describeValue(value)}, not ${expectedValue(node)}`;
  return `${field} is not ${expectedValue(node)}; it is ${describeValue(value)}`;
}
function parseReport(json, source) {
  const fail = (what) => {
    throw new Error(`${source} is not a setup-go-arm64 report (schema v1): ${what}`);
  };
  if (!validateReport(json)) return fail(problem(json, validateReport.errors?.[0]));
  const keys = json.targets.map(targetKey);
  const duplicate = keys.find((key, i) => keys.indexOf(key) !== i);
  if (duplicate) fail(`target ${duplicate} appears twice`);
  return json;
}

// src/core/compare/comment-marker.ts
import { createHash } from "node:crypto";
var DEFAULT_COMMENT_HEADER = "setup-go-arm64";
var MAX_HEADER_CHARS = 100;
function parseCommentHeader(value, inputName = "comment-header") {
  const header = value.trim() || DEFAULT_COMMENT_HEADER;
  if (/[\u0000-\u001f\u007f]/.test(header))
    throw new InputError(
      inputName,
      `Input ${inputName} is ${JSON.stringify(value)}, which has a line break or control character`,
      `use one line of text, e.g. ${DEFAULT_COMMENT_HEADER}-cli`
    );
  if (new RegExp("\\p{Surrogate}", "u").test(header))
    throw new InputError(
      inputName,
      `Input ${inputName} is ${JSON.stringify(value)}, which holds half of a UTF-16 surrogate pair`,
      `use one line of text, e.g. ${DEFAULT_COMMENT_HEADER}-cli`
    );
  if (header.length > MAX_HEADER_CHARS)
    throw new InputError(
      inputName,
      `Input ${inputName} is ${header.length} characters long, more than ${MAX_HEADER_CHARS}`,
      `use a short name, e.g. ${DEFAULT_COMMENT_HEADER}-cli`
    );
  return header;
}
function headerSlug(header) {
  const slug = header.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40);
  return slug === header ? slug : `${slug || "header"}-${createHash("sha256").update(header).digest("hex").slice(0, 8)}`;
}
function commentMarker(header) {
  return `<!-- setup-go-arm64:size-report header=${encodeURIComponent(header)} -->`;
}
function isCommentFor(body, header) {
  return body.trimStart().startsWith(commentMarker(header));
}

// src/core/compare/comment-decision.ts
function oneOf(value, inputName, allowed, fallback) {
  const normalized = value.trim().toLowerCase() || fallback;
  if (allowed.includes(normalized)) return normalized;
  throw new InputError(
    inputName,
    `Input ${inputName} is ${JSON.stringify(value)}`,
    `use one of ${allowed.join(", ")} (default ${fallback})`
  );
}
function readCommentOptions(input) {
  return {
    mode: oneOf(input("comment"), "comment", ["sticky", "new", "off"], "sticky"),
    on: oneOf(input("comment-on"), "comment-on", ["always", "change", "regression"], "change"),
    header: parseCommentHeader(input("comment-header"))
  };
}
function decideCommentAction(options, facts, existingCommentId) {
  if (options.mode === "off") return { kind: "skip", reason: "comment is off" };
  if (options.mode === "sticky" && existingCommentId !== void 0)
    return { kind: "update", commentId: existingCommentId };
  if (options.on === "change" && !facts.changed)
    return { kind: "skip", reason: "no size changed and comment-on is change" };
  if (options.on === "regression" && !facts.regression)
    return { kind: "skip", reason: "no size regression and comment-on is regression" };
  return { kind: "create" };
}

// src/core/compare/markdown.ts
function escapeMarkdown(text) {
  return text.replace(/\r?\n|\r/g, " ").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/[\\`*_{}[\]()#|~!]/g, "\\$&").replace(/@/g, "@\u200B").replace(/(www)\./gi, "$1\u200B.");
}

// src/core/order.ts
function compareCodeUnits(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/core/compare/build-info-changes.ts
function isPerCommitSetting(key) {
  return key === "vcs" || key.startsWith("vcs.") || key === "-ldflags";
}
function linked(module) {
  return {
    version: module.version,
    ...module.replace ? { replace: { path: module.replace.path, version: module.replace.version } } : {}
  };
}
function sameLinked(a, b) {
  return a.version === b.version && a.replace?.path === b.replace?.path && a.replace?.version === b.replace?.version;
}
function moduleChanges(base, head) {
  const baseByPath = new Map(base.map((m) => [m.path, linked(m)]));
  const headByPath = new Map(head.map((m) => [m.path, linked(m)]));
  const paths = [.../* @__PURE__ */ new Set([...baseByPath.keys(), ...headByPath.keys()])];
  return paths.map((path) => ({ path, base: baseByPath.get(path), head: headByPath.get(path) })).filter(({ base: was, head: is }) => !was || !is || !sameLinked(was, is)).map(({ path, base: was, head: is }) => ({
    path,
    ...was ? { base: was } : {},
    ...is ? { head: is } : {}
  })).sort((a, b) => compareCodeUnits(a.path, b.path));
}
function settingChanges(base, head) {
  const keys = [.../* @__PURE__ */ new Set([...Object.keys(base), ...Object.keys(head)])].filter(
    (k) => !isPerCommitSetting(k)
  );
  const valueOf = (settings, key) => Object.hasOwn(settings, key) ? settings[key] : void 0;
  return keys.map((key) => ({ key, base: valueOf(base, key), head: valueOf(head, key) })).filter((change) => change.base !== change.head).map(({ key, base: was, head: is }) => ({
    key,
    ...was !== void 0 ? { base: was } : {},
    ...is !== void 0 ? { head: is } : {}
  })).sort((a, b) => compareCodeUnits(a.key, b.key));
}
function buildInfoChanges(base, head) {
  const changes = {
    modules: moduleChanges(base.deps, head.deps),
    ...base.goVersion !== head.goVersion ? { goVersion: { base: base.goVersion, head: head.goVersion } } : {},
    settings: settingChanges(base.settings, head.settings)
  };
  const none = changes.modules.length === 0 && !changes.goVersion && changes.settings.length === 0;
  return none ? void 0 : changes;
}

// src/core/compare/compare.ts
var GREW_MOST_LIMIT = 5;
var rowKey = targetKey;
function labelOf(target) {
  return targetName({
    goos: target.goos,
    goarch: target.goarch,
    ...target.variant ? { variant: target.variant } : {}
  });
}
function percentOf(delta, base) {
  return base === null || base === 0 ? null : delta / base * 100;
}
function attributionGrowth(base, head) {
  const sizes = /* @__PURE__ */ new Map();
  const entry = (name) => {
    let found = sizes.get(name);
    if (!found) sizes.set(name, found = { baseBytes: 0, headBytes: 0 });
    return found;
  };
  for (const p of base) entry(p.package).baseBytes += p.sizeBytes;
  for (const p of head) entry(p.package).headBytes += p.sizeBytes;
  return [...sizes.entries()].map(([name, s]) => ({ package: name, ...s, deltaBytes: s.headBytes - s.baseBytes })).filter((g) => g.deltaBytes > 0).sort((a, b) => b.deltaBytes - a.deltaBytes || a.package.localeCompare(b.package)).slice(0, GREW_MOST_LIMIT);
}
function compareRow(base, head) {
  const either = head ?? base;
  const baseBytes = base ? base.sizeBytes : null;
  const headBytes = head ? head.sizeBytes : null;
  const deltaBytes = (headBytes ?? 0) - (baseBytes ?? 0);
  const status = !base ? "added" : !head ? "removed" : deltaBytes === 0 ? "unchanged" : "changed";
  const row = {
    key: rowKey(either),
    package: either.package,
    target: labelOf(either),
    goos: either.goos,
    goarch: either.goarch,
    ...either.variant ? { variant: either.variant } : {},
    status,
    baseBytes,
    headBytes,
    deltaBytes,
    deltaPercent: status === "added" ? null : percentOf(deltaBytes, baseBytes),
    baseBuildMs: base ? base.buildMs : null,
    headBuildMs: head ? head.buildMs : null,
    buildMsDelta: base && head ? head.buildMs - base.buildMs : null
  };
  if (deltaBytes > 0 && base?.attribution && head?.attribution) {
    row.grewMost = attributionGrowth(base.attribution, head.attribution);
  }
  const buildChanges = deltaBytes > 0 && base?.buildInfo && head?.buildInfo && buildInfoChanges(base.buildInfo, head.buildInfo);
  if (buildChanges) row.buildChanges = buildChanges;
  return row;
}
function totalsOf(rows) {
  const baseBytes = rows.reduce((sum, r) => sum + (r.baseBytes ?? 0), 0);
  const headBytes = rows.reduce((sum, r) => sum + (r.headBytes ?? 0), 0);
  const baseBuildMs = rows.reduce((sum, r) => sum + (r.baseBuildMs ?? 0), 0);
  const headBuildMs = rows.reduce((sum, r) => sum + (r.headBuildMs ?? 0), 0);
  return {
    baseBytes,
    headBytes,
    deltaBytes: headBytes - baseBytes,
    deltaPercent: percentOf(headBytes - baseBytes, baseBytes),
    baseBuildMs,
    headBuildMs,
    buildMsDelta: headBuildMs - baseBuildMs
  };
}
function sideOf(report) {
  return { commit: report.commit, goVersion: report.go.version, flags: report.flags };
}
function withoutBuildTimes(row) {
  return { ...row, buildMsDelta: null };
}
function compareReports(base, head, baseBuild = storedBaseBuild(base, head, "it was compared as given, without a rebuild")) {
  const buildTimes = buildTimeComparability(base, head, baseBuild);
  const baseByKey = new Map(base.targets.map((t) => [rowKey(t), t]));
  const headByKey = new Map(head.targets.map((t) => [rowKey(t), t]));
  const keys = [.../* @__PURE__ */ new Set([...baseByKey.keys(), ...headByKey.keys()])];
  const rows = keys.map((key) => compareRow(baseByKey.get(key), headByKey.get(key))).map((row) => buildTimes.comparable ? row : withoutBuildTimes(row)).sort((a, b) => Math.abs(b.deltaBytes) - Math.abs(a.deltaBytes) || a.key.localeCompare(b.key));
  const totals = (of) => {
    const sums = totalsOf(of);
    return buildTimes.comparable ? sums : { ...sums, buildMsDelta: null };
  };
  return {
    base: sideOf(base),
    head: sideOf(head),
    rows,
    commonTotals: totals(rows.filter((r) => r.status === "changed" || r.status === "unchanged")),
    allTotals: totals(rows),
    changed: rows.some((r) => r.status !== "unchanged"),
    caveats: buildDifferences(base, head).map((d) => d.caveat),
    baseBuild,
    likeForLike: baseBuild.kind !== "unlike",
    buildTimes
  };
}
function formatDeltaBytes(delta) {
  return delta > 0 ? `+${humanBytes(delta)}` : humanBytes(delta);
}
function formatDeltaPercent(percent) {
  if (percent === null) return "n/a";
  if (!Number.isFinite(percent)) return percent > 0 ? "+\u221E%" : "-\u221E%";
  const text = Math.abs(percent).toFixed(percent !== 0 && Math.abs(percent) < 0.1 ? 2 : 1);
  return `${percent > 0 ? "+" : percent < 0 ? "-" : ""}${text}%`;
}

// src/core/compare/thresholds.ts
var UNIT_BYTES = {
  b: 1,
  kb: 1e3,
  kib: 1024,
  mb: 1e3 ** 2,
  mib: 1024 ** 2,
  gb: 1e3 ** 3,
  gib: 1024 ** 3
};
var UNIT_SPELLING = {
  b: "B",
  kb: "KB",
  kib: "KiB",
  mb: "MB",
  mib: "MiB",
  gb: "GB",
  gib: "GiB"
};
var VALID_FORMS = "use a percentage, a size or both separated by a comma, e.g. 5%, 200KB, 1MiB or 5%,200KB (KB and MB are 1000-based, KiB and MiB 1024-based); leave it empty for no limit";
function parseSizeLimit(value, inputName) {
  const parts = value.split(",").map((part) => part.trim()).filter(Boolean);
  if (parts.length === 0) return void 0;
  const limit = { text: "" };
  const spelled = [];
  const bad = (why) => {
    throw new InputError(inputName, `Input ${inputName} is ${JSON.stringify(value)}: ${why}`, VALID_FORMS);
  };
  for (const part of parts) {
    const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(part);
    const size = /^(\d+(?:\.\d+)?)\s*([a-z]+)$/i.exec(part);
    if (percent) {
      if (limit.percent !== void 0) bad("it gives two percentages");
      limit.percent = Number(percent[1]);
      spelled.push(`${percent[1]}%`);
    } else if (size) {
      const unit = size[2].toLowerCase();
      const multiplier = UNIT_BYTES[unit];
      if (multiplier === void 0) bad(`${JSON.stringify(size[2])} is not a size unit`);
      if (limit.bytes !== void 0) bad("it gives two sizes");
      limit.bytes = Math.round(Number(size[1]) * multiplier);
      spelled.push(`${size[1]}${UNIT_SPELLING[unit]}`);
    } else if (/^\d+(?:\.\d+)?$/.test(part)) {
      bad(`${part} has no unit, so it could be a percentage or bytes`);
    } else {
      bad(`${JSON.stringify(part)} is neither a percentage nor a size`);
    }
  }
  limit.text = spelled.join(",");
  return limit;
}
var BASELINE_FORMS = "write one limit per baseline, separated by ; or a new line: a limit alone or after base: applies against the base commit, after release: against the newest release, e.g. 5%; release:10%,1MB";
function parseBaselineLimits(value, inputName) {
  const limits = { base: "", release: "" };
  const clauses = value.split(/[;\n]/).map((c) => c.trim()).filter(Boolean);
  for (const clause of clauses) {
    const named = /^([a-z][a-z-]*)\s*:\s*(.*)$/i.exec(clause);
    const baseline = (named?.[1] ?? "base").toLowerCase();
    const bad = (why) => {
      throw new InputError(
        inputName,
        `Input ${inputName} is ${JSON.stringify(value)}: ${why}`,
        BASELINE_FORMS
      );
    };
    if (baseline !== "base" && baseline !== "release")
      bad(`${JSON.stringify(named?.[1])} is no baseline (base or release)`);
    if (limits[baseline]) bad(`it gives two limits against the ${baseline}`);
    const limit = named ? (named[2] ?? "").trim() : clauses.length === 1 ? value : clause;
    if (!limit) bad(`${baseline}: is followed by no limit`);
    limits[baseline] = limit;
  }
  return limits;
}
function readThresholds(input) {
  const read = (inputName) => {
    const { base, release: release2 } = parseBaselineLimits(input(inputName), inputName);
    const releaseLimit = parseSizeLimit(release2, inputName);
    return {
      base: parseSizeLimit(base, inputName),
      release: releaseLimit && { ...releaseLimit, text: `release:${releaseLimit.text}` }
    };
  };
  const perTarget = read("fail-on-size-increase");
  const total = read("fail-on-total-increase");
  const release = {
    ...perTarget.release ? { perTarget: perTarget.release } : {},
    ...total.release ? { total: total.release } : {}
  };
  return {
    ...perTarget.base ? { perTarget: perTarget.base } : {},
    ...total.base ? { total: total.base } : {},
    ...release.perTarget || release.total ? { release } : {}
  };
}
function check(scope, label, deltaBytes, deltaPercent, limit, key) {
  if (deltaBytes <= 0) return void 0;
  const percent = deltaPercent ?? Infinity;
  const exceeded = [];
  const ratios = [];
  if (limit.percent !== void 0 && percent > limit.percent) {
    exceeded.push("percent");
    ratios.push(limit.percent === 0 ? Infinity : percent / limit.percent);
  }
  if (limit.bytes !== void 0 && deltaBytes > limit.bytes) {
    exceeded.push("bytes");
    ratios.push(limit.bytes === 0 ? Infinity : deltaBytes / limit.bytes);
  }
  if (exceeded.length === 0) return void 0;
  return {
    scope,
    label,
    ...key ? { key } : {},
    deltaBytes,
    deltaPercent,
    limit,
    exceeded,
    overBy: Math.max(...ratios)
  };
}
function rowLabel(row) {
  return row.package === "." ? row.target : `${row.target} (${row.package})`;
}
function describeBreach(breach) {
  const input = breach.scope === "target" ? "fail-on-size-increase" : "fail-on-total-increase";
  return `${breach.label} grew ${formatDeltaBytes(breach.deltaBytes)} (${formatDeltaPercent(breach.deltaPercent)}), over the ${input} limit of ${breach.limit.text}`;
}
function breachesOf(comparison, thresholds) {
  const breaches = [];
  if (thresholds.perTarget) {
    for (const row of comparison.rows) {
      if (row.status !== "changed") continue;
      const breach = check(
        "target",
        rowLabel(row),
        row.deltaBytes,
        row.deltaPercent,
        thresholds.perTarget,
        row.key
      );
      if (breach) breaches.push(breach);
    }
  }
  if (thresholds.total) {
    const common = comparison.rows.filter((r) => r.status === "changed" || r.status === "unchanged").length;
    const totals = comparison.commonTotals;
    const breach = check(
      "total",
      `the total of ${common} target${common === 1 ? "" : "s"}`,
      totals.deltaBytes,
      totals.deltaPercent,
      thresholds.total
    );
    if (breach) breaches.push(breach);
  }
  return breaches.sort(
    (a, b) => b.overBy - a.overBy || b.deltaBytes - a.deltaBytes || a.label.localeCompare(b.label)
  );
}
function regressionMessage(breaches, comparison) {
  const worst = breaches[0];
  const others = breaches.length - 1;
  const biggest = comparison.rows.filter((r) => r.status === "changed" && r.deltaBytes > 0).sort((a, b) => b.deltaBytes - a.deltaBytes)[0];
  const culprit = worst.scope === "total" && biggest ? `; the largest growth is ${rowLabel(biggest)} (${formatDeltaBytes(biggest.deltaBytes)})` : "";
  return `Size regression: ${describeBreach(worst)}${culprit}` + (others > 0 ? `; ${others} more over a limit` : "") + ".";
}
function judge(comparison, thresholds) {
  const limits = [
    thresholds.perTarget ? `${thresholds.perTarget.text} per target` : "",
    thresholds.total ? `${thresholds.total.text} in total` : ""
  ].filter(Boolean);
  if (!comparison)
    return {
      regression: false,
      breaches: [],
      message: "Nothing to compare against, so no size limit applies."
    };
  if (comparison.baseBuild.kind === "unlike" && limits.length > 0)
    return {
      regression: false,
      breaches: [],
      message: `Size limits not judged: the base was built otherwise than head (${describeDifferences(comparison.baseBuild.differences)}) and could not be rebuilt with head's toolchain and flags (${comparison.baseBuild.why}).`
    };
  const breaches = breachesOf(comparison, thresholds);
  if (breaches.length > 0)
    return { regression: true, breaches, message: regressionMessage(breaches, comparison) };
  return {
    regression: false,
    breaches,
    message: limits.length > 0 ? `Within the size limits (${limits.join(", ")}).` : "No size limits set (fail-on-size-increase, fail-on-total-increase)."
  };
}

// src/core/compare/growth-section.ts
var PLAIN_SETTING_VALUE = /^[A-Za-z0-9._~+/=,-]{1,400}$/;
function settingText(value) {
  if (value === void 0) return "unset";
  if (value === "") return "(empty)";
  return PLAIN_SETTING_VALUE.test(value) ? escapeMarkdown(value) : "(not shown: not plain text)";
}
function linkedText(module) {
  if (!module) return "\u2014";
  if (!module.replace) return escapeMarkdown(module.version);
  const by = [module.replace.path, module.replace.version].filter((t) => t && t !== "(devel)").join(" ");
  return `${escapeMarkdown(module.version)} replaced by ${escapeMarkdown(by)}`;
}
function moduleCounts(changes) {
  const added = changes.modules.filter((m) => !m.base).length;
  const removed = changes.modules.filter((m) => !m.head).length;
  const changed = changes.modules.length - added - removed;
  const parts = [
    added > 0 ? `${added} added` : "",
    removed > 0 ? `${removed} removed` : "",
    changed > 0 ? `${changed} changed` : ""
  ].filter(Boolean);
  const total = changes.modules.length;
  return parts.length === 0 ? "" : `${total === 1 ? "module" : "modules"} ${parts.join(", ")}`;
}
function summaryOf(row) {
  const notes = row.buildChanges ? [
    moduleCounts(row.buildChanges),
    row.buildChanges.goVersion ? "another Go" : "",
    row.buildChanges.settings.length > 0 ? "other build settings" : ""
  ].filter(Boolean) : [];
  return `What grew in ${escapeMarkdown(rowLabel(row))}${notes.length > 0 ? `: ${notes.join(", ")}` : ""}`;
}
function moduleTable(changes) {
  if (changes.modules.length === 0) return [];
  return [
    "| Module | Base | Head |",
    "| :-- | :-- | :-- |",
    ...changes.modules.map(
      (m) => `| ${escapeMarkdown(m.path)} | ${linkedText(m.base)} | ${linkedText(m.head)} |`
    ),
    ""
  ];
}
function buildTable(changes) {
  const { goVersion, settings } = changes;
  if (!goVersion && settings.length === 0) return [];
  return [
    "| Build setting | Base | Head |",
    "| :-- | :-- | :-- |",
    ...goVersion ? [`| Go | ${escapeMarkdown(goVersion.base)} | ${escapeMarkdown(goVersion.head)} |`] : [],
    ...settings.map((s) => `| ${escapeMarkdown(s.key)} | ${settingText(s.base)} | ${settingText(s.head)} |`),
    ""
  ];
}
function packageTable(row) {
  if (!row.grewMost || row.grewMost.length === 0) return [];
  return [
    "| Package | Base | Head | Change |",
    "| :-- | --: | --: | --: |",
    ...row.grewMost.map(
      (g) => `| ${escapeMarkdown(g.package)} | ${humanBytes(g.baseBytes)} | ${humanBytes(g.headBytes)} | ${formatDeltaBytes(g.deltaBytes)} |`
    ),
    ""
  ];
}
function growthSection(rows) {
  return rows.flatMap((row) => {
    const tables = [
      ...row.buildChanges ? [...moduleTable(row.buildChanges), ...buildTable(row.buildChanges)] : [],
      ...packageTable(row)
    ];
    if (tables.length === 0) return [];
    return [`<details><summary>${summaryOf(row)}</summary>`, "", ...tables, "</details>", ""];
  });
}

// src/core/compare/comment-render.ts
var MAX_COMMENT_CHARS = 65536;
function shortSha(sha) {
  return sha ? `\`${escapeMarkdown(sha.slice(0, 7))}\`` : "an unknown commit";
}
function heading(header) {
  return header === DEFAULT_COMMENT_HEADER ? "### Binary sizes" : `### Binary sizes: ${escapeMarkdown(header)}`;
}
function buildTime(ms, delta) {
  if (ms === null) return "";
  if (delta === null) return humanDuration(ms);
  return `${humanDuration(ms)} (${delta >= 0 ? "+" : "-"}${humanDuration(Math.abs(delta))})`;
}
function changedRowLine(row) {
  const size = (bytes) => bytes === null ? "\u2014" : humanBytes(bytes);
  const change = row.status === "added" ? "added" : row.status === "removed" ? "removed" : `**${formatDeltaBytes(row.deltaBytes)}**`;
  const percent = row.status === "added" || row.status === "removed" ? "" : formatDeltaPercent(row.deltaPercent);
  return `| ${escapeMarkdown(row.target)} | ${escapeMarkdown(row.package)} | ${size(row.baseBytes)} | ${size(row.headBytes)} | ${change} | ${percent} | ${buildTime(row.headBuildMs ?? row.baseBuildMs, row.buildMsDelta)} |`;
}
function totalLine(label, totals) {
  return `| **${label}** | | ${humanBytes(totals.baseBytes)} | ${humanBytes(totals.headBytes)} | **${formatDeltaBytes(totals.deltaBytes)}** | ${formatDeltaPercent(totals.deltaPercent)} | ${buildTime(totals.headBuildMs, totals.buildMsDelta)} |`;
}
function unchangedSection(rows, limit) {
  if (rows.length === 0) return [];
  const shown = rows.slice(0, limit);
  return [
    `<details><summary>${rows.length} unchanged target${rows.length === 1 ? "" : "s"}</summary>`,
    "",
    "| Target | Package | Size | Build time |",
    "| :-- | :-- | --: | --: |",
    ...shown.map(
      (r) => `| ${escapeMarkdown(r.target)} | ${escapeMarkdown(r.package)} | ${humanBytes(r.headBytes ?? 0)} | ${buildTime(r.headBuildMs, r.buildMsDelta)} |`
    ),
    ...rows.length > shown.length ? ["", `\u2026 and ${rows.length - shown.length} more (see the size-delta output).`] : [],
    "",
    "</details>",
    ""
  ];
}
function baseBuildNotes(comparison) {
  const { baseBuild: build, head } = comparison;
  const notes = [];
  if (build.kind === "rebuilt" && build.replaced)
    notes.push(
      `> \u2139\uFE0F Base rebuilt at the merge-base with Go ${escapeMarkdown(head.goVersion)} and head's flags, because ${escapeMarkdown(build.replaced.source)} was built otherwise: ${escapeMarkdown(describeDifferences(build.replaced.differences))}. The change is the code\u2019s alone.`
    );
  if (build.kind === "unlike")
    notes.push(
      `> \u26A0\uFE0F Not like-for-like: ${escapeMarkdown(comparison.caveats.join("; "))}. The base could not be rebuilt the way head was (${escapeMarkdown(build.why)}), so the change mixes the code's with the build\u2019s, and size limits are not judged on it.`
    );
  else
    for (const caveat of comparison.caveats)
      notes.push(`> \u26A0\uFE0F ${escapeMarkdown(caveat)}: part of the change may come from that.`);
  if (comparison.rows.length > 0)
    notes.push(
      comparison.buildTimes.comparable ? `Build-time changes compare like with like: ${escapeMarkdown(comparison.buildTimes.why)}.` : `Build-time changes are not shown: ${escapeMarkdown(comparison.buildTimes.why)}.`
    );
  return notes.flatMap((note) => [note, ""]);
}
function verdictLine(verdict) {
  return `**${verdict.regression ? "\u274C" : "\u2705"} ${escapeMarkdown(verdict.message)}**`;
}
function renderComparison(context, comparison, verdict, maxRows) {
  const moved = comparison.rows.filter((r) => r.status !== "unchanged");
  const unchanged = comparison.rows.filter((r) => r.status === "unchanged");
  const shown = moved.slice(0, maxRows);
  const common = comparison.rows.length - comparison.rows.filter((r) => r.status === "added" || r.status === "removed").length;
  const baseCommit = context.baseCommit === void 0 ? comparison.base.commit : context.baseCommit;
  const headCommit = context.headCommit === void 0 ? comparison.head.commit : context.headCommit;
  const lines = [
    commentMarker(context.header),
    heading(context.header),
    "",
    `Base ${shortSha(baseCommit)} \u2192 head ${shortSha(headCommit)}` + (context.baseSource ? ` \xB7 base sizes from ${escapeMarkdown(context.baseSource)}` : ""),
    ""
  ];
  if (moved.length > 0) {
    lines.push(
      "| Target | Package | Base | Head | Change | % | Build time |",
      "| :-- | :-- | --: | --: | --: | --: | --: |",
      ...shown.map(changedRowLine),
      totalLine(`Total of ${common} in both`, comparison.commonTotals),
      ""
    );
    if (moved.length > shown.length)
      lines.push(
        `\u2026 and ${moved.length - shown.length} more changed targets (see the size-delta output).`,
        ""
      );
  } else {
    lines.push(
      `No size changed: ${comparison.rows.length} target${comparison.rows.length === 1 ? "" : "s"}, ${humanBytes(comparison.allTotals.headBytes)} in total.`,
      ""
    );
  }
  lines.push(...unchangedSection(unchanged, maxRows), ...growthSection(shown));
  lines.push(...baseBuildNotes(comparison), verdictLine(verdict), "");
  return lines.join("\n");
}
function renderSizeComment(context, comparison, verdict) {
  let maxRows = comparison.rows.length;
  let body = renderComparison(context, comparison, verdict, maxRows);
  while (body.length >= MAX_COMMENT_CHARS && maxRows > 0) {
    maxRows = Math.floor(maxRows / 2);
    body = renderComparison(context, comparison, verdict, maxRows);
  }
  return body;
}
function renderNoBaseComment(context, head, reason, verdict = judge(void 0, {})) {
  const headCommit = context.headCommit === void 0 ? head.commit : context.headCommit;
  const render = (maxRows2) => [
    commentMarker(context.header),
    heading(context.header),
    "",
    `Head ${shortSha(headCommit)} \xB7 nothing to compare against: ${escapeMarkdown(reason)}.`,
    "",
    "| Target | Package | Size | Build time |",
    "| :-- | :-- | --: | --: |",
    ...head.targets.slice(0, maxRows2).map(
      (t) => `| ${escapeMarkdown(targetName({ goos: t.goos, goarch: t.goarch, ...t.variant ? { variant: t.variant } : {} }))} | ${escapeMarkdown(t.package)} | ${humanBytes(t.sizeBytes)} | ${humanDuration(t.buildMs)} |`
    ),
    ...head.targets.length > maxRows2 ? [`\u2026 and ${head.targets.length - maxRows2} more.`] : [],
    "",
    verdictLine(verdict),
    ""
  ].join("\n");
  let maxRows = head.targets.length;
  let body = render(maxRows);
  while (body.length >= MAX_COMMENT_CHARS && maxRows > 0) body = render(maxRows = Math.floor(maxRows / 2));
  return body;
}

export {
  humanBytes,
  humanDuration,
  cell,
  code,
  info2 as info,
  debug2 as debug,
  addMatcher,
  InputError,
  VerificationError,
  targetName,
  variantVariable,
  targetEnv,
  parseTargets,
  parseDistList,
  validateTargets,
  variantProbes,
  variantProbeCommand,
  checkVariantAnswers,
  buildDifferences,
  storedBaseBuild,
  describeDifferences,
  buildCacheStart,
  compareCodeUnits,
  targetKey,
  buildReport,
  parseReport,
  parseCommentHeader,
  headerSlug,
  isCommentFor,
  readCommentOptions,
  decideCommentAction,
  escapeMarkdown,
  rowKey,
  compareReports,
  formatDeltaBytes,
  formatDeltaPercent,
  parseSizeLimit,
  readThresholds,
  judge,
  MAX_COMMENT_CHARS,
  renderSizeComment,
  renderNoBaseComment
};
