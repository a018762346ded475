import { describe, expect, it } from 'vitest';
import type { DriverKind } from '../../../../../shared/contract/links';
import { parseDemoCommand, parseDemoScript } from '../../../../../electron/core/devices/simulation/demo-commands';
import { parseSimulatorCommand, parseSimulatorScript, simulatorHelp } from '../../../../../electron/core/devices/simulation/simulator-commands';

const device = (kind: DriverKind, line: string) => {
  const parsed = parseSimulatorCommand(kind, line);
  expect(parsed.scope).toBe('device');
  return parsed.command;
};

/** The reason of the badCommand error a line gets; fails if it parses or throws anything else. */
function refusal(kind: DriverKind, line: string): string {
  try {
    parseSimulatorCommand(kind, line);
  } catch (error) {
    expect(error).toMatchObject({ code: 'devices.sim.badCommand' });
    const reason = (error as { params: { reason: string } }).params.reason;
    expect(reason).not.toContain('\n');
    return reason;
  }
  throw new Error(`"${line}" was accepted`);
}

describe('contact-id commands', () => {
  it('reads fire, event, restore with zero-padding left to the encoder', () => {
    expect(device('contact-id', 'fire 1234 3')).toEqual({ name: 'fire', account: '1234', zone: 3 });
    expect(device('contact-id', 'event 12bf e 423 1 5')).toEqual({ name: 'event', account: '12BF', qualifier: 'E', code: 423, group: 1, zone: 5 });
    expect(device('contact-id', 'restore 1234 3')).toEqual({ name: 'restore', account: '1234', zone: 3, code: 110 });
    expect(device('contact-id', 'restore 1234 5 423')).toEqual({ name: 'restore', account: '1234', zone: 5, code: 423 });
  });

  it('reads heartbeat controls and bursts', () => {
    expect(device('contact-id', 'heartbeat')).toEqual({ name: 'heartbeat' });
    expect(device('contact-id', 'heartbeats 30000')).toEqual({ name: 'heartbeats', periodMs: 30_000 });
    expect(device('contact-id', 'HEARTBEATS OFF')).toEqual({ name: 'heartbeats', periodMs: null });
    expect(device('contact-id', 'burst 100')).toEqual({ name: 'burst', count: 100, account: '1234', pipelined: false });
    expect(device('contact-id', 'burst 10 5678 pipelined')).toEqual({ name: 'burst', count: 10, account: '5678', pipelined: true });
    expect(device('contact-id', 'burst 10 pipelined')).toEqual({ name: 'burst', count: 10, account: '1234', pipelined: true });
  });

  it('refuses malformed lines with the reason', () => {
    expect(refusal('contact-id', 'fire 12 3')).toMatch(/^fire: account must be four characters/);
    expect(refusal('contact-id', 'fire 1A34 3')).toContain('"1A34"');
    expect(refusal('contact-id', 'fire 1234')).toBe('fire: missing arguments (usage: fire <account> <zone>)');
    expect(refusal('contact-id', 'fire 1234 3 4')).toContain('too many arguments');
    expect(refusal('contact-id', 'fire 1234 1000')).toContain('zone must be a whole number 0–999');
    expect(refusal('contact-id', 'event 1234 X 110 1 1')).toContain('qualifier must be e or r or p');
    expect(refusal('contact-id', 'heartbeats 5')).toContain('heartbeat period');
    expect(refusal('contact-id', 'burst 0')).toContain('event count');
    expect(refusal('contact-id', 'burst 5 1234 sideways')).toContain('unexpected arguments');
    expect(refusal('contact-id', 'swipe 1 123')).toBe('unknown command "swipe" for the contact-id simulator; type help for the list');
  });
});

