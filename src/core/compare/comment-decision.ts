// Whether to post the size comment: the comment and comment-on inputs, and the decision they make with what the
// comparison found and whether a comment exists. Plain data in, plain data out.
import { InputError } from '../errors.js';
import { parseCommentHeader } from './comment-marker.js';

/** `sticky`: one comment per PR and header, updated in place; `new`: a new comment each run; `off`. */
export type CommentMode = 'sticky' | 'new' | 'off';
/** When a comment that does not exist yet is created. */
export type CommentOn = 'always' | 'change' | 'regression';

export interface CommentOptions {
  mode: CommentMode;
  on: CommentOn;
  header: string;
}

function oneOf<T extends string>(value: string, inputName: string, allowed: readonly T[], fallback: T): T {
  const normalized = value.trim().toLowerCase() || fallback;
  if ((allowed as readonly string[]).includes(normalized)) return normalized as T;
  throw new InputError(
    inputName,
    `Input ${inputName} is ${JSON.stringify(value)}`,
    `use one of ${allowed.join(', ')} (default ${fallback})`,
  );
}

/** Reads `comment`, `comment-on` and `comment-header`. */
export function readCommentOptions(input: (name: string) => string): CommentOptions {
  return {
    mode: oneOf(input('comment'), 'comment', ['sticky', 'new', 'off'] as const, 'sticky'),
    on: oneOf(input('comment-on'), 'comment-on', ['always', 'change', 'regression'] as const, 'change'),
    header: parseCommentHeader(input('comment-header')),
  };
}

/** What to do on the pull request. */
export type CommentAction =
  { kind: 'create' } | { kind: 'update'; commentId: number } | { kind: 'skip'; reason: string };

/**
 * Decides whether to post. An existing sticky comment is always brought up to date (so a fixed regression stops
 * being reported); a new comment is only written when `comment-on` asks for it.
 */
export function decideCommentAction(
  options: Pick<CommentOptions, 'mode' | 'on'>,
  facts: { changed: boolean; regression: boolean },
  existingCommentId: number | undefined,
): CommentAction {
  if (options.mode === 'off') return { kind: 'skip', reason: 'comment is off' };
  if (options.mode === 'sticky' && existingCommentId !== undefined)
    return { kind: 'update', commentId: existingCommentId };
  if (options.on === 'change' && !facts.changed)
    return { kind: 'skip', reason: 'no size changed and comment-on is change' };
  if (options.on === 'regression' && !facts.regression)
    return { kind: 'skip', reason: 'no size regression and comment-on is regression' };
  return { kind: 'create' };
}
