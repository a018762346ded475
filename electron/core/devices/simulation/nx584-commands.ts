// Simulator commands for a NetworX alarm panel with its NX-584 interface: zone alarms, faults, tamper, AC and battery.

import type { Nx584PanelSimulator } from '../nx584/simulator';
import { arg, badCommand, expectArgs, oneOf, onOff, onOffLine, wholeNumber, type CommandGrammar } from './command-words';

export type Nx584Command =
  | { name: 'alarm'; zone: number }
  | { name: 'fault'; zone: number; on: boolean }
  | { name: 'tamper'; zone: number; on: boolean }
  | { name: 'trouble'; zone: number; on: boolean }
  | { name: 'ac'; present: boolean }
  | { name: 'battery'; low: boolean };

export interface Nx584Target {
  simulator: Nx584PanelSimulator;
  zones: number;
  /** What the commands set, for `status`. */
  faulted: Set<number>;
  acFail: boolean;
  lowBattery: boolean;
}

const usage = {
  alarm: 'alarm <zone>',
  fault: 'fault <zone> on|off',
  tamper: 'tamper <zone> [on|off]',
  trouble: 'trouble <zone> [on|off]',
  ac: 'ac on|off',
  battery: 'battery low|ok',
} as const;

/** NetworX panels have at most 192 zones; the simulated panel's own count is checked when the command runs. */
const zone = (word: string): number => wholeNumber(word, 'zone', 1, 192);

function parse(name: string, args: readonly string[]): Nx584Command | undefined {
  switch (name) {
    case 'alarm':
      expectArgs(args, 1, 1, usage.alarm);
      return { name, zone: zone(arg(args, 0, usage.alarm)) };
    case 'fault':
      expectArgs(args, 2, 2, usage.fault);
      return { name, zone: zone(arg(args, 0, usage.fault)), on: oneOf(arg(args, 1, usage.fault), 'fault', onOff) };
    case 'tamper':
    case 'trouble':
      expectArgs(args, 1, 2, usage[name]);
      return { name, zone: zone(arg(args, 0, usage[name])), on: args[1] === undefined ? true : oneOf(args[1], name, onOff) };
    case 'ac':
      expectArgs(args, 1, 1, usage.ac);
      return { name, present: oneOf(arg(args, 0, usage.ac), 'ac', onOff) };
    case 'battery':
      expectArgs(args, 1, 1, usage.battery);
      return { name, low: oneOf(arg(args, 0, usage.battery), 'battery', { low: true, ok: false }) };
    default:
      return undefined;
  }
}

function knownZone(target: Nx584Target, zoneNumber: number): void {
  if (zoneNumber > target.zones) throw badCommand(`no zone ${zoneNumber} on this panel (zones 1–${target.zones})`);
}

async function run(target: Nx584Target, command: Nx584Command): Promise<string> {
  const sim = target.simulator;
  switch (command.name) {
    case 'alarm':
      knownZone(target, command.zone);
      sim.alarm(command.zone);
      return `zone ${command.zone}: alarm`;
    case 'fault':
      knownZone(target, command.zone);
      sim.faultZone(command.zone, command.on);
      if (command.on) target.faulted.add(command.zone);
      else target.faulted.delete(command.zone);
      return `zone ${command.zone}: ${command.on ? 'faulted (open)' : 'secure'}`;
    case 'tamper':
      knownZone(target, command.zone);
      sim.tamper(command.zone, command.on);
      return `zone ${command.zone}: tamper ${onOffLine(command.on)}`;
    case 'trouble':
      knownZone(target, command.zone);
      sim.trouble(command.zone, command.on);
      return `zone ${command.zone}: trouble ${onOffLine(command.on)}`;
    case 'ac':
      target.acFail = !command.present;
      sim.acFail(!command.present);
      return command.present ? 'AC power restored' : 'AC power failed';
    case 'battery':
      target.lowBattery = command.low;
      sim.lowBattery(command.low);
      return command.low ? 'panel battery low' : 'panel battery ok';
  }
}

function status(target: Nx584Target): string {
  const partition = target.simulator.partition(1);
  const armed = partition?.armed ? (partition.stay ? 'armed stay' : 'armed away') : 'disarmed';
  const faulted = target.faulted.size === 0 ? 'none' : [...target.faulted].sort((a, b) => a - b).join(', ');
  return [
    `panel: ${target.zones} zones, partition 1 ${armed}${partition?.siren ? ', siren on' : ''}`,
    `faulted zones ${faulted}`,
    `AC ${target.acFail ? 'failed' : 'ok'}, battery ${target.lowBattery ? 'low' : 'ok'}`,
    `${target.simulator.received.length} requests received, ${target.simulator.retransmissions} retransmissions`,
  ].join('; ');
}

export const nx584Commands: CommandGrammar<Nx584Command, Nx584Target> = {
  usage: [
    [usage.alarm, 'the zone goes into alarm (alarm memory, siren, log event)'],
    [usage.fault, 'a detector opens (on) or closes; on an armed partition that is an alarm'],
    [usage.tamper, 'zone tamper (on by default)'],
    [usage.trouble, 'zone trouble (on by default)'],
    [usage.ac, 'mains power at the panel present (on) or failed (off)'],
    [usage.battery, 'the panel standby battery'],
  ],
  parse,
  run,
  status,
};