describe('osdp commands', () => {
  it('reads a decimal card as 26-bit H10301 with its parity bits', () => {
    // Facility 123, number 45678: the 24 data bits are 0x7BB26E = 8106606.
    expect(device('osdp', 'swipe 1 8106606')).toEqual({ name: 'swipe', address: 1, bits: 26, data: Uint8Array.of(0xbd, 0xd9, 0x37, 0x40) });
    expect(device('osdp', 'swipe 1 7BB26E')).toEqual(device('osdp', 'swipe 1 8106606'));
    expect(device('osdp', 'swipe 1 0x7bb26e')).toEqual(device('osdp', 'swipe 1 8106606'));
  });

  it('puts other bit counts MSB first, padded at the end of the last byte', () => {
    expect(device('osdp', 'swipe 2 0x5 4')).toEqual({ name: 'swipe', address: 2, bits: 4, data: Uint8Array.of(0x50) });
    expect(device('osdp', 'swipe 2 0xABCDEF01 32')).toMatchObject({ bits: 32, data: Uint8Array.of(0xab, 0xcd, 0xef, 0x01) });
  });

  it('reads keypad, tamper, power and offline', () => {
    expect(device('osdp', 'keypad 2 1234#')).toEqual({ name: 'keypad', address: 2, digits: '1234#' });
    expect(device('osdp', 'tamper 1 on')).toEqual({ name: 'tamper', address: 1, on: true });
    expect(device('osdp', 'power 1 fail')).toEqual({ name: 'power', address: 1, ok: false });
    expect(device('osdp', 'offline 2 off')).toEqual({ name: 'offline', address: 2, on: false });
  });

  it('refuses cards that do not fit, bad digits and the broadcast address', () => {
    expect(refusal('osdp', 'swipe 1 16777216')).toContain('24 bits');
    expect(refusal('osdp', 'swipe 1 0x10 4')).toContain('does not fit in 4 bits');
    expect(refusal('osdp', 'swipe 1 12x')).toContain('card must be a decimal number or hex');
    expect(refusal('osdp', 'keypad 1 12a')).toContain('keypad digits');
    expect(refusal('osdp', 'tamper 127 on')).toContain('PD address must be a whole number 0–126');
    expect(refusal('osdp', 'power 1 maybe')).toBe('power: power must be ok or fail, got "maybe"');
  });
});

describe('nx584 commands', () => {
  it('reads zone and system commands', () => {
    expect(device('nx584', 'alarm 3')).toEqual({ name: 'alarm', zone: 3 });
    expect(device('nx584', 'fault 2 on')).toEqual({ name: 'fault', zone: 2, on: true });
    expect(device('nx584', 'tamper 4')).toEqual({ name: 'tamper', zone: 4, on: true });
    expect(device('nx584', 'tamper 4 off')).toEqual({ name: 'tamper', zone: 4, on: false });
    expect(device('nx584', 'ac off')).toEqual({ name: 'ac', present: false });
    expect(device('nx584', 'battery low')).toEqual({ name: 'battery', low: true });
  });

  it('refuses zone 0, a missing state and unknown words', () => {
    expect(refusal('nx584', 'alarm 0')).toContain('zone must be a whole number 1–192');
    expect(refusal('nx584', 'fault 2')).toContain('usage: fault <zone> on|off');
    expect(refusal('nx584', 'battery flat')).toContain('battery must be low or ok');
    expect(refusal('nx584', 'mains fail')).toContain('unknown command "mains"');
  });
});

describe('megatec commands', () => {
  it('reads mains, battery, fault and bypass', () => {
    expect(device('megatec', 'mains fail')).toEqual({ name: 'mains', failed: true });
    expect(device('megatec', 'mains ok')).toEqual({ name: 'mains', failed: false });
    expect(device('megatec', 'battery low')).toEqual({ name: 'battery', low: true });
    expect(device('megatec', 'fault on')).toEqual({ name: 'fault', on: true });
    expect(device('megatec', 'bypass off')).toEqual({ name: 'bypass', on: false });
  });

  it('refuses other states', () => {
    expect(refusal('megatec', 'mains off')).toBe('mains: mains must be fail or ok, got "off"');
    expect(refusal('megatec', 'fault')).toContain('missing arguments');
  });
});

