// A Modbus RTU slave playing one device model on the device end of a port, with scriptable values and faults.
//
// Not modbus-serial's ServerSerial: it opens its own serialport from a path (so it cannot run over a
// BytePort like every other simulator), and it overwrites each request's CRC with a freshly computed
// one before checking it (servers/serverserial.js, v8.0.25), so it answers corrupted requests that a
// real slave must ignore. The few frames a slave needs are in rtu-frame.ts instead.

import { AppError } from '../../../../shared/contract/app-error';
import type { ModbusDeviceModel, ModbusPoint } from '../../../../shared/domain/devices/modbus-register-map';
import type { BytePort } from '../port/byte-port';
import { isBitFunction, maxBitsPerRead, maxRegistersPerRead, pointSpan } from './read-plan';
import { decodeRegisters, encodeRegisters, pointStep, type PointValue } from './register-decoding';
import { createRequestDecoder } from './request-decoder';
import { encodeResponse, type ModbusRequest, type ModbusResponse } from './rtu-frame';

export interface ModbusSimulatorOptions {
  port: BytePort;
  model: ModbusDeviceModel;
  /** Defaults to the model's default slave address. */
  slaveAddress?: number;
}

export interface ModbusSimulator {
  readonly slaveAddress: number;
  /** Sets a point in engineering units (a bool for bool points); rejects a value its registers cannot hold. */
  set(key: string, value: number | boolean): void;
  value(key: string): PointValue;
  /** Puts a point just past its high limit (or into its alarm state for a bool); returns the value set. */
  overThreshold(key: string): number | boolean;
  /** Sets the model's `leak` point. */
  leak(on: boolean): void;
  /** Answers the next `count` requests with this exception code (1 illegal function … 6 busy). */
  exception(code: number, count?: number): void;
  /** While on, requests are read and never answered, as from a device that lost power. */
  silence(on: boolean): void;
  /** Puts raw bytes on the line. */
  garbage(bytes: Uint8Array): Promise<void>;
  /** Every well-formed request addressed to this slave, heard even while silenced, before it is answered. */
  onRequest(listener: (request: ModbusRequest) => void): () => void;
  stop(): void;
}

