import { attachmentDisposition } from './content-disposition';

describe('attachmentDisposition', () => {
  it('gives a Chinese name as UTF-8 per RFC 5987 with an ASCII fallback', () => {
    expect(attachmentDisposition('主井口-二维码.svg')).toBe(
      `attachment; filename="___-___.svg"; filename*=UTF-8''%E4%B8%BB%E4%BA%95%E5%8F%A3-%E4%BA%8C%E7%BB%B4%E7%A0%81.svg`,
    );
  });

  it('keeps quotes, semicolons and line breaks out of the header', () => {
    const header = attachmentDisposition('a"b;c\r\nd\\e/f\'(g).html');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toBe(`attachment; filename="a_b_c_d_e_f'(g).html"; filename*=UTF-8''a%22b%3Bc_d_e_f%27%28g%29.html`);
  });

  it('names an empty name "download"', () => {
    expect(attachmentDisposition('  ')).toBe(`attachment; filename="download"; filename*=UTF-8''download`);
  });

  it('round-trips through decodeURIComponent', () => {
    const name = '甲一煤业 (主井) 海报 100%.html';
    const encoded = attachmentDisposition(name).split("UTF-8''")[1];
    expect(decodeURIComponent(encoded)).toBe(name);
  });
});
