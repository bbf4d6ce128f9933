import { InputError } from '../errors.js';
import {
  compareGoVersions,
  isLanguageVersion,
  isWellFormedGoVersion,
  parseVersionSpec,
  VERSION_FORMS,
} from './spec.js';

export type VersionFileKind = 'go.mod' | 'go.work' | '.go-version' | '.tool-versions';

/** What a version file asks for, and where it said so (for logs and annotations). */
export interface VersionRequirement {
  /** A spec {@link parseVersionSpec} accepts, e.g. `1.25.4`, `1.21.0`, `1.20.x`. */
  spec: string;
  /** Human text, e.g. `go.mod line 3: toolchain go1.25.4`. */
  source: string;
  location: { file: string; line: number };
}

/**
 * Kind from the file's base name: `go.mod` and any other `*.mod` (go's -modfile) are read as go.mod, `go.work`
 * and `*.work` as go.work, `.tool-versions` as asdf's file; anything else is read like `.go-version`.
 */
export function versionFileKind(fileName: string): VersionFileKind {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  if (base === '.tool-versions') return '.tool-versions';
  if (base.endsWith('.work')) return 'go.work';
  if (base.endsWith('.mod')) return 'go.mod';
  return '.go-version';
}

/** A line of the file with its 1-based number, comments and surrounding white space removed. */
interface SourceLine {
  number: number;
  text: string;
}

/** Splits text into numbered lines, dropping a UTF-8 byte order mark and CR of CRLF endings. */
function numberedLines(text: string): { number: number; raw: string }[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((raw, index) => ({ number: index + 1, raw }));
}

/**
 * Splits a go.mod/go.work line into tokens the way modfile's lexer does for our purpose: `//` starts a comment
 * (outside quoted strings), `(` and `)` are tokens of their own, quoted strings stay whole.
 */
