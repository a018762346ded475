// The UPS test commands an engineer may send from diagnostics, and the checked command each one becomes.

import { AppError } from '../../../../shared/contract/app-error';
import type { DetailValue, TestCommandSpec } from '../driver-session';
import { shutdownDelayProblem, type MegatecCommand } from './codec';

export const megatecTestCommands: readonly TestCommandSpec[] = [
  { id: 'status', label: { zh: '读取状态 (Q1)', en: 'Poll status (Q1)' }, dangerous: false, params: {} },
  { id: 'rating', label: { zh: '读取额定值 (F)', en: 'Read rating (F)' }, dangerous: false, params: {} },
  { id: 'identity', label: { zh: '读取型号信息 (I)', en: 'Read identity (I)' }, dangerous: false, params: {} },
  { id: 'batteryTest', label: { zh: '电池自检 10 秒 (T)', en: '10-second battery test (T)' }, dangerous: false, params: {} },
  { id: 'cancelTest', label: { zh: '取消自检 (CT)', en: 'Cancel test (CT)' }, dangerous: false, params: {} },
  { id: 'toggleBeeper', label: { zh: '切换蜂鸣器 (Q)', en: 'Toggle beeper (Q)' }, dangerous: false, params: {} },
  {
    id: 'batteryTestUntilLow',
    label: { zh: '电池放电测试至低电 (TL)', en: 'Battery test until low (TL)' },
    // The load rides on a nearly empty battery when the test ends.
    dangerous: true,
    params: {},
  },
  {
    id: 'shutdown',
    label: { zh: '定时关机 (S)', en: 'Shut down after a delay (S)' },
    dangerous: true,
    // restoreMinutes may be left out (null): the UPS then restarts when mains returns.
    params: { minutes: 'number', restoreMinutes: 'number' },
  },
  { id: 'cancelShutdown', label: { zh: '取消关机 (C)', en: 'Cancel shutdown (C)' }, dangerous: false, params: {} },
];

const simpleCommands: Record<string, MegatecCommand> = {
  status: { kind: 'status' },
  rating: { kind: 'rating' },
  identity: { kind: 'identity' },
  batteryTest: { kind: 'batteryTest' },
  cancelTest: { kind: 'cancelTest' },
  toggleBeeper: { kind: 'toggleBeeper' },
  batteryTestUntilLow: { kind: 'batteryTestUntilLow' },
  cancelShutdown: { kind: 'cancelShutdown' },
};

function badParam(id: string, param: string, reason: string): AppError {
  return new AppError('devices.megatec.badParam', 'devices.megatec.badParam', { command: id, param, reason });
}

/** The command a test command id and its params stand for; an AppError for an unknown id or a wrong param. */
export function testCommandToMegatec(id: string, params: Record<string, DetailValue>): MegatecCommand {
  const spec = megatecTestCommands.find((candidate) => candidate.id === id);
  if (!spec) throw new AppError('devices.megatec.unknownTestCommand', 'devices.megatec.unknownTestCommand', { command: id });
  for (const name of Object.keys(params)) {
    if (!(name in spec.params)) throw badParam(id, name, 'not a parameter of this command');
  }
  const simple = simpleCommands[id];
  if (simple) return simple;
  const minutes = params.minutes;
  const restoreMinutes = params.restoreMinutes ?? undefined;
  if (typeof minutes !== 'number') throw badParam(id, 'minutes', 'a number is required');
  if (restoreMinutes !== undefined && typeof restoreMinutes !== 'number') throw badParam(id, 'restoreMinutes', 'must be a number or left out');
  const problem = shutdownDelayProblem(minutes, restoreMinutes);
  if (problem) throw badParam(id, problem.startsWith('restore') ? 'restoreMinutes' : 'minutes', problem);
  return restoreMinutes === undefined ? { kind: 'shutdown', minutes } : { kind: 'shutdown', minutes, restoreMinutes };
}
