import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listPorts } from '../../../../electron/core/devices/port-list';
import { tempDir } from '../../../support/temp-core';

describe('the port list', () => {
  const savedPath = process.env.PATH;
  afterEach(() => {
    process.env.PATH = savedPath;
  });

  it('answers an empty list with a warning when udevadm is missing, instead of failing', async () => {
    process.env.PATH = join(tempDir(), 'no-tools-here');
    const result = await listPorts({ byIdDir: join(tempDir(), 'absent') });
    expect(result.ports).toEqual([]);
    expect(result.warning).toMatchObject({ code: 'devices_port_list_incomplete' });
    expect(String(result.warning?.params.reason)).toMatch(/udevadm/);
  });

  it('answers a lister that hangs with a warning after its timeout', async () => {
    const result = await listPorts({ list: () => new Promise(() => undefined), timeoutMs: 50, byIdDir: join(tempDir(), 'absent') });
    expect(result).toMatchObject({ ports: [], warning: { code: 'devices_port_list_incomplete' } });
  });

  it('adds the stable by-id link of each listed port, and lists a linked node the lister missed', async () => {
    const dev = tempDir();
    const ttyUsb0 = join(dev, 'ttyUSB0');
    const ttyUsb1 = join(dev, 'ttyUSB1');
    writeFileSync(ttyUsb0, '');
    writeFileSync(ttyUsb1, '');
    const byId = join(dev, 'by-id');
    mkdirSync(byId);
    symlinkSync(ttyUsb0, join(byId, 'usb-FTDI_FT232R_USB_UART_A10K1ABC-if00-port0'));
    symlinkSync(ttyUsb1, join(byId, 'usb-1a86_USB2.0-Ser_-if00-port0'));
    const result = await listPorts({
      byIdDir: byId,
      list: async () => [{ path: ttyUsb0, manufacturer: 'FTDI', serialNumber: 'A10K1ABC', vendorId: '0403', productId: '6001' }, { path: join(dev, 'ttyS0') }],
    });
    expect(result.warning).toBeNull();
    expect(result.ports).toEqual([
      { path: join(dev, 'ttyS0'), byIdPath: null, manufacturer: null, serialNumber: null, vendorId: null, productId: null },
      {
        path: ttyUsb0,
        byIdPath: join(byId, 'usb-FTDI_FT232R_USB_UART_A10K1ABC-if00-port0'),
        manufacturer: 'FTDI',
        serialNumber: 'A10K1ABC',
        vendorId: '0403',
        productId: '6001',
      },
      { path: ttyUsb1, byIdPath: join(byId, 'usb-1a86_USB2.0-Ser_-if00-port0'), manufacturer: null, serialNumber: null, vendorId: null, productId: null },
    ]);
  });
});
