/**
 * 班前打卡's health declaration as the worker fills it in, checked on the phone before sending (the
 * server checks again and decides the clearance): the temperature, when given, a number within
 * 35.0–42.0 °C; other symptoms described when ticked.
 */
import { BODY_TEMPERATURE_MAX, BODY_TEMPERATURE_MIN, FEVER_TEMPERATURE, type HealthDeclaration } from '@ankang/shared';

export const OTHER_SYMPTOMS_MAX_LENGTH = 200;

export interface DeclarationForm {
  fever: boolean;
  cough: boolean;
  feelingUnwell: boolean;
  /** 其他症状 ticked: `otherSymptoms` says which. */
  otherSymptomsOn: boolean;
  otherSymptoms: string;
  /** As typed; empty when not measured. */
  temperature: string;
}

export type DeclarationField = 'otherSymptoms' | 'temperature';
export type DeclarationErrors = Partial<Record<DeclarationField, string>>;

export function emptyDeclaration(): DeclarationForm {
  return {
    fever: false,
    cough: false,
    feelingUnwell: false,
    otherSymptomsOn: false,
    otherSymptoms: '',
    temperature: '',
  };
}

function characterCount(text: string): number {
  return [...text].length;
}

/** The temperature typed (`36.5`, `36,5`, `37`), null when left empty, NaN when it is not a number. */
export function parseTemperature(text: string): number | null {
  const value = text.trim().replace(/[,，]/, '.');
  if (value === '') {
    return null;
  }
  if (!/^\d{1,3}(?:\.\d{0,2})?$/.test(value)) {
    return Number.NaN;
  }
  // One decimal, as thermometers show it.
  return Math.round(Number(value) * 10) / 10;
}

export function validateDeclaration(form: DeclarationForm): DeclarationErrors {
  const errors: DeclarationErrors = {};
  const temperature = parseTemperature(form.temperature);
  if (temperature !== null) {
    if (Number.isNaN(temperature)) {
      errors.temperature = '请填写体温数字，如 36.5';
    } else if (temperature < BODY_TEMPERATURE_MIN || temperature > BODY_TEMPERATURE_MAX) {
      errors.temperature = `体温应在 ${BODY_TEMPERATURE_MIN.toFixed(1)}～${BODY_TEMPERATURE_MAX.toFixed(1)} °C 之间，请重新测量`;
    }
  }
  if (form.otherSymptomsOn) {
    const text = form.otherSymptoms.trim();
    if (text === '') {
      errors.otherSymptoms = '请简单写一下哪里不舒服';
    } else if (characterCount(text) > OTHER_SYMPTOMS_MAX_LENGTH) {
      errors.otherSymptoms = `其他症状不能超过 ${OTHER_SYMPTOMS_MAX_LENGTH} 字`;
    }
  }
  return errors;
}

/** What goes to the server (call after validateDeclaration found nothing). */
export function declarationOf(form: DeclarationForm): HealthDeclaration {
  const declaration: HealthDeclaration = {
    fever: form.fever,
    cough: form.cough,
    feelingUnwell: form.feelingUnwell,
  };
  const other = form.otherSymptomsOn ? form.otherSymptoms.trim() : '';
  if (other !== '') {
    declaration.otherSymptoms = other;
  }
  const temperature = parseTemperature(form.temperature);
  if (temperature !== null && !Number.isNaN(temperature)) {
    declaration.temperature = temperature;
  }
  return declaration;
}

/** True when the declaration shows any sign (a fever by the thermometer counts, whatever was ticked). */
export function declaresSign(form: DeclarationForm): boolean {
  const temperature = parseTemperature(form.temperature);
  return (
    form.fever ||
    form.cough ||
    form.feelingUnwell ||
    (form.otherSymptomsOn && form.otherSymptoms.trim() !== '') ||
    (temperature !== null && !Number.isNaN(temperature) && temperature >= FEVER_TEMPERATURE)
  );
}
