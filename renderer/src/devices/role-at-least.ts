// Whether the signed-in operator's role reaches a minimum: what the shell and pages use to hide what the core would refuse.
import { operatorRoles, type OperatorRole } from '../../../shared/domain/incidents/incident-lifecycle';
import { useSession } from '../operators/use-session';

export function roleAtLeast(role: OperatorRole, min: OperatorRole): boolean {
  return operatorRoles.indexOf(role) >= operatorRoles.indexOf(min);
}

export function useRoleAtLeast(min: OperatorRole): boolean {
  return roleAtLeast(useSession().operator.role, min);
}
