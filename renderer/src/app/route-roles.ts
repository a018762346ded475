// Which role may open each screen, and where each role starts: one table for the router's redirects and the menu.
import { matchPath } from 'react-router';
import { type OperatorRole, roleAtLeast } from '../../../shared/domain/operators/operator-roles';

/*
 * A screen whose every call the core refuses for a role (method-permissions.ts) is not shown to it: it would only
 * greet them with a red permission error. Screens not named here are open to every signed-in operator.
 */
const screenRoles: { path: string; minRole: OperatorRole }[] = [
  { path: '/assets/new', minRole: 'engineer' },
  { path: '/assets/import', minRole: 'engineer' },
  { path: '/assets/:id/edit', minRole: 'engineer' },
  { path: '/labels', minRole: 'engineer' },
  { path: '/devices/*', minRole: 'engineer' },
  { path: '/operators/*', minRole: 'administrator' },
  { path: '/settings/*', minRole: 'administrator' },
  // The sync's settings before the sync page: the first match wins.
  { path: '/sync/settings', minRole: 'administrator' },
  { path: '/sync/*', minRole: 'supervisor' },
  { path: '/reports/*', minRole: 'supervisor' },
];

export function minRoleFor(pathname: string): OperatorRole {
  return screenRoles.find((s) => matchPath(s.path, pathname))?.minRole ?? 'duty_guard';
}

export function mayOpen(role: OperatorRole, pathname: string): boolean {
  return roleAtLeast(role, minRoleFor(pathname));
}

/** Guards start where the emergency button, the hotline and the open incidents are; engineers and supervisors at their work list. */
const startPages: Record<OperatorRole, string> = {
  duty_guard: '/dashboard',
  engineer: '/incidents',
  supervisor: '/incidents',
  administrator: '/dashboard',
};

export function startPage(role: OperatorRole): string {
  return startPages[role];
}
