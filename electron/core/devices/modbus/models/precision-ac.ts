// A precision air conditioner's monitoring registers (精密空调) as a register map.

import type { ModbusDeviceModelInput } from '../../../../../shared/domain/devices/modbus-register-map';

/**
 * A representative layout, not one vendor's: input registers for return/supply air, an alarm word
 * whose bits are individual faults, and a 32-bit compressor run-hours counter stored low word
 * first (as several controllers do), to show the map's word order. Copy and adjust per manual.
 */
export const precisionAc: ModbusDeviceModelInput = {
  id: 'precision-ac-generic',
  name: { zh: '精密空调（通用）', en: 'Precision air conditioner (generic)' },
  vendor: 'generic',
  defaults: { baudRate: 9600, parity: 'none', stopBits: 1, slaveAddress: 3, pollIntervalMs: 5000, timeoutMs: 500 },
  points: [
    {
      key: 'returnTemperature',
      label: { zh: '回风温度', en: 'Return air temperature' },
      function: 4,
      address: 0x0000,
      type: 's16',
      scale: 0.1,
      unit: '°C',
      alarms: {
        high: { value: 30, severity: 'major', text: { zh: '回风温度过高', en: 'Return air temperature high' } },
        hysteresis: 1,
      },
    },
    {
      key: 'returnHumidity',
      label: { zh: '回风湿度', en: 'Return air humidity' },
      function: 4,
      address: 0x0001,
      type: 'u16',
      scale: 0.1,
      unit: '%RH',
      alarms: {
        high: { value: 80, severity: 'minor', text: { zh: '回风湿度过高', en: 'Return air humidity high' } },
        low: { value: 30, severity: 'minor', text: { zh: '回风湿度过低', en: 'Return air humidity low' } },
        hysteresis: 3,
      },
    },
    {
      key: 'supplyTemperature',
      label: { zh: '送风温度', en: 'Supply air temperature' },
      function: 4,
      address: 0x0002,
      type: 's16',
      scale: 0.1,
      unit: '°C',
    },
    {
      key: 'compressorHours',
      label: { zh: '压缩机运行时间', en: 'Compressor run hours' },
      function: 4,
      address: 0x0003,
      type: 'u32',
      wordOrder: 'little',
      unit: 'h',
    },
    {
      key: 'running',
      label: { zh: '机组运行', en: 'Unit running' },
      function: 3,
      address: 0x0010,
      type: 'bool',
      bit: 0,
      alarms: { state: { value: false, severity: 'major', text: { zh: '精密空调停机', en: 'Precision AC stopped' } }, hysteresis: 0 },
    },
    {
      key: 'highPressure',
      label: { zh: '高压告警', en: 'High pressure' },
      function: 3,
      address: 0x0011,
      type: 'bool',
      bit: 0,
      alarms: { state: { value: true, severity: 'major', text: { zh: '压缩机高压告警', en: 'Compressor high pressure' } }, hysteresis: 0 },
    },
    {
      key: 'lowPressure',
      label: { zh: '低压告警', en: 'Low pressure' },
      function: 3,
      address: 0x0011,
      type: 'bool',
      bit: 1,
      alarms: { state: { value: true, severity: 'major', text: { zh: '压缩机低压告警', en: 'Compressor low pressure' } }, hysteresis: 0 },
    },
    {
      key: 'filterClogged',
      label: { zh: '过滤网堵塞', en: 'Filter clogged' },
      function: 3,
      address: 0x0011,
      type: 'bool',
      bit: 2,
      alarms: { state: { value: true, severity: 'minor', text: { zh: '过滤网堵塞', en: 'Air filter clogged' } }, hysteresis: 0 },
    },
    {
      key: 'waterUnderFloor',
      label: { zh: '地板下漏水', en: 'Water under floor' },
      function: 3,
      address: 0x0011,
      type: 'bool',
      bit: 3,
      alarms: { state: { value: true, severity: 'critical', text: { zh: '空调区域漏水', en: 'Water under the AC unit' } }, hysteresis: 0 },
    },
  ],
};
