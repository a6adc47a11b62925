import type { BindingStatus, Role, WorkerGroup } from '../enums';
import type { RoleGrantSummary } from './auth';
import type { PageQuery } from './common';
import type { OrgUnitReference } from './org';

/** A person as staff lists show them. The phone is masked (138****1234). */
export interface UserSummary {
  id: string;
  displayName: string;
  phone: string | null;
  employeeNumber: string | null;
  workerGroups: WorkerGroup[];
  enterprise: { id: string; name: string } | null;
  roles: RoleGrantSummary[];
  disabled: boolean;
}

export interface UserListQuery extends PageQuery {
  /** Name, employee number, or the last digits of the phone. */
  q?: string;
  /** People of this node's subtree. */
  orgUnitId?: string;
  role?: Role;
  workerGroup?: WorkerGroup;
}

export interface UpdateUserRequest {
  displayName?: string;
  employeeNumber?: string | null;
  workerGroups?: WorkerGroup[];
  disabled?: boolean;
}

export interface UpdateMeRequest {
  displayName?: string;
  employeeNumber?: string | null;
  workerGroups?: WorkerGroup[];
}

/** The code from the getPhoneNumber button (single use, valid 5 minutes). */
export interface BindPhoneRequest {
  code: string;
}

export interface EnterpriseBindingSummary {
  id: string;
  status: BindingStatus;
  enterprise: { id: string; name: string };
  workplace: { id: string; name: string; code: string };
  /** Why an officer rejected it. */
  reason: string | null;
  createdAt: string;
  decidedAt: string | null;
}

/** A binding request as the deciding officer sees it. */
export interface EnterpriseBinding extends EnterpriseBindingSummary {
  user: { id: string; displayName: string; phone: string | null; employeeNumber: string | null };
}

/** 「我在这里工作」 from a workplace's landing page. */
export interface RequestBindingRequest {
  workplaceCode: string;
  /** The same key on a retry returns the same request. */
  clientKey: string;
}

export interface RejectBindingRequest {
  reason: string;
}

export interface BindingListQuery extends PageQuery {
  status?: BindingStatus;
  enterpriseId?: string;
}

export interface RoleGrantDetail {
  id: string;
  role: Role;
  orgUnit: OrgUnitReference;
  user: { id: string; displayName: string };
  grantedBy: { id: string; displayName: string } | null;
  createdAt: string;
}

export interface CreateRoleGrantRequest {
  userId: string;
  role: Role;
  orgUnitId: string;
}

export interface RoleGrantListQuery extends PageQuery {
  /** Grants held at nodes of this subtree. */
  orgUnitId?: string;
  userId?: string;
  role?: Role;
}
