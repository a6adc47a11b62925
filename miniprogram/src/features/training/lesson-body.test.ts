import { decodeEntities, lessonBodyNodes, lessonBodyText, unsupportedTags } from './lesson-body';

type Node = ReturnType<typeof lessonBodyNodes>[number];

/** The nodes without our typography, to compare structure. */
function shape(nodes: Node[]): unknown[] {
  return nodes.map((node) =>
    'type' in node ? node.text : { [node.name]: node.children ? shape(node.children) : null },
  );
}

describe('lesson body as RichText nodes', () => {
  it('keeps the allowed tags and their text, with our own styles only', () => {
    const nodes = lessonBodyNodes(
      '<h3>三条铁律</h3>\n<p>先<strong>通风</strong>、再<em>检测</em>、后<u>作业</u>。<br>缺一不可</p><ol><li>一</li><li>二</li></ol><blockquote>注意</blockquote>',
    );
    expect(shape(nodes)).toEqual([
      { h3: ['三条铁律'] },
      {
        p: [
          '先',
          { strong: ['通风'] },
          '、再',
          { em: ['检测'] },
          '、后',
          { u: ['作业'] },
          '。',
          { br: null },
          '缺一不可',
        ],
      },
      { ol: [{ li: ['一'] }, { li: ['二'] }] },
      { blockquote: ['注意'] },
    ]);
    const paragraph = nodes[1] as { attrs?: { style?: string } };
    expect(paragraph.attrs?.style).toContain('line-height');
  });

  it('drops every attribute, scripts and styles with their content, and unwraps unknown tags', () => {
    const nodes = lessonBodyNodes(
      '<p onclick="steal()" style="color:red" class="x">安全<a href="javascript:alert(1)">链接</a></p><script>alert(1)</script><style>p{}</style><img src=x onerror=alert(1)><div><span>文字</span></div><iframe src="https://evil"><p>x</p></iframe>',
    );
    expect(shape(nodes)).toEqual([{ p: ['安全链接'] }, '文字']);
    expect(JSON.stringify(nodes)).not.toMatch(/onclick|javascript|alert|color:red|evil|class/);
  });

  it('decodes entities once and keeps a stray < as text', () => {
    expect(shape(lessonBodyNodes('<p>体温 &lt; 37.3 &amp;&amp; 无咳嗽 &#8212; &#x4E2D; 3 < 5</p>'))).toEqual([
      { p: ['体温 < 37.3 && 无咳嗽 — 中 3 < 5'] },
    ]);
    expect(decodeEntities('&amp;lt;')).toBe('&lt;');
    expect(decodeEntities('&unknown;')).toBe('&unknown;');
  });

  it('closes what the author left open and ignores closings of nothing', () => {
    expect(shape(lessonBodyNodes('<ul><li>一<li>二</ul></p>尾'))).toEqual([
      { ul: [{ li: ['一', { li: ['二'] }] }] },
      '尾',
    ]);
    expect(shape(lessonBodyNodes('<p>未闭合'))).toEqual([{ p: ['未闭合'] }]);
  });

  it('names the tags the server will drop, and reads the text', () => {
    expect(unsupportedTags('<p>a</p><a href="#">b</a><IMG src=x><p>c</p><a>d</a>')).toEqual(['a', 'img']);
    expect(unsupportedTags('<h3>x</h3><br/><blockquote>y</blockquote>')).toEqual([]);
    expect(lessonBodyText('<p> </p><br>')).toBe('');
    expect(lessonBodyText('<p>先通风</p><ul><li>再检测</li></ul>')).toBe('先通风再检测');
  });
});
