// Who may do what, where: roles, the permissions each carries, and whether a role held at one
// place in the hierarchy reaches an office. Pure, so the whole policy is tested without a database.
import type { Permission } from '../http/access.ts';

export const ROLES = ['office_staff', 'officer', 'office_admin', 'supervisor', 'system_admin'] as const;
export type Role = (typeof ROLES)[number];

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  office_staff: ['requests.read', 'requests.handle'],
  // the responsible officer; which requests are theirs is the requests feature's business
  officer: ['requests.read', 'requests.handle'],
  office_admin: ['charter.edit', 'calendar.edit', 'users.manage', 'audit.read', 'requests.read', 'requests.handle'],
  // reads and escalates across a subtree, never edits an office's charter or calendar
  supervisor: ['audit.read', 'requests.read'],
  system_admin: ['calendar.edit', 'charter.edit', 'users.manage', 'audit.read', 'requests.read', 'requests.handle'],
};

export function permissionsOf(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}

/** A role held by a user, at its scope. */
export type Grant =
  | { role: 'system_admin' }
  | { role: 'supervisor'; placeId: number }
  | { role: 'supervisor'; organisationId: number }
  | { role: Exclude<Role, 'system_admin' | 'supervisor'>; officeId: number };

/** Where an office sits: itself, its places up to the division, its organisations up to the ministry. */
export interface OfficeAncestry {
  officeId: number;
  placeIds: readonly number[];
  organisationIds: readonly number[];
}

export type ResolvedTarget = { kind: 'national' } | { kind: 'office'; ancestry: OfficeAncestry };

function reaches(grant: Grant, target: ResolvedTarget): boolean {
  if (grant.role === 'system_admin') return true;
  if (target.kind === 'national') return false;
  const { ancestry } = target;
  if ('officeId' in grant) return grant.officeId === ancestry.officeId;
  if ('placeId' in grant) return ancestry.placeIds.includes(grant.placeId);
  return ancestry.organisationIds.includes(grant.organisationId);
}

/** Whether any of the grants carries the permission and reaches the target. */
export function isAllowed(grants: readonly Grant[], permission: Permission, target: ResolvedTarget): boolean {
  return grants.some((grant) => ROLE_PERMISSIONS[grant.role].includes(permission) && reaches(grant, target));
}
