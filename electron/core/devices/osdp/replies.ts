// OSDP replies (PD → ACU) as typed values, and their data layouts both ways (the simulator encodes, the ACU decodes).

import { OsdpCodecError } from './codec-error';
import { readUint32le, uint32le } from './commands';

/** Reply codes (SIA OSDP 2.2 §7; libosdp `REPLY_*`). */
export const replyCode = {
  ack: 0x40,
  nak: 0x41,
  pdid: 0x45,
  pdcap: 0x46,
  lstatr: 0x48,
  istatr: 0x49,
  ostatr: 0x4a,
  rstatr: 0x4b,
  raw: 0x50,
  keypad: 0x53,
  com: 0x54,
  ccrypt: 0x76,
  rmacI: 0x78,
  busy: 0x79,
} as const;

export type OsdpReplyKind = keyof typeof replyCode;

/** NAK error codes (§7.3; libosdp `get_nac_reason`). */
export const nakErrorNames: Readonly<Record<number, string>> = {
  0: 'no error',
  1: 'bad check character',
  2: 'bad command length',
  3: 'unknown command',
  4: 'unexpected sequence number',
  5: 'security block not supported',
  6: 'secure channel required',
  7: 'biometric type not supported',
  8: 'biometric format not supported',
  9: 'unable to process command record',
};

/** The NAK error that makes the ACU restart the sequence at 0 (§7.3). */
export const nakSequenceError = 4;

export function nakErrorName(error: number): string {
  return nakErrorNames[error] ?? `error ${error}`;
}

export interface Capability {
  /** 1 inputs, 2 outputs, 3 card format, 4 LEDs, 5 buzzer, 6 text, 7 time, 8 CRC, 9 secure channel, … (§7.5). */
  functionCode: number;
  compliance: number;
  count: number;
}

export const capabilityFunction = { checkCharacter: 8, communicationSecurity: 9 } as const;

export type OsdpReply =
  | { kind: 'ack' | 'busy' }
  | { kind: 'nak'; error: number }
  | { kind: 'pdid'; vendorCode: number; model: number; version: number; serialNumber: number; firmware: { major: number; minor: number; build: number } }
  | { kind: 'pdcap'; capabilities: Capability[] }
  /** tamper and power failure, as the PD's local status (§7.6). */
  | { kind: 'lstatr'; tamper: boolean; powerFailure: boolean }
  | { kind: 'istatr'; inputs: number[] }
  | { kind: 'ostatr'; outputs: number[] }
  | { kind: 'rstatr'; readers: number[] }
  /** Card data, bits MSB first in `data` (§7.10); format 0 raw bit array, 1 Wiegand. */
  | { kind: 'raw'; reader: number; format: number; bitCount: number; data: Uint8Array }
  /** Digits as typed: 0–9, `*` (0x7F on the wire), `#` (0x0D on the wire) (§7.12). */
  | { kind: 'keypad'; reader: number; digits: string }
  | { kind: 'com'; address: number; baudRate: number }
  | { kind: 'ccrypt'; clientId: Uint8Array; random: Uint8Array; cryptogram: Uint8Array }
  | { kind: 'rmacI'; rmac: Uint8Array };

const codeToKind = new Map<number, OsdpReplyKind>(Object.entries(replyCode).map(([kind, code]) => [code, kind as OsdpReplyKind]));

const keypadStar = 0x7f;
const keypadHash = 0x0d;

