// The signed-in operator as the UI sees it: status (with resume after a reload), login, setup, logout, idle lock,
// and the core ending this page's sign-in (logout elsewhere, idle lock, password changed, account disabled).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect } from 'react';
import { AppError, type AuthStatus, type LoginResult, type Operator, type SessionEndReason } from '../../../shared/contract';
import { consoleClient } from '../transport';

const resumeKey = 'duty-console-resume';
/** The same token as a cookie for the headless host: every WebSocket this page opens then starts signed in. */
const resumeCookie = 'duty-console-session';

function keepResumeToken(token: string | null): void {
  if (token) sessionStorage.setItem(resumeKey, token);
  else sessionStorage.removeItem(resumeKey);
  document.cookie = token ? `${resumeCookie}=${token}; path=/api; SameSite=Strict` : `${resumeCookie}=; path=/api; SameSite=Strict; max-age=0`;
}
export const authStatusKey = ['auth.status', {}] as const;

/** Asks the core who is signed in on this connection; a reloaded page first tries to resume with its token. */
async function fetchStatus(): Promise<AuthStatus> {
  const client = consoleClient();
  const status = await client.invoke('auth.status', {});
  const token = sessionStorage.getItem(resumeKey);
  if (status.operator || status.needsSetup || !token) return status;
  try {
    return { ...status, operator: await client.invoke('auth.resume', { token }) };
  } catch {
    keepResumeToken(null);
    return status;
  }
}

export function useAuthStatus() {
  const queryClient = useQueryClient();
  const status = useQuery<AuthStatus, AppError>({ queryKey: authStatusKey, queryFn: fetchStatus, staleTime: Number.POSITIVE_INFINITY, retry: 1 });
  // Any call refused for want of a login (a reconnect, an account disabled meanwhile) re-asks who is signed in.
  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((event) => {
        const error = event.query.state.error;
        if (event.type === 'updated' && error instanceof AppError && error.code === 'auth_required') {
          void queryClient.invalidateQueries({ queryKey: authStatusKey });
        }
      }),
    [queryClient],
  );
  return status;
}

/** What the previous operator's screens cached is not for whoever signs in next. */
function forgetOperatorData(queryClient: ReturnType<typeof useQueryClient>): void {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== authStatusKey[0] && q.queryKey[0] !== 'system.info' });
}

/**
 * The core signed this page out (`session.ended`, pushed to this page alone): back to the login screen at once,
 * with the reason for `onEnded` to show.
 */
export function useSessionEndedByCore(onEnded: (reason: SessionEndReason) => void): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      consoleClient().subscribe('session.ended', ({ reason }) => {
        keepResumeToken(null);
        forgetOperatorData(queryClient);
        const previous = queryClient.getQueryData<AuthStatus>(authStatusKey);
        if (previous) queryClient.setQueryData<AuthStatus>(authStatusKey, { ...previous, operator: null });
        onEnded(reason);
        void queryClient.invalidateQueries({ queryKey: authStatusKey });
      }),
    [queryClient, onEnded],
  );
}

export interface SessionActions {
  signedIn(result: LoginResult): void;
  signOut(reason: 'logout' | 'idle_lock'): Promise<void>;
}

/** Returns what the login screen and the shell do with a login result or a logout. */
export function useSessionActions(): SessionActions {
  const queryClient = useQueryClient();
  const signedIn = useCallback(
    (result: LoginResult) => {
      keepResumeToken(result.resumeToken);
      const previous = queryClient.getQueryData<AuthStatus>(authStatusKey);
      forgetOperatorData(queryClient);
      queryClient.setQueryData<AuthStatus>(authStatusKey, { needsSetup: false, idleLockMinutes: previous?.idleLockMinutes ?? 10, operator: result.operator });
    },
    [queryClient],
  );
  const signOut = useCallback(
    async (reason: 'logout' | 'idle_lock') => {
      keepResumeToken(null);
      try {
        await consoleClient().invoke(reason === 'logout' ? 'auth.logout' : 'auth.lock', {});
      } finally {
        forgetOperatorData(queryClient);
        await queryClient.invalidateQueries({ queryKey: authStatusKey });
      }
    },
    [queryClient],
  );
  return { signedIn, signOut };
}

export interface SessionValue {
  operator: Operator;
  idleLockMinutes: number;
  signOut(reason: 'logout' | 'idle_lock'): Promise<void>;
}

export const SessionContext = createContext<SessionValue | null>(null);

/** The signed-in operator; only inside the gate (App's SessionGate), where someone always is. */
export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside the session gate');
  return value;
}
