// One OSDP packet: its fields, how they are laid out on the wire, and reading one complete, checked packet.

import { AppError } from '../../../../shared/contract/app-error';
import { OsdpCodecError } from './codec-error';
import { checksum8, crc16 } from './crc';

export const startOfMessage = 0x53;
/** A PD's reply carries its address with bit 7 set (SIA OSDP 2.2 §5.4). */
export const replyAddressBit = 0x80;
export const broadcastAddress = 0x7f;
/** Header: SOM, ADDR, LEN (2), CTRL. */
export const headerLength = 5;
/** Longer packets are treated as a corrupt LEN field; libosdp's largest buffer is well below this. */
export const maxPacketLength = 1024;
export const macLength = 4;

const controlSequenceMask = 0x03;
const controlCrcBit = 0x04;
const controlSecurityBit = 0x08;

export type Sequence = 0 | 1 | 2 | 3;

/** Security control block types (SIA OSDP 2.2 Annex D, libosdp SCS_11…SCS_18). */
export const securityBlockType = {
  challenge: 0x11,
  clientCryptogram: 0x12,
  serverCryptogram: 0x13,
  initialRmac: 0x14,
  commandMac: 0x15,
  replyMac: 0x16,
  commandEncrypted: 0x17,
  replyEncrypted: 0x18,
} as const;

export interface SecurityBlock {
  type: number;
  /** The block's data after its length and type bytes (for the handshake: 0 = SCBK-D, 1 = SCBK). */
  data: Uint8Array;
}

export interface OsdpPacket {
  /** 0x00–0x7E, or 0x7F broadcast; without the reply bit. */
  address: number;
  isReply: boolean;
  sequence: Sequence;
  useCrc: boolean;
  security?: SecurityBlock;
  code: number;
  /** As on the wire: ciphertext in an encrypted Secure Channel packet. */
  data: Uint8Array;
  /** The 4 MAC bytes of a Secure Channel packet that carries one. */
  mac?: Uint8Array;
}

/** Block types 0x15–0x18 are followed by a 4-byte MAC before the check bytes. */
export function carriesMac(security: SecurityBlock | undefined): boolean {
  return security !== undefined && security.type >= securityBlockType.commandMac && security.type <= securityBlockType.replyEncrypted;
}

export function nextSequence(sequence: Sequence): Sequence {
  return sequence === 3 ? 1 : ((sequence + 1) as Sequence);
}

/**
 * Lays a packet out on the wire. A packet whose security block carries a MAC needs `sign`, called
 * with every byte from SOM to the end of the data (LEN already counting the MAC), returning the 4 MAC bytes.
 */
export function encodePacket(packet: Omit<OsdpPacket, 'mac'>, sign?: (macInput: Uint8Array) => Uint8Array): Uint8Array {
  const security = packet.security;
  const securityLength = security ? 2 + security.data.length : 0;
  const withMac = carriesMac(security);
  // A programming error, not bad input: Secure Channel packets are only built by secure-packet.ts.
  if (withMac && !sign) throw new AppError('devices.osdp.macSignerMissing', 'devices.osdp.macSignerMissing');
  const bodyLength = headerLength + securityLength + 1 + packet.data.length;
  const total = bodyLength + (withMac ? macLength : 0) + (packet.useCrc ? 2 : 1);
  const bytes = new Uint8Array(total);
  bytes[0] = startOfMessage;
  bytes[1] = (packet.address & 0x7f) | (packet.isReply ? replyAddressBit : 0);
  bytes[2] = total & 0xff;
  bytes[3] = (total >> 8) & 0xff;
  bytes[4] = packet.sequence | (packet.useCrc ? controlCrcBit : 0) | (security ? controlSecurityBit : 0);
  let offset = headerLength;
  if (security) {
    bytes[offset] = securityLength;
    bytes[offset + 1] = security.type;
    bytes.set(security.data, offset + 2);
    offset += securityLength;
  }
  bytes[offset] = packet.code;
  bytes.set(packet.data, offset + 1);
  offset = bodyLength;
  if (withMac && sign) {
    bytes.set(sign(bytes.subarray(0, bodyLength)).subarray(0, macLength), offset);
    offset += macLength;
  }
  if (packet.useCrc) {
    const crc = crc16(bytes.subarray(0, offset));
    bytes[offset] = crc & 0xff;
    bytes[offset + 1] = crc >> 8;
  } else {
    bytes[offset] = checksum8(bytes.subarray(0, offset));
  }
  return bytes;
}