describe('modbus commands', () => {
  it('reads values as numbers or booleans, thresholds, leak and exceptions', () => {
    expect(device('modbus', 'set temperature 23.5')).toEqual({ name: 'set', key: 'temperature', value: 23.5 });
    expect(device('modbus', 'set temperature -4')).toEqual({ name: 'set', key: 'temperature', value: -4 });
    expect(device('modbus', 'set leak on')).toEqual({ name: 'set', key: 'leak', value: true });
    expect(device('modbus', 'over humidity')).toEqual({ name: 'over', key: 'humidity' });
    expect(device('modbus', 'leak off')).toEqual({ name: 'leak', on: false });
    expect(device('modbus', 'exception 4')).toEqual({ name: 'exception', code: 4, count: 1 });
    expect(device('modbus', 'exception 6 3')).toEqual({ name: 'exception', code: 6, count: 3 });
  });

  it('refuses values that are not numbers and exception 0', () => {
    expect(refusal('modbus', 'set temperature hot')).toContain('value must be a number, got "hot"');
    expect(refusal('modbus', 'set temperature 1e3')).toContain('value must be a number');
    expect(refusal('modbus', 'exception 0')).toContain('exception code must be a whole number 1–255');
  });
});

describe('commands every simulator understands', () => {
  it('reads wait, status, help, garbage in any spacing, and silence', () => {
    expect(parseSimulatorCommand('megatec', 'wait 500')).toEqual({ scope: 'common', command: { name: 'wait', ms: 500 } });
    expect(parseSimulatorCommand('osdp', '  STATUS ')).toEqual({ scope: 'common', command: { name: 'status' } });
    expect(parseSimulatorCommand('nx584', 'garbage 00 ff 0x7e')).toEqual({ scope: 'common', command: { name: 'garbage', bytes: Uint8Array.of(0, 0xff, 0x7e) } });
    expect(parseSimulatorCommand('modbus', 'silence on')).toEqual({ scope: 'common', command: { name: 'silence', on: true } });
  });

  it('refuses odd hex, a negative wait and an empty line', () => {
    expect(refusal('megatec', 'garbage 0f0')).toContain('hex bytes');
    expect(refusal('megatec', 'wait -1')).toContain('wait (ms) must be a whole number');
    expect(refusal('megatec', '   ')).toBe('empty command; type help for the list');
  });

  it('splits a script at ; and line ends, skipping comments, and refuses it whole if one line is bad', () => {
    expect(parseSimulatorScript('contact-id', 'fire 1234 3; wait 500\n# a comment\nrestore 1234 3;;').map((c) => c.command.name)).toEqual(['fire', 'wait', 'restore']);
    expect(() => parseSimulatorScript('contact-id', 'fire 1234 3; explode')).toThrow(expect.objectContaining({ code: 'devices.sim.badCommand' }));
  });

  it('lists every command of the kind and the common ones in help', () => {
    const help = simulatorHelp('osdp');
    for (const word of ['swipe <addr>', 'keypad', 'tamper', 'power', 'offline', 'garbage', 'silence', 'wait', 'status', 'help']) expect(help).toContain(word);
    expect(help).not.toContain('fire <account>');
  });
});

describe('demo site commands', () => {
  it('routes a line to a device by its kind and checks the device command', () => {
    expect(parseDemoCommand('osdp swipe 1 8106606')).toEqual({ scope: 'device', kind: 'osdp', line: 'swipe 1 8106606' });
    expect(parseDemoScript('status; wait 10; help').map((c) => c.scope)).toEqual(['status', 'wait', 'help']);
    expect(() => parseDemoCommand('osdp fire 1234 3')).toThrow(expect.objectContaining({ code: 'devices.sim.badCommand' }));
    expect(() => parseDemoCommand('swipe 1 2')).toThrow(expect.objectContaining({ params: { reason: expect.stringContaining('start with a device kind') } }));
    expect(() => parseDemoCommand('modbus')).toThrow(expect.objectContaining({ code: 'devices.sim.badCommand' }));
  });
});
