// The simulator command language, the same for the CLI's REPL, `--script`, the demo site and tests: parse, help, dispatch.

import { AppError } from '../../../../shared/contract/app-error';
import type { DriverKind } from '../../../../shared/contract/links';
import { badCommand, badCommandCode, expectArgs, arg, hexBytes, oneOf, onOff, onOffLine, splitScript, wholeNumber, words, type CommandGrammar } from './command-words';
import { contactIdCommands, type ContactIdCommand, type ContactIdTarget } from './contact-id-commands';
import { megatecCommands, type MegatecCommand, type MegatecTarget } from './megatec-commands';
import { modbusCommands, type ModbusCommand, type ModbusTarget } from './modbus-commands';
import { nx584Commands, type Nx584Command, type Nx584Target } from './nx584-commands';
import { osdpCommands, type OsdpCommand, type OsdpTarget } from './osdp-commands';

export { splitScript } from './command-words';

/** Commands every simulated device understands. */
export type CommonCommand =
  | { name: 'wait'; ms: number }
  | { name: 'status' }
  | { name: 'help' }
  | { name: 'garbage'; bytes: Uint8Array }
  | { name: 'silence'; on: boolean };

export interface DeviceCommands {
  'contact-id': ContactIdCommand;
  osdp: OsdpCommand;
  nx584: Nx584Command;
  megatec: MegatecCommand;
  modbus: ModbusCommand;
}

/** The simulator a kind's commands act on, with the little state `status` reports. */
export interface SimulatorTargets {
  'contact-id': ContactIdTarget;
  osdp: OsdpTarget;
  nx584: Nx584Target;
  megatec: MegatecTarget;
  modbus: ModbusTarget;
}

export type SimulatorCommand<K extends DriverKind> = { scope: 'common'; command: CommonCommand } | { scope: 'device'; command: DeviceCommands[K] };

/** A simulated device as the commands see it. */
export interface CommandedSimulator<K extends DriverKind> {
  kind: K;
  target: SimulatorTargets[K];
  /** Every simulator can be made quiet and can put noise on the line. */
  line: { garbage(bytes: Uint8Array): Promise<void>; silence(on: boolean): void };
  silent: boolean;
}

export interface CommandContext {
  /** How `wait` waits; a real timer for people, anything for tests. */
  wait(ms: number): Promise<void>;
}

const grammars: { [K in DriverKind]: CommandGrammar<DeviceCommands[K], SimulatorTargets[K]> } = {
  'contact-id': contactIdCommands,
  osdp: osdpCommands,
  nx584: nx584Commands,
  megatec: megatecCommands,
  modbus: modbusCommands,
};

const commonUsage = {
  garbage: 'garbage <hex>',
  silence: 'silence on|off',
  wait: 'wait <ms>',
  status: 'status',
  help: 'help',
} as const;

const commonHelp: readonly (readonly [string, string])[] = [
  [commonUsage.garbage, 'writes raw bytes on the line (noise), e.g. garbage 00ff7e'],
  [commonUsage.silence, 'the device says nothing while on (a cut cable, a dead device)'],
  [commonUsage.wait, 'pauses a script'],
  [commonUsage.status, 'what the simulated device is doing'],
  [commonUsage.help, 'this list'],
];

function parseCommon(name: string, args: readonly string[]): CommonCommand | undefined {
  switch (name) {
    case 'wait':
      expectArgs(args, 1, 1, commonUsage.wait);
      return { name, ms: wholeNumber(arg(args, 0, commonUsage.wait), 'wait (ms)', 0, 3_600_000) };
    case 'status':
    case 'help':
      expectArgs(args, 0, 0, commonUsage[name]);
      return { name };
    case 'garbage':
      expectArgs(args, 1, 256, commonUsage.garbage);
      return { name, bytes: hexBytes(args, 'garbage') };
    case 'silence':
      expectArgs(args, 1, 1, commonUsage.silence);
      return { name, on: oneOf(arg(args, 0, commonUsage.silence), 'silence', onOff) };
    default:
      return undefined;
  }
}

/** Parses one command line; AppError `devices.sim.badCommand` with the reason for anything it cannot run. */
export function parseSimulatorCommand<K extends DriverKind>(kind: K, line: string): SimulatorCommand<K> {
  const [first, ...args] = words(line);
  if (first === undefined) throw badCommand('empty command; type help for the list');
  const name = first.toLowerCase();
  try {
    const common = parseCommon(name, args);
    if (common) return { scope: 'common', command: common };
    const own = grammars[kind].parse(name, args);
    if (own !== undefined) return { scope: 'device', command: own };
  } catch (error) {
    // Name the command in the reason, so a script's bad line is found at a glance.
    if (error instanceof AppError && error.code === badCommandCode) throw badCommand(`${name}: ${String(error.params.reason)}`);
    throw error;
  }
  throw badCommand(`unknown command "${first}" for the ${kind} simulator; type help for the list`);
}

/** Parses a whole script (`cmd; cmd; wait 500; cmd`) before anything runs, so a bad line stops it early. */
export function parseSimulatorScript<K extends DriverKind>(kind: K, script: string): SimulatorCommand<K>[] {
  return splitScript(script).map((line) => parseSimulatorCommand(kind, line));
}

export function simulatorHelp(kind: DriverKind): string {
  const rows = [...grammars[kind].usage, ...commonHelp];
  const width = Math.max(...rows.map(([usage]) => usage.length));
  return [
    `${kind} simulator commands:`,
    ...rows.map(([usage, text]) => `  ${usage.padEnd(width)}  ${text}`),
    "Several commands on one line are separated by ';', e.g. fire 1234 3; wait 500; restore 1234 3",
  ].join('\n');
}

/** Carries out one parsed command; resolves with a one-line result (several lines for `help`). */
export async function runSimulatorCommand<K extends DriverKind>(
  simulator: CommandedSimulator<K>,
  parsed: SimulatorCommand<K>,
  context: CommandContext,
): Promise<string> {
  const grammar = grammars[simulator.kind];
  if (parsed.scope === 'device') return grammar.run(simulator.target, parsed.command);
  const command = parsed.command;
  switch (command.name) {
    case 'wait':
      await context.wait(command.ms);
      return `waited ${command.ms} ms`;
    case 'status':
      return `${grammar.status(simulator.target)}${simulator.silent ? '; silent' : ''}`;
    case 'help':
      return simulatorHelp(simulator.kind);
    case 'garbage':
      await simulator.line.garbage(command.bytes);
      return `wrote ${command.bytes.length} garbage byte${command.bytes.length === 1 ? '' : 's'}`;
    case 'silence':
      simulator.line.silence(command.on);
      simulator.silent = command.on;
      return `silence ${onOffLine(command.on)}`;
  }
}
