// OSDP commands (ACU → PD) as typed values, and their data layouts both ways (the ACU encodes, the PD simulator decodes).

import { OsdpCodecError } from './codec-error';

/** Command codes (SIA OSDP 2.2 §6; libosdp `CMD_*`). */
export const commandCode = {
  poll: 0x60,
  id: 0x61,
  cap: 0x62,
  lstat: 0x64,
  istat: 0x65,
  ostat: 0x66,
  rstat: 0x67,
  out: 0x68,
  led: 0x69,
  buz: 0x6a,
  text: 0x6b,
  comset: 0x6e,
  keyset: 0x75,
  chlng: 0x76,
  scrypt: 0x77,
} as const;

export type OsdpCommandKind = keyof typeof commandCode;

/** One output record of osdp_OUT (§6.8): control 1–6, timer in 100 ms units (for codes 5 and 6). */
export interface OutputControl {
  output: number;
  /** 1 off, 2 on (both abort a timed operation), 3 off, 4 on (after it), 5 timed on, 6 timed off. */
  control: number;
  timer: number;
}

/** LED colours of osdp_LED (§6.10). */
export const ledColour = { black: 0, red: 1, green: 2, amber: 3, blue: 4, magenta: 5, cyan: 6, white: 7 } as const;

/** One LED record of osdp_LED (§6.10), 14 bytes: times in 100 ms units. */
export interface LedControl {
  reader: number;
  led: number;
  /** control: 0 no change, 1 cancel, 2 set and start the timer. */
  temporary: { control: number; onTime: number; offTime: number; onColour: number; offColour: number; timer: number };
  /** control: 0 no change, 1 set. */
  permanent: { control: number; onTime: number; offTime: number; onColour: number; offColour: number };
}

export type OsdpCommand =
  | { kind: 'poll' | 'id' | 'cap' | 'lstat' | 'istat' | 'ostat' | 'rstat' }
  | { kind: 'out'; outputs: OutputControl[] }
  | { kind: 'led'; leds: LedControl[] }
  /** tone: 1 off, 2 default tone; times in 100 ms units; count 0 = until told otherwise. */
  | { kind: 'buz'; reader: number; tone: number; onTime: number; offTime: number; count: number }
  | { kind: 'text'; reader: number; command: number; tempTime: number; row: number; column: number; text: string }
  | { kind: 'comset'; address: number; baudRate: number }
  /** The key is a secret: never put it in a summary or a log. */
  | { kind: 'keyset'; keyType: number; key: Uint8Array }
  | { kind: 'chlng'; random: Uint8Array }
  | { kind: 'scrypt'; cryptogram: Uint8Array };

const codeToKind = new Map<number, OsdpCommandKind>(Object.entries(commandCode).map(([kind, code]) => [code, kind as OsdpCommandKind]));

export function encodeCommand(command: OsdpCommand): { code: number; data: Uint8Array } {
  const code = commandCode[command.kind];
  switch (command.kind) {
    case 'poll':
    case 'lstat':
    case 'istat':
    case 'ostat':
    case 'rstat':
      return { code, data: new Uint8Array(0) };
    case 'id':
    case 'cap':
      // The one data byte asks for the standard reply format (§6.2, §6.3).
      return { code, data: Uint8Array.of(0) };
    case 'out':
      return { code, data: Uint8Array.from(command.outputs.flatMap((o) => [o.output, o.control, o.timer & 0xff, o.timer >> 8])) };
    case 'led':
      return {
        code,
        data: Uint8Array.from(
          command.leds.flatMap((l) => [
            l.reader,
            l.led,
            l.temporary.control,
            l.temporary.onTime,
            l.temporary.offTime,
            l.temporary.onColour,
            l.temporary.offColour,
            l.temporary.timer & 0xff,
            l.temporary.timer >> 8,
            l.permanent.control,
            l.permanent.onTime,
            l.permanent.offTime,
            l.permanent.onColour,
            l.permanent.offColour,
          ]),
        ),
      };
    case 'buz':
      return { code, data: Uint8Array.of(command.reader, command.tone, command.onTime, command.offTime, command.count) };
    case 'text': {
      const text = Uint8Array.from(command.text, (char) => char.charCodeAt(0) & 0xff);
      return { code, data: Uint8Array.of(command.reader, command.command, command.tempTime, command.row, command.column, text.length, ...text) };
    }
    case 'comset':
      return { code, data: Uint8Array.of(command.address, ...uint32le(command.baudRate)) };
    case 'keyset':
      return { code, data: Uint8Array.of(command.keyType, command.key.length, ...command.key) };
    case 'chlng':
      return { code, data: command.random.slice() };
    case 'scrypt':
      return { code, data: command.cryptogram.slice() };
  }
}

