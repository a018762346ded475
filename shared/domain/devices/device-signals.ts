// What devices report, as the core and the UI both see it: alarms, live readings, wire traffic, test commands.

/** Drives alarm colour and the SLA level suggested: critical → I, major → II, minor → III, info → no incident. */
export type AlarmSeverity = 'critical' | 'major' | 'minor' | 'info';

export interface LocalText {
  zh: string;
  en: string;
}

export type DetailValue = string | number | boolean | null;

/** A condition a device reported: raised, restored (clears the raised one with the same key), or a status report. */
export interface DeviceAlarm {
  /** Same key for the raise and its restore, e.g. `cid:1234:110:01:001`, `ups:onBattery`, `link`. */
  conditionKey: string;
  state: 'raised' | 'restored' | 'status';
  /** Protocol-qualified event code, e.g. `cid.110`, `ups.onBattery`, `osdp.tamper`, `modbus.high`, `link.lost`. */
  eventCode: string;
  severity: AlarmSeverity;
  text: LocalText;
  /** Where on the device: zone, partition, reader, register name; empty when the whole device. */
  point: string;
  /** When the device says it happened (or when received, if the protocol carries no time). */
  at: number;
  detail: Record<string, DetailValue>;
}

/** A live value: a sensor register, a UPS voltage, a zone or reader state. Latest value per key wins. */
export interface DeviceReading {
  key: string;
  label: LocalText;
  value: number | string | boolean | null;
  unit: string;
  at: number;
}

/** One frame on the wire, for the diagnostics traffic monitor and the health counters. */
export interface TrafficRecord {
  at: number;
  direction: 'rx' | 'tx';
  bytes: Uint8Array;
  /** The decoded frame in one line, e.g. `E 110 fire, account 1234, zone 003`; the error for a bad frame. */
  summary: string;
  /**
   * Instead of `summary` (left empty), for frames so frequent that a line kept for each would cost (a receiver's
   * burst): describes the frame from its bytes when a monitor reads it. One function per kind of frame, not per frame.
   */
  describe?: (bytes: Uint8Array) => string;
  /** False for a frame the codec rejected (bad checksum, garbage). */
  ok: boolean;
  /** For a reply: milliseconds since the request it answers. */
  latencyMs?: number;
}

/** A test command the engineer may send from diagnostics; `dangerous` ones need confirmation and are journaled. */
export interface TestCommandSpec {
  id: string;
  label: LocalText;
  dangerous: boolean;
  /** Named parameters with their kind, e.g. { reader: 'number' }. */
  params: Record<string, 'number' | 'string' | 'boolean'>;
}
