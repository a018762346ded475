// The live alarms' sounds: the console's usual beep, and for critical alarms a faster two-tone pattern no one mistakes for it.
import { playAlarmBeep } from '../incidents/alarm-beep';
import type { AlarmSoundMode } from './alarm-order';

let audio: AudioContext | null = null;

/** Two alternating pitches, six times, like a fire panel's sounder; resolves when it has finished. */
async function playUrgentPattern(): Promise<void> {
  try {
    audio ??= new AudioContext();
    if (audio.state === 'suspended') await audio.resume();
    const start = audio.currentTime + 0.05;
    for (let i = 0; i < 6; i += 1) {
      const at = start + i * 0.18;
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.type = 'sawtooth';
      osc.frequency.value = i % 2 === 0 ? 1320 : 990;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.3, at + 0.01);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.16);
      osc.connect(gain).connect(audio.destination);
      osc.start(at);
      osc.stop(at + 0.17);
    }
  } catch {
    // No audio device (or autoplay refused): the banner's colours still show the alarm.
  }
  await new Promise((resolve) => setTimeout(resolve, 1200));
}

export function playAlarmTone(mode: Exclude<AlarmSoundMode, 'off'>): Promise<void> {
  return mode === 'urgent' ? playUrgentPattern() : playAlarmBeep();
}