function modTokens(raw: string): string[] {
  const tokens: string[] = [];
  const pattern = /\s*(?:(\/\/.*)|("(?:[^"\\]|\\.)*"?|`[^`]*`?)|([()])|([^\s()"`]+))/gy;
  for (let match = pattern.exec(raw); match && match[0] !== ''; match = pattern.exec(raw)) {
    if (match[1] !== undefined) break;
    const token = match[2] ?? match[3] ?? match[4];
    if (token !== undefined) tokens.push(token);
  }
  return tokens;
}

/** A located directive of go.mod/go.work: `go 1.22.5` on line 3. */
interface Directive {
  value: string;
  line: number;
}

function fileError(file: string, line: number, message: string, fix: string): InputError {
  return new InputError(file, `${file} line ${line}: ${message}`, fix, { file, line });
}

/** An error about the file as a whole, annotated on its first line. */
function wholeFileError(file: string, message: string, fix: string): InputError {
  return new InputError(file, message, fix, { file, line: 1 });
}

/** Finds the top-level `go` and `toolchain` directives, refusing what modfile refuses for them. */
function modDirectives(file: string, text: string): { go?: Directive; toolchain?: Directive } {
  const found: { go?: Directive; toolchain?: Directive } = {};
  let blockVerb: string | undefined;
  for (const { number, raw } of numberedLines(text)) {
    const tokens = modTokens(raw);
    const [verb, ...args] = tokens;
    if (verb === undefined) continue;
    if (blockVerb !== undefined) {
      if (verb === ')') blockVerb = undefined;
      continue;
    }
    if (args[args.length - 1] === '(' && args.length === 1) {
      if (verb === 'go' || verb === 'toolchain') {
        throw fileError(
          file,
          number,
          `a ${verb} directive cannot be a block`,
          verb === 'go'
            ? 'write it on one line, e.g. "go 1.25.4"'
            : 'write it on one line, e.g. "toolchain go1.25.4"',
        );
      }
      blockVerb = verb;
      continue;
    }
    if (verb !== 'go' && verb !== 'toolchain') continue;
    const example = verb === 'go' ? 'go 1.25.4' : 'toolchain go1.25.4';
    if (found[verb]) {
      throw fileError(
        file,
        number,
        `repeated ${verb} directive (first on line ${found[verb].line})`,
        `keep one line, e.g. "${example}"`,
      );
    }
    if (args.length !== 1) {
      throw fileError(
        file,
        number,
        `"${tokens.join(' ')}": the ${verb} directive takes exactly one version`,
        `write e.g. "${example}"`,
      );
    }
    found[verb] = { value: args[0] ?? '', line: number };
  }
  return found;
}

/**
 * The version a toolchain name stands for, as go's gover.FromToolchain reads it: `go1.25.4` → `1.25.4`, and a
 * custom build's suffix is dropped (`go1.25.4-corp` → `1.25.4`), since only the Go release can be installed.
 */
function toolchainVersion(name: string): string | undefined {
  if (!name.startsWith('go1') || /[\\/]/.test(name)) return undefined;
  const version = name.slice(2).split(/[-\s]/)[0] ?? '';
  return isWellFormedGoVersion(version) ? version : undefined;
}

/**
 * The spec for a go line, following what the go command does with GOTOOLCHAIN=auto when its own version is older:
 * - `go 1.22.5`, `go 1.23rc2`: that release.
 * - `go 1.21` and later language versions: the first release of the line, `1.21.0`. The go command selects
 *   exactly go1.21.0 here (it appends `.0` rather than download a language version, golang.org/issue/62278), so the
 *   build gets the toolchain the module's authors declared as enough, the same on every run.
 * - `go 1.20` and earlier: the newest 1.20 patch release (`1.20.x`). Before 1.21 the line names the first
 *   release, but no go command ever switched toolchains for it (versions older than 1.21 cannot switch, newer ones
 *   never need to), so it only says which language line the module needs; its newest patch carries the fixes.
 */
function goLineSpec(version: string): string {
  if (isLanguageVersion(version)) return `${version}.0`;
  if (/^[0-9]+\.[0-9]+$/.test(version)) return `${version}.x`;
  return version;
}

/** A pre-1.21 first release is named `go1.20`, which as a spec would mean the newest 1.20.x: spell it `1.20.0`. */
function exactSpec(version: string): string {
  return /^[0-9]+\.[0-9]+$/.test(version) ? `${version}.0` : version;
}

/**
 * What a toolchain line decides, as go reads it: the requirement when it names a release newer than the go line,
 * else a note for the go line's source saying why it does not count.
 */
function toolchainLine(
  file: string,
  toolchain: Directive,
  go: Directive | undefined,
): VersionRequirement | { note: string } {
  if (toolchain.value === 'default') {
    return { note: ` (toolchain default on line ${toolchain.line} names no toolchain)` };
  }
  const version = toolchainVersion(toolchain.value);
  if (version === undefined) {
    throw fileError(
      file,
      toolchain.line,
      `"toolchain ${toolchain.value}" does not name a Go toolchain`,
      'write e.g. "toolchain go1.25.4", or "toolchain default"',
    );
  }
  // As go does: a toolchain line counts only when newer than the go line.
  const ignored = ` (toolchain ${toolchain.value} on line ${toolchain.line} is not newer, so go ignores it)`;
  if (go && compareGoVersions(version, go.value) <= 0) return { note: ignored };
  if (isLanguageVersion(version)) {
    throw fileError(
      file,
      toolchain.line,
      `"toolchain ${toolchain.value}" names a language version, not a release`,
      `write a release, e.g. "toolchain ${toolchain.value}.0"`,
    );
  }
  return {
    spec: exactSpec(version),
    source: `${file} line ${toolchain.line}: toolchain ${toolchain.value}`,
    location: { file, line: toolchain.line },
  };
}

function parseModFile(file: string, text: string, kind: 'go.mod' | 'go.work'): VersionRequirement {
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    throw wholeFileError(file, `${file} is empty`, `a ${kind} file needs a go line, e.g. "go 1.25.4"`);
  }
  const { go, toolchain } = modDirectives(file, text);
  if (go && !isWellFormedGoVersion(go.value)) {
    throw fileError(
      file,
      go.line,
      `"go ${go.value}" is not a valid Go version`,
      'write a Go version, e.g. "go 1.25.4"',
    );
  }
  const chosen = toolchain ? toolchainLine(file, toolchain, go) : { note: '' };
  if (!('note' in chosen)) return chosen;
  if (!go) {
    throw wholeFileError(
      file,
      `${file} has no go line; go reads such a module as go 1.16, which names no toolchain`,
      'add a line such as "go 1.25.4", or set go-version',
    );
  }
  return {
    spec: goLineSpec(go.value),
    source: `${file} line ${go.line}: go ${go.value}${chosen.note}`,
    location: { file, line: go.line },
  };
}

/**
 * Lines without `#` comments (and `//` ones for .go-version), blank lines dropped. A comment runs to the end of
 * the line whatever it holds: `.` would stop at U+2028 and rescan from every `#` (quadratic in the line's length).
 */
function contentLines(text: string, commentPattern: RegExp): SourceLine[] {
  return numberedLines(text)
    .map(({ number, raw }) => ({ number, text: raw.replace(commentPattern, '').trim() }))
    .filter((line) => line.text !== '');
}

function checkedSpec(file: string, line: number, value: string, shown: string): string {
  try {
    parseVersionSpec(value, file);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw fileError(file, line, `${JSON.stringify(shown)} is not a Go version`, VERSION_FORMS);
  }
  return value;
}

function parseGoVersionFile(file: string, text: string): VersionRequirement {
  const lines = contentLines(text, /(#|\/\/)[\s\S]*/);
  const [first, second] = lines;
  if (!first) {
    throw wholeFileError(file, `${file} holds no version`, 'write one version, e.g. 1.25.4');
  }
  if (second) {
    throw fileError(
      file,
      second.number,
      `a second version "${second.text}" (the first is "${first.text}" on line ${first.number})`,
      'keep one version, e.g. 1.25.4',
    );
  }
  return {
    spec: checkedSpec(file, first.number, first.text, first.text),
    source: `${file} line ${first.number}: ${first.text}`,
    location: { file, line: first.number },
  };
}

/**
 * asdf's file: `golang 1.25.4 1.24.10` (mise also writes `go`). The first version listed wins, as asdf installs
 * and uses the first one it finds.
 */
function parseToolVersions(file: string, text: string): VersionRequirement {
  const line = contentLines(text, /#[\s\S]*/).find(({ text: content }) => /^(golang|go)(\s|$)/.test(content));
  if (!line) {
    throw wholeFileError(
      file,
      `${file} has no golang line`,
      'add a line such as "golang 1.25.4", or set go-version',
    );
  }
  const [tool = '', version = ''] = line.text.split(/\s+/);
  return {
    spec: checkedSpec(file, line.number, version, line.text),
    source: `${file} line ${line.number}: ${tool} ${version}`,
    location: { file, line: line.number },
  };
}

/**
 * Parses a version file's text; `filePath` names it in messages and annotations and picks the format (see
 * {@link versionFileKind}). go.mod and go.work follow go's toolchain selection (a newer `toolchain` line wins,
 * `toolchain default` names none); a byte order mark, CRLF line endings, comments and blank lines are read
 * through. Throws InputError naming the file and line and showing a valid value: for an empty file, a missing or
 * invalid `go` line (`go banana`), a `go` block, a repeated directive, a missing `golang` line, and so on.
 */
export function parseVersionFile(filePath: string, text: string): VersionRequirement {
  const kind = versionFileKind(filePath);
  if (kind === 'go.mod' || kind === 'go.work') return parseModFile(filePath, text, kind);
  if (kind === '.tool-versions') return parseToolVersions(filePath, text);
  return parseGoVersionFile(filePath, text);
}
