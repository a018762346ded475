// The full Contact ID (SIA DC-05) event code table and its lookup: text (zh/en), severity, what CCC carries.

import type { AlarmSeverity, LocalText } from '../driver-session';
import { alarmEventCodes } from './event-codes-alarms';
import { bypassTestEventCodes } from './event-codes-bypass-test';
import type { EventCodeRow, EventPointKind } from './event-code-row';
import { openCloseEventCodes } from './event-codes-open-close';
import { troubleEventCodes } from './event-codes-troubles';

export type { EventPointKind } from './event-code-row';

export interface ContactIdEventInfo {
  /** Three digits, e.g. `110`. */
  code: string;
  /** False for a code the table does not list: it still decodes, ranked major so someone looks at it. */
  known: boolean;
  point: EventPointKind;
  severity: AlarmSeverity;
  text: LocalText;
}

const toInfo = ([code, point, severity, en, zh]: EventCodeRow): ContactIdEventInfo => ({
  code: String(code).padStart(3, '0'),
  known: true,
  point,
  severity,
  text: { zh, en },
});

export const contactIdEventCodes: ReadonlyMap<string, ContactIdEventInfo> = new Map(
  [...alarmEventCodes, ...troubleEventCodes, ...openCloseEventCodes, ...bypassTestEventCodes].map((row) => {
    const info = toInfo(row);
    return [info.code, info];
  }),
);

/** Looks a code up (`'110'` or `110`); an unlisted code gives "unknown event XYZ", severity major. */
export function lookupEventCode(code: string | number): ContactIdEventInfo {
  const key = String(code).padStart(3, '0');
  return (
    contactIdEventCodes.get(key) ?? {
      code: key,
      known: false,
      point: 'zone',
      severity: 'major',
      text: { zh: `未知事件 ${key}`, en: `unknown event ${key}` },
    }
  );
}

/**
 * DC-05: for open/close codes the qualifier means opening (1, SurGard `E`) or closing (3, SurGard `R`)
 * rather than new event or restore.
 */
export function isOpenCloseCode(code: string): boolean {
  const value = Number(code);
  return (value >= 400 && value <= 409) || value === 441 || value === 442;
}