export function encodeReply(reply: OsdpReply): { code: number; data: Uint8Array } {
  const code = replyCode[reply.kind];
  switch (reply.kind) {
    case 'ack':
    case 'busy':
      return { code, data: new Uint8Array(0) };
    case 'nak':
      return { code, data: Uint8Array.of(reply.error) };
    case 'pdid':
      return {
        code,
        data: Uint8Array.of(
          reply.vendorCode & 0xff,
          (reply.vendorCode >> 8) & 0xff,
          (reply.vendorCode >> 16) & 0xff,
          reply.model,
          reply.version,
          ...uint32le(reply.serialNumber),
          reply.firmware.major,
          reply.firmware.minor,
          reply.firmware.build,
        ),
      };
    case 'pdcap':
      return { code, data: Uint8Array.from(reply.capabilities.flatMap((c) => [c.functionCode, c.compliance, c.count])) };
    case 'lstatr':
      return { code, data: Uint8Array.of(reply.tamper ? 1 : 0, reply.powerFailure ? 1 : 0) };
    case 'istatr':
      return { code, data: Uint8Array.from(reply.inputs) };
    case 'ostatr':
      return { code, data: Uint8Array.from(reply.outputs) };
    case 'rstatr':
      return { code, data: Uint8Array.from(reply.readers) };
    case 'raw':
      return { code, data: Uint8Array.of(reply.reader, reply.format, reply.bitCount & 0xff, reply.bitCount >> 8, ...reply.data) };
    case 'keypad': {
      const digits = Array.from(reply.digits, (char) => (char === '*' ? keypadStar : char === '#' ? keypadHash : char.charCodeAt(0) & 0xff));
      return { code, data: Uint8Array.of(reply.reader, digits.length, ...digits) };
    }
    case 'com':
      return { code, data: Uint8Array.of(reply.address, ...uint32le(reply.baudRate)) };
    case 'ccrypt':
      return { code, data: Uint8Array.of(...reply.clientId, ...reply.random, ...reply.cryptogram) };
    case 'rmacI':
      return { code, data: reply.rmac.slice() };
  }
}

export function decodeReply(code: number, data: Uint8Array): OsdpReply | OsdpCodecError {
  const kind = codeToKind.get(code);
  if (kind === undefined) return new OsdpCodecError('unknownCode', `unknown reply 0x${code.toString(16).toUpperCase()}`);
  const bad = (expected: string): OsdpCodecError => new OsdpCodecError('badPayload', `${kind.toUpperCase()} with ${data.length} data byte(s), expected ${expected}`);
  const at = (index: number): number => data[index] ?? 0;
  switch (kind) {
    case 'ack':
    case 'busy':
      return data.length === 0 ? { kind } : bad('0');
    case 'nak':
      // OSDP 2.2 allows detail bytes after the error code; only the code matters here.
      return data.length >= 1 ? { kind, error: at(0) } : bad('at least 1');
    case 'pdid':
      if (data.length !== 12) return bad('12');
      return {
        kind,
        vendorCode: at(0) | (at(1) << 8) | (at(2) << 16),
        model: at(3),
        version: at(4),
        serialNumber: readUint32le(data, 5),
        firmware: { major: at(9), minor: at(10), build: at(11) },
      };
    case 'pdcap': {
      if (data.length % 3 !== 0) return bad('a multiple of 3');
      const capabilities: Capability[] = [];
      for (let i = 0; i < data.length; i += 3) capabilities.push({ functionCode: at(i), compliance: at(i + 1), count: at(i + 2) });
      return { kind, capabilities };
    }
    case 'lstatr':
      return data.length === 2 ? { kind, tamper: at(0) !== 0, powerFailure: at(1) !== 0 } : bad('2');
    case 'istatr':
      return { kind, inputs: Array.from(data) };
    case 'ostatr':
      return { kind, outputs: Array.from(data) };
    case 'rstatr':
      return { kind, readers: Array.from(data) };
    case 'raw': {
      if (data.length < 4) return bad('at least 4');
      const bitCount = at(2) | (at(3) << 8);
      if (data.length - 4 !== Math.ceil(bitCount / 8)) return bad(`4 + ${Math.ceil(bitCount / 8)} for ${bitCount} bits`);
      return { kind, reader: at(0), format: at(1), bitCount, data: data.slice(4) };
    }
    case 'keypad': {
      if (data.length < 2 || data.length !== 2 + at(1)) return bad('2 + digit count');
      const digits = Array.from(data.subarray(2), (byte) => (byte === keypadStar ? '*' : byte === keypadHash ? '#' : String.fromCharCode(byte))).join('');
      return { kind, reader: at(0), digits };
    }
    case 'com':
      return data.length === 5 ? { kind, address: at(0), baudRate: readUint32le(data, 1) } : bad('5');
    case 'ccrypt':
      return data.length === 32 ? { kind, clientId: data.slice(0, 8), random: data.slice(8, 16), cryptogram: data.slice(16, 32) } : bad('32');
    case 'rmacI':
      return data.length === 16 ? { kind, rmac: data.slice() } : bad('16');
  }
}
