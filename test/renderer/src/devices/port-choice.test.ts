import { describe, expect, it } from 'vitest';
import { choosePort, findPort, portIdentity, vidPid } from '../../../../renderer/src/devices/port-choice';
import { sinceText } from '../../../../renderer/src/devices/link-state';
import type { PortInfo } from '../../../../shared/contract/links';

const ftdi: PortInfo = {
  path: '/dev/ttyUSB0',
  byIdPath: '/dev/serial/by-id/usb-FTDI_FT232R_USB_UART_A50285BI-if00-port0',
  manufacturer: 'FTDI',
  serialNumber: 'A50285BI',
  vendorId: '0403',
  productId: '6001',
};
const builtIn: PortInfo = { path: '/dev/ttyS0', byIdPath: null, manufacturer: null, serialNumber: null, vendorId: null, productId: null };

describe('picking a serial port', () => {
  it('opens a USB adapter by its by-id link and remembers its identity for a replug', () => {
    expect(choosePort(ftdi)).toEqual({
      portPath: ftdi.byIdPath,
      portMatch: { serialNumber: 'A50285BI', vendorId: '0403', productId: '6001' },
    });
  });

  it('opens a built-in port by its path, with nothing to match it by', () => {
    expect(choosePort(builtIn)).toEqual({ portPath: '/dev/ttyS0', portMatch: { serialNumber: null, vendorId: null, productId: null } });
  });

  it('finds the port a device is configured with by either path', () => {
    expect(findPort([builtIn, ftdi], '/dev/ttyUSB0')).toBe(ftdi);
    expect(findPort([builtIn, ftdi], ftdi.byIdPath!)).toBe(ftdi);
    expect(findPort([builtIn], '/dev/ttyUSB9')).toBeUndefined();
  });

  it('shows VID:PID as lsusb does, and nothing for a port without USB ids', () => {
    expect(vidPid({ vendorId: '0403', productId: '6001' })).toBe('0403:6001');
    expect(vidPid({ vendorId: '1A86', productId: null })).toBe('1a86:????');
    expect(vidPid(builtIn)).toBeNull();
    expect(portIdentity(ftdi)).toBe('FTDI · 0403:6001 · SN A50285BI');
    expect(portIdentity(builtIn)).toBe('');
  });
});

describe('offline since', () => {
  const now = new Date(2024, 0, 5, 15, 0).getTime();
  it('says only the time for today', () => {
    expect(sinceText(new Date(2024, 0, 5, 10, 42).getTime(), now, false)).toBe('10:42');
  });
  it('adds the date for an earlier day', () => {
    expect(sinceText(new Date(2024, 0, 4, 9, 5).getTime(), now, false)).toBe('1月4日 09:05');
    expect(sinceText(new Date(2024, 0, 4, 9, 5).getTime(), now, true)).toBe('01-04 09:05');
  });
});
