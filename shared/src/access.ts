/**
 * What each role may do, as data. The server enforces it (always together with scope: a permission
 * applies only inside the subtree of the node where the role is held); the mini program uses the
 * same table to show only the actions a person may take.
 */
import { OrgKind, Role } from './enums';

export enum Permission {
  /** List and read org nodes, workplaces and grids. */
  OrgRead = 'org.read',
  /** Rename and edit details: address, coordinates, industry, binding mode, grid of a workplace. */
  OrgUpdate = 'org.update',
  /** Create and archive workplaces under an enterprise. */
  WorkplaceManage = 'workplace.manage',
  /** Create, move and archive any node. */
  OrgStructure = 'org.structure',
  GridManage = 'grid.manage',
  UserRead = 'user.read',
  /** Edit a person's name, employee number and worker groups; disable an account. */
  UserUpdate = 'user.update',
  GrantManage = 'grant.manage',
  /** Approve or reject 「我在这里工作」 requests. */
  BindingDecide = 'binding.decide',
  QrCodeDownload = 'qrcode.download',
  /** The hazard tickets of the subtree: queues, triage, verification (who does what on one ticket is the transition table's). */
  HazardHandle = 'hazard.handle',
  /** 重大隐患 and overdue tickets across the subtree: the union's supervision list. */
  HazardSupervise = 'hazard.supervise',
  /** Write, publish and assign micro-lessons for the subtree (union staff) or the enterprise (officers). */
  LessonManage = 'lesson.manage',
  /** The foreman's roll call of a workplace: who is cleared for the shift. */
  RollCallRead = 'roll_call.read',
  /** Write, publish, withdraw notices to the subtree (union staff) or the enterprise (officers); see receipts; remind. */
  NoticeManage = 'notice.manage',
}

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  // Workers act on their own profile (/me) and read workplace cards: no permission over others.
  [Role.Worker]: [],
  [Role.Officer]: [
    Permission.OrgRead,
    Permission.OrgUpdate,
    Permission.WorkplaceManage,
    Permission.UserRead,
    Permission.UserUpdate,
    Permission.GrantManage,
    Permission.BindingDecide,
    Permission.QrCodeDownload,
    Permission.HazardHandle,
    Permission.LessonManage,
    Permission.RollCallRead,
    Permission.NoticeManage,
  ],
  [Role.UnionStaff]: [
    Permission.OrgRead,
    Permission.OrgUpdate,
    Permission.GridManage,
    Permission.UserRead,
    Permission.GrantManage,
    Permission.QrCodeDownload,
    Permission.HazardHandle,
    Permission.HazardSupervise,
    Permission.LessonManage,
    Permission.RollCallRead,
    Permission.NoticeManage,
  ],
  // The system's operator runs the tree, people and roles; hazards are the enterprises' and unions' work.
  [Role.Admin]: [
    Permission.OrgRead,
    Permission.OrgUpdate,
    Permission.WorkplaceManage,
    Permission.OrgStructure,
    Permission.GridManage,
    Permission.UserRead,
    Permission.UserUpdate,
    Permission.GrantManage,
    Permission.BindingDecide,
    Permission.QrCodeDownload,
  ],
};

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** The roles a holder of `role` may grant (inside their own subtree) and revoke. */
export const GRANTABLE_ROLES: Readonly<Record<Role, readonly Role[]>> = {
  [Role.Worker]: [],
  [Role.Officer]: [Role.Officer],
  [Role.UnionStaff]: [Role.UnionStaff, Role.Officer],
  [Role.Admin]: [Role.Admin, Role.UnionStaff, Role.Officer],
};

/** The kind of node each role is held at. Workers are bound to an enterprise by 「我在这里工作」. */
export const ROLE_NODE_KINDS: Readonly<Record<Role, readonly OrgKind[]>> = {
  [Role.Worker]: [OrgKind.Enterprise],
  [Role.Officer]: [OrgKind.Enterprise],
  [Role.UnionStaff]: [OrgKind.Union],
  [Role.Admin]: [OrgKind.Union],
};

/** The kinds of node that may sit under a node of `parent` kind (null: the root). */
export function allowedChildKinds(parent: OrgKind | null): readonly OrgKind[] {
  switch (parent) {
    case null:
      return [OrgKind.Union];
    case OrgKind.Union:
      return [OrgKind.Union, OrgKind.Enterprise];
    case OrgKind.Enterprise:
      return [OrgKind.Workplace];
    case OrgKind.Workplace:
      return [];
  }
}

/** True when `path` lies in the subtree rooted at `rootPath` (itself included). Paths look like `/1/7/42/`. */
export function isWithinPath(path: string, rootPath: string): boolean {
  return path.startsWith(rootPath);
}
