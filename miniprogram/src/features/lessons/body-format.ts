/**
 * The formatting buttons of the lesson body: each wraps the selected text (or inserts an empty
 * element at the cursor) in one of the tags the server keeps — 段落 <p>, 小标题 <h3>, 加粗 <strong>,
 * 列表 <ul><li>, 编号 <ol><li>, 提示 <blockquote>, 换行 <br> — and says where the cursor goes next.
 */

import { paragraphsOfPlainText } from '../../utils/plain-text-paragraphs';

export type BodyFormat = 'paragraph' | 'heading' | 'bold' | 'bullets' | 'numbers' | 'quote' | 'lineBreak';

export interface TextSelection {
  start: number;
  end: number;
}

export interface FormattedBody {
  text: string;
  selection: TextSelection;
}

export const BODY_FORMAT_LABELS: Record<BodyFormat, string> = {
  paragraph: '段落',
  heading: '小标题',
  bold: '加粗',
  bullets: '列表',
  numbers: '编号',
  quote: '提示框',
  lineBreak: '换行',
};

const BLOCK_TAGS: Partial<Record<BodyFormat, string>> = { paragraph: 'p', heading: 'h3', quote: 'blockquote' };
const LIST_TAGS: Partial<Record<BodyFormat, string>> = { bullets: 'ul', numbers: 'ol' };

function clamp(selection: TextSelection, length: number): TextSelection {
  const start = Math.min(Math.max(0, Math.min(selection.start, selection.end)), length);
  const end = Math.min(Math.max(0, Math.max(selection.start, selection.end)), length);
  return { start, end };
}

/** Puts `inserted` in place of the selection; the cursor (or selection) lands at `from`…`to` inside it. */
function replace(text: string, selection: TextSelection, inserted: string, from: number, to: number): FormattedBody {
  return {
    text: text.slice(0, selection.start) + inserted + text.slice(selection.end),
    selection: { start: selection.start + from, end: selection.start + to },
  };
}

/** Block elements start on a line of their own, so the source stays readable. */
function blockPadding(text: string, selection: TextSelection): { before: string; after: string } {
  const before = selection.start > 0 && text[selection.start - 1] !== '\n' ? '\n' : '';
  const after = selection.end < text.length && text[selection.end] !== '\n' ? '\n' : '';
  return { before, after };
}

export function applyBodyFormat(text: string, rawSelection: TextSelection, format: BodyFormat): FormattedBody {
  const selection = clamp(rawSelection, text.length);
  const selected = text.slice(selection.start, selection.end);

  if (format === 'lineBreak') {
    const at = { start: selection.end, end: selection.end };
    return replace(text, at, '<br>', 4, 4);
  }
  if (format === 'bold') {
    const open = '<strong>';
    const inserted = `${open}${selected}</strong>`;
    return replace(text, selection, inserted, open.length, open.length + selected.length);
  }
  const { before, after } = blockPadding(text, selection);
  const blockTag = BLOCK_TAGS[format];
  if (blockTag) {
    const open = `${before}<${blockTag}>`;
    const inner = selected.trim();
    const inserted = `${open}${inner}</${blockTag}>${after}`;
    return replace(text, selection, inserted, open.length, open.length + inner.length);
  }
  const listTag = LIST_TAGS[format] ?? 'ul';
  const items = selected
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (items.length === 0) {
    const open = `${before}<${listTag}>\n<li>`;
    return replace(text, selection, `${open}</li>\n</${listTag}>${after}`, open.length, open.length);
  }
  const body = items.map((item) => `<li>${item}</li>`).join('\n');
  const open = `${before}<${listTag}>\n`;
  const inserted = `${open}${body}\n</${listTag}>${after}`;
  return replace(text, selection, inserted, 0, inserted.length);
}

/**
 * Plain text pasted in (no tags at all) as paragraphs: a blank line starts a new <p>, a single
 * line break becomes <br>. Text that already has tags is left as it is (null).
 */
export function paragraphsFromPlainText(text: string): string | null {
  if (/<[a-z/][^>]*>/i.test(text)) {
    return null;
  }
  return paragraphsOfPlainText(text)
    .map((block) => `<p>${block}</p>`)
    .join('\n');
}
