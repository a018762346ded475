// One simulated OSDP peripheral device: its identity and state, and the reply it gives to each command packet.

import { commandCode, decodeCommand, uint32le, type OsdpCommand } from './commands';
import { OsdpCodecError } from './codec-error';
import { carriesMac, encodePacket, nextSequence, securityBlockType, type OsdpPacket, type Sequence } from './packet';
import { capabilityFunction, encodeReply, type Capability, type OsdpReply } from './replies';
import { clientCryptogram, deriveSessionKeys, initialRmac, sameBytes, scbkDefault, serverCryptogram, type SessionKeys } from './secure-channel';
import { openChannel, openPacket, sealPacket, type SecureChannel } from './secure-packet';

export interface SimulatedPdConfig {
  address: number;
  /** IEEE OUI, 3 bytes. */
  vendor: number;
  model: number;
  serial: number;
  version?: number;
  firmware?: { major: number; minor: number; build: number };
  /** The PD's Secure Channel base key; without it (and without install mode) the PD has no Secure Channel. */
  scbk?: Uint8Array;
  /** Accepts SCBK-D, as a PD fresh out of the box does. */
  installMode?: boolean;
}

/** NAK error codes used here (SIA OSDP 2.2 §7.3). */
const nak = { badLength: 2, unknownCommand: 3, sequence: 4, securityUnsupported: 5, securityRequired: 6 } as const;

/** Ways a PD can misbehave, as PDs met in the field do. */
export interface PdQuirks {
  /** Its sequence-error NAK carries its own sequence number, not the command's, and it stays out of step until 0. */
  nakWithOwnSequence?: boolean;
  /** Once its Secure Channel is up it answers in plain packets, which fail the ACU's security checks. */
  plainRepliesInSecureChannel?: boolean;
}

export interface SimulatedPd {
  readonly config: SimulatedPdConfig;
  /** The bytes to send back, or undefined to stay silent. */
  answer(packet: OsdpPacket, bytes: Uint8Array): Uint8Array | undefined;
  queueEvent(reply: OsdpReply): void;
  setTamper(on: boolean): void;
  setPowerFailure(failed: boolean): void;
  dropReplies(count: number): void;
  misbehave(quirks: PdQuirks): void;
  /** Loses step with the ACU's sequence numbers (its counter jumped), so the next command is a sequence error. */
  loseSequence(): void;
  /** Output, LED, buzzer, text and COMSET commands received, oldest first. */
  readonly received: OsdpCommand[];
  readonly isSecure: boolean;
}

