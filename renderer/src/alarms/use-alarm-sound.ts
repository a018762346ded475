// Sounds the live alarms: at once for a new unacknowledged alarm, then again and again until all are acknowledged.
import { useEffect, useRef } from 'react';
import type { Alarm } from '../../../shared/contract/alarms';
import { useNow } from '../incidents/incident-format';
import { type AlarmSoundMode, alarmSoundMode } from './alarm-order';
import { playAlarmTone } from './alarm-tones';

/** A critical alarm repeats its pattern this often (a fire panel sounds continuously); others less insistently. */
const repeatMs: Record<Exclude<AlarmSoundMode, 'off'>, number> = { urgent: 5_000, normal: 15_000 };

export function useAlarmSound(alarms: readonly Alarm[], muted: boolean): AlarmSoundMode {
  const mode = alarmSoundMode(alarms, muted);
  const heard = useRef(new Set<string>());
  const lastPlayed = useRef(0);
  const playing = useRef(false);
  const tick = useNow(1_000);

  useEffect(() => {
    const waiting = alarms.filter((a) => a.state === 'active' && a.acknowledgedAt === null).map((a) => a.id);
    const fresh = waiting.some((id) => !heard.current.has(id));
    for (const id of waiting) heard.current.add(id);
    if (mode === 'off' || playing.current) return;
    if (!fresh && tick - lastPlayed.current < repeatMs[mode]) return;
    playing.current = true;
    lastPlayed.current = Date.now();
    void playAlarmTone(mode).finally(() => {
      playing.current = false;
    });
  }, [alarms, mode, tick]);

  return mode;
}
