// The system contract: what the UI needs to know about the running core.
import { z } from 'zod';
import type { AppErrorData } from './app-error';
import { query } from './define';

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
}

export const systemContract = {
  'system.info': query<SystemInfo>()(z.object({})),
};
