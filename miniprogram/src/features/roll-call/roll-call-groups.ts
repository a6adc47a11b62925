/**
 * The roll call as the foreman reads it: three groups in the order of the gate (准许上岗, 暂不上岗 or
 * 待培训, 未打卡), and a declaration — only when the server sent one (officers, within 30 days) — as
 * short lines.
 */
import type { HealthDeclaration, RollCall, RollCallEntry } from '@ankang/shared';

export type RollCallGroup =
  | { key: 'cleared'; title: string; entries: RollCallEntry[] }
  | { key: 'not-cleared'; title: string; entries: RollCallEntry[] }
  | { key: 'not-checked-in'; title: string; people: RollCall['notCheckedIn'] };

export function rollCallGroups(rollCall: RollCall): RollCallGroup[] {
  const byTime = (a: RollCallEntry, b: RollCallEntry) => a.checkedInAt.localeCompare(b.checkedInAt);
  return [
    { key: 'cleared', title: '准许上岗', entries: [...rollCall.cleared].sort(byTime) },
    { key: 'not-cleared', title: '暂不上岗 · 待培训', entries: [...rollCall.notCleared].sort(byTime) },
    { key: 'not-checked-in', title: '未打卡', people: rollCall.notCheckedIn },
  ];
}

export type DeclarationSummary = string[];

/** `发热`, `其他：牙痛`, `体温 38.2 °C` — `未申报症状` first when no sign was ticked. */
export function declarationLines(declaration: HealthDeclaration): DeclarationSummary {
  const signs: string[] = [];
  if (declaration.fever) signs.push('发热');
  if (declaration.cough) signs.push('咳嗽');
  if (declaration.feelingUnwell) signs.push('身体不适');
  const other = declaration.otherSymptoms?.trim();
  if (other) signs.push(`其他：${other}`);
  const temperature =
    typeof declaration.temperature === 'number' ? [`体温 ${declaration.temperature.toFixed(1)} °C`] : [];
  return [...(signs.length > 0 ? signs : ['未申报症状']), ...temperature];
}
