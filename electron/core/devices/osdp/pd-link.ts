// The ACU's state for one PD on the bus: where it is in its start-up, its sequence number, Secure Channel and queue.

import type { AppError } from '../../../../shared/contract/app-error';
import type { ConditionStates } from '../session/condition-states';
import type { LinkWatch } from '../session/link-watch';
import { encodeCommand, type OsdpCommand } from './commands';
import { encodePacket, securityBlockType, type Sequence } from './packet';
import { osdpConditionKey, type LocalStatus } from './pd-events';
import type { SessionKeys } from './secure-channel';
import { sealPacket, type SecureChannel } from './secure-packet';

export interface OsdpPdConfig {
  /** 0x00–0x7E. */
  address: number;
  /** The PD's Secure Channel base key (a secret: never logged). Without it a secure PD uses SCBK-D (install mode). */
  scbk?: Uint8Array;
  /** Opens a Secure Channel before polling; defaults to true when an SCBK is given. */
  secure?: boolean;
}

/**
 * Start-up runs identify → capabilities → (challenge → crypt) → status → ready, as libosdp's CP state machine
 * does (ID, CAP, CHLNG, SCRYPT), then LSTAT for the initial tamper/power state.
 */
export type PdPhase = 'identify' | 'capabilities' | 'challenge' | 'crypt' | 'status' | 'ready' | 'secureFailed';

export interface QueuedTest {
  command: OsdpCommand;
  resolve(result: string): void;
  reject(error: AppError): void;
}

export interface PendingCommand {
  command: OsdpCommand;
  /** Sent again unchanged on a retry: same sequence number, same MAC. */
  bytes: Uint8Array;
  sequence: Sequence;
  sealed: boolean;
  test?: QueuedTest;
  sentAt: number;
  attempts: number;
  /** Replies to it that failed the Secure Channel checks. */
  refusals: number;
}

export interface Handshake {
  acuRandom: Uint8Array;
  keys?: SessionKeys;
  pdRandom?: Uint8Array;
  serverCryptogram?: Uint8Array;
}

export interface PdLink extends LocalStatus {
  readonly address: number;
  readonly scbk: Uint8Array | undefined;
  readonly secure: boolean;
  phase: PdPhase;
  /** The sequence number of the next new command. */
  sequence: Sequence;
  online: boolean;
  /** Offline after `offlineAfterMs` without an answer; its alarm is the PD's `link` condition. */
  readonly watch: LinkWatch;
  pending?: PendingCommand;
  tests: QueuedTest[];
  channel?: SecureChannel;
  handshake?: Handshake;
  secureFailedAt: number;
}

/** `conditions`: what an earlier session left raised for this PD is believed until the PD shows otherwise. */
export function createPdLink(config: OsdpPdConfig, conditions: ConditionStates, watch: LinkWatch): PdLink {
  const left = (condition: 'tamper' | 'power'): boolean => conditions.isRaised(osdpConditionKey(config.address, condition));
  return {
    address: config.address,
    scbk: config.scbk?.slice(),
    secure: config.secure ?? config.scbk !== undefined,
    phase: 'identify',
    sequence: 0,
    online: false,
    watch,
    tests: [],
    // The first LSTAT reply restores them if the PD says otherwise.
    ...(left('tamper') ? { tamper: true } : {}),
    ...(left('power') ? { powerFailure: true } : {}),
    secureFailedAt: 0,
  };
}

/** Back to the start after the PD went offline: sequence 0 (which also makes the PD drop its Secure Channel). */
export function restartLink(link: PdLink): void {
  link.phase = 'identify';
  link.sequence = 0;
  link.pending = undefined;
  link.channel = undefined;
  link.handshake = undefined;
}

/** The next command this PD needs, or undefined when it should be left alone this turn. */
export function nextCommand(link: PdLink, now: number, secureRetryMs: number, random: (length: number) => Uint8Array): { command: OsdpCommand; test?: QueuedTest } | undefined {
  if (link.phase === 'secureFailed') {
    // Plain POLLs through the back-off keep measuring the link: an unplugged reader is noticed within the offline
    // time, not a back-off later. A PD that insists on Secure Channel answers NAK 6, which is an answer all the same.
    if (now - link.secureFailedAt < secureRetryMs) return { command: { kind: 'poll' } };
    link.phase = 'challenge';
  }
  switch (link.phase) {
    case 'identify':
      return { command: { kind: 'id' } };
    case 'capabilities':
      return { command: { kind: 'cap' } };
    case 'challenge': {
      const acuRandom = random(8);
      link.handshake = { acuRandom };
      return { command: { kind: 'chlng', random: acuRandom } };
    }
    case 'crypt':
      if (link.handshake?.serverCryptogram) return { command: { kind: 'scrypt', cryptogram: link.handshake.serverCryptogram } };
      link.phase = 'challenge';
      return nextCommand(link, now, secureRetryMs, random);
    case 'status':
      return { command: { kind: 'lstat' } };
    case 'ready': {
      const test = link.tests.shift();
      return test ? { command: test.command, test } : { command: { kind: 'poll' } };
    }
  }
}

/** Lays a command out for the wire: the handshake with its security block, sealed inside a Secure Channel, else plain. */
export function commandPacket(link: PdLink, command: OsdpCommand, useCrc: boolean): { bytes: Uint8Array; sealed: boolean } {
  const { code, data } = encodeCommand(command);
  const content = { address: link.address, sequence: link.sequence, useCrc, code, data };
  if (command.kind === 'chlng' || command.kind === 'scrypt') {
    const type = command.kind === 'chlng' ? securityBlockType.challenge : securityBlockType.serverCryptogram;
    // The block's data byte picks the key: 1 the PD's SCBK, 0 SCBK-D (libosdp cp_build_command).
    return { bytes: encodePacket({ ...content, isReply: false, security: { type, data: Uint8Array.of(link.scbk ? 1 : 0) } }), sealed: false };
  }
  if (link.channel) return { bytes: sealPacket(link.channel, 'command', content), sealed: true };
  return { bytes: encodePacket({ ...content, isReply: false }), sealed: false };
}
