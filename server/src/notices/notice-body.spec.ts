import { NOTICE_BODY_MAX_LENGTH } from '@ankang/shared';
import { checkedNoticeBody } from './notice-body';

describe('checkedNoticeBody', () => {
  it('keeps the allowed tags and drops scripts, attributes and links', () => {
    expect(
      checkedNoticeBody(
        '<p style="color:red" onclick="x()">节前安全</p><script>alert(1)</script><a href="javascript:x()">看</a>',
      ),
    ).toEqual({ bodyHtml: '<p>节前安全</p>看' });
  });

  it('refuses a body with no visible text once sanitised', () => {
    expect(checkedNoticeBody('<p> </p><script>alert(1)</script>')).toEqual({
      problem: { field: 'bodyHtml', message: '请填写通知正文' },
    });
  });

  it('counts characters, not bytes or UTF-16 units, against the length limit', () => {
    expect(checkedNoticeBody('安'.repeat(NOTICE_BODY_MAX_LENGTH))).toEqual({
      bodyHtml: '安'.repeat(NOTICE_BODY_MAX_LENGTH),
    });
    expect(checkedNoticeBody('安'.repeat(NOTICE_BODY_MAX_LENGTH + 1))).toEqual({
      problem: { field: 'bodyHtml', message: `正文不能超过 ${NOTICE_BODY_MAX_LENGTH} 个字符` },
    });
  });

  it('refuses a body whose sanitised form would not fit the column', () => {
    // Four-byte characters: 20,000 of them are 80,000 bytes.
    const result = checkedNoticeBody('😀'.repeat(NOTICE_BODY_MAX_LENGTH));
    expect(result).toEqual({ problem: { field: 'bodyHtml', message: '正文过长，请精简后再保存' } });
  });
});
