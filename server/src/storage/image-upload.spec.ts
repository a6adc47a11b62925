import { photoFileNameProblem } from './image-upload';

describe('photoFileNameProblem', () => {
  it.each([
    'photo.jpg',
    'tmp_4f1c2d9e8b7a6.jpeg',
    '隐患照片 2026-11-29.png',
    'IMG_0001.HEIC.jpg',
    '..jpg',
    'wxfile://tmp_4f1c2d9e8b7a6.jpg',
    'http://tmp/wx5c0f3b7e.jpg',
    'DCIM/photo.jpg',
    `${'照'.repeat(85)}`, // 255 bytes of UTF-8
  ])('accepts %s', (name) => {
    expect(photoFileNameProblem(name)).toBeNull();
  });

  it.each([
    ['a parent folder', '../../etc/passwd.jpg'],
    ['a parent folder inside', 'photos/../../photo.jpg'],
    ['a Windows parent folder', '..\\..\\photo.jpg'],
    ['the parent folder itself', '..'],
    ['a NUL byte', 'photo.jpg\u0000.png'],
    ['a line break', 'photo\r\n.jpg'],
    ['a DEL character', 'photo\u007f.jpg'],
    ['over 255 bytes', `${'照'.repeat(86)}`],
    ['over 255 ASCII characters', `${'a'.repeat(252)}.jpg`],
  ])('refuses %s', (_case, name) => {
    expect(photoFileNameProblem(name)).toEqual(expect.any(String));
  });
});
