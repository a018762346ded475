import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually } from '../../../../support/eventually';
import type { BytePort } from '../../../../../electron/core/devices/port/byte-port';
import { defaultSerialSettings } from '../../../../../electron/core/devices/port/byte-port';
import { openSerialBytePort } from '../../../../../electron/core/devices/port/serial-byte-port';
import { shippedModbusModel } from '../../../../../electron/core/devices/modbus/models/shipped-models';
import { encodeRequest, hasValidCrc, type ModbusRequest } from '../../../../../electron/core/devices/modbus/rtu-frame';
import { createModbusSimulator, type ModbusSimulator } from '../../../../../electron/core/devices/modbus/simulator';
import type { ModbusDeviceModel } from '../../../../../shared/domain/devices/modbus-register-map';
import { openVirtualSerialPair, type VirtualSerialPair } from '../../../../support/virtual-serial-pair';

function model(id: string): ModbusDeviceModel {
  const found = shippedModbusModel(id);
  if (!found) throw new Error(`no model ${id}`);
  return found;
}

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

describe('the Modbus slave simulator over a pty', () => {
  let pair: VirtualSerialPair;
  let consolePort: BytePort;
  let devicePort: BytePort;
  let simulator: ModbusSimulator;

  /** Sends raw bytes from the console end; resolves with what came back within `waitMs`. */
  async function send(bytes: Uint8Array, waitMs = 150): Promise<Uint8Array> {
    const received: number[] = [];
    const off = consolePort.onData((chunk) => received.push(...chunk));
    await consolePort.write(bytes);
    await new Promise((resolve) => setTimeout(resolve, waitMs));
    off();
    return Uint8Array.from(received);
  }
  const ask = (request: ModbusRequest): Promise<Uint8Array> => send(encodeRequest(request));

  beforeEach(async () => {
    pair = await openVirtualSerialPair();
    consolePort = await openSerialBytePort(pair.a, defaultSerialSettings);
    devicePort = await openSerialBytePort(pair.b, defaultSerialSettings);
    simulator = createModbusSimulator({ port: devicePort, model: model('th-rs485-generic') });
  });

  afterEach(async () => {
    simulator.stop();
    await consolePort.close();
    await devicePort.close();
    await pair.unplug();
  });

  it('answers a read of the transmitter with the values it was set to', async () => {
    simulator.set('humidity', 62.6);
    simulator.set('temperature', 27.3);
    const reply = await ask({ slave: 1, function: 3, address: 0, count: 2 });
    expect(hex(reply.subarray(0, 7))).toBe('01030402720111');
    expect(reply).toHaveLength(9);
    expect(hasValidCrc(reply)).toBe(true);
  });

  it('starts inside its limits, so a fresh device raises nothing', () => {
    expect(simulator.value('temperature')).toBe(23);
    expect(simulator.value('humidity')).toBe(55);
  });

  it('stays silent on a request with a bad CRC, as a slave must', async () => {
    const request = encodeRequest({ slave: 1, function: 3, address: 0, count: 2 });
    request[7] = (request[7] ?? 0) ^ 0xff;
    expect(await send(request)).toHaveLength(0);
  });

  it('ignores requests for another slave', async () => {
    expect(await ask({ slave: 9, function: 3, address: 0, count: 2 })).toHaveLength(0);
  });

  it('answers 02 for an address no point covers, 03 for a zero count and 01 for a function it lacks', async () => {
    expect(Array.from((await ask({ slave: 1, function: 3, address: 5, count: 1 })).subarray(0, 3))).toEqual([1, 0x83, 2]);
    expect(Array.from((await ask({ slave: 1, function: 3, address: 0, count: 0 })).subarray(0, 3))).toEqual([1, 0x83, 3]);
    expect(Array.from((await ask({ slave: 1, function: 0x2b, unsupported: true, data: [0x0e, 1, 0] })).subarray(0, 3))).toEqual([1, 0xab, 1]);
  });

  it('answers the next requests with a scripted exception, then normally again', async () => {
    simulator.exception(6, 2);
    const read = { slave: 1, function: 3 as const, address: 0, count: 1 };
    expect(Array.from((await ask(read)).subarray(0, 3))).toEqual([1, 0x83, 6]);
    expect(Array.from((await ask(read)).subarray(0, 3))).toEqual([1, 0x83, 6]);
    expect(Array.from((await ask(read)).subarray(0, 2))).toEqual([1, 3]);
  });

  it('says nothing while silenced', async () => {
    simulator.silence(true);
    expect(await ask({ slave: 1, function: 3, address: 0, count: 2 })).toHaveLength(0);
    simulator.silence(false);
    expect(await ask({ slave: 1, function: 3, address: 0, count: 2 })).toHaveLength(9);
  });

  it('takes a single-register write and echoes it', async () => {
    const reply = await ask({ slave: 1, function: 6, address: 1, value: 0xff9c });
    expect(Array.from(reply.subarray(0, 6))).toEqual([1, 6, 0, 1, 0xff, 0x9c]);
    expect(simulator.value('temperature')).toBe(-10);
  });

  it('puts a point just past its high limit, and refuses a point that has none or does not exist', () => {
    expect(simulator.overThreshold('temperature')).toBe(28.1);
    expect(simulator.value('temperature')).toBe(28.1);
    expect(() => simulator.leak(true)).toThrow(expect.objectContaining({ code: 'devices.modbus.unknownPoint' }));
  });

  it('puts garbage on the line', async () => {
    const received: number[] = [];
    consolePort.onData((chunk) => received.push(...chunk));
    await simulator.garbage(Uint8Array.from([0xde, 0xad]));
    await eventually('the garbage read', () => received.length >= 2);
    expect(received).toEqual([0xde, 0xad]);
  });
});
