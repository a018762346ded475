// The system contract: what the UI needs to know about the running core.
import { z } from 'zod';
import type { AppErrorData } from './app-error';
import { query } from './define';
import type { ChainBreak } from './journal';

export interface SystemInfo {
  version: string;
  transport: 'electron' | 'web';
  dataDir: string;
  databasePath: string;
  startedAt: number;
  /**
   * How this start checked the database: in full before opening (first start, or after a crash or an outside
   * change), or in the background beside the running console (after a clean shutdown left the file untouched).
   */
  integrityCheck: 'before-start' | 'background';
  /** Set when the core could not start (for example the database failed its integrity check). */
  startupError: AppErrorData | null;
  /**
   * What start-up found when it compared the journal with its checkpoints outside the database (a cut or rewritten
   * journal, a replaced key); null when they agree. The console runs on either way: the alarm is shown, not obeyed.
   */
  journalAlarm: ChainBreak | null;
}

export const systemContract = {
  'system.info': query<SystemInfo>()(z.object({})),
};
