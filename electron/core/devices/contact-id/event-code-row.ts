// One row of the Contact ID event code table: code, what CCC carries, severity, English and Chinese text.

import type { AlarmSeverity } from '../driver-session';

/** What the CCC field of the event holds: a zone number (alarms, troubles) or a user number (openings, closings). */
export type EventPointKind = 'zone' | 'user';

export type EventCodeRow = readonly [code: number, point: EventPointKind, severity: AlarmSeverity, en: string, zh: string];
