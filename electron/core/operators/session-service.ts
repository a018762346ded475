// Login, lock-out after repeated failures, logout and idle lock, and resuming a session after a page reload.
import { AppError } from '../../../shared/contract/app-error';
import type { AuthStatus, LoginResult, MethodArgs, Operator } from '../../../shared/contract';
import type { CallContext, CoreContext, OperatorSession } from '../context';
import { inTransaction } from '../journal/service';
import type { AccessState } from './access-state';
import { lockedError, type Reservation, reserveLoginAttempt } from './lock-out';
import { checkOwnPassword } from './caller-password-checks';
import { findOperatorById, findOperatorByName, hasOperators, requireOperator, setupFirstAdministrator, toOperator } from './operator-service';
import { decoyPasswordHash, hashPassword, verifyPassword } from './password-hash';
import type { OperatorTable } from './schema';
import { getSettings } from './settings-service';

export async function authStatus(ctx: CoreContext, session: OperatorSession): Promise<AuthStatus> {
  const caller = await sessionOperator(ctx, session);
  const settings = await getSettings(ctx.db);
  return { needsSetup: !(await hasOperators(ctx.db)), operator: caller ? toOperator(caller) : null, idleLockMinutes: settings.idleLockMinutes };
}

/** First run: creates the administrator and signs this session in as them. */
export async function setup(ctx: CoreContext, access: AccessState, session: OperatorSession, args: MethodArgs<'auth.setup'>): Promise<LoginResult> {
  const row = await setupFirstAdministrator(ctx, args);
  return signIn(ctx, access, session, row);
}

export async function login(ctx: CoreContext, access: AccessState, session: OperatorSession, args: MethodArgs<'auth.login'>): Promise<LoginResult> {
  const row = await checkLogin(ctx, access, args.name, args.password);
  return signIn(ctx, access, session, row);
}

/** Stands for "no operator" in the statements an unknown name runs. */
const nobody = '';

/**
 * The operator whose name and password these are, or an AppError: `auth_failed` {} (a wrong password or an unknown
 * name, told apart by nobody), `operator_locked` {minutes, until}, `operator_disabled`. Each attempt is counted
 * before its password is checked (lock-out.ts); the fifth wrong one in a row locks the name for five minutes.
 *
 * An unknown name answers exactly like a known one, in the same time: it is counted and locks the same way (in
 * memory), runs the same statements against the operator table (matching no row), checks the password against a
 * decoy hash, and journals its failure.
 */
async function checkLogin(ctx: CoreContext, access: AccessState, name: string, password: string): Promise<OperatorTable> {
  const row = await findOperatorByName(ctx.db, name);
  const now = ctx.clock.now();
  const counted = await reserveLoginAttempt(ctx.db, row?.id ?? nobody, now);
  const reservation = row ? counted : access.unknownNames.reserve(name.trim().toLowerCase(), now);
  if (reservation.kind === 'locked') throw lockedError('operator_locked', reservation.until, now);
  const matches = await verifyPassword(password, row?.password_hash ?? (await decoyPasswordHash()));
  if (!row || !matches) throw await recordFailure(ctx, row, reservation, now);
  if (row.disabled === 1) throw new AppError('operator_disabled', 'operator_disabled', { name: row.name });
  return row;
}

/** Journals a counted failure; the count and any lock were written when the attempt was reserved. */
async function recordFailure(ctx: CoreContext, row: OperatorTable | undefined, reservation: Reservation & { kind: 'counted' }, now: number): Promise<AppError> {
  const { failures, locks, until } = reservation;
  await inTransaction(ctx, async (_trx, journal) => {
    // An unknown name is not recorded: people type their password into the name field.
    if (!row) await journal({ type: 'operator.login_failed', entityType: 'operator', entityId: nobody, payload: { name: null, failures }, operator: nobody });
    else if (locks) await journal({ type: 'operator.locked_out', entityType: 'operator', entityId: row.id, payload: { name: row.name, failures, until }, operator: row.name });
    else await journal({ type: 'operator.login_failed', entityType: 'operator', entityId: row.id, payload: { name: row.name, failures }, operator: row.name });
  });
  return locks ? lockedError('operator_locked', until, now) : new AppError('auth_failed', 'auth_failed');
}

