// What the signed-in operator may use, read from the core's own permission table: pages hide what the core would
// refuse (a convenience; the core checks every call).
import type { MethodName } from '../../../shared/contract';
import { mayCall } from '../../../shared/domain/operators/method-permissions';
import { useSession } from './use-session';

export function useMayCall(method: MethodName): boolean {
  return mayCall(useSession().operator.role, method);
}
