// Passwords a signed-in operator types for a shift handover or to change their own: limited per caller, so that a
// confirmation form never becomes a way to lock someone else out or to guess their password without limit.
import { AppError } from '../../../shared/contract/app-error';
import type { CallContext, CoreContext } from '../context';
import { inTransaction } from '../journal/service';
import type { AccessState } from './access-state';
import { lockedError } from './lock-out';
import { findOperatorById, findOperatorByName } from './operator-service';
import { decoyPasswordHash, verifyPassword } from './password-hash';
import type { OperatorTable } from './schema';

/*
 * Who may lock whom: only wrong passwords at the login screen lock an account (anyone there can, as anywhere). A
 * signed-in operator's wrong passwords — the incoming guard's at a handover confirmation, or their own current one
 * when changing it — count against that operator, the caller: five in a row and the caller may check no password
 * for five minutes (`password_checks_locked`), journaled. The named account is never locked from there, and a
 * locked account cannot be tried from there either.
 */

export type PasswordCheckPurpose = 'handover_confirm' | 'change_password' | 'defect_sign_off';

/** The caller's key in the count: their operator id, or the trusted internal caller's name. */
function callerKey(call: CallContext): string {
  return call.session?.operatorId ?? `internal:${call.operator.toLowerCase()}`;
}

/** `row` if `password` is its password, else null (also for no row, after the same work); throws `password_checks_locked` when used up. */
async function checkForCaller(
  ctx: CoreContext,
  access: AccessState,
  call: CallContext,
  purpose: PasswordCheckPurpose,
  row: OperatorTable | undefined,
  password: string,
): Promise<OperatorTable | null> {
  const now = ctx.clock.now();
  const key = callerKey(call);
  const reservation = access.callerChecks.reserve(key, now);
  if (reservation.kind === 'locked') throw lockedError('password_checks_locked', reservation.until, now);
  const matches = await verifyPassword(password, row?.password_hash ?? (await decoyPasswordHash()));
  if (row && matches) {
    access.callerChecks.succeeded(key);
    return row;
  }
  const { failures, locks, until } = reservation;
  await inTransaction(ctx, async (_trx, journal) => {
    const type = locks ? 'operator.password_checks_locked' : 'operator.password_check_failed';
    const payload = { purpose, name: row?.name ?? null, failures, ...(locks ? { until } : {}) };
    await journal({ type, entityType: 'operator', entityId: call.session?.operatorId ?? '', payload, operator: call.operator });
  });
  if (locks) throw lockedError('password_checks_locked', until, now);
  return null;
}

/**
 * The incoming guard at a handover: their account, checked against the caller's limit. Errors: `auth_failed` (a
 * wrong password or an unknown name alike), `operator_locked` (the login lock-out is on), `operator_disabled`,
 * `password_checks_locked`.
 */
export async function checkHandoverCredentials(ctx: CoreContext, access: AccessState, call: CallContext, name: string, password: string): Promise<OperatorTable> {
  const row = await findOperatorByName(ctx.db, name);
  const now = ctx.clock.now();
  if (row?.locked_until != null && now < row.locked_until) throw lockedError('operator_locked', row.locked_until, now);
  const incoming = await checkForCaller(ctx, access, call, 'handover_confirm', row, password);
  if (!incoming) throw new AppError('auth_failed', 'auth_failed');
  if (incoming.disabled === 1) throw new AppError('operator_disabled', 'operator_disabled', { name: incoming.name });
  return incoming;
}

/** The caller's own current password before they change it: `password_wrong` or `password_checks_locked`. */
export async function checkOwnPassword(ctx: CoreContext, access: AccessState, call: CallContext, row: OperatorTable, password: string): Promise<void> {
  if (!(await checkForCaller(ctx, access, call, 'change_password', row, password))) throw new AppError('password_wrong', 'password_wrong');
}

/**
 * The caller's own password typed again to sign (a defect's sign-off): the signed-in operator, or the internal
 * caller's account of that name. `auth_required` with no account, `password_wrong`, `password_checks_locked`.
 */
export async function checkSignerPassword(ctx: CoreContext, access: AccessState, call: CallContext, purpose: PasswordCheckPurpose, password: string): Promise<OperatorTable> {
  const row = call.session ? await findOperatorById(ctx.db, call.session.operatorId ?? '') : await findOperatorByName(ctx.db, call.operator);
  if (!row) throw new AppError('auth_required', 'auth_required');
  if (!(await checkForCaller(ctx, access, call, purpose, row, password))) throw new AppError('password_wrong', 'password_wrong');
  return row;
}
