/**
 * A lesson's body (HTML the server sanitised to a small allow-list) as RichText nodes. Parsed here
 * again rather than handed over as a string: whatever the body holds, only the allowed tags reach
 * the screen, without any attribute of the author's (no links, no styles, no scripts), and both
 * WeChat and H5 render the same node list (H5 would otherwise set it as innerHTML).
 */

export interface RichTextElement {
  name: string;
  attrs?: { style?: string };
  children?: RichTextNode[];
}

export interface RichTextText {
  type: 'text';
  text: string;
}

export type RichTextNode = RichTextElement | RichTextText;

/** The server's allow-list (the lesson editor offers these). */
export const LESSON_BODY_TAGS = ['p', 'br', 'strong', 'em', 'b', 'i', 'u', 'ul', 'ol', 'li', 'h3', 'h4', 'blockquote'];

/** Tags whose content is not text for the reader either: dropped whole. */
const DROPPED_WITH_CONTENT = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'noscript',
  'template',
  'svg',
  'math',
  'textarea',
  'select',
  'title',
  'head',
]);

const VOID_TAGS = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'wbr', 'source', 'area', 'col', 'embed']);
/** Containers whose whitespace between children is layout, not text. */
const BLOCK_CONTAINERS = new Set(['ul', 'ol', 'blockquote']);

// Sizes in em so the same body reads right in rpx (WeChat) and rem (H5) pages.
const TAG_STYLES: Record<string, string> = {
  p: 'margin:0 0 0.8em;line-height:1.75;',
  h3: 'margin:1em 0 0.5em;font-size:1.15em;font-weight:700;line-height:1.5;',
  h4: 'margin:0.8em 0 0.4em;font-size:1.05em;font-weight:700;line-height:1.5;',
  ul: 'margin:0 0 0.8em;padding-left:1.4em;line-height:1.75;',
  ol: 'margin:0 0 0.8em;padding-left:1.4em;line-height:1.75;',
  li: 'margin:0.2em 0;',
  blockquote: 'margin:0 0 0.8em;padding:0.5em 0.8em;border-left:4px solid #e8590c;background:#fff0e5;line-height:1.75;',
  strong: 'font-weight:700;',
  b: 'font-weight:700;',
};

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  middot: '·',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  times: '×',
  deg: '°',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code =
        entity[1] === 'x' || entity[1] === 'X' ? Number.parseInt(entity.slice(2), 16) : Number(entity.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return NAMED_ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

const TOKEN = /<!--[\s\S]*?(?:-->|$)|<\/?([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^>]*)?\/?>|<|[^<]+/g;

interface OpenElement {
  name: string;
  children: RichTextNode[];
}

/** The body as RichText nodes: allowed tags only, no attributes but our own typography. */
export function lessonBodyNodes(html: string): RichTextNode[] {
  const root: OpenElement = { name: '#root', children: [] };
  const stack: OpenElement[] = [root];
  let droppingUntil: string | null = null;

  const current = () => stack[stack.length - 1];
  const appendText = (text: string) => {
    const parent = current();
    if (text.trim() === '' && (parent === root || BLOCK_CONTAINERS.has(parent.name))) {
      return;
    }
    const last = parent.children[parent.children.length - 1];
    if (last && 'type' in last) {
      last.text += text;
    } else {
      parent.children.push({ type: 'text', text });
    }
  };

  for (const match of html.matchAll(TOKEN)) {
    const token = match[0];
    const tagName = match[1]?.toLowerCase();
    if (droppingUntil) {
      if (tagName === droppingUntil && token.startsWith('</')) {
        droppingUntil = null;
      }
      continue;
    }
    if (token.startsWith('<!--')) {
      continue;
    }
    if (!tagName) {
      appendText(decodeEntities(token));
      continue;
    }
    const closing = token.startsWith('</');
    if (DROPPED_WITH_CONTENT.has(tagName)) {
      if (!closing && !token.endsWith('/>')) {
        droppingUntil = tagName;
      }
      continue;
    }
    if (!LESSON_BODY_TAGS.includes(tagName)) {
      continue;
    }
    if (closing) {
      const depth = stack.map((open) => open.name).lastIndexOf(tagName);
      if (depth > 0) {
        stack.length = depth;
      }
      continue;
    }
    const style = TAG_STYLES[tagName];
    const element: RichTextElement = { name: tagName, ...(style ? { attrs: { style } } : {}) };
    current().children.push(element);
    if (!VOID_TAGS.has(tagName)) {
      element.children = [];
      stack.push({ name: tagName, children: element.children });
    }
  }
  return root.children;
}

/** The tags of a body that the server's allow-list drops (for the editor's warning), in order seen. */
export function unsupportedTags(html: string): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(TOKEN)) {
    const tagName = match[1]?.toLowerCase();
    if (tagName && !LESSON_BODY_TAGS.includes(tagName) && !found.includes(tagName)) {
      found.push(tagName);
    }
  }
  return found;
}

/** The body's readable text (no tags), for "is there anything to read". */
export function lessonBodyText(html: string): string {
  const parts: string[] = [];
  const collect = (nodes: RichTextNode[]) => {
    for (const node of nodes) {
      if ('type' in node) {
        parts.push(node.text);
      } else if (node.children) {
        collect(node.children);
      }
    }
  };
  collect(lessonBodyNodes(html));
  return parts.join('').trim();
}
