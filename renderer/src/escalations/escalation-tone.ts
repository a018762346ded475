// The escalation's own tone, unlike any alarm's: a rising three-note chime (sine), so the supervisor hears "mine".
import { playTones, type TonePattern } from '../incidents/alarm-beep';

const chime: TonePattern = { pitches: [523, 659, 784], wave: 'sine', spacing: 0.22, length: 0.5, peak: 0.3, holdMs: 1400 };

export function playEscalationChime(): Promise<void> {
  return playTones(chime);
}
