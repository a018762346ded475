import { afterEach, describe, expect, it } from 'vitest';
import { createPanelMessageDecoder, encodeRequestBytes, type Nx584DecodeEvent } from '../../../../../electron/core/devices/nx584/codec';
import type { Nx584PanelMessage } from '../../../../../electron/core/devices/nx584/panel-messages';
import type { Nx584Request } from '../../../../../electron/core/devices/nx584/requests';
import { createNx584PanelSimulator, type Nx584PanelSimulator } from '../../../../../electron/core/devices/nx584/simulator';
import type { BytePort } from '../../../../../electron/core/devices/port/byte-port';
import { openSerialBytePort } from '../../../../../electron/core/devices/port/serial-byte-port';
import { openVirtualSerialPair, type VirtualSerialPair } from '../../../../support/virtual-serial-pair';
import { eventually } from '../../../../support/eventually';

const serial = { baudRate: 2400, dataBits: 8, parity: 'none', stopBits: 1 } as const;

describe('simulated NetworX panel, driven by hand over a pty', () => {
  let pair: VirtualSerialPair;
  let consolePort: BytePort;
  let devicePort: BytePort;
  let panel: Nx584PanelSimulator;
  let heard: Extract<Nx584DecodeEvent<Nx584PanelMessage>, { type: 'message' }>[];

  async function open(ackTimeoutMs: number): Promise<void> {
    pair = await openVirtualSerialPair();
    consolePort = await openSerialBytePort(pair.a, serial);
    devicePort = await openSerialBytePort(pair.b, serial);
    panel = createNx584PanelSimulator({ port: devicePort, framing: 'ascii', zones: 2, partitions: 1, pin: '2580', ackTimeoutMs, maxSends: 3 });
    heard = [];
    const decoder = createPanelMessageDecoder('ascii');
    consolePort.onData((chunk) => {
      for (const event of decoder.push(chunk)) if (event.type === 'message') heard.push(event);
    });
  }

  const send = (request: Nx584Request): Promise<void> => consolePort.write(encodeRequestBytes(request, 'ascii'));

  afterEach(async () => {
    panel.stop();
    await consolePort.close();
    await devicePort.close();
    await pair.unplug();
  });

  it('sends a transition with the ack-request bit again and again until it gives up, when nobody acknowledges', async () => {
    await open(80);
    panel.tamper(1);
    await eventually('three sends of each message', () => heard.length === 9);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const first = heard.find((e) => e.message.kind === 'zoneStatus');
    expect(first?.frame.ackRequested).toBe(true);
    expect(first?.message).toMatchObject({ zone: 1, conditions: ['tampered'] });
    // Each message is sent three times: zone status, partition status, the Tamper log event.
    expect(heard.map((e) => e.message.kind)).toEqual(['zoneStatus', 'zoneStatus', 'zoneStatus', 'partitionStatus', 'partitionStatus', 'partitionStatus', 'logEvent', 'logEvent', 'logEvent']);
    expect(panel.retransmissions).toBe(6);
  });

  it('moves on to the next transition as soon as it is acknowledged', async () => {
    await open(1000);
    panel.faultZone(2, true);
    await eventually('the zone status', () => heard.length === 1);
    await send({ kind: 'positiveAck' });
    await eventually('the partition status', () => heard.length === 2);
    expect(heard.map((e) => e.message.kind)).toEqual(['zoneStatus', 'partitionStatus']);
    expect(heard[1]?.message).toMatchObject({ kind: 'partitionStatus', conditions: [] });
    expect(panel.retransmissions).toBe(0);
  });

  it('answers a keypad function with a wrong PIN with command failed (1Ch) and leaves the partition as it was', async () => {
    await open(1000);
    await send({ kind: 'keypadFunctionWithPin', pin: '0000', func: 'armAway', partitions: [1] });
    await eventually('the reply', () => heard.length === 1);
    expect(heard[0]?.message).toEqual({ kind: 'commandFailed' });
    expect(heard[0]?.frame.ackRequested).toBe(false);
    expect(panel.partition(1)?.armed).toBe(false);
    await send({ kind: 'keypadFunctionWithPin', pin: '2580', func: 'armAway', partitions: [1] });
    await eventually('the acknowledge and the new partition status', () => heard.length === 3);
    expect(heard.slice(1).map((e) => e.message.kind)).toEqual(['positiveAck', 'partitionStatus']);
    expect(panel.partition(1)?.armed).toBe(true);
    expect(panel.received.map((r) => r.kind)).toEqual(['keypadFunctionWithPin', 'keypadFunctionWithPin']);
  });
});
