/** Text shown as HTML text: `&`, `<` and `>` escaped, so typed markup stays text. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Plain text as the HTML insides of its paragraphs: a blank line starts a new paragraph, a single
 * line break becomes `<br>`; lines trimmed, empty ones and empty paragraphs dropped, `<` kept as text.
 */
export function paragraphsOfPlainText(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((block) =>
      block
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '')
        .map(escapeHtml)
        .join('<br>'),
    )
    .filter((block) => block !== '');
}
