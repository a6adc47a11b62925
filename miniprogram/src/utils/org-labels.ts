import {
  BINDING_MODE_LABELS,
  INDUSTRY_LABELS,
  maskPhone,
  ORG_KIND_LABELS,
  OrgKind,
  type OrgUnitSummary,
} from '@ankang/shared';

/** 企业 · 煤矿 · HK-COAL-01: the labels a tree row shows under the name. */
export function orgUnitTags(unit: OrgUnitSummary): { text: string; tone: 'green' | 'blue' | 'orange' | 'slate' }[] {
  const tags: { text: string; tone: 'green' | 'blue' | 'orange' | 'slate' }[] = [
    { text: ORG_KIND_LABELS[unit.kind] ?? unit.kind, tone: unit.kind === OrgKind.Union ? 'blue' : 'green' },
  ];
  if (unit.industry && unit.kind === OrgKind.Enterprise) {
    tags.push({ text: INDUSTRY_LABELS[unit.industry] ?? unit.industry, tone: 'orange' });
  }
  if (unit.code) {
    tags.push({ text: `编码 ${unit.code}`, tone: 'slate' });
  }
  if (unit.archived) {
    tags.push({ text: '已归档', tone: 'slate' });
  }
  return tags;
}

/** 下级单位 3 个 / 作业场所 12 个 / '' for a workplace. */
export function childCountText(unit: OrgUnitSummary): string {
  if (unit.kind === OrgKind.Workplace) {
    return '';
  }
  const what = unit.kind === OrgKind.Enterprise ? '作业场所' : '下级单位';
  return `${what} ${unit.childCount} 个`;
}

export function bindingModeText(unit: OrgUnitSummary): string | null {
  return unit.bindingMode ? (BINDING_MODE_LABELS[unit.bindingMode] ?? unit.bindingMode) : null;
}

/** Lists show phones masked (138****1234); masking a masked number changes nothing. */
export function maskedPhone(phone: string | null): string {
  return maskPhone(phone) ?? '';
}
