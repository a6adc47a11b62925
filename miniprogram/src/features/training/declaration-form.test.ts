import {
  declarationOf,
  declaresSign,
  emptyDeclaration,
  parseTemperature,
  validateDeclaration,
} from './declaration-form';

describe('health declaration (班前打卡)', () => {
  it('reads temperatures as thermometers show them, with a Chinese or Latin comma too', () => {
    expect(parseTemperature('')).toBeNull();
    expect(parseTemperature('  ')).toBeNull();
    expect(parseTemperature('36.5')).toBe(36.5);
    expect(parseTemperature('37')).toBe(37);
    expect(parseTemperature('36，8')).toBe(36.8);
    expect(parseTemperature('36,84')).toBe(36.8);
    expect(Number.isNaN(parseTemperature('abc') as number)).toBe(true);
    expect(Number.isNaN(parseTemperature('36.5.1') as number)).toBe(true);
    expect(Number.isNaN(parseTemperature('-36') as number)).toBe(true);
  });

  it('accepts no temperature at all, and 35.0–42.0 °C when given', () => {
    expect(validateDeclaration(emptyDeclaration())).toEqual({});
    for (const temperature of ['35', '35.0', '36.5', '42', '42.0']) {
      expect(validateDeclaration({ ...emptyDeclaration(), temperature })).toEqual({});
    }
    for (const temperature of ['34.9', '42.1', '98.6', '3']) {
      expect(validateDeclaration({ ...emptyDeclaration(), temperature }).temperature).toBe(
        '体温应在 35.0～42.0 °C 之间，请重新测量',
      );
    }
    expect(validateDeclaration({ ...emptyDeclaration(), temperature: '三十六' }).temperature).toBe(
      '请填写体温数字，如 36.5',
    );
  });

  it('asks what the other symptoms are when ticked, up to 200 characters', () => {
    const ticked = { ...emptyDeclaration(), otherSymptomsOn: true };
    expect(validateDeclaration(ticked).otherSymptoms).toBe('请简单写一下哪里不舒服');
    expect(validateDeclaration({ ...ticked, otherSymptoms: '牙痛' })).toEqual({});
    expect(validateDeclaration({ ...ticked, otherSymptoms: '痛'.repeat(201) }).otherSymptoms).toBe(
      '其他症状不能超过 200 字',
    );
    // Text left behind after unticking is not sent and not checked.
    expect(validateDeclaration({ ...emptyDeclaration(), otherSymptoms: '痛'.repeat(300) })).toEqual({});
  });

  it('sends the signs, the other symptoms only when ticked, and the temperature only when given', () => {
    expect(declarationOf(emptyDeclaration())).toEqual({ fever: false, cough: false, feelingUnwell: false });
    expect(
      declarationOf({
        fever: true,
        cough: false,
        feelingUnwell: true,
        otherSymptomsOn: true,
        otherSymptoms: '  牙痛 ',
        temperature: '37,6',
      }),
    ).toEqual({ fever: true, cough: false, feelingUnwell: true, otherSymptoms: '牙痛', temperature: 37.6 });
    expect(declarationOf({ ...emptyDeclaration(), otherSymptoms: '牙痛' })).toEqual({
      fever: false,
      cough: false,
      feelingUnwell: false,
    });
  });

  it('counts any sign, and a thermometer at 37.3 °C or above, as a sign', () => {
    expect(declaresSign(emptyDeclaration())).toBe(false);
    expect(declaresSign({ ...emptyDeclaration(), temperature: '37.2' })).toBe(false);
    expect(declaresSign({ ...emptyDeclaration(), temperature: '37.3' })).toBe(true);
    expect(declaresSign({ ...emptyDeclaration(), fever: true })).toBe(true);
    expect(declaresSign({ ...emptyDeclaration(), cough: true })).toBe(true);
    expect(declaresSign({ ...emptyDeclaration(), feelingUnwell: true })).toBe(true);
    expect(declaresSign({ ...emptyDeclaration(), otherSymptomsOn: true })).toBe(false);
    expect(declaresSign({ ...emptyDeclaration(), otherSymptomsOn: true, otherSymptoms: '牙痛' })).toBe(true);
  });
});
