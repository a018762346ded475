// What one run of the core knows of its file's soundness: checked before opening, or being checked beside the console.
import type { AppErrorData } from '../../../shared/contract/app-error';
import { startBackgroundIntegrityCheck } from './open-database';

export interface IntegrityState {
  /** Whether this run has proof the file is sound, which a clean-shutdown mark may then vouch for next time. */
  knownGood(): boolean;
  /** Waits for a check still running; true when the file is sound. */
  checked(): Promise<boolean>;
  /** Interrupts a check still running (at shutdown). */
  cancel(): Promise<void>;
}

/** The full check ran before the file was opened, and passed (opening fails otherwise). */
export function checkedBeforeOpening(): IntegrityState {
  return { knownGood: () => true, checked: async () => true, cancel: async () => undefined };
}

/** The full check runs on a read-only connection beside the console; `onBroken` hears if it fails. */
export function checkingInBackground(databasePath: string, onBroken: (error: AppErrorData) => void): IntegrityState {
  const check = startBackgroundIntegrityCheck(databasePath);
  let good = false;
  void check.result.then((outcome) => {
    if (outcome === 'interrupted') return;
    if (outcome === null) good = true;
    else onBroken(outcome);
  });
  return {
    knownGood: () => good,
    checked: async () => (await check.result) === null,
    cancel: () => check.cancel(),
  };
}