/** The packet length a header announces, or undefined while fewer than 5 bytes are there. */
export function announcedLength(bytes: Uint8Array, at: number): number | undefined {
  if (bytes.length - at < headerLength) return undefined;
  return (bytes[at + 2] ?? 0) | ((bytes[at + 3] ?? 0) << 8);
}

/** The smallest packet with this control byte: header, code and check. */
export function minimumLength(control: number): number {
  return headerLength + 1 + (control & controlCrcBit ? 2 : 1);
}

/** Verifies the check bytes of exactly one packet; undefined when they match. */
export function checkError(bytes: Uint8Array): OsdpCodecError | undefined {
  const control = bytes[4] ?? 0;
  if (control & controlCrcBit) {
    const expected = crc16(bytes.subarray(0, bytes.length - 2));
    const found = (bytes[bytes.length - 2] ?? 0) | ((bytes[bytes.length - 1] ?? 0) << 8);
    return found === expected ? undefined : new OsdpCodecError('badCheck', `CRC 0x${hex16(found)}, expected 0x${hex16(expected)}`);
  }
  const expected = checksum8(bytes.subarray(0, bytes.length - 1));
  const found = bytes[bytes.length - 1] ?? 0;
  return found === expected ? undefined : new OsdpCodecError('badCheck', `checksum 0x${hex8(found)}, expected 0x${hex8(expected)}`);
}

/** Reads the fields of exactly one packet whose length and check bytes were already verified. */
export function parsePacket(bytes: Uint8Array): OsdpPacket | OsdpCodecError {
  const control = bytes[4] ?? 0;
  const checkLength = control & controlCrcBit ? 2 : 1;
  let offset = headerLength;
  let security: SecurityBlock | undefined;
  if (control & controlSecurityBit) {
    const securityLength = bytes[offset] ?? 0;
    if (securityLength < 2 || offset + securityLength >= bytes.length - checkLength) {
      return new OsdpCodecError('badSecurity', `security block length ${securityLength} does not fit the packet`);
    }
    security = { type: bytes[offset + 1] ?? 0, data: bytes.slice(offset + 2, offset + securityLength) };
    offset += securityLength;
  }
  const withMac = carriesMac(security);
  const dataEnd = bytes.length - checkLength - (withMac ? macLength : 0);
  if (offset >= dataEnd) return new OsdpCodecError('badLength', 'packet too short for its code' + (withMac ? ' and MAC' : ''));
  return {
    address: (bytes[1] ?? 0) & 0x7f,
    isReply: ((bytes[1] ?? 0) & replyAddressBit) !== 0,
    sequence: (control & controlSequenceMask) as Sequence,
    useCrc: (control & controlCrcBit) !== 0,
    ...(security ? { security } : {}),
    code: bytes[offset] ?? 0,
    data: bytes.slice(offset + 1, dataEnd),
    ...(withMac ? { mac: bytes.slice(dataEnd, dataEnd + macLength) } : {}),
  };
}

/** The bytes a packet's MAC is computed over: SOM through the end of the data. */
export function macInput(bytes: Uint8Array, packet: OsdpPacket): Uint8Array {
  return bytes.subarray(0, bytes.length - (packet.useCrc ? 2 : 1) - macLength);
}

export function hex8(value: number): string {
  return value.toString(16).toUpperCase().padStart(2, '0');
}

function hex16(value: number): string {
  return value.toString(16).toUpperCase().padStart(4, '0');
}

export function hexBytes(bytes: Uint8Array): string {
  return Array.from(bytes, hex8).join(' ');
}
