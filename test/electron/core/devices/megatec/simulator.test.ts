import { afterEach, describe, expect, it } from 'vitest';
import { createLineDecoder, encodeLine } from '../../../../../electron/core/devices/megatec/codec';
import { decodeReply } from '../../../../../electron/core/devices/megatec/reply';
import { createUpsSimulator, type UpsSimulator, type UpsSimulatorOptions } from '../../../../../electron/core/devices/megatec/simulator';
import type { BytePort } from '../../../../../electron/core/devices/port/byte-port';
import { openSerialBytePort } from '../../../../../electron/core/devices/port/serial-byte-port';
import { openVirtualSerialPair, type VirtualSerialPair } from '../../../../support/virtual-serial-pair';

const serial = { baudRate: 2400, dataBits: 8, parity: 'none', stopBits: 1 } as const;

describe('simulated Megatec UPS', () => {
  let pair: VirtualSerialPair;
  let consolePort: BytePort;
  let devicePort: BytePort;
  let ups: UpsSimulator;
  let lines: string[];

  async function open(options: Omit<UpsSimulatorOptions, 'port'>): Promise<void> {
    pair = await openVirtualSerialPair();
    consolePort = await openSerialBytePort(pair.a, serial);
    devicePort = await openSerialBytePort(pair.b, serial);
    ups = createUpsSimulator({ port: devicePort, ...options });
    lines = [];
    const decoder = createLineDecoder();
    consolePort.onData((chunk) => {
      for (const event of decoder.push(chunk)) if (event.type === 'line') lines.push(event.text);
    });
  }

  async function ask(command: string): Promise<string | undefined> {
    const before = lines.length;
    await consolePort.write(encodeLine(command));
    const deadline = Date.now() + 300;
    while (lines.length === before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    return lines[before];
  }

  afterEach(async () => {
    ups.stop();
    await consolePort.close();
    await devicePort.close();
    await pair.unplug();
  });

  it('answers Q1 with values that drift a little from one poll to the next', async () => {
    await open({});
    const statuses = [];
    for (let poll = 0; poll < 5; poll++) {
      const reply = decodeReply((await ask('Q1')) ?? '', { kind: 'status' });
      if (reply.kind !== 'status') throw new Error('no status reply');
      statuses.push(reply.status);
    }
    // One reading repeats by chance (1 in 40); five equal readings mean no drift at all.
    expect(new Set(statuses.map((status) => status.inputVoltage)).size).toBeGreaterThan(1);
    for (const status of statuses) {
      expect(Math.abs((status.inputVoltage ?? 0) - 221)).toBeLessThanOrEqual(2);
      expect(status.bits.utilityFail).toBe(false);
    }
  });

  it('echoes an unknown command, or stays silent when told to, and records every command', async () => {
    await open({ unsupported: ['I'] });
    expect(await ask('I')).toBe('I');
    expect(await ask('XYZ')).toBe('XYZ');
    ups.echoUnknown(false);
    expect(await ask('XYZ')).toBeUndefined();
    expect(ups.received).toEqual(['I', 'XYZ', 'XYZ']);
  });

  it('reports mains failure, battery low and fault in the status bits and stays quiet while silenced', async () => {
    await open({});
    ups.mainsFailure(true);
    ups.batteryLow(true);
    ups.fault(true);
    const reply = decodeReply((await ask('Q1')) ?? '', { kind: 'status' });
    expect(reply).toMatchObject({ kind: 'status', status: { inputVoltage: 0, bits: { utilityFail: true, batteryLow: true, upsFailed: true } } });
    ups.silence(true);
    expect(await ask('Q1')).toBeUndefined();
    expect(ups.received).toEqual(['Q1', 'Q1']);
  });
});
