// The common RS-485 temperature/humidity transmitter (RS485 温湿度变送器) as a register map.

import type { ModbusDeviceModelInput } from '../../../../../shared/domain/devices/modbus-register-map';

/**
 * The layout most Chinese wall-mount transmitters share (e.g. the RS-WS-N01 family; also
 * microrobotics/RS485-TH, whose documented exchange is `01 03 00 00 00 02 C4 0B`): function 03,
 * 0x0000 humidity ×0.1 %RH, 0x0001 temperature ×0.1 °C as a signed (two's complement) word,
 * 9600 8N1, slave 1. Limits are a machine room's (GB 50174-2008 class C: 18–28 °C, 35–75 %RH).
 */
export const temperatureHumidityRs485: ModbusDeviceModelInput = {
  id: 'th-rs485-generic',
  name: { zh: 'RS485 温湿度变送器', en: 'RS-485 temperature/humidity transmitter' },
  vendor: 'generic',
  defaults: { baudRate: 9600, parity: 'none', stopBits: 1, slaveAddress: 1, pollIntervalMs: 2000, timeoutMs: 500 },
  points: [
    {
      key: 'humidity',
      label: { zh: '湿度', en: 'Humidity' },
      function: 3,
      address: 0x0000,
      type: 'u16',
      scale: 0.1,
      unit: '%RH',
      alarms: {
        high: { value: 75, severity: 'minor', text: { zh: '机房湿度过高', en: 'Room humidity high' } },
        low: { value: 35, severity: 'minor', text: { zh: '机房湿度过低', en: 'Room humidity low' } },
        hysteresis: 2,
      },
    },
    {
      key: 'temperature',
      label: { zh: '温度', en: 'Temperature' },
      function: 3,
      address: 0x0001,
      type: 's16',
      scale: 0.1,
      unit: '°C',
      alarms: {
        high: { value: 28, severity: 'major', text: { zh: '机房温度过高', en: 'Room temperature high' } },
        low: { value: 18, severity: 'minor', text: { zh: '机房温度过低', en: 'Room temperature low' } },
        hysteresis: 0.5,
      },
    },
  ],
};
