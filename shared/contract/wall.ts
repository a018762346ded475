// The wall screen's contract: an administrator turns it on; then a page that is not signed in may read the one
// snapshot it shows (and nothing else: the 'wall' access in method-permissions.ts).
import { z } from 'zod';
import type { AlarmSeverity, LocalText } from '../domain/devices/device-signals';
import type { IncidentState } from '../domain/incidents/incident-lifecycle';
import type { MilestoneKind } from '../domain/incidents/sla-clock';
import type { SlaLevel } from '../domain/incidents/sla-levels';
import { command, query } from './define';
import type { LinkState } from './links';
import type { HistoryPoint } from './readings';

export interface WallSettings {
  enabled: boolean;
}

/**
 * The wall key: the headless host's wall address carries it (`?wall=<key>#/wall`) instead of the host's per-start
 * token, so a wall monitor's bookmark lasts across restarts. It opens `wall.snapshot` and nothing else. Null until the
 * wall is first turned on.
 */
export interface WallKey {
  key: string | null;
}

/** green: talking, nothing active; amber: talking with alarms standing, or (re)connecting; red: offline. */
export type WallTone = 'green' | 'amber' | 'red';

export interface WallLinkTile {
  id: string;
  name: string;
  state: LinkState;
  tone: WallTone;
  activeAlarms: number;
}

export interface WallAlarm {
  id: string;
  deviceName: string;
  severity: AlarmSeverity;
  text: LocalText;
  raisedAt: number;
  acknowledged: boolean;
}

export interface WallIncident {
  id: string;
  number: string;
  level: SlaLevel;
  state: IncidentState;
  title: string;
  location: string;
  /** The pending milestone nearest its deadline, and the time left at `asOf` (negative: overdue). */
  milestone: MilestoneKind | null;
  remainingMs: number | null;
}

export interface WallReading {
  linkName: string;
  key: string;
  label: LocalText;
  unit: string;
  value: number | null;
  at: number | null;
  points: HistoryPoint[];
}

/** What the wall shows, read in one call: only names, states, texts and figures, nothing about people. */
export interface WallSnapshot {
  asOf: number;
  links: WallLinkTile[];
  alarms: WallAlarm[];
  /** Active alarms in all (the list holds the newest). */
  alarmCount: number;
  incidents: WallIncident[];
  readings: WallReading[];
}

export const wallContract = {
  'wall.settings': query<WallSettings>()(z.object({})),
  /** Journaled. */
  'wall.setEnabled': command<WallSettings>()(z.object({ enabled: z.boolean() })),
  /** The administrator's: the key the wall address carries. */
  'wall.key': query<WallKey>()(z.object({})),
  /** Journaled (without the key): a new key, and the old address stops. */
  'wall.rotateKey': command<WallKey>()(z.object({})),
  /** Refused (wall_disabled) to a page that is not signed in unless the wall screen is on. */
  'wall.snapshot': query<WallSnapshot>()(z.object({})),
};
