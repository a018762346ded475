import { afterEach, describe, expect, it } from 'vitest';
import { defaultSerialSettings, type BytePort } from '../../../../../electron/core/devices/port/byte-port';
import { openSerialBytePort } from '../../../../../electron/core/devices/port/serial-byte-port';
import { createOsdpDecoder } from '../../../../../electron/core/devices/osdp/codec';
import { encodeCommand, type OsdpCommand } from '../../../../../electron/core/devices/osdp/commands';
import { encodePacket, type OsdpPacket, type Sequence } from '../../../../../electron/core/devices/osdp/packet';
import { decodeReply } from '../../../../../electron/core/devices/osdp/replies';
import { createOsdpPdSimulator, type OsdpPdSimulator } from '../../../../../electron/core/devices/osdp/simulator';
import { openVirtualSerialPair, type VirtualSerialPair } from '../../../../support/virtual-serial-pair';

interface Bench {
  acu: BytePort;
  sim: OsdpPdSimulator;
  /** Sends one command and collects what comes back within `waitMs`. */
  send(address: number, sequence: Sequence, command: OsdpCommand, waitMs?: number): Promise<{ packet: OsdpPacket; bytes: Uint8Array }[]>;
  sendBytes(bytes: Uint8Array, waitMs?: number): Promise<{ packet: OsdpPacket; bytes: Uint8Array }[]>;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function bench(): Promise<Bench> {
  const pair: VirtualSerialPair = await openVirtualSerialPair();
  const acu = await openSerialBytePort(pair.a, defaultSerialSettings);
  const device = await openSerialBytePort(pair.b, defaultSerialSettings);
  const sim = createOsdpPdSimulator({
    port: device,
    pds: [
      { address: 1, vendor: 0x0a265c, model: 7, serial: 0x1234, firmware: { major: 2, minor: 1, build: 0 } },
      { address: 2, vendor: 0x0a265c, model: 8, serial: 0x5678 },
    ],
  });
  cleanups.push(async () => {
    sim.stop();
    await acu.close();
    await device.close();
    await pair.unplug();
  });
  const decoder = createOsdpDecoder();
  let heard: { packet: OsdpPacket; bytes: Uint8Array }[] = [];
  acu.onData((chunk) => {
    for (const item of decoder.push(chunk)) if (item.kind === 'packet') heard.push({ packet: item.packet, bytes: item.bytes });
  });
  const sendBytes = async (bytes: Uint8Array, waitMs = 150) => {
    heard = [];
    await acu.write(bytes);
    await new Promise((resolve) => setTimeout(resolve, waitMs));
    return heard;
  };
  return {
    acu,
    sim,
    sendBytes,
    send: (address, sequence, command, waitMs) => sendBytes(encodePacket({ address, isReply: false, sequence, useCrc: true, ...encodeCommand(command) }), waitMs),
  };
}

describe('OSDP PD simulator', () => {
  it('answers ID as the addressed PD only, with its reply bit set', async () => {
    const { send } = await bench();
    const replies = await send(2, 0, { kind: 'id' });
    expect(replies).toHaveLength(1);
    const [reply] = replies;
    expect(reply?.packet).toMatchObject({ address: 2, isReply: true, sequence: 0 });
    expect(decodeReply(reply?.packet.code ?? 0, reply?.packet.data ?? new Uint8Array(0))).toMatchObject({ kind: 'pdid', model: 8, serialNumber: 0x5678 });
    expect(await send(9, 0, { kind: 'id' })).toEqual([]);
  });

  it('repeats its last reply byte for byte when the sequence number repeats', async () => {
    const { send, sim } = await bench();
    await send(1, 0, { kind: 'id' });
    sim.tamper(1, true);
    const first = await send(1, 1, { kind: 'poll' });
    const again = await send(1, 1, { kind: 'poll' });
    expect(decodeReply(first[0]?.packet.code ?? 0, first[0]?.packet.data ?? new Uint8Array(0))).toMatchObject({ kind: 'lstatr', tamper: true });
    expect(Array.from(again[0]?.bytes ?? [])).toEqual(Array.from(first[0]?.bytes ?? []));
    const next = await send(1, 2, { kind: 'poll' });
    expect(next[0]?.packet.code).toBe(0x40);
  });

  it('ignores a command whose check bytes are wrong', async () => {
    const { sendBytes } = await bench();
    const bytes = encodePacket({ address: 1, isReply: false, sequence: 0, useCrc: true, ...encodeCommand({ kind: 'id' }) });
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0x55;
    expect(await sendBytes(bytes)).toEqual([]);
  });

  it('NAKs an unexpected sequence number and an unknown command', async () => {
    const { send, sendBytes } = await bench();
    await send(1, 0, { kind: 'id' });
    const skipped = await send(1, 3, { kind: 'poll' });
    expect(decodeReply(skipped[0]?.packet.code ?? 0, skipped[0]?.packet.data ?? new Uint8Array(0))).toEqual({ kind: 'nak', error: 4 });
    const unknown = await sendBytes(encodePacket({ address: 1, isReply: false, sequence: 0, useCrc: true, code: 0x99, data: new Uint8Array(0) }));
    expect(decodeReply(unknown[0]?.packet.code ?? 0, unknown[0]?.packet.data ?? new Uint8Array(0))).toEqual({ kind: 'nak', error: 3 });
  });

  it('stays silent while offline or while the bus is silenced', async () => {
    const { send, sim } = await bench();
    sim.offline(1, true);
    expect(await send(1, 0, { kind: 'id' })).toEqual([]);
    expect(await send(2, 0, { kind: 'id' })).toHaveLength(1);
    sim.offline(1, false);
    sim.silence(true);
    expect(await send(1, 0, { kind: 'id' })).toEqual([]);
    sim.silence(false);
    expect(await send(1, 0, { kind: 'id' })).toHaveLength(1);
  });

  it('records the LED, buzzer and output commands it receives', async () => {
    const { send, sim } = await bench();
    await send(1, 0, { kind: 'buz', reader: 0, tone: 2, onTime: 2, offTime: 1, count: 1 });
    await send(1, 1, { kind: 'out', outputs: [{ output: 1, control: 5, timer: 30 }] });
    expect(sim.received(1).map((command) => command.kind)).toEqual(['buz', 'out']);
    expect(sim.received(2)).toEqual([]);
  });

  it('refuses scripting for a PD it does not simulate', async () => {
    const { sim } = await bench();
    expect(() => sim.tamper(5, true)).toThrow(expect.objectContaining({ code: 'devices.osdp.unknownPd' }));
    expect(() => sim.swipeCard(1, 0, 26, new Uint8Array(2))).toThrow(expect.objectContaining({ code: 'devices.osdp.badCardData' }));
  });
});
