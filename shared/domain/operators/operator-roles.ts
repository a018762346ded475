// Operator roles, from least to most powerful, and the one comparison of them the core and the UI both use.

export const operatorRoles = ['duty_guard', 'engineer', 'supervisor', 'administrator'] as const;
export type OperatorRole = (typeof operatorRoles)[number];

/** A role may do whatever a less powerful one may. */
export function roleAtLeast(role: OperatorRole, minimum: OperatorRole): boolean {
  return operatorRoles.indexOf(role) >= operatorRoles.indexOf(minimum);
}
