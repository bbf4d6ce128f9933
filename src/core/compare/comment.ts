// The pull-request size comment: its marker (comment-marker.ts), whether to post it (comment-decision.ts) and its
// markdown (comment-render.ts); comment-file.ts has the file that carries its data out of a fork's read-only run.
export {
  commentMarker,
  DEFAULT_COMMENT_HEADER,
  headerSlug,
  isCommentFor,
  parseCommentHeader,
} from './comment-marker.js';
export {
  decideCommentAction,
  readCommentOptions,
  type CommentAction,
  type CommentMode,
  type CommentOn,
  type CommentOptions,
} from './comment-decision.js';
export { escapeMarkdown } from './markdown.js';
export {
  MAX_COMMENT_CHARS,
  renderNoBaseComment,
  renderSizeComment,
  type CommentContext,
} from './comment-render.js';
