import { CommonErrorCode } from '@ankang/shared';
import { AppException } from './app-exception';
import { decodeCursor, encodeCursor, toPage } from './pagination';

describe('cursor pagination', () => {
  it('round-trips a sort key through an opaque cursor', () => {
    const cursor = encodeCursor(['/1/7/42/', 42]);
    expect(cursor).toMatch(/^[\w-]+$/);
    expect(decodeCursor(cursor, ['string', 'number'])).toEqual(['/1/7/42/', 42]);
  });

  it.each([
    ['not-base64-json'],
    [encodeCursor(['/1/'])],
    [encodeCursor([42, '/1/'])],
    [encodeCursor(['/1/', Number.NaN])],
  ])('refuses a tampered cursor %s with a coded 400', (cursor) => {
    const error = (() => {
      try {
        decodeCursor(cursor, ['string', 'number']);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(AppException);
    expect((error as AppException).code).toBe(CommonErrorCode.ValidationFailed);
  });

  it('uses the extra row only to announce a next page', () => {
    const rows = [1, 2, 3];
    const full = toPage(
      rows,
      2,
      (row) => [row],
      (row) => `item ${row}`,
    );
    expect(full.items).toEqual(['item 1', 'item 2']);
    expect(decodeCursor(full.nextCursor ?? '', ['number'])).toEqual([2]);
    expect(toPage(rows, 3, (row) => [row], String).nextCursor).toBeNull();
  });
});