export function createSimulatedPd(config: SimulatedPdConfig, random: (length: number) => Uint8Array): SimulatedPd {
  let lastSequence: Sequence | undefined;
  let lastReply: Uint8Array | undefined;
  let secure: SecureChannel | undefined;
  let handshake: { keys: SessionKeys; acuRandom: Uint8Array; pdRandom: Uint8Array } | undefined;
  let scbk = config.scbk;
  let tamper = false;
  let powerFailure = false;
  let toDrop = 0;
  let quirks: PdQuirks = {};
  const events: OsdpReply[] = [];
  const received: OsdpCommand[] = [];
  const secureCapable = (): boolean => scbk !== undefined || config.installMode === true;

  const capabilities = (): Capability[] => [
    { functionCode: 3, compliance: 1, count: 0 },
    { functionCode: 4, compliance: 1, count: 1 },
    { functionCode: 5, compliance: 1, count: 1 },
    { functionCode: 2, compliance: 1, count: 2 },
    { functionCode: capabilityFunction.checkCharacter, compliance: 1, count: 0 },
    { functionCode: capabilityFunction.communicationSecurity, compliance: secureCapable() ? 1 : 0, count: secureCapable() ? 1 : 0 },
  ];

  const handle = (command: OsdpCommand, packet: OsdpPacket): { reply: OsdpReply; securityData?: number } => {
    switch (command.kind) {
      case 'poll':
        return { reply: events.shift() ?? { kind: 'ack' } };
      case 'id':
        return {
          reply: {
            kind: 'pdid',
            vendorCode: config.vendor,
            model: config.model,
            version: config.version ?? 1,
            serialNumber: config.serial,
            firmware: config.firmware ?? { major: 1, minor: 0, build: 0 },
          },
        };
      case 'cap':
        return { reply: { kind: 'pdcap', capabilities: capabilities() } };
      case 'lstat':
        return { reply: { kind: 'lstatr', tamper, powerFailure } };
      case 'istat':
        return { reply: { kind: 'istatr', inputs: [0, 0] } };
      case 'ostat':
        return { reply: { kind: 'ostatr', outputs: [0, 0] } };
      case 'rstat':
        return { reply: { kind: 'rstatr', readers: [0] } };
      case 'out':
      case 'led':
      case 'buz':
      case 'text':
        received.push(command);
        return { reply: { kind: 'ack' } };
      case 'comset':
        received.push(command);
        return { reply: { kind: 'com', address: command.address, baudRate: command.baudRate } };
      case 'keyset':
        if (!secure) return { reply: { kind: 'nak', error: nak.securityRequired } };
        scbk = command.key.slice();
        return { reply: { kind: 'ack' } };
      case 'chlng': {
        if (!secureCapable()) return { reply: { kind: 'nak', error: nak.securityUnsupported } };
        const useDefault = packet.security?.data[0] === 0;
        const key = useDefault ? (config.installMode ? scbkDefault : undefined) : scbk;
        if (!key) return { reply: { kind: 'nak', error: nak.securityRequired } };
        const pdRandom = random(8);
        const keys = deriveSessionKeys(key, command.random);
        handshake = { keys, acuRandom: command.random, pdRandom };
        const clientId = Uint8Array.of(config.vendor & 0xff, (config.vendor >> 8) & 0xff, config.model, config.version ?? 1, ...uint32le(config.serial));
        return { reply: { kind: 'ccrypt', clientId, random: pdRandom, cryptogram: clientCryptogram(keys, command.random, pdRandom) }, securityData: useDefault ? 0 : 1 };
      }
      case 'scrypt': {
        const started = handshake;
        handshake = undefined;
        if (!started || !sameBytes(command.cryptogram, serverCryptogram(started.keys, started.acuRandom, started.pdRandom))) {
          return { reply: { kind: 'nak', error: nak.securityRequired } };
        }
        const rmac = initialRmac(started.keys, command.cryptogram);
        secure = openChannel(started.keys, rmac);
        return { reply: { kind: 'rmacI', rmac }, securityData: 1 };
      }
    }
  };

  const build = (packet: OsdpPacket, reply: OsdpReply, securityData?: number): Uint8Array => {
    const { code, data } = encodeReply(reply);
    const header = { address: config.address, sequence: packet.sequence, useCrc: packet.useCrc };
    if (reply.kind === 'ccrypt' || reply.kind === 'rmacI') {
      const type = reply.kind === 'ccrypt' ? securityBlockType.clientCryptogram : securityBlockType.initialRmac;
      return encodePacket({ ...header, isReply: true, security: { type, data: Uint8Array.of(securityData ?? 1) }, code, data });
    }
    if (secure && !quirks.plainRepliesInSecureChannel) return sealPacket(secure, 'reply', { ...header, code, data });
    return encodePacket({ ...header, isReply: true, code, data });
  };

  const respond = (packet: OsdpPacket, reply: OsdpReply, securityData?: number): Uint8Array | undefined => {
    const bytes = build(packet, reply, securityData);
    lastSequence = packet.sequence;
    lastReply = bytes;
    if (toDrop > 0) {
      toDrop -= 1;
      return undefined;
    }
    return bytes;
  };

  return {
    config,
    received,
    get isSecure() {
      return secure !== undefined;
    },
    answer(packet, bytes) {
      // A repeated sequence number is the ACU retrying: the same reply again, byte for byte (§5.7).
      if (packet.sequence !== 0 && packet.sequence === lastSequence && lastReply) return lastReply;
      if (packet.sequence === 0) {
        secure = undefined;
        handshake = undefined;
      } else if (packet.sequence !== (lastSequence === undefined ? 0 : nextSequence(lastSequence))) {
        if (quirks.nakWithOwnSequence) return build({ ...packet, sequence: lastSequence ?? 0 }, { kind: 'nak', error: nak.sequence });
        return respond(packet, { kind: 'nak', error: nak.sequence });
      }
      let content: { code: number; data: Uint8Array } | OsdpCodecError = { code: packet.code, data: packet.data };
      if (carriesMac(packet.security)) {
        content = secure ? openPacket(secure, 'command', packet, bytes) : new OsdpCodecError('badSecurity', 'no secure channel');
      } else if (secure && packet.code !== commandCode.chlng && packet.code !== commandCode.scrypt) {
        content = new OsdpCodecError('badSecurity', 'plain command inside the secure channel');
      }
      if (content instanceof OsdpCodecError) {
        secure = undefined;
        return respond(packet, { kind: 'nak', error: secureCapable() ? nak.securityRequired : nak.securityUnsupported });
      }
      const command = decodeCommand(content.code, content.data);
      if (command instanceof OsdpCodecError) {
        return respond(packet, { kind: 'nak', error: command.code === 'unknownCode' ? nak.unknownCommand : nak.badLength });
      }
      const { reply, securityData } = handle(command, packet);
      return respond(packet, reply, securityData);
    },
    queueEvent(reply) {
      events.push(reply);
    },
    setTamper(on) {
      if (tamper === on) return;
      tamper = on;
      events.push({ kind: 'lstatr', tamper, powerFailure });
    },
    setPowerFailure(failed) {
      if (powerFailure === failed) return;
      powerFailure = failed;
      events.push({ kind: 'lstatr', tamper, powerFailure });
    },
    dropReplies(count) {
      toDrop += count;
    },
    misbehave(next) {
      quirks = { ...next };
    },
    loseSequence() {
      if (lastSequence === undefined || lastSequence === 0) return;
      // Two steps ahead: the ACU's next number is then neither the one expected nor a retry of the last.
      lastSequence = nextSequence(nextSequence(lastSequence));
      lastReply = undefined;
    },
  };
}
