import { FEVER_TEMPERATURE, type HealthDeclaration } from '@ankang/shared';
import type { CheckIn } from './check-in.entity';

/** What a worker who declared a sign is told: no lesson, no shift today. */
export const NOT_CLEARED_ADVICE =
  '您申报了发热、咳嗽或其他身体不适，今天暂不上岗：请回家休息，症状明显或持续时请及时就医；请告知班组长或带班负责人。企业安全员已收到提醒。';

/**
 * Any sign means not cleared: fever, cough, feeling unwell, other symptoms in the worker's words, or
 * a temperature at or above FEVER_TEMPERATURE whatever was ticked.
 */
export function declaresSign(declaration: HealthDeclaration): boolean {
  return (
    declaration.fever ||
    declaration.cough ||
    declaration.feelingUnwell ||
    (declaration.otherSymptoms?.trim() ?? '') !== '' ||
    (declaration.temperature !== undefined &&
      declaration.temperature !== null &&
      declaration.temperature >= FEVER_TEMPERATURE)
  );
}

/** The declaration as stored, or null once it was reduced to the clearance alone (PIPL, 30 days on). */
export function declarationOf(checkIn: CheckIn): HealthDeclaration | null {
  if (checkIn.declarationReducedAt !== null || checkIn.fever === null) return null;
  const declaration: HealthDeclaration = {
    fever: checkIn.fever,
    cough: checkIn.cough === true,
    feelingUnwell: checkIn.feelingUnwell === true,
  };
  if (checkIn.otherSymptoms !== null) declaration.otherSymptoms = checkIn.otherSymptoms;
  if (checkIn.temperature !== null) declaration.temperature = checkIn.temperature;
  return declaration;
}
