// Locks the console back to the login screen after the set minutes without keyboard, mouse or touch input, and
// tells the core while someone is there (the core's own idle lock counts nothing else, see core/operators/idle-lock.ts).
import { useEffect, useRef } from 'react';
import { consoleClient } from '../transport';

const activityEvents = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;
const checkEveryMs = 5_000;

/** Renders nothing; reports input to the core at most once per check, and calls `onIdle` once when none has come for `minutes`. */
export function IdleLock({ minutes, onIdle }: { minutes: number; onIdle: () => void }) {
  const lastActivity = useRef(Date.now());
  const reported = useRef(Date.now());
  const fired = useRef(false);
  const onIdleRef = useRef(onIdle);
  onIdleRef.current = onIdle;

  useEffect(() => {
    lastActivity.current = Date.now();
    reported.current = lastActivity.current;
    fired.current = false;
    const touch = () => {
      lastActivity.current = Date.now();
    };
    for (const event of activityEvents) window.addEventListener(event, touch, { passive: true, capture: true });
    const timer = window.setInterval(() => {
      if (fired.current) return;
      if (Date.now() - lastActivity.current >= minutes * 60_000) {
        fired.current = true;
        onIdleRef.current();
        return;
      }
      if (lastActivity.current > reported.current) {
        reported.current = lastActivity.current;
        // Lost on a broken connection, the report goes again after the next input; a page the core has signed out
        // hears session.ended instead.
        consoleClient()
          .invoke('auth.activity', {})
          .catch((err: unknown) => console.warn('auth.activity was not delivered:', err));
      }
    }, checkEveryMs);
    return () => {
      for (const event of activityEvents) window.removeEventListener(event, touch, { capture: true });
      window.clearInterval(timer);
    };
  }, [minutes]);
  return null;
}
