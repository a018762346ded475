// The role a call acts with, for the incidents' permission checks.
import type { OperatorRole } from '../../../shared/domain/incidents/incident-lifecycle';
import type { CallContext } from '../context';

/**
 * Until operators and login land, transports send no role and act as the local administrator (see CallContext);
 * this is the one place that assumption lives.
 */
export function callerRole(call: CallContext): OperatorRole {
  return call.role ?? 'administrator';
}
