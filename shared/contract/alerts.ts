// The console's audible alerts: a duty guard silencing or restoring them, journaled like any other change.
import { z } from 'zod';
import { command } from './define';

export interface AlertsMuted {
  muted: boolean;
  at: number;
  by: string;
}

export const alertsContract = {
  /** Journals the guard's choice (entity 'console', type 'alerts.muted' / 'alerts.unmuted'); the sound itself is the UI's. */
  'alerts.setMuted': command<AlertsMuted>()(z.object({ muted: z.boolean(), reason: z.string().trim().max(500).default('') })),
};
