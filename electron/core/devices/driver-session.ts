// What every protocol session reports to the device layer: alarms, readings and traffic, in one shape.
import type { DetailValue, DeviceAlarm, DeviceReading, TestCommandSpec, TrafficRecord } from '../../../shared/domain/devices/device-signals';

export type {
  AlarmSeverity,
  DetailValue,
  DeviceAlarm,
  DeviceReading,
  LocalText,
  TestCommandSpec,
  TrafficRecord,
} from '../../../shared/domain/devices/device-signals';

/** Null when the alarm was committed; otherwise why it was not. */
export type AlarmOutcome = Error | null;

export interface SessionHandlers {
  /**
   * Commits the alarm (journal + tables). A session that must acknowledge the device (an alarm receiver)
   * sends its ACK only after this promise resolves, and a NAK or nothing if it rejects.
   */
  alarm(alarm: DeviceAlarm): Promise<void>;
  /**
   * Commits several alarms handed in together (a receiver's burst) with one promise for all: for each, in order,
   * null once committed or why it was not. Optional: without it a session commits them one by one with `alarm`.
   */
  alarms?(alarms: readonly DeviceAlarm[]): Promise<readonly AlarmOutcome[]>;
  reading(reading: DeviceReading): void;
  traffic(record: TrafficRecord): void;
  /**
   * Whether an earlier session left this condition active (the console restarted, the device was updated or
   * replugged). A session starts out believing it — no second raise — and restores it once the device shows
   * otherwise (a valid reply, a Secure Channel up). Absent: nothing was left.
   */
  leftActive?(conditionKey: string): boolean;
}

export interface DriverSession {
  /** Starts polling / listening on the port it was given. */
  start(): void;
  /** Stops timers and listeners; does not close the port. */
  stop(): void;
  testCommands(): TestCommandSpec[];
  /** Runs a test command; resolves with a one-line result for the engineer, rejects with an AppError. */
  runTestCommand(id: string, params: Record<string, DetailValue>): Promise<string>;
}
