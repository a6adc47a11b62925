/**
 * The lesson body's rich text, cut down to a small allow-list. Written as "escape by default": the
 * output holds only canonical tags from ALLOWED_TAGS — without a single attribute, so no style, no
 * event handler, no link, no `javascript:` — and text in which every `<` and `>` is escaped. Whatever
 * the input, nothing else can come out, and the tags come out balanced.
 */

export const ALLOWED_LESSON_TAGS: readonly string[] = [
  'p',
  'br',
  'strong',
  'em',
  'b',
  'i',
  'u',
  'ul',
  'ol',
  'li',
  'h3',
  'h4',
  'blockquote',
];

const ALLOWED_TAGS = new Set(ALLOWED_LESSON_TAGS);
const VOID_TAGS = new Set(['br']);
/** Elements whose content is code or widgets, never lesson text: dropped whole. */
const DROPPED_WITH_CONTENT = new Set([
  'script',
  'style',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'noscript',
  'noembed',
  'noframes',
  'textarea',
  'select',
  'title',
  'head',
  'svg',
  'math',
  'xmp',
]);
/** Nesting deeper than this is no lesson anyone writes; deeper tags are dropped (their text stays). */
const NESTING_MAX = 16;

// A tag: name, then attributes (quoted values may hold `>`), then `>`.
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/y;
const ENTITY = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/y;
// Control characters other than tab and line breaks have no place in a lesson.
const CONTROL_CHARACTERS = /(?![\t\n\r])\p{Cc}/gu;

/** The body as it is stored and shown: allowed tags only, no attributes, balanced, text escaped. */
export function sanitizeLessonHtml(input: string): string {
  const html = input.replace(CONTROL_CHARACTERS, '');
  const output: string[] = [];
  const open: string[] = [];
  let position = 0;

  while (position < html.length) {
    const next = html.indexOf('<', position);
    if (next === -1) {
      output.push(escapeText(html.slice(position)));
      break;
    }
    output.push(escapeText(html.slice(position, next)));
    position = next;

    if (html.startsWith('<!--', position)) {
      const end = html.indexOf('-->', position + 4);
      position = end === -1 ? html.length : end + 3;
      continue;
    }
    if (html.startsWith('<!', position) || html.startsWith('<?', position)) {
      // Doctype, CDATA, processing instruction: none belongs in a lesson.
      const end = html.indexOf('>', position);
      position = end === -1 ? html.length : end + 1;
      continue;
    }

    TAG.lastIndex = position;
    const tag = TAG.exec(html);
    if (!tag) {
      output.push('&lt;');
      position += 1;
      continue;
    }
    position = TAG.lastIndex;
    const closing = tag[1] === '/';
    const name = tag[2].toLowerCase();

    if (closing) {
      const index = open.lastIndexOf(name);
      if (index === -1) continue;
      while (open.length > index) output.push(`</${open.pop()}>`);
      continue;
    }
    if (DROPPED_WITH_CONTENT.has(name)) {
      position = endOfElement(html, name, position);
      continue;
    }
    if (!ALLOWED_TAGS.has(name)) continue;
    if (VOID_TAGS.has(name)) {
      output.push(`<${name}>`);
      continue;
    }
    if (open.length >= NESTING_MAX) continue;
    open.push(name);
    output.push(`<${name}>`);
  }

  while (open.length > 0) output.push(`</${open.pop()}>`);
  return output.join('');
}

/** The visible text of sanitised HTML: tags gone, white space collapsed (for "is the body empty?"). */
export function lessonHtmlText(sanitized: string): string {
  return sanitized
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;|&#160;|&#xa0;/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Where the element named `name` that opened before `from` ends: after its end tag, or the end of the input. */
function endOfElement(html: string, name: string, from: number): number {
  const end = new RegExp(`</${name}(?=[\\s/>])[^>]*>`, 'iy');
  const lower = html.toLowerCase();
  let search = lower.indexOf(`</${name}`, from);
  while (search !== -1) {
    end.lastIndex = search;
    if (end.exec(html)) return end.lastIndex;
    search = lower.indexOf(`</${name}`, search + 2);
  }
  return html.length;
}

/** Text between tags: `>` escaped, a bare `&` escaped unless it starts a character reference. */
function escapeText(text: string): string {
  let escaped = '';
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (character === '>') {
      escaped += '&gt;';
    } else if (character === '&') {
      ENTITY.lastIndex = index;
      escaped += ENTITY.test(text) ? '&' : '&amp;';
    } else {
      escaped += character;
    }
  }
  return escaped;
}
