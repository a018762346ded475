import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PortInfo } from '../../../../shared/contract/links';
import { resolvePortPath } from '../../../../electron/core/devices/port-match';
import { tempDir } from '../../../support/temp-core';

const port = (path: string, serialNumber: string | null, vendorId: string | null = '0403', productId: string | null = '6001'): PortInfo => ({
  path,
  byIdPath: null,
  manufacturer: null,
  serialNumber,
  vendorId,
  productId,
});

function nodes(...names: string[]): string[] {
  const dir = tempDir();
  return names.map((name) => {
    const path = join(dir, name);
    writeFileSync(path, '');
    return path;
  });
}

describe('finding a device’s port', () => {
  const none = { serialNumber: null, vendorId: null, productId: null };

  it('uses the configured path while it is there, and reports none when it is gone and nothing identifies it', async () => {
    const [usb0] = nodes('ttyUSB0');
    expect(await resolvePortPath(usb0!, none, async () => [])).toBe(usb0);
    expect(await resolvePortPath(join(tempDir(), 'gone'), none, async () => [port(usb0!, 'A')])).toBeNull();
  });

  it('finds the adapter under another path by serial number, else by vendor and product id', async () => {
    const [usb1, usb2] = nodes('ttyUSB1', 'ttyUSB2');
    const gone = join(tempDir(), 'ttyUSB0');
    const listed = async () => [port(usb1!, 'OTHER'), port(usb2!, 'MINE', '1a86', '7523')];
    expect(await resolvePortPath(gone, { ...none, serialNumber: 'MINE' }, listed)).toBe(usb2);
    expect(await resolvePortPath(gone, { serialNumber: null, vendorId: '1A86', productId: '7523' }, listed)).toBe(usb2);
    expect(await resolvePortPath(gone, { ...none, serialNumber: 'NOT-PLUGGED' }, listed)).toBeNull();
  });

  it('does not take the configured path when the list shows another adapter there now', async () => {
    const [usb0, usb1] = nodes('ttyUSB0', 'ttyUSB1');
    const swapped = async () => [port(usb0!, 'READER'), port(usb1!, 'UPS')];
    expect(await resolvePortPath(usb0!, { ...none, serialNumber: 'UPS' }, swapped)).toBe(usb1);
    expect(await resolvePortPath(usb0!, { ...none, serialNumber: 'UPS' }, async () => Promise.reject(new Error('udevadm failed')))).toBe(usb0);
  });
});
