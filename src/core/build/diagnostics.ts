import path from 'node:path';

/** A compiler or vet message tied to a source position, ready to become an annotation. */
export interface Diagnostic {
  /** Relative to the repository root, with forward slashes (what annotations need). */
  file: string;
  line: number;
  column?: number;
  message: string;
}

// `./main.go:12:5: undefined: x` (compile) and `vet: main.go:3:2: …`; paths may be absolute or relative.
const POSITION = /^(?:vet: )?(\S.*?\.(?:go|s|c|h|mod|work)):(\d+)(?::(\d+))?: (.+)$/;

/**
 * Picks file:line:col diagnostics out of `go build` output. Positions are relative to the directory go ran
 * in (`cwd`); they are rewritten relative to the repository root so the annotation lands on the right file.
 * Indented lines right after a diagnostic (the compiler's `have (…)` / `want (…)`) belong to its message.
 */
export function parseGoDiagnostics(output: string, cwd: string, repositoryRoot: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  let last: Diagnostic | undefined;
  for (const line of output.split(/\r?\n/)) {
    const match = POSITION.exec(line.trim());
    if (!match) {
      if (last && /^\s+\S/.test(line)) last.message += `\n${line.trim()}`;
      else last = undefined;
      continue;
    }
    const [, file, lineNumber, column, message] = match as unknown as [
      string,
      string,
      string,
      string | undefined,
      string,
    ];
    const absolute = path.resolve(cwd, file);
    const relative = path.relative(repositoryRoot, absolute).split(path.sep).join('/');
    last = {
      file: relative.startsWith('..') ? absolute : relative,
      line: Number(lineNumber),
      ...(column ? { column: Number(column) } : {}),
      message,
    };
    diagnostics.push(last);
  }
  return diagnostics;
}
