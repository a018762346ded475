// Test support: the socat processes still running for a pty folder, read from /proc.

import { readdirSync, readFileSync } from 'node:fs';

/** Pids of running socat processes whose command line mentions `text` (a pty folder), read from /proc. */
export function socatProcessesMentioning(text: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (args[0]?.endsWith('socat') && args.some((a) => a.includes(text))) pids.push(Number(entry));
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return pids;
}