export function createModbusSimulator(options: ModbusSimulatorOptions): ModbusSimulator {
  const { port, model } = options;
  const slaveAddress = options.slaveAddress ?? model.defaults.slaveAddress;
  // One sparse table per function code; an address is implemented when some point covers it.
  const tables = new Map<number, Map<number, number>>([1, 2, 3, 4].map((fn) => [fn, new Map<number, number>()]));
  const table = (fn: number): Map<number, number> => tables.get(fn) ?? new Map<number, number>();
  for (const point of model.points) {
    for (let i = 0; i < pointSpan(point); i++) table(point.function).set(point.address + i, 0);
  }

  const pointOf = (key: string): ModbusPoint => {
    const point = model.points.find((p) => p.key === key);
    if (!point) throw new AppError('devices.modbus.unknownPoint', 'devices.modbus.unknownPoint', { key, model: model.id });
    return point;
  };
  const wordsOf = (point: ModbusPoint): number[] =>
    Array.from({ length: pointSpan(point) }, (_, i) => table(point.function).get(point.address + i) ?? 0);

  const set = (key: string, value: number | boolean): void => {
    const point = pointOf(key);
    if (isBitFunction(point.function)) {
      if (typeof value !== 'boolean') throw new AppError('devices.modbus.valueOutOfRange', 'devices.modbus.valueOutOfRange', { key, value: String(value) });
      table(point.function).set(point.address, value ? 1 : 0);
      return;
    }
    encodeRegisters(point, value, wordsOf(point)).forEach((word, i) => table(point.function).set(point.address + i, word));
  };

  const value = (key: string): PointValue => {
    const point = pointOf(key);
    if (isBitFunction(point.function)) return table(point.function).get(point.address) === 1;
    return decodeRegisters(point, wordsOf(point));
  };

  for (const point of model.points) {
    const normal = normalValue(point);
    try {
      set(point.key, normal);
    } catch {
      // A normal value its type cannot hold (an offset pushing 0 out of a u16): the register stays 0.
    }
  }

  let silent = false;
  const pendingExceptions: number[] = [];
  const listeners = new Set<(request: ModbusRequest) => void>();
  const decoder = createRequestDecoder();
  let writing: Promise<void> = Promise.resolve();
  const send = (bytes: Uint8Array): Promise<void> => {
    // A write failing means the port closed under us; the device is gone, and so is its reply.
    writing = writing.then(() => port.write(bytes)).catch(() => undefined);
    return writing;
  };

  const answer = (request: ModbusRequest): ModbusResponse | null => {
    const fail = (exception: number): ModbusResponse => ({ slave: slaveAddress, function: request.function, exception });
    const pending = pendingExceptions.shift();
    if (pending !== undefined) return fail(pending);
    if ('unsupported' in request) return fail(1);
    const implemented = (fn: number, from: number, count: number): boolean => {
      for (let a = from; a < from + count; a++) if (!table(fn).has(a)) return false;
      return true;
    };
    if ('count' in request) {
      const max = isBitFunction(request.function) ? maxBitsPerRead : maxRegistersPerRead;
      if (request.count < 1 || request.count > max) return fail(3);
      if (!implemented(request.function, request.address, request.count)) return fail(2);
      const data = Array.from({ length: request.count }, (_, i) => table(request.function).get(request.address + i) ?? 0);
      if (request.function === 1 || request.function === 2) return { slave: slaveAddress, function: request.function, bits: data.map((bit) => bit === 1) };
      return { slave: slaveAddress, function: request.function, registers: data };
    }
    if ('values' in request) {
      if (request.values.length < 1 || request.values.length > 123) return fail(3);
      if (!implemented(3, request.address, request.values.length)) return fail(2);
      request.values.forEach((word, i) => table(3).set(request.address + i, word));
      return { slave: slaveAddress, function: 16, address: request.address, value: request.values.length };
    }
    const fn = request.function === 5 ? 1 : 3;
    if (!implemented(fn, request.address, 1)) return fail(2);
    const word = typeof request.value === 'boolean' ? (request.value ? 1 : 0) : request.value;
    table(fn).set(request.address, word);
    return { slave: slaveAddress, function: request.function, address: request.address, value: typeof request.value === 'boolean' ? (request.value ? 0xff00 : 0) : request.value };
  };

  const unsubscribe = port.onData((chunk) => {
    for (const output of decoder.push(chunk)) {
      // A frame with a bad CRC is ignored, as a slave must (Modbus over Serial Line V1.02 §2.5.1.2).
      if (output.kind !== 'frame') continue;
      const request = output.request;
      // §2.1: 0 is a broadcast, which every slave carries out and none answers.
      if (request.slave !== slaveAddress && request.slave !== 0) continue;
      for (const listener of listeners) listener(request);
      if (silent) continue;
      const response = answer(request);
      if (response && request.slave !== 0) void send(encodeResponse(response));
    }
  });

  return {
    slaveAddress,
    set,
    value,
    overThreshold(key) {
      const point = pointOf(key);
      const { high, state } = point.alarms;
      const target = state ? state.value : high ? high.value + pointStep(point) : null;
      if (target === null) throw new AppError('devices.modbus.noThreshold', 'devices.modbus.noThreshold', { key });
      set(key, target);
      return target;
    },
    leak: (on) => set('leak', on),
    exception(code, count = 1) {
      for (let i = 0; i < count; i++) pendingExceptions.push(code);
    },
    silence(on) {
      silent = on;
    },
    garbage: (bytes) => send(bytes),
    onRequest(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {
      unsubscribe();
      listeners.clear();
    },
  };
}

/** A value inside the point's limits (between them, or clear of the one it has), so a fresh device raises nothing. */
function normalValue(point: ModbusPoint): number | boolean {
  const { high, low, state, hysteresis } = point.alarms;
  if (point.type === 'bool') return state ? !state.value : false;
  const margin = hysteresis + 10 * pointStep(point);
  if (high && low) return Number(((high.value + low.value) / 2).toFixed(6));
  if (high) return high.value - margin;
  if (low) return low.value + margin;
  return point.offset;
}
