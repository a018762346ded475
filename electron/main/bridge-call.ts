// One bridge call, decided: sender checked, method name checked, then handed to the core.
// Pure apart from the core it is given (no electron import), so it is unit-tested under plain Node.
import { AppError, type Result } from '../../shared/contract/app-error';
import { isMethodName } from '../../shared/contract';
import type { CoreSession } from '../core/core';
import { checkSender, type SenderFrame } from './security-policy';

/**
 * Never throws: a refused sender or an unknown method is an error value, and the core validates the
 * input with the contract's zod schema. A refused sender learns nothing about the core. The call runs
 * in the window's own core session, as whoever logged in there (the core checks their permissions).
 */
export async function answerBridgeCall(
  session: Pick<CoreSession, 'call'>,
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
  return session.call(method, input);
}
