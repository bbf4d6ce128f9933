// The shapes of value inputs share: paths in the workspace, booleans, counts, lists and flag strings.
import path from 'node:path';
import { InputError } from '../errors.js';

/**
 * A path input resolved against the workspace, as in actions/setup-go, refused when it climbs out of it. The
 * check is lexical; symlinks in output-dir, report-file and version files are checked where those are opened.
 */
export function inWorkspace(workspace: string, value: string, inputName: string): string {
  const resolved = path.resolve(workspace, value);
  const relative = path.relative(workspace, resolved);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new InputError(
      inputName,
      `Input ${inputName} is ${JSON.stringify(value)}, which is outside the workspace`,
      'give a path relative to the workspace, without .. climbing out of it, e.g. dist or app/go.mod',
    );
  }
  return resolved;
}

export function parseBoolean(value: string, inputName: string): boolean {
  const normalized = value.trim().toLowerCase();
  if (normalized === 'true') return true;
  if (normalized === 'false') return false;
  throw new InputError(
    inputName,
    `Input ${inputName} is ${JSON.stringify(value)}, not a boolean`,
    'use true or false',
  );
}

export function parsePositiveInteger(value: string, inputName: string, fallback: number): number {
  const trimmed = value.trim();
  if (trimmed === '') return fallback;
  if (!/^\d+$/.test(trimmed) || Number(trimmed) < 1) {
    throw new InputError(
      inputName,
      `Input ${inputName} is ${JSON.stringify(value)}, not a positive whole number`,
      `use e.g. 2, or leave it empty for the number of cores (${fallback})`,
    );
  }
  return Number(trimmed);
}

/** Words separated by whitespace, commas or newlines (lists users write in YAML either way). */
export function parseList(value: string): string[] {
  return value
    .split(/[\s,]+/)
    .map((word) => word.trim())
    .filter(Boolean);
}

/**
 * Splits a flag string into words the way a POSIX shell would (quotes and backslashes), without ever running
 * a shell: `$(…)`, backticks and `;` stay literal characters of a word.
 */
export function splitShellWords(value: string, inputName: string): string[] {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < value.length; i++) {
    const char = value[i] as string;
    if (quote === "'") {
      if (char === "'") quote = undefined;
      else current += char;
    } else if (quote === '"') {
      if (char === '"') quote = undefined;
      else if (char === '\\' && i + 1 < value.length && '"\\$`'.includes(value[i + 1] as string))
        current += value[++i];
      else current += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      inWord = true;
    } else if (char === '\\' && i + 1 < value.length) {
      current += value[++i];
      inWord = true;
    } else if (/\s/.test(char)) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
    } else {
      current += char;
      inWord = true;
    }
  }
  if (quote) {
    throw new InputError(
      inputName,
      `Input ${inputName} has an unclosed ${quote} quote`,
      `close it, e.g. -gcflags='all=-N -l'`,
    );
  }
  if (inWord) words.push(current);
  return words;
}
