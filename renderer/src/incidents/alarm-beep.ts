// The console's sounds, made with the Web Audio API from tone patterns: no sound files to ship.

let audio: AudioContext | null = null;

export interface TonePattern {
  /** Pitch of each tone in Hz, in the order played. */
  pitches: readonly number[];
  wave: OscillatorType;
  /** Seconds from one tone's start to the next. */
  spacing: number;
  /** Seconds each tone sounds (it fades out over the last part). */
  length: number;
  peak: number;
  /** Milliseconds before the promise resolves: the pattern's length and a pause. */
  holdMs: number;
}

/** Plays the pattern; resolves when it has finished (or at once if the page may not play sound). */
export async function playTones(pattern: TonePattern): Promise<void> {
  try {
    const context = (audio ??= new AudioContext());
    if (context.state === 'suspended') await context.resume();
    const start = context.currentTime + 0.05;
    pattern.pitches.forEach((pitch, i) => {
      const at = start + i * pattern.spacing;
      const osc = context.createOscillator();
      const gain = context.createGain();
      osc.type = pattern.wave;
      osc.frequency.value = pitch;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(pattern.peak, at + 0.01);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + pattern.length - 0.02);
      osc.connect(gain).connect(context.destination);
      osc.start(at);
      osc.stop(at + pattern.length);
    });
  } catch {
    // No audio device (or autoplay refused): the colours still show the alarm.
  }
  await new Promise((resolve) => setTimeout(resolve, pattern.holdMs));
}

/** Three short beeps: an incident's SLA deadline near or passed, a device alarm that is not critical. */
const beep: TonePattern = { pitches: [880, 880, 880], wave: 'square', spacing: 0.4, length: 0.3, peak: 0.25, holdMs: 1300 };

export function playAlarmBeep(): Promise<void> {
  return playTones(beep);
}
