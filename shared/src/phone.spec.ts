import { maskPhone } from './phone';

describe('maskPhone', () => {
  it.each([
    ['13812341234', '138****1234'],
    ['+8613812341234', '+86*******1234'],
    ['1234567', '*****67'],
    ['138 1234 1234', '138****1234'],
  ])('masks %s as %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it('keeps a missing phone missing', () => {
    expect(maskPhone(null)).toBeNull();
    expect(maskPhone('')).toBeNull();
  });
});
