// Sends a fresh sign-in to the role's start page, and anyone away from a screen their role may not open.
import { type ReactNode, useEffect, useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../operators/use-session';
import { mayOpen, startPage } from './route-roles';

/*
 * The hash keeps the last screen across a logout, so the next operator would land on it (an administrator's page,
 * refused to a guard). Which operator this tab last landed is kept for the tab: a reload, or the same operator after
 * the idle lock, stays where they were; anyone else starts at their own page.
 */
const landedKey = 'duty-console-landed';

/** Called on logout: whoever signs in next starts at their own page. */
export function forgetLanding(): void {
  sessionStorage.removeItem(landedKey);
}

export function RoleLanding({ children }: { children: ReactNode }) {
  const { operator } = useSession();
  const location = useLocation();
  // Only the first screen after a sign-in is redirected; after that the operator goes where they like.
  const [fresh, setFresh] = useState(() => sessionStorage.getItem(landedKey) !== operator.id);
  useEffect(() => {
    sessionStorage.setItem(landedKey, operator.id);
    setFresh(false);
  }, [operator.id]);
  const home = startPage(operator.role);
  if (location.pathname === '/' || (fresh && location.pathname !== home) || !mayOpen(operator.role, location.pathname)) {
    return <Navigate to={home} replace />;
  }
  return children;
}
