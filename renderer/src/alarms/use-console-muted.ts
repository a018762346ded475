// Whether the guard muted the console's sound: one flag for every alarm the console sounds (incident clocks and
// device alarms), kept in localStorage so a reload keeps it, shared live by the header toggle and the banner.
import { useSyncExternalStore } from 'react';

const mutedKey = 'duty-console-alerts-muted';
const listeners = new Set<() => void>();

function readMuted(): boolean {
  return localStorage.getItem(mutedKey) === 'true';
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another window of the same console (a second browser tab) changed it.
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

/** Called once the core has journaled the guard's choice (alerts.setMuted). */
export function setConsoleMuted(muted: boolean): void {
  localStorage.setItem(mutedKey, String(muted));
  for (const listener of listeners) listener();
}

export function useConsoleMuted(): boolean {
  return useSyncExternalStore(subscribe, readMuted);
}
