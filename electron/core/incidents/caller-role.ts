// The role a call acts with, for the incidents' permission checks.
import type { OperatorRole } from '../../../shared/domain/operators/operator-roles';
import type { CallContext } from '../context';

/**
 * Transports always send the signed-in operator's role (Core.openSession). Only the trusted internal path
 * (Core.call from tests, benchmarks, the core's own jobs) may leave it out, and acts as administrator (see
 * CallContext); this is the one place that assumption lives.
 */
export function callerRole(call: CallContext): OperatorRole {
  return call.role ?? 'administrator';
}
