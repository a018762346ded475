// One bridge call, decided: sender checked, method name checked, then handed to the core.
// Pure apart from the core it is given (no electron import), so it is unit-tested under plain Node.
import { AppError, type Result } from '../../shared/contract/app-error';
import { isMethodName } from '../../shared/contract';
import type { Core } from '../core/core';
import type { CallContext } from '../core/context';
import { checkSender, type SenderFrame } from './security-policy';

/** Who acts for calls from the desktop window until operators log in (same as the headless host). */
export const localOperator: CallContext = { operator: 'local' };

/**
 * Never throws: a refused sender or an unknown method is an error value, and the core validates the
 * input with the contract's zod schema. A refused sender learns nothing about the core.
 */
export async function answerBridgeCall(
  core: Pick<Core, 'call'>,
  sender: SenderFrame | null,
  method: unknown,
  input: unknown,
): Promise<Result<unknown>> {
  const verdict = checkSender(sender);
  if (!verdict.allowed) {
    return { ok: false, error: new AppError('forbidden_sender', 'forbidden_sender', { reason: verdict.reason }).toData() };
  }
  if (!isMethodName(method)) {
    return {
      ok: false,
      error: new AppError('unknown_method', 'unknown_method', { method: typeof method === 'string' ? method.slice(0, 200) : typeof method }).toData(),
    };
  }
  return core.call(method, input, localOperator);
}
