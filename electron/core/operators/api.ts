// Binds the operators' contract methods (auth, accounts, settings) to their services.
import { AppError } from '../../../shared/contract/app-error';
import type { operatorsContract } from '../../../shared/contract/operators';
import type { Handlers } from '../api-handlers';
import type { CallContext, CoreContext, OperatorSession } from '../context';
import { changeOwnPassword, createOperator, listOperators, setOperatorPassword, updateOperator } from './operator-service';
import { authStatus, login, type ResumeTokens, resume, setup, signOut } from './session-service';
import { getSettings, hotlineNow, setSettings } from './settings-service';

/** auth.* act on the transport session a call came through; the trusted internal path has none. */
function sessionOf(call: CallContext): OperatorSession {
  if (!call.session) throw new AppError('session_required', 'session_required');
  return call.session;
}

function signedIn(call: CallContext): string {
  const id = sessionOf(call).operatorId;
  if (!id) throw new AppError('auth_required', 'auth_required');
  return id;
}

export function operatorsApi(ctx: CoreContext, tokens: ResumeTokens): Handlers<keyof typeof operatorsContract> {
  return {
    'auth.status': (_args, call) => authStatus(ctx, sessionOf(call)),
    'auth.setup': (args, call) => setup(ctx, tokens, sessionOf(call), args),
    'auth.login': (args, call) => login(ctx, tokens, sessionOf(call), args),
    'auth.resume': (args, call) => resume(ctx, tokens, sessionOf(call), args.token),
    'auth.logout': (_args, call) => signOut(ctx, tokens, sessionOf(call), 'logout'),
    'auth.lock': (_args, call) => signOut(ctx, tokens, sessionOf(call), 'idle_lock'),
    'auth.changePassword': (args, call) => changeOwnPassword(ctx, signedIn(call), args),
    'operators.list': () => listOperators(ctx.db),
    'operators.create': (args, call) => createOperator(ctx, call, args),
    'operators.update': (args, call) => updateOperator(ctx, call, args),
    'operators.setPassword': (args, call) => setOperatorPassword(ctx, call, args),
    'settings.get': () => getSettings(ctx.db),
    'settings.set': (args, call) => setSettings(ctx, call, args),
    'settings.hotlineNow': () => hotlineNow(ctx),
  };
}
