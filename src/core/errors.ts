/** Where in a user's file a problem is, for an annotation that points at it. */
export interface FileLocation {
  file: string;
  line?: number;
  column?: number;
}

/**
 * A problem with what the user gave the action. The message names the input (or file) and the bad value;
 * `fix` says what a valid value looks like, so the error alone tells the user what to change.
 */
export class InputError extends Error {
  override readonly name = 'InputError';

  constructor(
    /** The action input (e.g. `go-version`) or file (e.g. `go.mod`) that holds the bad value. */
    readonly input: string,
    message: string,
    /** What to write instead, e.g. `a release such as 1.25.4`. */
    readonly fix: string,
    readonly location?: FileLocation,
  ) {
    super(`${message}. ${fix.charAt(0).toUpperCase()}${fix.slice(1)}${/[.!?]$/.test(fix) ? '' : '.'}`);
  }
}

/**
 * A download that arrived but is not what a trusted source says it should be (hash or size mismatch). It is a
 * finding, not a network hiccup: callers stop instead of quietly trying another source.
 */
export class VerificationError extends Error {
  override readonly name = 'VerificationError';
}