export function decodeCommand(code: number, data: Uint8Array): OsdpCommand | OsdpCodecError {
  const kind = codeToKind.get(code);
  if (kind === undefined) return new OsdpCodecError('unknownCode', `unknown command 0x${code.toString(16).toUpperCase()}`);
  const bad = (expected: string): OsdpCodecError => new OsdpCodecError('badPayload', `${kind.toUpperCase()} with ${data.length} data byte(s), expected ${expected}`);
  const at = (index: number): number => data[index] ?? 0;
  switch (kind) {
    case 'poll':
    case 'lstat':
    case 'istat':
    case 'ostat':
    case 'rstat':
      return data.length === 0 ? { kind } : bad('0');
    case 'id':
    case 'cap':
      return data.length === 1 ? { kind } : bad('1');
    case 'out': {
      if (data.length === 0 || data.length % 4 !== 0) return bad('a multiple of 4');
      const outputs: OutputControl[] = [];
      for (let i = 0; i < data.length; i += 4) outputs.push({ output: at(i), control: at(i + 1), timer: at(i + 2) | (at(i + 3) << 8) });
      return { kind, outputs };
    }
    case 'led': {
      if (data.length === 0 || data.length % 14 !== 0) return bad('a multiple of 14');
      const leds: LedControl[] = [];
      for (let i = 0; i < data.length; i += 14) {
        leds.push({
          reader: at(i),
          led: at(i + 1),
          temporary: { control: at(i + 2), onTime: at(i + 3), offTime: at(i + 4), onColour: at(i + 5), offColour: at(i + 6), timer: at(i + 7) | (at(i + 8) << 8) },
          permanent: { control: at(i + 9), onTime: at(i + 10), offTime: at(i + 11), onColour: at(i + 12), offColour: at(i + 13) },
        });
      }
      return { kind, leds };
    }
    case 'buz':
      return data.length === 5 ? { kind, reader: at(0), tone: at(1), onTime: at(2), offTime: at(3), count: at(4) } : bad('5');
    case 'text':
      if (data.length < 6 || data.length !== 6 + at(5)) return bad('6 + text length');
      return { kind, reader: at(0), command: at(1), tempTime: at(2), row: at(3), column: at(4), text: String.fromCharCode(...data.subarray(6)) };
    case 'comset':
      return data.length === 5 ? { kind, address: at(0), baudRate: readUint32le(data, 1) } : bad('5');
    case 'keyset':
      if (data.length < 2 || data.length !== 2 + at(1)) return bad('2 + key length');
      return { kind, keyType: at(0), key: data.slice(2) };
    case 'chlng':
      return data.length === 8 ? { kind, random: data.slice() } : bad('8');
    case 'scrypt':
      return data.length === 16 ? { kind, cryptogram: data.slice() } : bad('16');
  }
}

export function uint32le(value: number): number[] {
  return [value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, (value >>> 24) & 0xff];
}

export function readUint32le(data: Uint8Array, at: number): number {
  return ((data[at] ?? 0) | ((data[at + 1] ?? 0) << 8) | ((data[at + 2] ?? 0) << 16) | ((data[at + 3] ?? 0) << 24)) >>> 0;
}
