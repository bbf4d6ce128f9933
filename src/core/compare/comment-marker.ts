// The size comment's identity: the comment-header input, and the hidden marker that finds this action's comment
// for one header among a pull request's comments. Plain data in, plain text out.
import { createHash } from 'node:crypto';
import { InputError } from '../errors.js';

export const DEFAULT_COMMENT_HEADER = 'setup-go-arm64';

const MAX_HEADER_CHARS = 100;

/**
 * Checks a `comment-header`: any text on one line, up to 100 characters. It is encoded into the marker and
 * escaped in the heading, so no character can break either.
 */
export function parseCommentHeader(value: string, inputName = 'comment-header'): string {
  const header = value.trim() || DEFAULT_COMMENT_HEADER;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(header))
    throw new InputError(
      inputName,
      `Input ${inputName} is ${JSON.stringify(value)}, which has a line break or control character`,
      `use one line of text, e.g. ${DEFAULT_COMMENT_HEADER}-cli`,
    );
  // A lone UTF-16 surrogate is not text: it cannot be percent-encoded into the marker.
  if (/\p{Surrogate}/u.test(header))
    throw new InputError(
      inputName,
      `Input ${inputName} is ${JSON.stringify(value)}, which holds half of a UTF-16 surrogate pair`,
      `use one line of text, e.g. ${DEFAULT_COMMENT_HEADER}-cli`,
    );
  if (header.length > MAX_HEADER_CHARS)
    throw new InputError(
      inputName,
      `Input ${inputName} is ${header.length} characters long, more than ${MAX_HEADER_CHARS}`,
      `use a short name, e.g. ${DEFAULT_COMMENT_HEADER}-cli`,
    );
  return header;
}

/**
 * A file-name-safe form of a header, unique per header: `setup-go-arm64`, or `my-cli-3f2a9c1b` for `My CLI!`.
 */
export function headerSlug(header: string): string {
  const slug = header
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return slug === header
    ? slug
    : `${slug || 'header'}-${createHash('sha256').update(header).digest('hex').slice(0, 8)}`;
}

/** The hidden line that identifies this action's comment for one header. */
export function commentMarker(header: string): string {
  // Percent-encoding leaves no `>` or whitespace, so the header can neither close the HTML comment nor
  // make one header's marker a prefix of another's.
  return `<!-- setup-go-arm64:size-report header=${encodeURIComponent(header)} -->`;
}

/** True when `body` is this action's comment for `header`: it opens with the header's marker. */
export function isCommentFor(body: string, header: string): boolean {
  return body.trimStart().startsWith(commentMarker(header));
}
