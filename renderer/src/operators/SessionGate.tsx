// Shows the login (or first-run setup) until someone is signed in, then the app with the idle lock armed.
import { Spin } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { IdleLock } from './IdleLock';
import { LoginScreen } from './LoginScreen';
import { SessionContext, type SessionValue, useAuthStatus, useSessionActions } from './use-session';

export function SessionGate({ children }: { children: ReactNode }) {
  const status = useAuthStatus();
  const { signOut } = useSessionActions();
  const [idleLocked, setIdleLocked] = useState(false);
  const operator = status.data?.operator ?? null;
  const idleLockMinutes = status.data?.idleLockMinutes ?? 10;

  const value = useMemo<SessionValue | null>(
    () =>
      operator && {
        operator,
        idleLockMinutes,
        signOut: async (reason) => {
          setIdleLocked(reason === 'idle_lock');
          await signOut(reason);
        },
      },
    [operator, idleLockMinutes, signOut],
  );

  if (status.isPending) return <Spin fullscreen />;
  if (!value) return <LoginScreen needsSetup={status.data?.needsSetup ?? false} idleLocked={idleLocked} />;
  return (
    <SessionContext.Provider value={value}>
      <IdleLock minutes={idleLockMinutes} onIdle={() => void value.signOut('idle_lock')} />
      {children}
    </SessionContext.Provider>
  );
}
