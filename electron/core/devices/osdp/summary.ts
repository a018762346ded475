// One-line descriptions of OSDP packets for the traffic monitor. Keys never appear in them.

import type { OsdpCommand } from './commands';
import { hex8 } from './packet';
import { nakErrorName, type OsdpReply } from './replies';
import { cardNumber } from './wiegand';

export function describeCommand(command: OsdpCommand): string {
  switch (command.kind) {
    case 'poll':
    case 'id':
    case 'cap':
    case 'lstat':
    case 'istat':
    case 'ostat':
    case 'rstat':
      return command.kind.toUpperCase();
    case 'out':
      return `OUT ${command.outputs.map((o) => `output ${o.output} control ${o.control}${o.timer ? ` for ${o.timer * 100} ms` : ''}`).join('; ')}`;
    case 'led':
      return `LED ${command.leds.map((l) => `reader ${l.reader} LED ${l.led} temporary ${l.temporary.control} colour ${l.temporary.onColour}/${l.temporary.offColour}`).join('; ')}`;
    case 'buz':
      return `BUZ reader ${command.reader} tone ${command.tone} ${command.onTime * 100}/${command.offTime * 100} ms ×${command.count}`;
    case 'text':
      return `TEXT reader ${command.reader} "${command.text}"`;
    case 'comset':
      return `COMSET address ${command.address} ${command.baudRate} baud`;
    case 'keyset':
      return `KEYSET type ${command.keyType}, ${command.key.length}-byte key (not shown)`;
    case 'chlng':
      return 'CHLNG (secure channel challenge)';
    case 'scrypt':
      return 'SCRYPT (ACU cryptogram)';
  }
}

export function describeReply(reply: OsdpReply): string {
  switch (reply.kind) {
    case 'ack':
      return 'ACK';
    case 'busy':
      return 'BUSY';
    case 'nak':
      return `NAK ${reply.error} (${nakErrorName(reply.error)})`;
    case 'pdid':
      return `PDID vendor ${vendorHex(reply.vendorCode)} model ${reply.model} v${reply.version} serial ${serialHex(reply.serialNumber)} firmware ${firmwareText(reply.firmware)}`;
    case 'pdcap':
      return `PDCAP ${reply.capabilities.map((c) => `${c.functionCode}:${c.compliance}/${c.count}`).join(' ')}`;
    case 'lstatr':
      return `LSTATR tamper ${reply.tamper ? 'ON' : 'off'}, power ${reply.powerFailure ? 'FAILED' : 'ok'}`;
    case 'istatr':
      return `ISTATR ${reply.inputs.join(' ')}`;
    case 'ostatr':
      return `OSTATR ${reply.outputs.join(' ')}`;
    case 'rstatr':
      return `RSTATR ${reply.readers.join(' ')}`;
    case 'raw': {
      const card = cardNumber(reply.bitCount, reply.data);
      // 26-bit Wiegand shows as facility / card, with the 24 data bits kept alongside.
      const wiegand = card.facility !== undefined ? ` (facility ${card.facility}, card ${card.card}; data bits ${card.decimal} / 0x${card.hex}${card.parityOk ? '' : ', BAD PARITY'})` : ` / 0x${card.hex}`;
      return `RAW reader ${reply.reader} format ${reply.format} ${reply.bitCount} bits, card ${card.display}${wiegand}`;
    }
    case 'keypad':
      return `KEYPAD reader ${reply.reader} "${reply.digits}"`;
    case 'com':
      return `COM address ${reply.address} ${reply.baudRate} baud`;
    case 'ccrypt':
      return 'CCRYPT (PD cryptogram)';
    case 'rmacI':
      return 'RMAC_I (secure channel open)';
  }
}

/** `PD 1 seq 2 [SC] POLL`: who, which sequence, whether sealed, then what. */
export function describeFrame(address: number, sequence: number, what: string, sealed: boolean): string {
  return `PD ${address} seq ${sequence}${sealed ? ' [SC]' : ''} ${what}`;
}

export function vendorHex(vendorCode: number): string {
  return vendorCode.toString(16).toUpperCase().padStart(6, '0');
}

export function serialHex(serialNumber: number): string {
  return serialNumber.toString(16).toUpperCase().padStart(8, '0');
}

export function firmwareText(firmware: { major: number; minor: number; build: number }): string {
  return `${firmware.major}.${firmware.minor}.${firmware.build}`;
}

export function codeHex(code: number): string {
  return `0x${hex8(code)}`;
}
