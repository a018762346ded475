// Simulator commands for a Modbus RTU sensor playing one register-map model: values, thresholds, leak, exceptions.

import { AppError } from '../../../../shared/contract/app-error';
import type { ModbusDeviceModel, ModbusPoint } from '../../../../shared/domain/devices/modbus-register-map';
import type { ModbusSimulator } from '../modbus/simulator';
import { arg, badCommand, decimal, expectArgs, oneOf, onOff, wholeNumber, type CommandGrammar } from './command-words';

export type ModbusCommand =
  | { name: 'set'; key: string; value: number | boolean }
  | { name: 'over'; key: string }
  | { name: 'leak'; on: boolean }
  | { name: 'exception'; code: number; count: number };

export interface ModbusTarget {
  simulator: ModbusSimulator;
  model: ModbusDeviceModel;
}

const usage = {
  set: 'set <key> <value>',
  over: 'over <key>',
  leak: 'leak on|off',
  exception: 'exception <code> [n]',
} as const;

const booleanWords: Readonly<Record<string, boolean>> = { on: true, off: false, true: true, false: false };

function parse(name: string, args: readonly string[]): ModbusCommand | undefined {
  switch (name) {
    case 'set': {
      expectArgs(args, 2, 2, usage.set);
      const word = arg(args, 1, usage.set);
      const value = Object.hasOwn(booleanWords, word.toLowerCase()) ? oneOf(word, 'value', booleanWords) : decimal(word, 'value');
      return { name, key: arg(args, 0, usage.set), value };
    }
    case 'over':
      expectArgs(args, 1, 1, usage.over);
      return { name, key: arg(args, 0, usage.over) };
    case 'leak':
      expectArgs(args, 1, 1, usage.leak);
      return { name, on: oneOf(arg(args, 0, usage.leak), 'leak', onOff) };
    case 'exception':
      expectArgs(args, 1, 2, usage.exception);
      return {
        name,
        // Modbus Application Protocol V1.1b3 §7: exception codes 01–0B are defined; others are still a byte on the wire.
        code: wholeNumber(arg(args, 0, usage.exception), 'exception code', 1, 255),
        count: args[1] === undefined ? 1 : wholeNumber(args[1], 'request count', 1, 1000),
      };
    default:
      return undefined;
  }
}

function pointOf(target: ModbusTarget, key: string): ModbusPoint {
  const point = target.model.points.find((p) => p.key === key);
  if (!point) throw badCommand(`model ${target.model.id} has no point "${key}" (points: ${target.model.points.map((p) => p.key).join(', ')})`);
  return point;
}

/** Rounded so a scaled register (231 × 0.1) reads 23.1, not 23.100000000000001. */
const shown = (value: number | boolean | null, point: ModbusPoint): string =>
  typeof value !== 'number' ? String(value) : `${Number(value.toFixed(6))}${point.unit ? ` ${point.unit}` : ''}`;

async function run(target: ModbusTarget, command: ModbusCommand): Promise<string> {
  const sim = target.simulator;
  switch (command.name) {
    case 'set': {
      const point = pointOf(target, command.key);
      if ((point.type === 'bool') !== (typeof command.value === 'boolean')) {
        throw badCommand(`point "${point.key}" takes ${point.type === 'bool' ? 'on|off' : 'a number'}, got "${String(command.value)}"`);
      }
      try {
        sim.set(point.key, command.value);
      } catch (error) {
        if (error instanceof AppError && error.code === 'devices.modbus.valueOutOfRange') {
          throw badCommand(`${String(command.value)} does not fit point "${point.key}" (${point.type}, scale ${point.scale})`);
        }
        throw error;
      }
      return `${point.key} = ${shown(sim.value(point.key), point)}`;
    }
    case 'over': {
      const point = pointOf(target, command.key);
      if (!point.alarms.high && !point.alarms.state) throw badCommand(`point "${point.key}" has no high limit or alarm state`);
      return `${point.key} = ${shown(sim.overThreshold(point.key), point)} (past its limit)`;
    }
    case 'leak': {
      const point = pointOf(target, 'leak');
      sim.leak(command.on);
      return `${point.key} = ${shown(command.on, point)}`;
    }
    case 'exception':
      sim.exception(command.code, command.count);
      return `the next ${command.count === 1 ? 'request is' : `${command.count} requests are`} answered with exception ${command.code}`;
  }
}

function status(target: ModbusTarget): string {
  const values = target.model.points.map((point) => `${point.key} ${shown(target.simulator.value(point.key), point)}`);
  return `slave ${target.simulator.slaveAddress} (${target.model.id}): ${values.join(', ')}`;
}

export const modbusCommands: CommandGrammar<ModbusCommand, ModbusTarget> = {
  usage: [
    [usage.set, 'sets a point in engineering units (on|off for a bool), e.g. set temperature 23.5'],
    [usage.over, 'puts a point just past its high limit (or into its alarm state)'],
    [usage.leak, 'the model\'s leak point'],
    [usage.exception, 'answers the next n requests with a Modbus exception (1 illegal function … 6 busy)'],
  ],
  parse,
  run,
  status,
};
