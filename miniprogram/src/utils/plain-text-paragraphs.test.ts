import { escapeHtml, paragraphsOfPlainText } from './plain-text-paragraphs';

describe('paragraphsOfPlainText', () => {
  it('splits paragraphs at blank lines and keeps single line breaks as <br>', () => {
    expect(paragraphsOfPlainText('第一段\n第二行\n\n  \n第二段')).toEqual(['第一段<br>第二行', '第二段']);
  });

  it('trims lines and drops empty lines and empty paragraphs', () => {
    expect(paragraphsOfPlainText('\n\n  一  \n\n\n   \n\n二\n')).toEqual(['一', '二']);
    expect(paragraphsOfPlainText('  \n \n')).toEqual([]);
  });

  it('keeps typed markup as text', () => {
    expect(paragraphsOfPlainText('a < b & c > d')).toEqual(['a &lt; b &amp; c &gt; d']);
    expect(escapeHtml('<p>&amp;</p>')).toBe('&lt;p&gt;&amp;amp;&lt;/p&gt;');
  });
});
