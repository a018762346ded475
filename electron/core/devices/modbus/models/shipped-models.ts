// The Modbus device models the console ships with, validated by the same schema an engineer's map goes through.

import { parseModbusDeviceModel, type ModbusDeviceModel } from '../../../../../shared/domain/devices/modbus-register-map';
import { precisionAc } from './precision-ac';
import { temperatureHumidityRs485 } from './temperature-humidity-rs485';
import { waterLeakRs485 } from './water-leak-rs485';

export const shippedModbusModels: readonly ModbusDeviceModel[] = [temperatureHumidityRs485, waterLeakRs485, precisionAc].map(
  parseModbusDeviceModel,
);

export function shippedModbusModel(id: string): ModbusDeviceModel | undefined {
  return shippedModbusModels.find((model) => model.id === id);
}
