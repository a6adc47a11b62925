import { applyBodyFormat, paragraphsFromPlainText } from './body-format';

describe('lesson body formatting buttons', () => {
  it('wraps the selection in bold and keeps it selected', () => {
    const text = '先通风再检测';
    const result = applyBodyFormat(text, { start: 0, end: 3 }, 'bold');
    expect(result.text).toBe('<strong>先通风</strong>再检测');
    expect(result.text.slice(result.selection.start, result.selection.end)).toBe('先通风');
  });

  it('inserts an empty element at the cursor with the cursor inside it', () => {
    const result = applyBodyFormat('正文', { start: 2, end: 2 }, 'heading');
    expect(result.text).toBe('正文\n<h3></h3>');
    expect(result.selection).toEqual({ start: 7, end: 7 });
  });

  it('starts block elements on their own line and keeps what follows on the next', () => {
    const result = applyBodyFormat('甲乙丙', { start: 1, end: 2 }, 'paragraph');
    expect(result.text).toBe('甲\n<p>乙</p>\n丙');
    expect(applyBodyFormat('注意', { start: 0, end: 2 }, 'quote').text).toBe('<blockquote>注意</blockquote>');
  });

  it('makes each selected line a list item, skipping blank lines', () => {
    const text = '一、通风\n\n二、检测\n三、监护';
    expect(applyBodyFormat(text, { start: 0, end: text.length }, 'bullets').text).toBe(
      '<ul>\n<li>一、通风</li>\n<li>二、检测</li>\n<li>三、监护</li>\n</ul>',
    );
    const empty = applyBodyFormat('', { start: 0, end: 0 }, 'numbers');
    expect(empty.text).toBe('<ol>\n<li></li>\n</ol>');
    expect(empty.text.slice(0, empty.selection.start)).toBe('<ol>\n<li>');
  });

  it('adds a line break after the selection and clamps a selection beyond the text', () => {
    expect(applyBodyFormat('第一行第二行', { start: 3, end: 3 }, 'lineBreak').text).toBe('第一行<br>第二行');
    expect(applyBodyFormat('短', { start: 5, end: 9 }, 'bold').text).toBe('短<strong></strong>');
  });

  it('turns pasted plain text into paragraphs, escaping what looks like markup', () => {
    expect(paragraphsFromPlainText('第一段第一行\n第一段第二行\n\n  \n第二段 3 > 2')).toBe(
      '<p>第一段第一行<br>第一段第二行</p>\n<p>第二段 3 &gt; 2</p>',
    );
    expect(paragraphsFromPlainText('<p>已有格式</p>')).toBeNull();
  });
});
