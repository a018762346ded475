// A transport's session with the core: starts signed out, and checks every call against the permission table.
import { AppError, type Result } from '../../../shared/contract/app-error';
import { isMethodName } from '../../../shared/contract';
import { operatorRoles, type OperatorRole } from '../../../shared/domain/incidents/incident-lifecycle';
import type { CallContext, CoreContext, OperatorSession } from '../context';
import { toErrorData } from '../to-error-data';
import { methodAccess } from './method-permissions';
import { callerOf, type ResumeTokens, sessionOperator } from './session-service';

/** What a transport holds for one page (a WebSocket connection, a desktop window): calls as its signed-in operator. */
export interface CoreSession {
  /** Like Core.call, but as the session's operator, and only what the permission table allows them. Never throws. */
  call(method: string, input: unknown): Promise<Result<unknown>>;
  /** The page went away: its resume token stays good for a reload's grace period only. */
  close(): void;
  /**
   * Whether an operator is signed in on this page. Transports push core events (alarms, incidents, journal) only to
   * signed-in pages: the login screen of a console left open shows nothing of the site.
   */
  readonly signedIn: boolean;
}

/** The one event a signed-out page needs: the core turned to its error screen. */
export function eventAllowedSignedOut(event: string): boolean {
  return event === 'system.changed';
}

export type Dispatch = (method: string, input: unknown, caller: CallContext) => Promise<Result<unknown>>;

export function roleAtLeast(role: OperatorRole, minimum: OperatorRole): boolean {
  return operatorRoles.indexOf(role) >= operatorRoles.indexOf(minimum);
}

function refuse(code: 'auth_required' | 'permission_denied', params: Record<string, string | null>): Result<unknown> {
  return { ok: false, error: new AppError(code, code, params).toData() };
}

/** `ctx` is null when the core failed to start: then only system.info answers, through `dispatch`. */
export function openCoreSession(ctx: CoreContext | null, tokens: ResumeTokens, dispatch: Dispatch): CoreSession {
  const session: OperatorSession = { operatorId: null, resumeToken: null };
  return {
    async call(method, input) {
      if (!isMethodName(method) || !ctx) return dispatch(method, input, { operator: '', session });
      const access = methodAccess(method);
      let operator;
      try {
        operator = await sessionOperator(ctx, session);
      } catch (err) {
        return { ok: false, error: toErrorData(err) };
      }
      if (access === 'signed_out') return dispatch(method, input, operator ? callerOf(operator, session) : { operator: '', session });
      // A method the table does not name is refused to everyone (deny by default).
      if (access === undefined) return refuse('permission_denied', { method, role: operator?.role ?? null, required: null });
      if (!operator) return refuse('auth_required', { method });
      if (!roleAtLeast(operator.role, access)) return refuse('permission_denied', { method, role: operator.role, required: access });
      return dispatch(method, input, callerOf(operator, session));
    },
    close() {
      if (ctx && session.resumeToken) tokens.release(session.resumeToken, ctx.clock.now());
    },
    get signedIn() {
      return session.operatorId !== null;
    },
  };
}
