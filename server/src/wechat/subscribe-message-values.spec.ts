import { fitSubscribeMessageValue } from './subscribe-message-values';

describe('fitSubscribeMessageValue', () => {
  it('keeps values within their limit as they are', () => {
    expect(fitSubscribeMessageValue('thing1', '高温作业通知')).toBe('高温作业通知');
    expect(fitSubscribeMessageValue('time2', '2025-07-01 08:30')).toBe('2025-07-01 08:30');
  });

  it('cuts a long thing to 20 characters, ending in an ellipsis', () => {
    const fitted = fitSubscribeMessageValue('thing12', '一二三四五六七八九十一二三四五六七八九十多出来的');

    expect(fitted).toBe('一二三四五六七八九十一二三四五六七八九…');
    expect([...fitted]).toHaveLength(20);
  });

  it('counts characters, not UTF-16 units', () => {
    const emoji = '😀'.repeat(20);

    expect(fitSubscribeMessageValue('thing1', emoji)).toBe(emoji);
  });

  it.each([
    ['phrase3', '已经全部完成了', '已经全部完'],
    ['character_string4', 'A'.repeat(40), 'A'.repeat(32)],
    ['symbol5', '######', '#####'],
    ['phone_number6', '0'.repeat(20), '0'.repeat(17)],
    ['name7', '欧阳一二三四五六七八九', '欧阳一二三四五六七八'],
    ['name8', 'A'.repeat(25), 'A'.repeat(20)],
  ])('cuts %s to its limit without an ellipsis', (key, value, expected) => {
    expect(fitSubscribeMessageValue(key, value)).toBe(expected);
  });

  it('leaves types it does not know alone', () => {
    expect(fitSubscribeMessageValue('custom1', 'x'.repeat(100))).toBe('x'.repeat(100));
  });
});
