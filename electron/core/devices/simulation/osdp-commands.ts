// Simulator commands for a bus of OSDP readers (PDs): card swipes, keypad, tamper, power, a PD going offline.

import type { OsdpPdSimulator } from '../osdp/simulator';
import { cardNumber, wiegand26 } from '../osdp/wiegand';
import { arg, badCommand, expectArgs, oneOf, onOff, onOffLine, wholeNumber, type CommandGrammar } from './command-words';

export type OsdpCommand =
  | { name: 'swipe'; address: number; bits: number; data: Uint8Array }
  | { name: 'keypad'; address: number; digits: string }
  | { name: 'tamper'; address: number; on: boolean }
  | { name: 'power'; address: number; ok: boolean }
  | { name: 'offline'; address: number; on: boolean };

export interface OsdpTarget {
  simulator: OsdpPdSimulator;
  addresses: readonly number[];
  /** What the commands set, for `status` (the simulator keeps it but does not expose it). */
  offline: Set<number>;
  tamper: Set<number>;
  powerFailed: Set<number>;
}

const usage = {
  swipe: 'swipe <addr> <card-hex|decimal> [bits]',
  keypad: 'keypad <addr> <digits>',
  tamper: 'tamper <addr> on|off',
  power: 'power <addr> ok|fail',
  offline: 'offline <addr> on|off',
} as const;

/** 0x7F is the broadcast address (SIA OSDP 2.2 §5.4), never a PD's own. */
const address = (word: string): number => wholeNumber(word, 'PD address', 0, 0x7e);

/** `0x…` or a number with a-f is hex; digits only are decimal (as printed on most cards). */
function cardValue(word: string): bigint {
  const hex = /^0x[0-9a-f]+$/i.test(word) ? word.slice(2) : /^[0-9a-f]*[a-f][0-9a-f]*$/i.test(word) ? word : undefined;
  if (hex !== undefined) return BigInt(`0x${hex}`);
  if (/^\d+$/.test(word)) return BigInt(word);
  throw badCommand(`card must be a decimal number or hex (0x… or with a-f), got "${word}"`);
}

/** The card's bits MSB first, as osdp_RAW carries them (§7.10); 26 bits are H10301 with parity around 24 data bits. */
function cardBits(value: bigint, bits: number, word: string): Uint8Array {
  if (bits === 26) {
    if (value >= 1n << 24n) throw badCommand(`a 26-bit card holds 24 bits (facility and number), "${word}" is too big`);
    return wiegand26(Number(value >> 16n), Number(value & 0xffffn)).data;
  }
  if (value >= 1n << BigInt(bits)) throw badCommand(`card "${word}" does not fit in ${bits} bits`);
  const length = Math.ceil(bits / 8);
  let aligned = value << BigInt(length * 8 - bits);
  const data = new Uint8Array(length);
  for (let i = length - 1; i >= 0; i -= 1) {
    data[i] = Number(aligned & 0xffn);
    aligned >>= 8n;
  }
  return data;
}

function parse(name: string, args: readonly string[]): OsdpCommand | undefined {
  switch (name) {
    case 'swipe': {
      expectArgs(args, 2, 3, usage.swipe);
      const card = arg(args, 1, usage.swipe);
      const bits = args[2] === undefined ? 26 : wholeNumber(args[2], 'bit count', 1, 128);
      return { name, address: address(arg(args, 0, usage.swipe)), bits, data: cardBits(cardValue(card), bits, card) };
    }
    case 'keypad': {
      expectArgs(args, 2, 2, usage.keypad);
      const digits = arg(args, 1, usage.keypad);
      if (!/^[0-9*#]{1,64}$/.test(digits)) throw badCommand(`keypad digits must be 0-9, * or # (at most 64), got "${digits}"`);
      return { name, address: address(arg(args, 0, usage.keypad)), digits };
    }
    case 'tamper':
    case 'offline':
      expectArgs(args, 2, 2, usage[name]);
      return { name, address: address(arg(args, 0, usage[name])), on: oneOf(arg(args, 1, usage[name]), name, onOff) };
    case 'power':
      expectArgs(args, 2, 2, usage.power);
      return { name, address: address(arg(args, 0, usage.power)), ok: oneOf(arg(args, 1, usage.power), 'power', { ok: true, fail: false }) };
    default:
      return undefined;
  }
}

function knownPd(target: OsdpTarget, address: number): void {
  if (!target.addresses.includes(address)) {
    throw badCommand(`no PD at address ${address} on this bus (PDs: ${target.addresses.join(', ')})`);
  }
}

const toggle = (set: Set<number>, address: number, on: boolean): void => void (on ? set.add(address) : set.delete(address));

async function run(target: OsdpTarget, command: OsdpCommand): Promise<string> {
  knownPd(target, command.address);
  const sim = target.simulator;
  switch (command.name) {
    case 'swipe': {
      sim.swipeCard(command.address, 0, command.bits, command.data);
      const card = cardNumber(command.bits, command.data);
      const wiegand = card.facility === undefined ? '' : `, facility ${card.facility}, number ${card.card}`;
      return `PD ${command.address}: card ${card.decimal} (hex ${card.hex}, ${command.bits} bits${wiegand}) queued for the next poll`;
    }
    case 'keypad':
      sim.keypad(command.address, command.digits);
      return `PD ${command.address}: keys "${command.digits}" queued for the next poll`;
    case 'tamper':
      sim.tamper(command.address, command.on);
      toggle(target.tamper, command.address, command.on);
      return `PD ${command.address}: tamper ${command.on ? 'open' : 'closed'}`;
    case 'power':
      sim.power(command.address, command.ok);
      toggle(target.powerFailed, command.address, !command.ok);
      return `PD ${command.address}: power ${command.ok ? 'ok' : 'failed'}`;
    case 'offline':
      sim.offline(command.address, command.on);
      toggle(target.offline, command.address, command.on);
      return `PD ${command.address}: offline ${onOffLine(command.on)}`;
  }
}

function status(target: OsdpTarget): string {
  return target.addresses
    .map((a) => {
      const state = [
        target.offline.has(a) ? 'offline' : 'online',
        target.tamper.has(a) ? 'tamper open' : 'tamper closed',
        target.powerFailed.has(a) ? 'power failed' : 'power ok',
        target.simulator.isSecure(a) ? 'secure channel' : 'plain',
        `${target.simulator.received(a).length} output/LED/buzzer commands received`,
      ];
      return `PD ${a}: ${state.join(', ')}`;
    })
    .join('; ');
}

export const osdpCommands: CommandGrammar<OsdpCommand, OsdpTarget> = {
  usage: [
    [usage.swipe, 'a card read (osdp_RAW), 26-bit Wiegand unless bits given; e.g. swipe 1 8106606'],
    [usage.keypad, 'keys typed on the reader (0-9 * #)'],
    [usage.tamper, 'opens (on) or closes the reader tamper switch'],
    [usage.power, 'mains power at the PD'],
    [usage.offline, 'the PD stops answering (on) or comes back'],
  ],
  parse,
  run,
  status,
};
