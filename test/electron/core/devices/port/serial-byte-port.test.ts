import { describe, expect, it } from 'vitest';
import { defaultSerialSettings } from '../../../../../electron/core/devices/port/byte-port';
import { openSerialBytePort } from '../../../../../electron/core/devices/port/serial-byte-port';
import { openVirtualSerialPair } from '../../../../support/virtual-serial-pair';

describe('serial byte port over a socat pty pair', () => {
  it('carries bytes both ways', async () => {
    const pair = await openVirtualSerialPair();
    const consolePort = await openSerialBytePort(pair.a, defaultSerialSettings);
    const devicePort = await openSerialBytePort(pair.b, defaultSerialSettings);
    const received: number[] = [];
    const arrived = new Promise<void>((resolve) =>
      devicePort.onData((chunk) => {
        received.push(...chunk);
        if (received.length >= 3) resolve();
      }),
    );
    await consolePort.write(new Uint8Array([0x53, 0x00, 0x7e]));
    await arrived;
    expect(received).toEqual([0x53, 0x00, 0x7e]);
    await consolePort.close();
    await devicePort.close();
    await pair.unplug();
  });

  it('reports the port closed when the adapter is pulled', async () => {
    const pair = await openVirtualSerialPair();
    const consolePort = await openSerialBytePort(pair.a, defaultSerialSettings);
    const closed = new Promise<string | undefined>((resolve) => consolePort.onClose((error) => resolve(error?.message)));
    await pair.unplug();
    expect(await closed).toBe('devices.portGone');
    expect(consolePort.isOpen).toBe(false);
  });

  it('refuses a path that does not exist with a clear error', async () => {
    await expect(openSerialBytePort('/dev/does-not-exist-duty', defaultSerialSettings)).rejects.toMatchObject({
      code: 'devices.portOpenFailed',
    });
  });
});
