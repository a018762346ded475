import { describe, expect, it } from 'vitest';
import { shippedModbusModel, shippedModbusModels } from '../../../../../electron/core/devices/modbus/models/shipped-models';
import { decodeBlock, planReads } from '../../../../../electron/core/devices/modbus/read-plan';
import { modbusDeviceModelSchema } from '../../../../../shared/domain/devices/modbus-register-map';

describe('the shipped Modbus device models', () => {
  it('are three valid maps with distinct ids, ready to be copied by an engineer as JSON', () => {
    expect(shippedModbusModels.map((m) => m.id)).toEqual(['th-rs485-generic', 'leak-rs485-generic', 'precision-ac-generic']);
    for (const model of shippedModbusModels) {
      expect(modbusDeviceModelSchema.parse(JSON.parse(JSON.stringify(model)))).toEqual(model);
    }
  });

  it('decode the transmitter\'s reply 01 03 04 02 72 01 11 as 62.6 %RH and 27.3 °C, in one read', () => {
    const model = shippedModbusModel('th-rs485-generic');
    if (!model) throw new Error('missing');
    const [block] = planReads(model.points);
    if (!block) throw new Error('no block');
    expect(block).toMatchObject({ function: 3, address: 0, count: 2 });
    expect(decodeBlock(block, [0x0272, 0x0111]).map(({ point, value }) => [point.key, value, point.unit])).toEqual([
      ['humidity', 62.6, '%RH'],
      ['temperature', 27.3, '°C'],
    ]);
  });

  it('give each slave its own default address so they can share one RS-485 bus', () => {
    expect(new Set(shippedModbusModels.map((m) => m.defaults.slaveAddress)).size).toBe(shippedModbusModels.length);
  });
});
