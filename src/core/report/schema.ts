// The Report's one definition, schema v1. The Report type (report.ts) is derived from it, parseReport (parse.ts)
// validates against it, and schema/report.v1.schema.json is this object as written by `npm run schema`.
// A `title` is what parseReport says a value must be ("targets[0].sizeBytes is not <title>"), so it is a noun
// phrase; a field without one is described from its type and limits.
/** A module's path, version and go.sum hash, as both a dependency and its replacement carry them. */
const moduleVersionProperties = {
  path: { type: 'string', minLength: 1 },
  version: { type: 'string' },
  sum: { type: 'string', pattern: '^h1:' },
} as const;

export const REPORT_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:setup-go-arm64:report:v1',
  title: 'setup-go-arm64 build report, schema v1',
  description:
    'What one run of the action built: the toolchain, the flags, and every built file measured from its own bytes. Later versions of v1 may add fields, never rename them, so readers should ignore fields they do not know.',
  type: 'object',
  required: ['schemaVersion', 'go', 'commit', 'flags', 'targets', 'totals'],
  properties: {
    schemaVersion: { const: 1 },
    go: {
      description: 'The toolchain that built the targets, and whether it runs natively on the build machine.',
      type: 'object',
      required: ['version', 'hostOs', 'hostArch', 'native'],
      properties: {
        version: {
          title: 'a Go release such as 1.25.4 or 1.26rc1',
          description: 'Go release without the go prefix, e.g. 1.25.4 or 1.26rc1.',
          type: 'string',
          pattern: '^[0-9]{1,3}\\.[0-9]{1,3}(\\.[0-9]{1,3}|(rc|beta)[0-9]{1,2})?$',
        },
        hostOs: { $ref: '#/$defs/goName' },
        hostArch: { $ref: '#/$defs/goName' },
        native: { type: 'boolean' },
      },
    },
    commit: {
      title: 'a commit SHA of 7 to 64 lower-case hex digits, or null',
      description: 'The commit built (GITHUB_SHA), or null outside a workflow.',
      type: ['string', 'null'],
      pattern: '^[0-9a-f]{7,64}$',
    },
    flags: {
      description: 'The flags every target was built with.',
      type: 'object',
      required: ['ldflags', 'trimpath', 'cgo'],
      properties: {
        ldflags: {
          description:
            'As the ldflags input gives them, placeholders such as {commit} included, so that reports of different commits built the same way compare equal.',
          type: 'string',
        },
        stampedLdflags: {
          description:
            'As passed to the linker, with {version}, {commit} and {date} filled in; only when ldflags uses them.',
          type: 'string',
        },
        trimpath: { type: 'boolean' },
        cgo: { description: 'CGO_ENABLED=1 when true.', type: 'boolean' },
        tags: { description: 'Build tags (-tags).', type: 'array', items: { type: 'string', minLength: 1 } },
        buildFlags: {
          description: 'Further go build flags from the build-flags input, one word each.',
          type: 'array',
          items: { type: 'string' },
        },
        env: {
          description:
            'The variables of the build environment that change what go builds (GOFLAGS, GOEXPERIMENT, GOARM, GOAMD64, …), those that were set; PR comparisons rebuild the base when they differ.',
          type: 'object',
          additionalProperties: { type: 'string' },
        },
      },
    },
    buildCache: {
      description:
        'How the build cache started: restored from its own key (exact), from a restore key (partial), or not restored (none); absent when cache-build is off. PR comparisons show build-time deltas only when both sides say the same.',
      enum: ['exact', 'partial', 'none'],
    },
    targets: {
      description:
        'Every file that built and matched its target, ordered by package, goos, goarch and variant.',
      type: 'array',
      items: { $ref: '#/$defs/target' },
    },
    failed: {
      description:
        'Builds that produced no file, and why; present only when some failed, so a partial report says what it lacks.',
      type: 'array',
      items: {
        type: 'object',
        required: ['package', 'goos', 'goarch', 'reason'],
        properties: {
          package: { type: 'string' },
          goos: { $ref: '#/$defs/goName' },
          goarch: { $ref: '#/$defs/goName' },
          variant: { type: 'string' },
          reason: { description: 'The first line of what failed.', type: 'string' },
        },
      },
    },
    totals: {
      type: 'object',
      required: ['sizeBytes', 'buildMs', 'wallMs'],
      properties: {
        sizeBytes: { description: "Sum of the targets' sizes.", $ref: '#/$defs/count' },
        buildMs: { description: "Sum of the targets' build times.", $ref: '#/$defs/count' },
        wallMs: { description: 'Wall time of all builds together.', $ref: '#/$defs/count' },
      },
    },
  },
  $defs: {
    count: { type: 'integer', minimum: 0 },
    size: { title: 'a size in bytes, 1 or more', type: 'integer', minimum: 1 },
    sha256: { title: 'a SHA-256 of 64 lower-case hex digits', type: 'string', pattern: '^[0-9a-f]{64}$' },
    goName: {
      title: 'a GOOS or GOARCH name such as linux or arm64',
      description: 'A GOOS or GOARCH value.',
      type: 'string',
      pattern: '^[a-z0-9_]+$',
    },
    replacement: {
      description:
        'The module a replace directive put in place of another: a path (or a local directory) and version, with its go.sum hash (h1:…) when it has one.',
      type: 'object',
      required: ['path', 'version'],
      properties: moduleVersionProperties,
    },
    goModule: {
      description: 'A module as Go records it in a binary, and what a replace directive put in its place.',
      type: 'object',
      required: ['path', 'version'],
      properties: { ...moduleVersionProperties, replace: { $ref: '#/$defs/replacement' } },
    },
    target: {
      description: 'One built file, as measured after the build.',
      type: 'object',
      required: ['goos', 'goarch', 'package', 'path', 'sizeBytes', 'buildMs', 'sha256', 'format', 'arch'],
      properties: {
        goos: { $ref: '#/$defs/goName' },
        goarch: { $ref: '#/$defs/goName' },
        variant: {
          description: 'GOARM, GOAMD64, … level when the target names one, e.g. 6 for linux/arm/6.',
          type: 'string',
          minLength: 1,
        },
        package: {
          description: 'The main package as given, e.g. . or ./cmd/tool.',
          type: 'string',
          minLength: 1,
        },
        path: { description: 'The built file, relative to the workspace.', type: 'string', minLength: 1 },
        sizeBytes: { $ref: '#/$defs/size' },
        buildMs: { $ref: '#/$defs/count' },
        sha256: { $ref: '#/$defs/sha256' },
        format: {
          description:
            "Container format read from the file's header; macho-fat is a universal Mach-O (goarch universal), wasm a WebAssembly module (js/wasm, wasip1/wasm).",
          enum: ['elf', 'macho', 'macho-fat', 'pe', 'wasm'],
        },
        arch: {
          description:
            "Architecture read from the file's header, in GOARCH spelling; slices joined with + for a universal Mach-O.",
          type: 'string',
          minLength: 1,
        },
        slices: {
          description:
            "A universal Mach-O's slices in file order, each measured from its own bytes: its sha256 is the thin build's it was made from; goVersion, goos and goarch come from the slice's Go build info.",
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            required: ['arch', 'offset', 'sizeBytes', 'sha256'],
            properties: {
              arch: { $ref: '#/$defs/goName' },
              offset: { description: 'Where the slice starts in the universal file.', $ref: '#/$defs/count' },
              sizeBytes: { $ref: '#/$defs/size' },
              sha256: { $ref: '#/$defs/sha256' },
              goVersion: { type: 'string', minLength: 1 },
              goos: { $ref: '#/$defs/goName' },
              goarch: { $ref: '#/$defs/goName' },
            },
          },
        },
        keptSymbols: {
          description:
            "Symbols a Mach-O still defines although ldflags strip them (-s), as Go 1.21 and older leave them; read from the file's load commands.",
          type: 'integer',
          minimum: 1,
        },
        sbom: {
          title: 'a path ending in .cdx.json',
          description:
            "The file's CycloneDX SBOM (with sbom: true), relative to the workspace: the built file's path with .cdx.json added.",
          type: 'string',
          pattern: '\\.cdx\\.json$',
        },
        attribution: {
          description:
            'The Go packages whose symbols take the most bytes, largest first; type: and go: hold compiler-generated data of no package.',
          type: 'array',
          items: {
            type: 'object',
            required: ['package', 'sizeBytes'],
            properties: {
              package: { type: 'string', minLength: 1 },
              sizeBytes: { $ref: '#/$defs/size' },
            },
          },
        },
        buildInfo: {
          description:
            "The file's own Go build info, as go version -m shows it (stripping with -s -w keeps it): the toolchain, the main module, every dependency linked in, and the build settings. PR comparisons name the modules, Go version and settings that changed. Absent for a universal Mach-O, whose slices are the thin targets.",
          type: 'object',
          required: ['goVersion', 'deps', 'settings'],
          properties: {
            goVersion: {
              description: 'The toolchain that built the file, e.g. go1.25.4.',
              type: 'string',
              minLength: 1,
            },
            path: { description: "The main package's import path.", type: 'string' },
            main: { $ref: '#/$defs/goModule' },
            deps: { type: 'array', items: { $ref: '#/$defs/goModule' } },
            settings: {
              description:
                'Build settings by key: GOOS, GOARCH, CGO_ENABLED, -ldflags, -trimpath, -tags, DefaultGODEBUG, vcs.revision, ….',
              type: 'object',
              additionalProperties: { type: 'string' },
            },
          },
        },
        host: {
          description:
            'In a merged report (merge-reports), the runner that built the target: its GOOS and GOARCH, and whether its toolchain ran natively.',
          type: 'object',
          required: ['os', 'arch', 'native'],
          properties: {
            os: { $ref: '#/$defs/goName' },
            arch: { $ref: '#/$defs/goName' },
            native: { type: 'boolean' },
          },
        },
      },
    },
  },
} as const;
