// How a command line is shown to a reader: the runner's errors and debug lines, and each build's log group.

/** An argument as a POSIX shell would need it: bare when safe, else in single quotes. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A command line as a reader would retype it: arguments with spaces or quotes in single quotes. */
export function displayCommand(command: string, args: readonly string[]): string {
  return [command, ...args].map(shellWord).join(' ');
}
