import type { OrgKind, Role, WorkerGroup } from '../enums';
import type { EnterpriseBindingSummary } from './users';

export interface WechatLoginRequest {
  /** The code from `wx.login`, valid 5 minutes, usable once. */
  code: string;
}

export interface DevLoginRequest {
  /** A seeded demo user's login name, e.g. `demo-worker`. */
  username: string;
}

export interface RefreshRequest {
  refreshToken: string;
}

export interface LogoutRequest {
  refreshToken: string;
}

export interface TokenPairResponse {
  accessToken: string;
  /** Seconds until the access token expires. */
  accessTokenExpiresIn: number;
  refreshToken: string;
  refreshTokenExpiresIn: number;
  tokenType: 'Bearer';
  /** True when this login created the account. */
  isNewUser: boolean;
}

export interface RoleGrantSummary {
  role: Role;
  orgUnitId: string;
  orgUnitName: string;
  orgUnitKind: OrgKind;
}

export interface MeResponse {
  id: string;
  displayName: string;
  /** Masked except to the person themselves; here it is the person themselves. */
  phone: string | null;
  roles: RoleGrantSummary[];
  employeeNumber: string | null;
  workerGroups: WorkerGroup[];
  /** The enterprise the worker is bound to, if any. */
  enterprise: { id: string; name: string } | null;
  /** The latest 「我在这里工作」 request when it is pending or was rejected; null otherwise. */
  pendingBinding: EnterpriseBindingSummary | null;
  createdAt: string;
}

/** A seeded account offered by the dev login picker (never in production). */
export interface DemoUserSummary {
  username: string;
  displayName: string;
  description: string;
  roles: RoleGrantSummary[];
}
