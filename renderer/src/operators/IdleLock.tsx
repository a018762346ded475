// Locks the console back to the login screen after the set minutes without keyboard, mouse or touch input.
import { useEffect, useRef } from 'react';

const activityEvents = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;
const checkEveryMs = 5_000;

/** Renders nothing; calls `onIdle` once when no input has come for `minutes`. */
export function IdleLock({ minutes, onIdle }: { minutes: number; onIdle: () => void }) {
  const lastActivity = useRef(Date.now());
  const fired = useRef(false);
  const onIdleRef = useRef(onIdle);
  onIdleRef.current = onIdle;

  useEffect(() => {
    lastActivity.current = Date.now();
    fired.current = false;
    const touch = () => {
      lastActivity.current = Date.now();
    };
    for (const event of activityEvents) window.addEventListener(event, touch, { passive: true, capture: true });
    const timer = window.setInterval(() => {
      if (fired.current || Date.now() - lastActivity.current < minutes * 60_000) return;
      fired.current = true;
      onIdleRef.current();
    }, checkEveryMs);
    return () => {
      for (const event of activityEvents) window.removeEventListener(event, touch, { capture: true });
      window.clearInterval(timer);
    };
  }, [minutes]);
  return null;
}
