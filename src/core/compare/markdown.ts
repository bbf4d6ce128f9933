// Escaping for text from Reports and inputs that the comment and the job summary show. Plain text in and out.

/**
 * Escapes text from reports or inputs for inline markdown (table cells, headings): HTML is neutralised,
 * markdown punctuation is taken literally, `@name` cannot mention anyone, and `www.` names are no links.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/\r?\n|\r/g, ' ')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/[\\`*_{}[\]()#|~!]/g, '\\$&')
      .replace(/@/g, '@\u200b')
      // GitHub links a bare `www.` name even in a table cell; a zero-width space after `www` keeps it text.
      .replace(/(www)\./gi, '$1\u200b.')
  );
}
