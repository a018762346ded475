// Whether the guard muted the console's sound: the header's mute toggle keeps it in localStorage, re-read here.
import { useEffect, useState } from 'react';

/** The key AlertSound (incidents/AlertSound.tsx) writes; one mute silences every alarm the console sounds. */
const mutedKey = 'duty-console-alerts-muted';
/** The toggle lives in another component with no shared state; a cheap re-read keeps the banner within a second of it. */
const recheckMs = 500;

function readMuted(): boolean {
  return localStorage.getItem(mutedKey) === 'true';
}

export function useConsoleMuted(): boolean {
  const [muted, setMuted] = useState(readMuted);
  useEffect(() => {
    const check = () => setMuted(readMuted());
    const timer = setInterval(check, recheckMs);
    window.addEventListener('storage', check);
    return () => {
      clearInterval(timer);
      window.removeEventListener('storage', check);
    };
  }, []);
  return muted;
}
