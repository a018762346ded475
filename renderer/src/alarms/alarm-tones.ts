// The live alarms' sounds: the console's usual beep, and for critical alarms a faster two-tone pattern no one mistakes for it.
import { playAlarmBeep, playTones, type TonePattern } from '../incidents/alarm-beep';
import type { AlarmSoundMode } from './alarm-order';

/** Two alternating pitches, six times, like a fire panel's sounder. */
const urgent: TonePattern = { pitches: [1320, 990, 1320, 990, 1320, 990], wave: 'sawtooth', spacing: 0.18, length: 0.17, peak: 0.3, holdMs: 1200 };

export function playAlarmTone(mode: Exclude<AlarmSoundMode, 'off'>): Promise<void> {
  return mode === 'urgent' ? playTones(urgent) : playAlarmBeep();
}
