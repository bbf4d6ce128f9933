/** Names of the values main saves for post (GITHUB_STATE); both sides import them from here. */
export const CACHE_STATE = 'go-caches';
export const REPORT_FILE_STATE = 'report-file';
export const COMMENT_HEADER_STATE = 'comment-header';
/** Set when main built a fork's code in a privileged run: post then saves no cache. */
export const UNTRUSTED_CHECKOUT_STATE = 'untrusted-checkout';
