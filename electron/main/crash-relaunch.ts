// The desktop app after an error nothing caught in its main process: the crash log first, then a fresh start, so a
// machine-room console comes back by itself; unless it failed so soon after starting that it would only loop.
import { app } from 'electron';
import { type CrashLogOptions, installCrashLog } from '../node/crash-log';

/** A main process that fails sooner than this after its start is not started again (it would fail the same way). */
export const relaunchMinUptimeMs = 30_000;

export function relaunchAfterCrash(options: CrashLogOptions, uptimeMs: () => number = () => process.uptime() * 1000): () => void {
  return installCrashLog(options, () => {
    if (uptimeMs() >= relaunchMinUptimeMs) app.relaunch();
    app.exit(1);
  });
}
