export { createOrgUnit } from './create-org-unit';
export { fetchOrgUnit } from './fetch-org-unit';
export { listOrgUnits } from './list-org-units';
export {
  createRequestFor,
  emptyOrgUnitForm,
  ORG_ADDRESS_MAX_LENGTH,
  ORG_NAME_MAX_LENGTH,
  type OrgUnitErrors,
  type OrgUnitField,
  type OrgUnitForm,
  orgUnitFormFor,
  updateRequestFor,
  validateOrgUnit,
} from './org-unit-form';
export { updateOrgUnit } from './update-org-unit';
