/**
 * Photos as the phone hands them over: `Taro.chooseMedia` answers for WeChat (temporary paths)
 * and H5 (object URLs with the File behind them).
 */
import { chooseMedia } from './mocks/taro';

let objectUrls = 0;

/** Gives jsdom object URLs (it has none): `blob:test-<n>`, revocable. */
export function installObjectUrls(): void {
  Object.defineProperty(URL, 'createObjectURL', {
    value: jest.fn(() => {
      objectUrls += 1;
      return `blob:test-${objectUrls}`;
    }),
    configurable: true,
  });
  Object.defineProperty(URL, 'revokeObjectURL', { value: jest.fn(), configurable: true });
}

/** The next chooseMedia picks `count` small JPEGs (H5: Files; WeChat: temporary files). */
export function nextPhotosChosen(count: number, options: { weapp?: boolean } = {}): string[] {
  const paths = Array.from({ length: count }, (_, index) =>
    options.weapp ? `wxfile://tmp/photo-${index + 1}.jpg` : `blob:chosen-${index + 1}`,
  );
  chooseMedia.mockResolvedValueOnce({
    errMsg: 'chooseMedia:ok',
    type: 'image',
    tempFiles: paths.map((path) => ({
      tempFilePath: path,
      size: 200_000,
      width: 1280,
      height: 960,
      duration: 0,
      thumbTempFilePath: '',
      fileType: 'image/jpeg',
      ...(options.weapp ? {} : { originalFileObj: new File(['jpeg-bytes'], 'photo.jpg', { type: 'image/jpeg' }) }),
    })),
  });
  return paths;
}
