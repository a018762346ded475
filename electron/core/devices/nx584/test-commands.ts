// The NX-584 test commands an engineer may send from diagnostics, and the checked request each one becomes.

import { AppError } from '../../../../shared/contract/app-error';
import type { DetailValue, TestCommandSpec } from '../driver-session';
import type { Nx584Request, PrimaryKeypadFunction } from './requests';

export const nx584TestCommands: readonly TestCommandSpec[] = [
  { id: 'systemStatus', label: { zh: '读取系统状态', en: 'System status' }, dangerous: false, params: {} },
  { id: 'zoneStatus', label: { zh: '读取防区状态', en: 'Zone status' }, dangerous: false, params: { zone: 'number' } },
  { id: 'partitionStatus', label: { zh: '读取分区状态', en: 'Partition status' }, dangerous: false, params: { partition: 'number' } },
  { id: 'interfaceConfiguration', label: { zh: '读取接口配置', en: 'Interface configuration' }, dangerous: false, params: {} },
  { id: 'logEvent', label: { zh: '读取日志事件', en: 'Read log event' }, dangerous: false, params: { eventNumber: 'number' } },
  { id: 'armAway', label: { zh: '外出布防', en: 'Arm away' }, dangerous: true, params: { partition: 'number' } },
  { id: 'armStay', label: { zh: '留守布防', en: 'Arm stay' }, dangerous: true, params: { partition: 'number' } },
  { id: 'disarm', label: { zh: '撤防', en: 'Disarm' }, dangerous: true, params: { partition: 'number' } },
  { id: 'silence', label: { zh: '消音（关闭警号）', en: 'Silence siren' }, dangerous: true, params: { partition: 'number' } },
  // 3Fh carries no PIN (nxgipd nx-584.h): the panel must allow bypass from the interface in its programming.
  { id: 'bypassZone', label: { zh: '防区旁路切换', en: 'Toggle zone bypass' }, dangerous: true, params: { zone: 'number' } },
];

const keypadFunctions: Record<string, PrimaryKeypadFunction> = { armAway: 'armAway', armStay: 'armStay', disarm: 'disarm', silence: 'silence' };

function badParam(command: string, param: string, reason: string): AppError {
  return new AppError('devices.nx584.badParam', 'devices.nx584.badParam', { command, param, reason });
}

function wholeNumber(command: string, params: Record<string, DetailValue>, name: string, min: number, max: number): number {
  const value = params[name];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw badParam(command, name, `a whole number ${min}–${max} is required`);
  }
  return value;
}

/** The request a test command id and its params stand for; an AppError for an unknown id, a wrong param or a missing PIN. */
export function testCommandToRequest(id: string, params: Record<string, DetailValue>, pin: string | undefined): Nx584Request {
  const spec = nx584TestCommands.find((candidate) => candidate.id === id);
  if (!spec) throw new AppError('devices.nx584.unknownTestCommand', 'devices.nx584.unknownTestCommand', { command: id });
  for (const name of Object.keys(params)) {
    if (!(name in spec.params)) throw badParam(id, name, 'not a parameter of this command');
  }
  const zone = (): number => wholeNumber(id, params, 'zone', 1, 256);
  const partition = (): number => wholeNumber(id, params, 'partition', 1, 8);
  switch (id) {
    case 'systemStatus':
      return { kind: 'systemStatusRequest' };
    case 'zoneStatus':
      return { kind: 'zoneStatusRequest', zone: zone() };
    case 'partitionStatus':
      return { kind: 'partitionStatusRequest', partition: partition() };
    case 'interfaceConfiguration':
      return { kind: 'interfaceConfigurationRequest' };
    case 'logEvent':
      return { kind: 'logEventRequest', eventNumber: wholeNumber(id, params, 'eventNumber', 0, 255) };
    case 'bypassZone':
      return { kind: 'zoneBypassToggle', zone: zone() };
    default: {
      const func = keypadFunctions[id];
      if (!func) throw new AppError('devices.nx584.unknownTestCommand', 'devices.nx584.unknownTestCommand', { command: id });
      const target = partition();
      if (pin === undefined) throw new AppError('devices.nx584.pinRequired', 'devices.nx584.pinRequired', { command: id });
      return { kind: 'keypadFunctionWithPin', pin, func, partitions: [target] };
    }
  }
}
