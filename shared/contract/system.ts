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
  /** Set when the core could not start (for example the database failed its integrity check). */
  startupError: AppErrorData | null;
}

export const systemContract = {
  'system.info': query<SystemInfo>()(z.object({})),
};
