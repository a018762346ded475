// A bus of simulated OSDP PDs (readers, door controllers) answering an ACU over a BytePort, scriptable for tests and demos.

import { randomBytes } from 'node:crypto';
import { AppError } from '../../../../shared/contract/app-error';
import type { BytePort } from '../port/byte-port';
import { createOsdpDecoder } from './codec';
import type { OsdpCommand } from './commands';
import { broadcastAddress } from './packet';
import { createSimulatedPd, type PdQuirks, type SimulatedPd, type SimulatedPdConfig } from './simulated-pd';

export type { PdQuirks, SimulatedPdConfig } from './simulated-pd';

export interface OsdpPdSimulatorOptions {
  port: BytePort;
  pds: SimulatedPdConfig[];
  /** The PDs' randoms for the Secure Channel handshake; cryptographic randomness unless given. */
  random?: (length: number) => Uint8Array;
}

export interface OsdpPdSimulator {
  /** Queues a card read, reported as osdp_RAW in reply to the next POLL (format 1, Wiegand). */
  swipeCard(address: number, reader: number, bits: number, data: Uint8Array): void;
  /** Queues keys typed on the reader's keypad (0–9, `*`, `#`). */
  keypad(address: number, digits: string): void;
  /** Opens (on) or closes the PD's tamper switch; the change is reported as osdp_LSTATR. */
  tamper(address: number, on: boolean): void;
  /** Mains power present (ok) or failed; the change is reported as osdp_LSTATR. */
  power(address: number, ok: boolean): void;
  /** The PD stops answering (cable cut, PD dead) until switched back. */
  offline(address: number, on: boolean): void;
  /** The next `count` replies are computed but lost on the line (the ACU must retry with the same sequence). */
  dropReplies(address: number, count: number): void;
  /** Makes the PD misbehave in these ways from now on (an empty set: behave again). */
  misbehave(address: number, quirks: PdQuirks): void;
  /** The PD loses step with the ACU's sequence numbers: its next command is a sequence error. */
  loseSequence(address: number): void;
  /** Writes bytes on the bus as line noise. */
  garbage(bytes: Uint8Array): Promise<void>;
  /** The whole bus goes quiet (no PD answers). */
  silence(on: boolean): void;
  /** Output, LED, buzzer, text and COMSET commands the PD received, oldest first. */
  received(address: number): OsdpCommand[];
  isSecure(address: number): boolean;
  /** Detaches from the port; does not close it. */
  stop(): void;
}

export function createOsdpPdSimulator(options: OsdpPdSimulatorOptions): OsdpPdSimulator {
  const random = options.random ?? ((length: number) => new Uint8Array(randomBytes(length)));
  const pds = new Map<number, SimulatedPd>();
  for (const config of options.pds) {
    if (!Number.isInteger(config.address) || config.address < 0 || config.address > 0x7e || pds.has(config.address)) {
      throw new AppError('devices.osdp.badConfig', 'devices.osdp.badConfig', { address: config.address });
    }
    pds.set(config.address, createSimulatedPd(config, random));
  }
  const offlinePds = new Set<number>();
  let silent = false;
  const decoder = createOsdpDecoder();
  // Replies go out one after another, as on a half-duplex line.
  let writing: Promise<void> = Promise.resolve();

  const pdAt = (address: number): SimulatedPd => {
    const pd = pds.get(address);
    if (!pd) throw new AppError('devices.osdp.unknownPd', 'devices.osdp.unknownPd', { address });
    return pd;
  };

  const unsubscribe = options.port.onData((chunk) => {
    for (const item of decoder.push(chunk)) {
      // Bad-check packets and noise are ignored, as a PD must (§5.9); replies are other PDs talking.
      if (item.kind !== 'packet' || item.packet.isReply || silent) continue;
      const { address } = item.packet;
      const targets = address === broadcastAddress && pds.size === 1 ? [...pds.values()] : [pds.get(address)].filter((pd) => pd !== undefined);
      for (const pd of targets) {
        if (offlinePds.has(pd.config.address)) continue;
        const reply = pd.answer(item.packet, item.bytes);
        if (reply) writing = writing.then(() => options.port.write(reply)).catch(() => undefined);
      }
    }
  });

  return {
    swipeCard(address, reader, bits, data) {
      const pd = pdAt(address);
      if (!Number.isInteger(bits) || bits < 1 || bits > 0xffff || data.length < Math.ceil(bits / 8)) {
        throw new AppError('devices.osdp.badCardData', 'devices.osdp.badCardData', { bits, bytes: data.length });
      }
      pd.queueEvent({ kind: 'raw', reader, format: 1, bitCount: bits, data: data.slice(0, Math.ceil(bits / 8)) });
    },
    keypad(address, digits) {
      pdAt(address).queueEvent({ kind: 'keypad', reader: 0, digits });
    },
    tamper(address, on) {
      pdAt(address).setTamper(on);
    },
    power(address, ok) {
      pdAt(address).setPowerFailure(!ok);
    },
    offline(address, on) {
      pdAt(address);
      if (on) offlinePds.add(address);
      else offlinePds.delete(address);
    },
    dropReplies(address, count) {
      pdAt(address).dropReplies(count);
    },
    misbehave(address, quirks) {
      pdAt(address).misbehave(quirks);
    },
    loseSequence(address) {
      pdAt(address).loseSequence();
    },
    garbage(bytes) {
      const written = writing.then(() => options.port.write(bytes));
      writing = written.catch(() => undefined);
      return written;
    },
    silence(on) {
      silent = on;
    },
    received(address) {
      return [...pdAt(address).received];
    },
    isSecure(address) {
      return pdAt(address).isSecure;
    },
    stop() {
      unsubscribe();
    },
  };
}
