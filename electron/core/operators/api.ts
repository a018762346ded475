// Binds the operators' contract methods (auth, accounts, settings) to their services.
import { AppError } from '../../../shared/contract/app-error';
import type { operatorsContract } from '../../../shared/contract/operators';
import type { Handlers } from '../api-handlers';
import type { CallContext, CoreContext, OperatorSession } from '../context';
import type { AccessState } from './access-state';
import { createOperator, listOperators, setOperatorPassword, updateOperator } from './operator-service';
import { authStatus, changeOwnPassword, login, markActivity, resume, setup, signOut } from './session-service';
import { getSettings, hotlineNow, setSettings } from './settings-service';

/** auth.* act on the transport session a call came through; the trusted internal path has none. */
function sessionOf(call: CallContext): OperatorSession {
  if (!call.session) throw new AppError('session_required', 'session_required');
  return call.session;
}

export function operatorsApi(ctx: CoreContext, access: AccessState): Handlers<keyof typeof operatorsContract> {
  return {
    'auth.status': (_args, call) => authStatus(ctx, sessionOf(call)),
    'auth.setup': (args, call) => setup(ctx, access, sessionOf(call), args),
    'auth.login': (args, call) => login(ctx, access, sessionOf(call), args),
    'auth.resume': (args, call) => resume(ctx, access, sessionOf(call), args.token),
    'auth.logout': (_args, call) => signOut(ctx, access, sessionOf(call), 'logout'),
    'auth.lock': (_args, call) => signOut(ctx, access, sessionOf(call), 'idle_lock'),
    'auth.activity': async (_args, call) => markActivity(ctx, access, sessionOf(call)),
    'auth.changePassword': (args, call) => changeOwnPassword(ctx, access, call, args),
    'operators.list': () => listOperators(ctx.db),
    'operators.create': (args, call) => createOperator(ctx, call, args),
    'operators.update': (args, call) => updateOperator(ctx, access.signIns, call, args),
    'operators.setPassword': (args, call) => setOperatorPassword(ctx, access.signIns, call, args),
    'settings.get': () => getSettings(ctx.db),
    'settings.set': (args, call) => setSettings(ctx, call, args),
    'settings.hotlineNow': () => hotlineNow(ctx),
  };
}
