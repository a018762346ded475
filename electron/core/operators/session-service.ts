// Login, lock-out after repeated failures, logout and idle lock, and resuming a session after a page reload.
import { randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/contract/app-error';
import type { AuthStatus, LoginResult, MethodArgs, Operator } from '../../../shared/contract';
import type { CallContext, CoreContext, OperatorSession } from '../context';
import { inTransaction } from '../journal/service';
import { findOperatorById, findOperatorByName, hasOperators, setupFirstAdministrator, toOperator } from './operator-service';
import { decoyPasswordHash, verifyPassword } from './password-hash';
import type { OperatorTable } from './schema';
import { getSettings } from './settings-service';

/** Consecutive wrong passwords that lock an account, and for how long. */
export const maxFailedLogins = 5;
export const lockOutMs = 5 * 60_000;
/** How long a closed connection's resume token stays good: long enough for a page reload, not for a walk-up. */
export const resumeGraceMs = 2 * 60_000;

/** The resume tokens of one core, in memory only: a restart of the core signs everyone out. */
export class ResumeTokens {
  /** `holders`: open sessions using the token (a page's own connection, and any other it opens). */
  private readonly tokens = new Map<string, { operatorId: string; holders: number; closedAt: number | null }>();

  issue(operatorId: string): string {
    const token = randomBytes(32).toString('base64url');
    this.tokens.set(token, { operatorId, holders: 1, closedAt: null });
    return token;
  }

  /** The operator a live (or recently closed) token belongs to; the token passes to the session that takes it. */
  take(token: string, now: number): string | null {
    const entry = this.tokens.get(token);
    if (!entry) return null;
    if (entry.closedAt !== null && now - entry.closedAt > resumeGraceMs) {
      this.tokens.delete(token);
      return null;
    }
    entry.holders += 1;
    entry.closedAt = null;
    return entry.operatorId;
  }

  /** The session holding it closed (a reload, a lost connection): good for a short grace period. */
  release(token: string, now: number): void {
    const entry = this.tokens.get(token);
    if (!entry) return;
    entry.holders = Math.max(0, entry.holders - 1);
    if (entry.holders === 0) entry.closedAt = now;
  }

  revoke(token: string): void {
    this.tokens.delete(token);
  }
}

export async function authStatus(ctx: CoreContext, session: OperatorSession): Promise<AuthStatus> {
  const caller = await sessionOperator(ctx, session);
  const settings = await getSettings(ctx.db);
  return { needsSetup: !(await hasOperators(ctx.db)), operator: caller ? toOperator(caller) : null, idleLockMinutes: settings.idleLockMinutes };
}

/** First run: creates the administrator and signs this session in as them. */
export async function setup(ctx: CoreContext, tokens: ResumeTokens, session: OperatorSession, args: MethodArgs<'auth.setup'>): Promise<LoginResult> {
  const row = await setupFirstAdministrator(ctx, args);
  return signIn(ctx, tokens, session, row);
}

export async function login(ctx: CoreContext, tokens: ResumeTokens, session: OperatorSession, args: MethodArgs<'auth.login'>): Promise<LoginResult> {
  const row = await checkCredentials(ctx, args.name, args.password);
  return signIn(ctx, tokens, session, row);
}

/**
 * The operator whose name and password these are, or an AppError: `auth_failed` (unknown name or wrong password,
 * told apart by nobody), `operator_locked` {minutes}, `operator_disabled`. Every wrong password counts towards
 * the lock-out; the fifth in a row locks the account for five minutes. Also for confirming a shift handover.
 */
export async function checkCredentials(ctx: CoreContext, name: string, password: string): Promise<OperatorTable> {
  const row = await findOperatorByName(ctx.db, name);
  if (!row) {
    await verifyPassword(password, await decoyPasswordHash());
    throw new AppError('auth_failed', 'auth_failed');
  }
  const now = ctx.clock.now();
  if (row.locked_until !== null && now < row.locked_until) throw lockedError(row.locked_until, now);
  const matches = await verifyPassword(password, row.password_hash);
  if (!matches) throw await recordFailure(ctx, row);
  if (row.disabled === 1) throw new AppError('operator_disabled', 'operator_disabled', { name: row.name });
  return row;
}

async function recordFailure(ctx: CoreContext, row: OperatorTable): Promise<AppError> {
  return inTransaction(ctx, async (trx, journal) => {
    const now = ctx.clock.now();
    // Re-read inside the transaction: two wrong passwords at once must both count.
    const current = (await findOperatorById(trx, row.id)) ?? row;
    const expired = current.locked_until !== null && now >= current.locked_until;
    const failures = (expired ? 0 : current.failed_logins) + 1;
    if (failures >= maxFailedLogins) {
      const until = now + lockOutMs;
      await trx.updateTable('operator').set({ failed_logins: 0, locked_until: until }).where('id', '=', row.id).execute();
      await journal({ type: 'operator.locked_out', entityType: 'operator', entityId: row.id, payload: { name: row.name, failures, until }, operator: row.name });
      return lockedError(until, now);
    }
    await trx.updateTable('operator').set({ failed_logins: failures, locked_until: null }).where('id', '=', row.id).execute();
    await journal({ type: 'operator.login_failed', entityType: 'operator', entityId: row.id, payload: { name: row.name, failures }, operator: row.name });
    return new AppError('auth_failed', 'auth_failed', { remaining: maxFailedLogins - failures });
  });
}

function lockedError(until: number, now: number): AppError {
  return new AppError('operator_locked', 'operator_locked', { minutes: Math.max(1, Math.ceil((until - now) / 60_000)), until });
}

async function signIn(ctx: CoreContext, tokens: ResumeTokens, session: OperatorSession, row: OperatorTable): Promise<LoginResult> {
  await inTransaction(ctx, async (trx, journal) => {
    await trx.updateTable('operator').set({ failed_logins: 0, locked_until: null }).where('id', '=', row.id).execute();
    await journal({ type: 'operator.logged_in', entityType: 'operator', entityId: row.id, payload: { name: row.name, role: row.role }, operator: row.name });
  });
  if (session.resumeToken) tokens.revoke(session.resumeToken);
  const resumeToken = tokens.issue(row.id);
  session.operatorId = row.id;
  session.resumeToken = resumeToken;
  return { operator: toOperator(row), resumeToken };
}

/** Signs a new connection of the same page back in (a reload); not journaled, as nobody new logged in. */
export async function resume(ctx: CoreContext, tokens: ResumeTokens, session: OperatorSession, token: string): Promise<Operator> {
  const operatorId = tokens.take(token, ctx.clock.now());
  const row = operatorId ? await findOperatorById(ctx.db, operatorId) : undefined;
  if (!row || row.disabled === 1) {
    tokens.revoke(token);
    throw new AppError('session_expired', 'session_expired');
  }
  session.operatorId = row.id;
  session.resumeToken = token;
  return toOperator(row);
}

/** Logout, or the idle lock returning the console to the login screen; both journaled, both end the resume token. */
export async function signOut(ctx: CoreContext, tokens: ResumeTokens, session: OperatorSession, reason: 'logout' | 'idle_lock'): Promise<null> {
  const row = session.operatorId ? await findOperatorById(ctx.db, session.operatorId) : undefined;
  if (row) {
    await inTransaction(ctx, async (_trx, journal) => {
      const type = reason === 'logout' ? 'operator.logged_out' : 'operator.idle_locked';
      await journal({ type, entityType: 'operator', entityId: row.id, payload: { name: row.name }, operator: row.name });
    });
  }
  if (session.resumeToken) tokens.revoke(session.resumeToken);
  session.operatorId = null;
  session.resumeToken = null;
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
