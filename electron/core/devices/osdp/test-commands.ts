// The OSDP test commands an engineer may send from diagnostics, and turning their parameters into commands.

import { AppError } from '../../../../shared/contract/app-error';
import type { DetailValue, TestCommandSpec } from '../driver-session';
import { ledColour, type OsdpCommand } from './commands';

const withAddress = { address: 'number' } as const;

export const osdpTestCommandSpecs: TestCommandSpec[] = [
  { id: 'poll', label: { zh: '轮询', en: 'Poll' }, dangerous: false, params: { ...withAddress } },
  { id: 'id', label: { zh: '读取设备标识', en: 'Read identification' }, dangerous: false, params: { ...withAddress } },
  { id: 'cap', label: { zh: '读取设备能力', en: 'Read capabilities' }, dangerous: false, params: { ...withAddress } },
  { id: 'lstat', label: { zh: '读取防拆与电源状态', en: 'Read tamper and power status' }, dangerous: false, params: { ...withAddress } },
  {
    id: 'ledBlink',
    label: { zh: '读头 LED 闪烁', en: 'Blink reader LED' },
    dangerous: false,
    params: { ...withAddress, reader: 'number', colour: 'string' },
  },
  { id: 'buzzerBeep', label: { zh: '读头蜂鸣', en: 'Beep reader buzzer' }, dangerous: false, params: { ...withAddress, reader: 'number' } },
  {
    id: 'outputPulse',
    label: { zh: '输出脉冲（开门）', en: 'Pulse output (door strike)' },
    dangerous: true,
    params: { ...withAddress, output: 'number', durationMs: 'number' },
  },
];

/** Timed LED and buzzer patterns, in the 100 ms units of osdp_LED and osdp_BUZ (§6.10, §6.11). */
const blink = { onTime: 3, offTime: 3, timer: 30 };
const beep = { tone: 2, onTime: 2, offTime: 1, count: 1 };
const maxPulseMs = 60_000;

function badParam(name: string, value: DetailValue | undefined, expected: string): AppError {
  return new AppError('devices.osdp.badParam', 'devices.osdp.badParam', { name, value: value ?? null, expected });
}

function integerParam(params: Record<string, DetailValue>, name: string, min: number, max: number, fallback?: number): number {
  const value = params[name];
  if (value === undefined || value === null) {
    if (fallback !== undefined) return fallback;
    throw badParam(name, value, `an integer ${min}–${max}`);
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) throw badParam(name, value, `an integer ${min}–${max}`);
  return value;
}

/** Checks an engineer's parameters and builds the command; rejects anything odd with an AppError naming the parameter. */
export function commandForTest(id: string, params: Record<string, DetailValue>, addresses: number[]): { address: number; command: OsdpCommand } {
  const spec = osdpTestCommandSpecs.find((candidate) => candidate.id === id);
  if (!spec) throw new AppError('devices.osdp.unknownTestCommand', 'devices.osdp.unknownTestCommand', { id });
  const only = addresses.length === 1 ? addresses[0] : undefined;
  const address = integerParam(params, 'address', 0, 0x7e, only);
  if (!addresses.includes(address)) throw new AppError('devices.osdp.unknownPd', 'devices.osdp.unknownPd', { address });
  switch (id) {
    case 'poll':
    case 'id':
    case 'cap':
    case 'lstat':
      return { address, command: { kind: id } };
    case 'ledBlink': {
      const reader = integerParam(params, 'reader', 0, 255, 0);
      const colourName = params.colour ?? 'green';
      const colour = typeof colourName === 'string' ? ledColour[colourName as keyof typeof ledColour] : undefined;
      if (colour === undefined) throw badParam('colour', colourName, Object.keys(ledColour).join(', '));
      return {
        address,
        command: {
          kind: 'led',
          leds: [
            {
              reader,
              led: 0,
              temporary: { control: 2, onTime: blink.onTime, offTime: blink.offTime, onColour: colour, offColour: ledColour.black, timer: blink.timer },
              permanent: { control: 0, onTime: 0, offTime: 0, onColour: 0, offColour: 0 },
            },
          ],
        },
      };
    }
    case 'buzzerBeep':
      return { address, command: { kind: 'buz', reader: integerParam(params, 'reader', 0, 255, 0), ...beep } };
    case 'outputPulse': {
      const output = integerParam(params, 'output', 0, 255, 0);
      const durationMs = integerParam(params, 'durationMs', 100, maxPulseMs, 3000);
      // Control code 5: temporary on, then back to the permanent state when the timer runs out (§6.8).
      return { address, command: { kind: 'out', outputs: [{ output, control: 5, timer: Math.round(durationMs / 100) }] } };
    }
  }
  throw new AppError('devices.osdp.unknownTestCommand', 'devices.osdp.unknownTestCommand', { id });
}
