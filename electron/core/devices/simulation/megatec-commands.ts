// Simulator commands for a UPS speaking Megatec Q1: mains failure, battery low, fault, bypass.

import type { UpsSimulator } from '../megatec/simulator';
import { arg, expectArgs, oneOf, onOff, type CommandGrammar } from './command-words';

export type MegatecCommand =
  | { name: 'mains'; failed: boolean }
  | { name: 'battery'; low: boolean }
  | { name: 'fault'; on: boolean }
  | { name: 'bypass'; on: boolean };

export interface MegatecTarget {
  simulator: UpsSimulator;
}

const usage = {
  mains: 'mains fail|ok',
  battery: 'battery low|ok',
  fault: 'fault on|off',
  bypass: 'bypass on|off',
} as const;

function parse(name: string, args: readonly string[]): MegatecCommand | undefined {
  switch (name) {
    case 'mains':
      expectArgs(args, 1, 1, usage.mains);
      return { name, failed: oneOf(arg(args, 0, usage.mains), 'mains', { fail: true, ok: false }) };
    case 'battery':
      expectArgs(args, 1, 1, usage.battery);
      return { name, low: oneOf(arg(args, 0, usage.battery), 'battery', { low: true, ok: false }) };
    case 'fault':
    case 'bypass':
      expectArgs(args, 1, 1, usage[name]);
      return { name, on: oneOf(arg(args, 0, usage[name]), name, onOff) };
    default:
      return undefined;
  }
}

async function run(target: MegatecTarget, command: MegatecCommand): Promise<string> {
  const sim = target.simulator;
  switch (command.name) {
    case 'mains':
      sim.mainsFailure(command.failed);
      return command.failed ? 'mains failed: the UPS runs on battery' : 'mains back: the UPS is on line';
    case 'battery':
      sim.batteryLow(command.low);
      return command.low ? 'battery low' : 'battery ok';
    case 'fault':
      sim.fault(command.on);
      return command.on ? 'UPS fault' : 'UPS fault cleared';
    case 'bypass':
      sim.bypass(command.on);
      return command.on ? 'on bypass' : 'bypass off';
  }
}

function status(target: MegatecTarget): string {
  const s = target.simulator.status();
  const yes = (on: boolean): string => (on ? 'yes' : 'no');
  return (
    `UPS: input ${s.inputVoltage} V ${s.inputFrequency} Hz, output ${s.outputVoltage} V, load ${s.loadPercent} %, battery ${s.batteryVoltage} V, ` +
    `${s.temperature} °C; on battery ${yes(s.bits.utilityFail)}, battery low ${yes(s.bits.batteryLow)}, fault ${yes(s.bits.upsFailed)}, bypass ${yes(s.bits.bypassActive)}`
  );
}

export const megatecCommands: CommandGrammar<MegatecCommand, MegatecTarget> = {
  usage: [
    [usage.mains, 'mains power fails (the UPS goes on battery) or comes back'],
    [usage.battery, 'battery low bit'],
    [usage.fault, 'UPS failed bit'],
    [usage.bypass, 'bypass active bit'],
  ],
  parse,
  run,
  status,
};
