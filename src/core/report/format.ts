/** `4.2 MiB`: binary units, one decimal, the way sizes read in tables. */
export function humanBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let value = Math.abs(bytes);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const text = unit === 0 ? String(value) : value.toFixed(1);
  return `${bytes < 0 ? '-' : ''}${text} ${units[unit]}`;
}

/** `1.24 s` or `850 ms`. */
export function humanDuration(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

/**
 * Escapes text from users or tools for markdown, in prose and table cells alike: it shows literally, never as
 * formatting, links, HTML or a cell boundary, and stays on one line.
 */
export function cell(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/[\\`*_{}[\]<>|~#]/g, '\\$&')
    .replace(/&/g, '&amp;');
}

/**
 * A code span showing `text` literally whatever backticks it holds (the fence is one longer than the longest run
 * inside, as CommonMark wants). In a table cell pipes are escaped, which GitHub's tables need even inside code
 * spans; elsewhere the backslash would show, so they are left alone.
 */
export function code(text: string, inTable = false): string {
  const oneLine = text.replace(/\r\n|\r|\n/g, ' ');
  const longestRun = Math.max(0, ...(oneLine.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = oneLine.startsWith('`') || oneLine.endsWith('`') || /^ .* $/.test(oneLine) ? ' ' : '';
  return `${fence}${pad}${inTable ? oneLine.replace(/\|/g, '\\|') : oneLine}${pad}${fence}`;
}

/**
 * What the runner strips from the start of a line before it looks for `::`: .NET's TrimStart, i.e. every
 * char.IsWhiteSpace character. JavaScript's \s misses U+0085 (NEXT LINE), which .NET counts.
 */
export const RUNNER_LEADING_WHITESPACE =
  /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*/;

/**
 * Makes text that comes from outside (go's output, package names, flags) safe to print to the runner's log:
 * the runner treats a line that starts with `::` (after whitespace as .NET counts it, and a little more) as a
 * workflow command, and `##[` anywhere in a line as a legacy one. Both are broken with a backslash; a bare
 * carriage return, which also ends a line for the runner, becomes a newline so no line hides behind one.
 */
export function logSafe(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/^([\s\u0085]*)::/, '$1\\::').replace(/##\[/g, '##\\['))
    .join('\n');
}