async function signIn(ctx: CoreContext, access: AccessState, session: OperatorSession, row: OperatorTable): Promise<LoginResult> {
  await inTransaction(ctx, async (trx, journal) => {
    await trx.updateTable('operator').set({ failed_logins: 0, locked_until: null }).where('id', '=', row.id).execute();
    await journal({ type: 'operator.logged_in', entityType: 'operator', entityId: row.id, payload: { name: row.name, role: row.role }, operator: row.name });
  });
  // A login over a signed-in page replaces that page's sign-in.
  if (session.resumeToken) access.signIns.endSignIn(session.resumeToken, 'logout', session);
  const resumeToken = access.signIns.issue(row.id, ctx.clock.now());
  session.operatorId = row.id;
  session.resumeToken = resumeToken;
  return { operator: toOperator(row), resumeToken };
}

/** Signs a new connection of the same page back in (a reload); not journaled, as nobody new logged in. */
export async function resume(ctx: CoreContext, access: AccessState, session: OperatorSession, token: string): Promise<Operator> {
  const operatorId = access.signIns.take(token, ctx.clock.now());
  const row = operatorId ? await findOperatorById(ctx.db, operatorId) : undefined;
  if (!row || row.disabled === 1) {
    access.signIns.endSignIn(token, 'disabled');
    throw new AppError('session_expired', 'session_expired');
  }
  if (session.resumeToken && session.resumeToken !== token) access.signIns.release(session.resumeToken, ctx.clock.now());
  session.operatorId = row.id;
  session.resumeToken = token;
  return toOperator(row);
}

/**
 * Logout, or the page's idle lock returning the console to the login screen; both journaled. Either ends the whole
 * sign-in: the token stops resuming, and every other connection holding it returns to the login screen at once.
 */
export async function signOut(ctx: CoreContext, access: AccessState, session: OperatorSession, reason: 'logout' | 'idle_lock'): Promise<null> {
  const row = session.operatorId ? await findOperatorById(ctx.db, session.operatorId) : undefined;
  if (row) {
    await inTransaction(ctx, async (_trx, journal) => {
      const type = reason === 'logout' ? 'operator.logged_out' : 'operator.idle_locked';
      await journal({ type, entityType: 'operator', entityId: row.id, payload: { name: row.name }, operator: row.name });
    });
  }
  if (session.resumeToken) access.signIns.endSignIn(session.resumeToken, reason, session);
  session.operatorId = null;
  session.resumeToken = null;
  return null;
}

/**
 * An operator changes their own password, proving they know the current one (wrong ones count against them, see
 * caller-password-checks.ts). Every other sign-in of theirs ends at once; this page's stays.
 */
export async function changeOwnPassword(ctx: CoreContext, access: AccessState, call: CallContext, args: MethodArgs<'auth.changePassword'>): Promise<null> {
  const session = call.session;
  if (!session?.operatorId) throw new AppError('auth_required', 'auth_required');
  const row = await requireOperator(ctx.db, session.operatorId);
  await checkOwnPassword(ctx, access, call, row, args.currentPassword);
  const passwordHash = await hashPassword(args.newPassword);
  await inTransaction(ctx, async (trx, journal) => {
    await trx.updateTable('operator').set({ password_hash: passwordHash, updated_at: ctx.clock.now() }).where('id', '=', row.id).execute();
    await journal({ type: 'operator.password_set', entityType: 'operator', entityId: row.id, payload: { name: row.name, by: 'self' }, operator: row.name });
  });
  access.signIns.endOperator(row.id, 'password_changed', session.resumeToken);
  return null;
}

/** The person at the page is there: the sign-in's idle time starts again (see idle-lock.ts). */
export function markActivity(ctx: CoreContext, access: AccessState, session: OperatorSession): null {
  if (session.resumeToken) access.signIns.touch(session.resumeToken, ctx.clock.now());
  return null;
}

/** The session's operator as stored now: a disabled or removed account ends the session at its next call. */
export async function sessionOperator(ctx: CoreContext, session: OperatorSession): Promise<OperatorTable | null> {
  if (!session.operatorId) return null;
  const row = await findOperatorById(ctx.db, session.operatorId);
  if (row && row.disabled === 0) return row;
  session.operatorId = null;
  return null;
}

/** Who acts for a session's call, with the role the permission table and the services check. */
export function callerOf(row: OperatorTable, session: OperatorSession): CallContext {
  return { operator: row.name, role: row.role, session };
}
