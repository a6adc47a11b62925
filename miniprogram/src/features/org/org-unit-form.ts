import {
  BindingMode,
  type CreateOrgUnitRequest,
  ERROR_MESSAGES,
  type Industry,
  OrgErrorCode,
  OrgKind,
  type OrgUnitDetail,
  type UpdateOrgUnitRequest,
  workplaceCodeProblem,
} from '@ankang/shared';

/** The columns' limits on the server (org_unit.name 100, address 255). */
export const ORG_NAME_MAX_LENGTH = 100;
export const ORG_ADDRESS_MAX_LENGTH = 255;

export interface OrgUnitForm {
  kind: OrgKind;
  name: string;
  /** Workplaces: the public code in the QR code; empty on create lets the server make one. */
  code: string;
  address: string;
  industry: Industry | null;
  bindingMode: BindingMode;
}

export type OrgUnitField = 'name' | 'code' | 'address' | 'industry';
export type OrgUnitErrors = Partial<Record<OrgUnitField, string>>;

function characterCount(value: string): number {
  return Array.from(value).length;
}

export function emptyOrgUnitForm(kind: OrgKind): OrgUnitForm {
  // Approval by an officer is the safe default: anyone who photographs a poster could bind otherwise.
  return { kind, name: '', code: '', address: '', industry: null, bindingMode: BindingMode.Approval };
}

export function orgUnitFormFor(node: OrgUnitDetail): OrgUnitForm {
  return {
    kind: node.kind,
    name: node.name,
    code: node.code ?? '',
    address: node.address ?? '',
    industry: node.industry,
    bindingMode: node.bindingMode ?? BindingMode.Approval,
  };
}

/** What is wrong with the form, in Chinese, field by field. `creating`: the code may be typed. */
export function validateOrgUnit(form: OrgUnitForm, creating: boolean): OrgUnitErrors {
  const errors: OrgUnitErrors = {};
  const name = form.name.trim();
  if (name === '') {
    errors.name = '请填写名称';
  } else if (characterCount(name) > ORG_NAME_MAX_LENGTH) {
    errors.name = `名称不能超过 ${ORG_NAME_MAX_LENGTH} 个字`;
  }
  const code = form.code.trim();
  if (creating && form.kind === OrgKind.Workplace && code !== '' && workplaceCodeProblem(code) !== null) {
    errors.code = ERROR_MESSAGES[OrgErrorCode.WorkplaceCodeInvalid];
  }
  if (characterCount(form.address.trim()) > ORG_ADDRESS_MAX_LENGTH) {
    errors.address = `地址不能超过 ${ORG_ADDRESS_MAX_LENGTH} 个字`;
  }
  if (form.kind === OrgKind.Enterprise && !form.industry) {
    errors.industry = ERROR_MESSAGES[OrgErrorCode.IndustryRequired];
  }
  return errors;
}

export function createRequestFor(parentId: string, form: OrgUnitForm): CreateOrgUnitRequest {
  const request: CreateOrgUnitRequest = { parentId, kind: form.kind, name: form.name.trim() };
  const address = form.address.trim();
  if (form.kind !== OrgKind.Union && address !== '') {
    request.address = address;
  }
  if (form.kind === OrgKind.Workplace && form.code.trim() !== '') {
    request.code = form.code.trim();
  }
  if (form.kind === OrgKind.Enterprise) {
    request.industry = form.industry ?? undefined;
    request.bindingMode = form.bindingMode;
  }
  return request;
}

/** Only what changed; an emptied address is cleared. The code is not edited here (posters carry it). */
export function updateRequestFor(node: OrgUnitDetail, form: OrgUnitForm): UpdateOrgUnitRequest {
  const changes: UpdateOrgUnitRequest = {};
  const name = form.name.trim();
  if (name !== node.name) {
    changes.name = name;
  }
  if (node.kind !== OrgKind.Union) {
    const address = form.address.trim();
    if (address !== (node.address ?? '')) {
      changes.address = address === '' ? null : address;
    }
  }
  if (node.kind === OrgKind.Enterprise) {
    if (form.industry && form.industry !== node.industry) {
      changes.industry = form.industry;
    }
    if (form.bindingMode !== node.bindingMode) {
      changes.bindingMode = form.bindingMode;
    }
  }
  return changes;
}
