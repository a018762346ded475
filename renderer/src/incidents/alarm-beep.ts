// The alarm's sound, made with the Web Audio API: three short beeps, no sound files to ship.

let audio: AudioContext | null = null;

/** Plays the pattern; resolves when it has finished (or at once if the page may not play sound). */
export async function playAlarmBeep(): Promise<void> {
  try {
    audio ??= new AudioContext();
    if (audio.state === 'suspended') await audio.resume();
    const start = audio.currentTime + 0.05;
    for (let i = 0; i < 3; i += 1) {
      const at = start + i * 0.4;
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.type = 'square';
      osc.frequency.value = 880;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.25);
      osc.connect(gain).connect(audio.destination);
      osc.start(at);
      osc.stop(at + 0.3);
    }
  } catch {
    // No audio device (or autoplay refused): the colours still show the alarm.
  }
  await new Promise((resolve) => setTimeout(resolve, 1300));
}
