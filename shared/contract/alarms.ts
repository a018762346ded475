// Live alarms from devices and the rules that turn some of them into incidents.
import { z } from 'zod';
import type { AlarmSeverity, DetailValue, LocalText } from '../domain/devices/device-signals';
import { slaLevels, type SlaLevel } from '../domain/incidents/sla-levels';
import { command, query } from './define';

const id = z.string().min(1).max(64);
const text = (max: number) => z.string().trim().max(max);

export const alarmSeverities = ['critical', 'major', 'minor', 'info'] as const;

/**
 * One condition a device raised. `active` until the device restores it (a restore event, the link coming back);
 * acknowledged separately by a person with a comment. `status` rows are reports that need no restore (a card read,
 * an arming by user 3): history, never active.
 */
export interface Alarm {
  id: string;
  deviceId: string;
  deviceName: string;
  conditionKey: string;
  eventCode: string;
  severity: AlarmSeverity;
  text: LocalText;
  point: string;
  state: 'active' | 'restored' | 'status';
  raisedAt: number;
  restoredAt: number | null;
  acknowledgedAt: number | null;
  acknowledgedBy: string | null;
  ackComment: string;
  /** The incident a rule opened for it. */
  incidentId: string | null;
  incidentNumber: string | null;
  detail: Record<string, DetailValue>;
}

export interface AlarmList {
  items: Alarm[];
  /** Active and not yet acknowledged: what keeps the banner up and the sound on. */
  unacknowledged: number;
  /**
   * Alarms a device was answered for that the database would not take as alarm rows: kept aside with the reason (and
   * journaled as `alarm.setAside`) for an engineer to look into. Counted over all devices.
   */
  setAside: number;
}

/**
 * Which events open an incident and at which SLA level. `eventPattern` is an event code, or a prefix ending in
 * `*` (`cid.11*` = every fire code); the most specific enabled rule wins.
 */
export const alarmRuleInputSchema = z.object({
  eventPattern: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9-]+(\.[A-Za-z0-9-]+)*\*?$|^[a-z0-9-]+\.\*$/, 'alarm_rule_pattern'),
  label: z.object({ zh: text(100), en: text(100) }),
  openIncident: z.boolean(),
  level: z.enum(slaLevels),
  /** The catalog system the incident is filed under (e.g. 'intrusion', 'access-control'). */
  systemId: z.string().min(1).max(64),
  enabled: z.boolean().default(true),
});
export type AlarmRuleInput = z.infer<typeof alarmRuleInputSchema>;

export interface AlarmRule extends AlarmRuleInput {
  id: string;
  updatedAt: number;
}

export interface AlarmRaised {
  alarm: Alarm;
}

export interface AlarmsChanged {
  ids: string[];
}

export const alarmsContract = {
  /** `active`: not restored or not acknowledged, most severe then newest first; `all`: history, newest first. */
  'alarms.list': query<AlarmList>()(
    z.object({
      scope: z.enum(['active', 'all']).default('active'),
      deviceId: id.optional(),
      limit: z.number().int().min(1).max(1000).default(200),
      beforeRaisedAt: z.number().int().min(0).optional(),
    }),
  ),
  'alarms.acknowledge': command<Alarm>()(z.object({ id, comment: text(500).min(1) })),
  'alarmRules.list': query<AlarmRule[]>()(z.object({})),
  'alarmRules.create': command<AlarmRule>()(alarmRuleInputSchema),
  'alarmRules.update': command<AlarmRule>()(z.object({ id, fields: alarmRuleInputSchema })),
  'alarmRules.remove': command<null>()(z.object({ id })),
};

export type { AlarmSeverity, SlaLevel };
