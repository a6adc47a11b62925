import { ALLOWED_LESSON_TAGS, lessonHtmlText, sanitizeLessonHtml } from './lesson-html';

/** Every tag the output holds, by name. */
function tagsIn(html: string): string[] {
  return [...html.matchAll(/<\/?([a-z0-9]+)[^>]*>/g)].map((match) => match[1]);
}

describe('sanitizeLessonHtml', () => {
  it('keeps the allowed tags as they are', () => {
    const html =
      '<h3>有限空间</h3><p>先<strong>通风</strong>、再<em>检测</em>、后<b>作业</b><i>。</i><u>切记</u><br></p>' +
      '<ul><li>一</li></ul><ol><li>二</li></ol><h4>小结</h4><blockquote>安全第一</blockquote>';
    expect(sanitizeLessonHtml(html)).toBe(html);
  });

  it('drops every attribute, including styles and event handlers', () => {
    expect(sanitizeLessonHtml('<p style="color:red" onclick="steal()" class="x">正文</p>')).toBe('<p>正文</p>');
    expect(sanitizeLessonHtml("<strong title='a>b'>重点</strong>")).toBe('<strong>重点</strong>');
    expect(sanitizeLessonHtml('<br/><BR CLEAR="all">')).toBe('<br><br>');
  });

  it('drops scripts, styles and embedded widgets with their content', () => {
    expect(sanitizeLessonHtml('<p>前</p><script>alert(1)</script><p>后</p>')).toBe('<p>前</p><p>后</p>');
    expect(sanitizeLessonHtml('<SCRIPT type="text/javascript">x()</SCRIPT >文字')).toBe('文字');
    expect(sanitizeLessonHtml('<style>p{display:none}</style>看得见')).toBe('看得见');
    expect(sanitizeLessonHtml('<iframe src="https://evil.example"></iframe><svg><script>x</script></svg>正文')).toBe(
      '正文',
    );
    expect(sanitizeLessonHtml('<script>never closed <p>all gone</p>')).toBe('');
  });

  it('keeps the text of tags it does not allow, never the tags: no links, images or javascript: URLs', () => {
    expect(sanitizeLessonHtml('<a href="javascript:alert(1)">点我</a>')).toBe('点我');
    expect(sanitizeLessonHtml('<img src=x onerror=alert(1)>图')).toBe('图');
    expect(sanitizeLessonHtml('<div><span>段落</span></div>')).toBe('段落');
    expect(sanitizeLessonHtml('<p><a href="JaVaScRiPt:void(0)" >链接</a></p>')).toBe('<p>链接</p>');
  });

  it('drops comments, doctypes and CDATA', () => {
    expect(sanitizeLessonHtml('<!DOCTYPE html><!-- <script>x</script> --><p>留下</p><![CDATA[x]]>')).toBe(
      '<p>留下</p>',
    );
    expect(sanitizeLessonHtml('文字<!-- 没有结束')).toBe('文字');
  });

  it('escapes what is not a tag, so no markup can be smuggled through', () => {
    expect(sanitizeLessonHtml('3 < 5 > 2')).toBe('3 &lt; 5 &gt; 2');
    // As a browser reads it: one unknown tag `scr<script`, then text.
    expect(sanitizeLessonHtml('<scr<script>ipt>alert(1)</script>')).toBe('ipt&gt;alert(1)');
    expect(sanitizeLessonHtml('<<p>>')).toBe('&lt;<p>&gt;</p>');
    expect(sanitizeLessonHtml('a < b <p')).toBe('a &lt; b &lt;p');
    expect(sanitizeLessonHtml('<p onmouseover="x"')).toBe('&lt;p onmouseover="x"');
  });

  it('keeps character references and escapes a bare ampersand', () => {
    expect(sanitizeLessonHtml('安全&amp;健康 &lt;script&gt; &#20154; &#x4eba; A&B')).toBe(
      '安全&amp;健康 &lt;script&gt; &#20154; &#x4eba; A&amp;B',
    );
  });

  it('closes what is left open and drops stray closing tags, so the output is balanced', () => {
    expect(sanitizeLessonHtml('<p><strong>未闭合')).toBe('<p><strong>未闭合</strong></p>');
    expect(sanitizeLessonHtml('</p>多余</li>')).toBe('多余');
    expect(sanitizeLessonHtml('<ul><li>一<li>二</ul>')).toBe('<ul><li>一<li>二</li></li></ul>');
  });

  it('drops control characters but keeps line breaks and tabs', () => {
    expect(sanitizeLessonHtml('一\u0000二\u0007三\n四\t五')).toBe('一二三\n四\t五');
  });

  it('never lets a tag outside the allow-list or an attribute through, whatever the input', () => {
    const hostile = [
      '<p/onclick=alert(1)>x',
      '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
      '<p\nonclick=alert(1)>x</p>',
      '<<script>script>alert(1)<</script>/script>',
      '<svg/onload=alert(1)>',
      '<object data="x.swf"></object><embed src=x>',
      '<form><button formaction=javascript:alert(1)>x</button></form>',
      '"><img src=x onerror=alert(1)>',
    ];
    for (const input of hostile) {
      const output = sanitizeLessonHtml(input);
      for (const tag of tagsIn(output)) expect(ALLOWED_LESSON_TAGS).toContain(tag);
      expect(output).not.toMatch(/<[a-z0-9]+\s[^>]*>/i);
      expect(output).not.toMatch(/<(?!\/?(p|br|strong|em|b|i|u|ul|ol|li|h3|h4|blockquote)>)/);
    }
  });
});

describe('lessonHtmlText', () => {
  it('is the visible text, so a body of empty tags counts as empty', () => {
    expect(lessonHtmlText('<p> </p><br><p>&nbsp;</p>')).toBe('');
    expect(lessonHtmlText('<p>先通风</p><p>再检测</p>')).toBe('先通风 再检测');
  });
});
