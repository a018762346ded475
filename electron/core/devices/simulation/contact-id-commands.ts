// Simulator commands for an alarm receiver (SurGard MLR2 serial output carrying Contact ID events).

import type { ContactIdEventInput } from '../contact-id/encoder';
import type { ReceiverSimulator } from '../contact-id/simulator';
import { arg, badCommand, expectArgs, oneOf, wholeNumber, type CommandGrammar } from './command-words';

export type ContactIdCommand =
  | { name: 'fire'; account: string; zone: number }
  | { name: 'event'; account: string; qualifier: 'E' | 'R' | 'P'; code: number; group: number; zone: number }
  | { name: 'restore'; account: string; zone: number; code: number }
  | { name: 'heartbeat' }
  | { name: 'heartbeats'; periodMs: number | null }
  | { name: 'burst'; count: number; account: string; pipelined: boolean };

export interface ContactIdTarget {
  simulator: ReceiverSimulator;
  /** The heartbeat period now running, null when off. */
  heartbeatMs: number | null;
}

const usage = {
  fire: 'fire <account> <zone>',
  event: 'event <account> <E|R|P> <code> <group> <zone>',
  restore: 'restore <account> <zone> [code]',
  heartbeat: 'heartbeat',
  heartbeats: 'heartbeats <ms>|off',
  burst: 'burst <n> [account] [pipelined]',
} as const;

/** Contact ID: the account is four characters 0-9 or B-F (A stands for 0 on the wire and is never sent). */
function account(word: string): string {
  const text = word.toUpperCase();
  if (!/^[0-9B-F]{4}$/.test(text)) throw badCommand(`account must be four characters 0-9 or B-F, got "${word}"`);
  return text;
}

const zone = (word: string): number => wholeNumber(word, 'zone', 0, 999);
const eventCode = (word: string): number => wholeNumber(word, 'event code', 0, 999);

function parse(name: string, args: readonly string[]): ContactIdCommand | undefined {
  switch (name) {
    case 'fire':
      expectArgs(args, 2, 2, usage.fire);
      return { name, account: account(arg(args, 0, usage.fire)), zone: zone(arg(args, 1, usage.fire)) };
    case 'event':
      expectArgs(args, 5, 5, usage.event);
      return {
        name,
        account: account(arg(args, 0, usage.event)),
        qualifier: oneOf(arg(args, 1, usage.event), 'qualifier', { e: 'E', r: 'R', p: 'P' } as const),
        code: eventCode(arg(args, 2, usage.event)),
        group: wholeNumber(arg(args, 3, usage.event), 'group', 0, 99),
        zone: zone(arg(args, 4, usage.event)),
      };
    case 'restore':
      expectArgs(args, 2, 3, usage.restore);
      return {
        name,
        account: account(arg(args, 0, usage.restore)),
        zone: zone(arg(args, 1, usage.restore)),
        code: args[2] === undefined ? 110 : eventCode(args[2]),
      };
    case 'heartbeat':
      expectArgs(args, 0, 0, usage.heartbeat);
      return { name };
    case 'heartbeats': {
      expectArgs(args, 1, 1, usage.heartbeats);
      const period = arg(args, 0, usage.heartbeats);
      return { name, periodMs: period.toLowerCase() === 'off' ? null : wholeNumber(period, 'heartbeat period (ms)', 100, 3_600_000) };
    }
    case 'burst': {
      expectArgs(args, 1, 3, usage.burst);
      const pipelined = args.length > 1 && args.at(-1)?.toLowerCase() === 'pipelined';
      const rest = args.slice(1, pipelined ? -1 : undefined);
      if (rest.length > 1) throw badCommand(`unexpected arguments (usage: ${usage.burst})`);
      const accountWord = rest[0];
      return { name, count: wholeNumber(arg(args, 0, usage.burst), 'event count', 1, 100_000), account: accountWord ? account(accountWord) : '1234', pipelined };
    }
    default:
      return undefined;
  }
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');
const attemptsText = (attempts: number): string => `ACKed after ${attempts} attempt${attempts === 1 ? '' : 's'}`;

/** A burst alternates an alarm and its restore per zone, so the console ends with nothing left active. */
function burstEvents(count: number, accountNumber: string): ContactIdEventInput[] {
  return Array.from({ length: count }, (_, i) => ({
    account: accountNumber,
    qualifier: i % 2 === 0 ? 'E' : 'R',
    code: 130,
    group: 1,
    zone: (Math.floor(i / 2) % 999) + 1,
  }));
}

async function run(target: ContactIdTarget, command: ContactIdCommand): Promise<string> {
  const sim = target.simulator;
  switch (command.name) {
    case 'fire':
      return `E110 fire, account ${command.account}, zone ${pad(command.zone, 3)}: ${attemptsText(await sim.fireAlarm(command.account, command.zone))}`;
    case 'event': {
      const attempts = await sim.sendEvent(command);
      return `${command.qualifier}${pad(command.code, 3)}, account ${command.account}, group ${pad(command.group, 2)}, zone ${pad(command.zone, 3)}: ${attemptsText(attempts)}`;
    }
    case 'restore':
      return `R${pad(command.code, 3)} restore, account ${command.account}, zone ${pad(command.zone, 3)}: ${attemptsText(await sim.restore(command.account, command.zone, command.code))}`;
    case 'heartbeat':
      return (await sim.heartbeat()) ? 'heartbeat ACKed' : 'heartbeat not ACKed (the receiver does not resend it)';
    case 'heartbeats':
      target.heartbeatMs = command.periodMs;
      if (command.periodMs === null) {
        sim.stopHeartbeats();
        return 'heartbeats off';
      }
      sim.startHeartbeats(command.periodMs);
      return `heartbeats every ${command.periodMs} ms`;
    case 'burst': {
      const result = await sim.burst(burstEvents(command.count, command.account), command.pipelined ? 'pipelined' : 'sequential');
      return `burst: ${result.delivered} events delivered, ${result.retransmissions} retransmitted, in ${result.seconds.toFixed(2)} s`;
    }
  }
}

function status(target: ContactIdTarget): string {
  const s = target.simulator.stats();
  const beats = target.heartbeatMs === null ? 'heartbeats off' : `heartbeats every ${target.heartbeatMs} ms`;
  return `receiver: sent ${s.sent}, ACKs ${s.acks}, NAKs ${s.naks}, timeouts ${s.timeouts}, retransmissions ${s.retransmissions}; ${beats}`;
}

export const contactIdCommands: CommandGrammar<ContactIdCommand, ContactIdTarget> = {
  usage: [
    [usage.fire, 'fire alarm (E110) on a zone; waits for the ACK'],
    [usage.event, 'any Contact ID event, e.g. event 1234 E 423 01 5 (door forced)'],
    [usage.restore, 'restore (R, default code 110) on a zone'],
    [usage.heartbeat, 'one heartbeat now'],
    [usage.heartbeats, 'periodic heartbeats (the MLR2 sends one about every 30 s)'],
    [usage.burst, 'n events (alarm/restore pairs, E/R 130) back to back'],
  ],
  parse,
  run,
  status,
};
