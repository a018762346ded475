// Watches that a serial device node still exists: a pty whose other end died, and some USB drivers, never report
// 'close', but the node vanishing is the reliable sign that the adapter was pulled.

import { existsSync } from 'node:fs';

const presenceCheckMs = 250;

/** Calls `onGone` once when `path` no longer exists; the returned function stops watching. */
export function watchPortPresence(path: string, onGone: () => void): () => void {
  const timer = setInterval(() => {
    if (existsSync(path)) return;
    clearInterval(timer);
    onGone();
  }, presenceCheckMs);
  timer.unref();
  return () => clearInterval(timer);
}
