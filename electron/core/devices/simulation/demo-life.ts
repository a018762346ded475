// The demo site's gentle life: card swipes with the door opening after them, a drifting room climate, a rare alarm that clears.

import type { DriverKind } from '../../../../shared/contract/links';
import { errorLine } from './command-words';

/** Runs `task` after `delayMs`; returns a cancel function. Injected so tests move time themselves. */
export type DemoSchedule = (delayMs: number, task: () => void) => () => void;

export interface DemoLifeTiming {
  /** Mean time between card swipes (spread ±10 s). */
  swipeEveryMs: number;
  /** How long a door stays open after a swipe. */
  doorOpenMs: number;
  climateEveryMs: number;
  /** How often a rare event may happen, and the chance that one does. */
  rareEveryMs: number;
  rareChance: number;
  /** How long a rare event lasts before it restores. */
  restoreAfterMs: number;
}

export const defaultDemoLifeTiming: DemoLifeTiming = {
  swipeEveryMs: 45_000,
  doorOpenMs: 6_000,
  climateEveryMs: 20_000,
  rareEveryMs: 300_000,
  rareChance: 0.2,
  restoreAfterMs: 60_000,
};

export interface DemoLifeInput {
  /** Runs a command line on the demo device of that kind. */
  run(kind: DriverKind, commandLine: string): Promise<string>;
  schedule: DemoSchedule;
  /** 0 ≤ x < 1. */
  random: () => number;
  timing: DemoLifeTiming;
  account: string;
  log(line: string): void;
}

/** Staff cards (26-bit H10301, facility 12), as `swipe` takes them: facility × 65536 + number. */
const staffCards = [1001, 1002, 1017, 1023, 1042].map((number) => 12 * 65_536 + number);
/** Reader 1 guards the front door (panel zone 1), reader 2 the server room door (zone 5). */
const doorZoneOfReader: Readonly<Record<number, number>> = { 1: 1, 2: 5 };
/** Contact ID zone of the server room door on the receiver's side. */
const forcedDoorZone = 5;

export interface DemoLife {
  stop(): void;
}

export function startDemoLife(input: DemoLifeInput): DemoLife {
  const { schedule, random, timing } = input;
  const pending = new Set<() => void>();
  let stopped = false;
  let climate = { temperature: 23.5, humidity: 48 };
  let temperatureHeld = false;

  const later = (delayMs: number, task: () => void): void => {
    const cancel = schedule(delayMs, () => {
      pending.delete(cancel);
      if (!stopped) task();
    });
    pending.add(cancel);
  };

  const act = (kind: DriverKind, commandLine: string): void => {
    // Nothing may be listening yet (the console not started, the device disabled): say so and carry on living.
    input.run(kind, commandLine).then(
      (result) => input.log(`${kind}: ${result}`),
      (error: unknown) => input.log(`${kind}: ${commandLine}: ${errorLine(error)}`),
    );
  };

  const pick = <T>(items: readonly T[]): T => items[Math.min(items.length - 1, Math.floor(random() * items.length))] as T;

  function swipe(): void {
    const reader = random() < 0.5 ? 1 : 2;
    const zone = doorZoneOfReader[reader] ?? 1;
    act('osdp', `swipe ${reader} ${pick(staffCards)}`);
    act('nx584', `fault ${zone} on`);
    later(timing.doorOpenMs, () => act('nx584', `fault ${zone} off`));
    later(timing.swipeEveryMs - 10_000 + random() * 20_000, swipe);
  }

  function drift(): void {
    // A random walk pulled back towards the room's set point, as an air-conditioned machine room behaves.
    const step = (value: number, target: number, spread: number): number => value + (random() - 0.5) * spread + (target - value) * 0.2;
    climate = { temperature: step(climate.temperature, 23.5, 0.6), humidity: step(climate.humidity, 48, 2) };
    const temperature = temperatureHeld ? '' : `set temperature ${climate.temperature.toFixed(1)}; `;
    act('modbus', `${temperature}set humidity ${climate.humidity.toFixed(1)}`);
    later(timing.climateEveryMs, drift);
  }

  function rareEvent(): void {
    later(timing.rareEveryMs, rareEvent);
    const roll = random();
    if (roll >= timing.rareChance) return;
    if (roll < timing.rareChance / 2) {
      act('contact-id', `event ${input.account} E 423 01 ${forcedDoorZone}`);
      later(timing.restoreAfterMs, () => act('contact-id', `restore ${input.account} ${forcedDoorZone} 423`));
      return;
    }
    temperatureHeld = true;
    act('modbus', 'over temperature');
    later(timing.restoreAfterMs, () => {
      temperatureHeld = false;
      act('modbus', `set temperature ${climate.temperature.toFixed(1)}`);
    });
  }

  later(timing.swipeEveryMs - 10_000 + random() * 20_000, swipe);
  later(timing.climateEveryMs, drift);
  later(timing.rareEveryMs, rareEvent);

  return {
    stop() {
      stopped = true;
      for (const cancel of pending) cancel();
      pending.clear();
    },
  };
}
