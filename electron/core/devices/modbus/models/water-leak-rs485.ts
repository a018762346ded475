// A non-locating RS-485 water-leak controller (漏水控制器) with a sensing cable, as a register map.

import type { ModbusDeviceModelInput } from '../../../../../shared/domain/devices/modbus-register-map';

/**
 * A typical layout: function 03, 0x0000 leak state (0 dry, 1 leak), 0x0001 cable state (0 intact,
 * 1 broken: the rope is cut or unplugged, so leaks can no longer be seen). Vendors differ; an
 * engineer copies this map and adjusts addresses from the device's manual.
 */
export const waterLeakRs485: ModbusDeviceModelInput = {
  id: 'leak-rs485-generic',
  name: { zh: 'RS485 漏水控制器', en: 'RS-485 water-leak controller' },
  vendor: 'generic',
  defaults: { baudRate: 9600, parity: 'none', stopBits: 1, slaveAddress: 2, pollIntervalMs: 1000, timeoutMs: 500 },
  points: [
    {
      key: 'leak',
      label: { zh: '漏水', en: 'Water leak' },
      function: 3,
      address: 0x0000,
      type: 'bool',
      alarms: { state: { value: true, severity: 'critical', text: { zh: '机房漏水', en: 'Water leak detected' } }, hysteresis: 0 },
    },
    {
      key: 'cableBreak',
      label: { zh: '感应线断线', en: 'Sensing cable broken' },
      function: 3,
      address: 0x0001,
      type: 'bool',
      alarms: { state: { value: true, severity: 'major', text: { zh: '漏水感应线断线', en: 'Leak sensing cable broken' } }, hysteresis: 0 },
    },
  ],
};
