import { fieldErrorsOf } from './errors';

describe('fieldErrorsOf', () => {
  it('keeps the first message of each field', () => {
    expect(
      fieldErrorsOf([
        { field: 'title', message: '请填写标题' },
        { field: 'title', message: '标题太长' },
        { field: 'body', message: '请填写正文' },
      ]),
    ).toEqual({ title: '请填写标题', body: '请填写正文' });
  });

  it('passes over entries without a field or a message', () => {
    expect(fieldErrorsOf([{ field: 'title' }, { message: '无字段' }, null, 'text'])).toEqual({});
  });

  it('answers nothing for details that are not a list', () => {
    expect(fieldErrorsOf({ field: 'title', message: '请填写标题' })).toEqual({});
    expect(fieldErrorsOf(undefined)).toEqual({});
  });
});
