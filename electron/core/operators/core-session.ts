// A transport's session with the core: starts signed out, checks every call against the permission table, and
// decides which events its page hears.
import { AppError, type Result } from '../../../shared/contract/app-error';
import { type EventMap, type EventName, isMethodName, type SessionEndReason } from '../../../shared/contract';
import { methodAccess } from '../../../shared/domain/operators/method-permissions';
import { roleAtLeast } from '../../../shared/domain/operators/operator-roles';
import type { CallContext, CoreContext, OperatorSession } from '../context';
import { toErrorData } from '../to-error-data';
import type { AccessState } from './access-state';
import { lockIfIdle } from './idle-lock';
import { wallKeyMatches, wallSettings } from '../wall/wall-setting';
import { callerOf, sessionOperator } from './session-service';

/** Who the journal would name for a wall page's call (its calls only read; nothing it may call journals). */
const wallCaller = 'wall';
/** Who the journal would name for a print page's call (its one call only reads). */
const printCaller = 'print';

/** What a transport holds for one page (a WebSocket connection, a desktop window): calls as its signed-in operator. */
export interface CoreSession {
  /** Like Core.call, but as the session's operator, and only what the permission table allows them. Never throws. */
  call(method: string, input: unknown): Promise<Result<unknown>>;
  /** The page went away: its resume token stays good for a reload's grace period only, and its events stop. */
  close(): void;
  /** Whether an operator is signed in on this page. */
  readonly signedIn: boolean;
}

/**
 * A page that is only ever a wall: the desktop app's wall window, or a browser that came in with the wall key (the
 * headless host's lasting wall address). It may call the methods the table marks 'wall' and nothing else, not even
 * the login; with `key` set, only while that key is still the one in force.
 */
export interface WallOnly {
  key?: string;
}

/** Hands an event to one page (the transport sends it over that page's connection or window). */
export type PagePush = <E extends EventName>(event: E, payload: EventMap[E]) => void;

export type Dispatch = (method: string, input: unknown, caller: CallContext) => Promise<Result<unknown>>;

export interface CoreSessionDeps {
  /** null when the core failed to start: then only system.info answers, through `dispatch`. */
  ctx: CoreContext | null;
  access: AccessState;
  dispatch: Dispatch;
  onEvent(listener: PagePush): () => void;
}

/*
 * The one place deciding what a page hears. Signed in: every core event, and `session.ended` when the core signs
 * it out (sent to this page alone). Signed out: only `system.changed` (the core turned to its error screen): the
 * login screen of a console left open shows nothing of the site.
 */
function heardSignedOut(event: EventName): boolean {
  return event === 'system.changed';
}

function refuse(code: 'auth_required' | 'permission_denied' | 'wall_disabled' | 'wall_key_invalid', params: Record<string, string | null>): Result<unknown> {
  return { ok: false, error: new AppError(code, code, params).toData() };
}

/** `push` reaches the session's page; without one (tests, the trusted path) the page hears nothing. */
export function openCoreSession({ ctx, access, dispatch, onEvent }: CoreSessionDeps, push: PagePush = () => undefined, wallOnly?: WallOnly): CoreSession {
  const session: OperatorSession = { operatorId: null, resumeToken: null };
  const open = { state: session, ended: (reason: SessionEndReason) => push('session.ended', { reason }) };
  access.signIns.attach(open);
  const stopEvents = onEvent((event, payload) => {
    if (session.operatorId !== null || heardSignedOut(event)) push(event, payload);
  });
  // The wall screen's page: not signed in, reads only what the table marks 'wall', and only while it is on.
  const callAsWall = async (method: string, input: unknown): Promise<Result<unknown>> => {
    if (!ctx || !isMethodName(method) || methodAccess(method) !== 'wall') return refuse('permission_denied', { method, role: null, required: null });
    try {
      if (wallOnly?.key !== undefined && !(await wallKeyMatches(ctx.db, wallOnly.key))) return refuse('wall_key_invalid', { method });
      if (!(await wallSettings(ctx.db)).enabled) return refuse('wall_disabled', { method });
    } catch (err) {
      return { ok: false, error: toErrorData(err) };
    }
    return dispatch(method, input, { operator: wallCaller, role: 'duty_guard', session });
  };
  return {
    async call(method, input) {
      if (wallOnly) return callAsWall(method, input);
      if (!isMethodName(method) || !ctx) return dispatch(method, input, { operator: '', session });
      const required = methodAccess(method);
      let operator;
      try {
        // Idle past the set minutes: signed out before this call is looked at (the idle watch may not have run yet).
        if (session.resumeToken) await lockIfIdle(ctx, access.signIns, session.resumeToken);
        operator = await sessionOperator(ctx, session);
      } catch (err) {
        return { ok: false, error: toErrorData(err) };
      }
      if (required === 'signed_out') return dispatch(method, input, operator ? callerOf(operator, session) : { operator: '', session });
      // A method the table does not name is refused to everyone (deny by default).
      if (required === undefined) return refuse('permission_denied', { method, role: operator?.role ?? null, required: null });
      if (required === 'wall') {
        if (operator) return dispatch(method, input, callerOf(operator, session));
        return callAsWall(method, input);
      }
      // The record's PDF page: nobody signs in on it; the handler answers only for the print token it carries.
      if (required === 'print') return dispatch(method, input, operator ? callerOf(operator, session) : { operator: printCaller, role: 'duty_guard', session });
      if (!operator) return refuse('auth_required', { method });
      if (!roleAtLeast(operator.role, required)) return refuse('permission_denied', { method, role: operator.role, required });
      return dispatch(method, input, callerOf(operator, session));
    },
    close() {
      stopEvents();
      access.signIns.detach(open);
      if (ctx && session.resumeToken) access.signIns.release(session.resumeToken, ctx.clock.now());
    },
    get signedIn() {
      return session.operatorId !== null;
    },
  };
}
