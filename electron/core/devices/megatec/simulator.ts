// A Megatec/Q1 UPS played over a BytePort: answers Q1/F/I with slightly drifting values, scriptable failures.

import type { BytePort } from '../port/byte-port';
import { createLineDecoder, decodeCommandText, encodeLine } from './codec';
import { encodeIdentityReply, encodeRatingReply, encodeStatusReply, type UpsIdentity, type UpsRating, type UpsStatus } from './reply';

export interface UpsSimulatorOptions {
  port: BytePort;
  identity?: UpsIdentity;
  rating?: UpsRating;
  /** Command texts this model does not know (e.g. `['I']`): treated like any unknown command. */
  unsupported?: readonly string[];
  /** An unknown command is echoed back (true, the default) or met with silence; both mean "not supported". */
  echoUnknown?: boolean;
  /** 0 ≤ x < 1, for the drift of measured values. */
  random?: () => number;
  /** Reports the standby (line-interactive) type bit instead of online. */
  standby?: boolean;
  /** How long the `T` battery test keeps the test bit set; the protocol says 10 s. */
  batteryTestMs?: number;
}

export interface UpsSimulator {
  /** Mains gone: input 0 V, the UPS on battery (utility-fail bit). */
  mainsFailure(on: boolean): void;
  batteryLow(on: boolean): void;
  fault(on: boolean): void;
  bypass(on: boolean): void;
  echoUnknown(on: boolean): void;
  /** Sends raw bytes as if the line were noisy. */
  garbage(bytes: Uint8Array): Promise<void>;
  /** While on, commands are received (and recorded) but never answered. */
  silence(on: boolean): void;
  /** Every command line received, in order, without its CR. */
  readonly received: readonly string[];
  /** The status as the next Q1 would report it, without drift. */
  status(): UpsStatus;
  stop(): void;
}

const defaultIdentity: UpsIdentity = { company: 'DUTYSIM', model: 'Q1-3000', version: 'V1.00' };
const defaultRating: UpsRating = { ratedVoltage: 220, ratedCurrent: 13, ratedBatteryVoltage: 24, ratedFrequency: 50 };

export function createUpsSimulator(options: UpsSimulatorOptions): UpsSimulator {
  const { port } = options;
  const random = options.random ?? Math.random;
  const unsupported = new Set(options.unsupported ?? []);
  const batteryTestMs = options.batteryTestMs ?? 10_000;
  const decoder = createLineDecoder();
  const received: string[] = [];
  const state = {
    mainsFailed: false,
    batteryLow: false,
    fault: false,
    bypass: false,
    beeperOn: true,
    testInProgress: false,
    shutdownActive: false,
    echoUnknown: options.echoUnknown ?? true,
    silent: false,
  };
  let testTimer: ReturnType<typeof setTimeout> | undefined;

  const drift = (value: number, spread: number, decimals: number): number => {
    const factor = 10 ** decimals;
    return Math.round((value + (random() - 0.5) * 2 * spread) * factor) / factor;
  };

  function currentStatus(spread: number): UpsStatus {
    const onBattery = state.mainsFailed;
    const batteryVoltage = state.batteryLow ? 21.6 : onBattery ? 24.8 : 27.4;
    return {
      inputVoltage: onBattery ? 0 : drift(221, 2 * spread, 1),
      inputFaultVoltage: onBattery ? 0 : drift(221, 2 * spread, 1),
      outputVoltage: drift(220, spread, 1),
      loadPercent: Math.round(drift(23, 2 * spread, 0)),
      inputFrequency: onBattery ? 0 : drift(50, 0.1 * spread, 1),
      batteryVoltage: drift(batteryVoltage, 0.1 * spread, 1),
      temperature: drift(31, 0.5 * spread, 1),
      bits: {
        utilityFail: onBattery,
        batteryLow: state.batteryLow,
        bypassActive: state.bypass,
        upsFailed: state.fault,
        standbyType: options.standby ?? false,
        testInProgress: state.testInProgress,
        shutdownActive: state.shutdownActive,
        beeperOn: state.beeperOn,
      },
    };
  }

  const send = async (bytes: Uint8Array): Promise<void> => {
    // The console end going away mid-reply is a scenario under test, not a fault of the simulator.
    await port.write(bytes).catch(() => undefined);
  };

  function endTest(): void {
    clearTimeout(testTimer);
    testTimer = undefined;
    state.testInProgress = false;
  }

  function answer(text: string): Uint8Array | undefined {
    const command = unsupported.has(text) ? undefined : decodeCommandText(text);
    if (!command) return state.echoUnknown ? encodeLine(text) : undefined;
    switch (command.kind) {
      case 'status':
        return encodeStatusReply(currentStatus(1));
      case 'rating':
        return encodeRatingReply(options.rating ?? defaultRating);
      case 'identity':
        return encodeIdentityReply(options.identity ?? defaultIdentity);
      case 'batteryTest':
        endTest();
        state.testInProgress = true;
        testTimer = setTimeout(endTest, batteryTestMs);
        testTimer.unref();
        return undefined;
      case 'batteryTestUntilLow':
        endTest();
        state.testInProgress = true;
        return undefined;
      case 'cancelTest':
        endTest();
        return undefined;
      case 'toggleBeeper':
        state.beeperOn = !state.beeperOn;
        return undefined;
      case 'shutdown':
        state.shutdownActive = true;
        return undefined;
      case 'cancelShutdown':
        state.shutdownActive = false;
        return undefined;
    }
  }

  const unsubscribe = port.onData((chunk) => {
    for (const event of decoder.push(chunk)) {
      if (event.type !== 'line') continue;
      received.push(event.text);
      if (state.silent) continue;
      const reply = answer(event.text);
      if (reply) void send(reply);
    }
  });

  return {
    mainsFailure: (on) => void (state.mainsFailed = on),
    batteryLow: (on) => void (state.batteryLow = on),
    fault: (on) => void (state.fault = on),
    bypass: (on) => void (state.bypass = on),
    echoUnknown: (on) => void (state.echoUnknown = on),
    garbage: (bytes) => send(bytes),
    silence: (on) => void (state.silent = on),
    received,
    status: () => currentStatus(0),
    stop() {
      unsubscribe();
      endTest();
    },
  };
}
