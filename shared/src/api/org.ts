import type { BindingMode, Industry, OrgKind } from '../enums';
import type { PageQuery } from './common';

/** A node of the union's tree as lists show it. */
export interface OrgUnitSummary {
  id: string;
  kind: OrgKind;
  name: string;
  parentId: string | null;
  /** Enterprises carry one; workplaces show their enterprise's. */
  industry: Industry | null;
  /** Workplaces only: the public code in the entrance QR code (`w=<code>`). */
  code: string | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  /** Enterprises only: how 「我在这里工作」 becomes a binding. */
  bindingMode: BindingMode | null;
  /** Workplaces only. */
  gridId: string | null;
  archived: boolean;
  /** Direct children that are not archived. */
  childCount: number;
}

export interface OrgUnitReference {
  id: string;
  name: string;
  kind: OrgKind;
}

export interface OrgUnitDetail extends OrgUnitSummary {
  /** From the top of what the caller may see down to the parent. */
  ancestors: OrgUnitReference[];
  createdAt: string;
  updatedAt: string;
}

/**
 * Without `parentId` or `withinId` the list holds the caller's own scope roots (the nodes where they
 * hold a role that may read the tree).
 */
export interface OrgUnitListQuery extends PageQuery {
  /** Direct children of this node. */
  parentId?: string;
  /** Every descendant of this node, in tree order. */
  withinId?: string;
  kind?: OrgKind;
  /** Part of the name or code. */
  q?: string;
  includeArchived?: boolean;
}

export interface CreateOrgUnitRequest {
  parentId: string;
  kind: OrgKind;
  name: string;
  /** Required for enterprises. */
  industry?: Industry;
  /** Workplaces: generated when absent. */
  code?: string;
  address?: string;
  latitude?: number;
  longitude?: number;
  bindingMode?: BindingMode;
}

export interface UpdateOrgUnitRequest {
  name?: string;
  industry?: Industry;
  code?: string;
  address?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  bindingMode?: BindingMode;
  /** Workplaces only; null takes it out of its grid. */
  gridId?: string | null;
}

export interface MoveOrgUnitRequest {
  parentId: string;
}

/** What the entrance QR code opens: public, since the same facts are printed on the poster. */
export interface WorkplaceCard {
  id: string;
  code: string;
  name: string;
  address: string | null;
  industry: Industry | null;
  latitude: number | null;
  longitude: number | null;
  enterprise: { id: string; name: string; industry: Industry | null };
  grid: { id: string; name: string; officerName: string | null } | null;
}

export type QrCodeFormat = 'image' | 'poster';

export interface GridSummary {
  id: string;
  unionId: string;
  unionName: string;
  name: string;
  officer: { id: string; displayName: string; phone: string | null } | null;
  workplaceCount: number;
  archived: boolean;
}

export interface GridListQuery extends PageQuery {
  /** Grids of this union node and its sub-unions. */
  unionId?: string;
  q?: string;
  includeArchived?: boolean;
}

export interface CreateGridRequest {
  unionId: string;
  name: string;
  officerUserId?: string;
}

export interface UpdateGridRequest {
  name?: string;
  officerUserId?: string | null;
}
