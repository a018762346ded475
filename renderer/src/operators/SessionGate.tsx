// Shows the login (or first-run setup) until someone is signed in, then the app with the idle lock armed.
import { Spin } from 'antd';
import { type ReactNode, useCallback, useMemo, useState } from 'react';
import type { SessionEndReason } from '../../../shared/contract';
import { IdleLock } from './IdleLock';
import { LoginScreen } from './LoginScreen';
import { SessionContext, type SessionValue, useAuthStatus, useSessionActions, useSessionEndedByCore } from './use-session';

export function SessionGate({ children }: { children: ReactNode }) {
  const status = useAuthStatus();
  const { signOut } = useSessionActions();
  /** Why the login screen is back, when this page did not ask for it (or its own idle lock did). */
  const [ended, setEnded] = useState<SessionEndReason | null>(null);
  useSessionEndedByCore(useCallback((reason: SessionEndReason) => setEnded(reason), []));
  const operator = status.data?.operator ?? null;
  const idleLockMinutes = status.data?.idleLockMinutes ?? 10;

  const value = useMemo<SessionValue | null>(
    () =>
      operator && {
        operator,
        idleLockMinutes,
        signOut: async (reason) => {
          setEnded(reason === 'idle_lock' ? 'idle_lock' : null);
          await signOut(reason);
        },
      },
    [operator, idleLockMinutes, signOut],
  );

  if (status.isPending) return <Spin fullscreen />;
  if (!value) return <LoginScreen needsSetup={status.data?.needsSetup ?? false} ended={ended} />;
  return (
    <SessionContext.Provider value={value}>
      <IdleLock minutes={idleLockMinutes} onIdle={() => void value.signOut('idle_lock')} />
      {children}
    </SessionContext.Provider>
  );
}
