// The OSDP ACU session: polls each PD in turn over a half-duplex bus, retries, tracks links, reports everything.

import { randomBytes } from 'node:crypto';
import { AppError } from '../../../../shared/contract/app-error';
import type { DetailValue, DriverSession, SessionHandlers } from '../driver-session';
import type { BytePort } from '../port/byte-port';
import { createConditionStates } from '../session/condition-states';
import { createLinkWatch } from '../session/link-watch';
import { createPollLoop } from '../session/poll-loop';
import { createReplyWait } from '../session/reply-wait';
import { sessionLifecycle } from '../session/session-lifecycle';
import { createOsdpDecoder, type OsdpDecoded } from './codec';
import { OsdpCodecError } from './codec-error';
import { carriesMac, hex8, nextSequence, type OsdpPacket } from './packet';
import { linkAlarm, onlineReading, secureReading } from './pd-events';
import { commandPacket, createPdLink, nextCommand, restartLink, type OsdpPdConfig, type PdLink, type PendingCommand } from './pd-link';
import { decodeReply, nakSequenceError, replyCode, type OsdpReply } from './replies';
import { acceptReply, replyRefused } from './reply-handling';
import { openPacket } from './secure-packet';
import { describeCommand, describeFrame, describeReply } from './summary';
import { commandForTest, osdpTestCommandSpecs } from './test-commands';

export type { OsdpPdConfig } from './pd-link';

export interface OsdpSessionOptions {
  port: BytePort;
  handlers: SessionHandlers;
  now: () => number;
  pds: OsdpPdConfig[];
  /** A PD must start its reply within 200 ms (SIA OSDP 2.2 §5.7). */
  replyTimeoutMs?: number;
  /** A PD is offline after this long without a valid reply (§5.7: 8 s). */
  offlineAfterMs?: number;
  /** Quiet time on the bus between one exchange and the next. */
  pollIntervalMs?: number;
  /** How long after a failed Secure Channel handshake to try again. */
  secureRetryMs?: number;
  /** CRC-16 (default) or the 8-bit checksum on packets the ACU sends; PDs answer in kind. */
  useCrc?: boolean;
  /** The ACU's handshake randoms; cryptographic randomness unless given. */
  random?: (length: number) => Uint8Array;
}

/** A reply, or one that came but failed the Secure Channel checks (the PD is there; its security is not). */
type Received = { reply: OsdpReply; packet: OsdpPacket } | { refused: OsdpCodecError };

/** The command on the wire and the PD it went to. */
interface Sent {
  link: PdLink;
  pending: PendingCommand;
}

export function createOsdpSession(options: OsdpSessionOptions): DriverSession {
  const { port, handlers, now } = options;
  const replyTimeoutMs = options.replyTimeoutMs ?? 200;
  const offlineAfterMs = options.offlineAfterMs ?? 8000;
  const pollIntervalMs = options.pollIntervalMs ?? 50;
  const secureRetryMs = options.secureRetryMs ?? 60_000;
  const useCrc = options.useCrc ?? true;
  const random = options.random ?? ((length: number) => new Uint8Array(randomBytes(length)));
  const links = new Map<number, PdLink>();
  // Not committed: the command stays unacknowledged (or the PD unanswered) and the change is reported again.
  const conditions = createConditionStates(handlers);
  if (options.pds.length === 0) throw new AppError('devices.osdp.badConfig', 'devices.osdp.badConfig', { pds: 0 });
  for (const config of options.pds) {
    const valid = Number.isInteger(config.address) && config.address >= 0 && config.address <= 0x7e && !links.has(config.address);
    // The key itself never goes into the error: only whether its length is wrong.
    if (!valid || (config.scbk !== undefined && config.scbk.length !== 16)) {
      throw new AppError('devices.osdp.badConfig', 'devices.osdp.badConfig', { address: config.address, keyLengthOk: config.scbk === undefined || config.scbk.length === 16 });
    }
    const watch = createLinkWatch({ conditions, now, lostAfterMs: offlineAfterMs, alarm: (state, at) => linkAlarm(config.address, state, at) });
    links.set(config.address, createPdLink(config, conditions, watch));
  }
  const decoder = createOsdpDecoder();
  const context = { handlers, conditions, now };
  const awaited = createReplyWait<Sent, Received | undefined>();

  const traffic = (direction: 'rx' | 'tx', bytes: Uint8Array, summary: string, ok: boolean, latencyMs?: number): void => {
    handlers.traffic({ at: now(), direction, bytes, summary, ok, ...(latencyMs !== undefined ? { latencyMs } : {}) });
  };

  /** The reply's plain code and data: opened through the Secure Channel when one is up. */
  const openReply = (link: PdLink, packet: OsdpPacket, bytes: Uint8Array): { code: number; data: Uint8Array; sealed: boolean } | OsdpCodecError => {
    if (link.channel && carriesMac(packet.security)) {
      const opened = openPacket(link.channel, 'reply', packet, bytes);
      return opened instanceof OsdpCodecError ? opened : { ...opened, sealed: true };
    }
    // A PD that lost its Secure Channel answers with a plain NAK (or BUSY); anything else plain is refused.
    if (link.channel && packet.code !== replyCode.nak && packet.code !== replyCode.busy) return new OsdpCodecError('badSecurity', 'plain reply inside the secure channel');
    if (!link.channel && carriesMac(packet.security)) return new OsdpCodecError('badSecurity', 'secure reply without a secure channel');
    return { code: packet.code, data: packet.data, sealed: false };
  };

  const receive = (item: OsdpDecoded): void => {
    if (item.kind === 'error') {
      traffic('rx', item.bytes, `${item.error.code}: ${item.error.message}`, false);
      return;
    }
    const { packet, bytes } = item;
    const current = awaited.current?.request;
    if (!packet.isReply) {
      traffic('rx', bytes, describeFrame(packet.address, packet.sequence, `command 0x${hex8(packet.code)} from another controller (ignored)`, false), true);
      return;
    }
    if (!current || packet.address !== current.link.address) {
      traffic('rx', bytes, describeFrame(packet.address, packet.sequence, `reply 0x${hex8(packet.code)} not awaited (ignored)`, false), true);
      return;
    }
    // A PD too busy to answer may say BUSY with sequence 0 in a plain packet (libosdp osdp_phy_check_packet).
    const busy = packet.sequence === 0 && packet.code === replyCode.busy && !packet.security;
    // A sequence-error NAK carries the PD's own number (libosdp), so it restarts the sequence whatever number it has.
    const sequenceNak = packet.code === replyCode.nak && packet.data[0] === nakSequenceError && !packet.security;
    if (packet.sequence !== current.pending.sequence && !busy && !sequenceNak) {
      traffic('rx', bytes, describeFrame(packet.address, packet.sequence, `sequence ${packet.sequence}, expected ${current.pending.sequence}`, false), false);
      return;
    }
    const opened = openReply(current.link, packet, bytes);
    const reply = opened instanceof OsdpCodecError ? opened : decodeReply(opened.code, opened.data);
    if (reply instanceof OsdpCodecError) {
      traffic('rx', bytes, describeFrame(packet.address, packet.sequence, `${reply.code}: ${reply.message}`, false), false);
      if (reply !== opened || !current.link.secure) return;
      awaited.settle({ refused: reply });
      return;
    }
    const sealed = !(opened instanceof OsdpCodecError) && opened.sealed;
    traffic('rx', bytes, describeFrame(packet.address, packet.sequence, describeReply(reply), sealed), true, now() - current.pending.sentAt);
    awaited.settle({ reply, packet });
  };

  const exchange = async (link: PdLink, pending: PendingCommand): Promise<Received | undefined> => {
    // Whatever half-packet is left from before belongs to no reply we can still accept.
    for (const item of decoder.flush()) receive(item);
    pending.sentAt = now();
    const retry = pending.attempts > 0 ? ' (retry)' : '';
    pending.attempts += 1;
    traffic('tx', pending.bytes, describeFrame(link.address, pending.sequence, describeCommand(pending.command) + retry, pending.sealed), true);
    const reply = awaited.begin({ link, pending }, pending.sentAt);
    try {
      await port.write(pending.bytes);
    } catch {
      // A port that fails to write looks like a PD that does not answer: the link alarm will say so.
    }
    // The PD's reply time counts from the end of the command on the wire.
    if (awaited.current?.request.pending === pending) awaited.expireAfter(replyTimeoutMs, undefined);
    return reply;
  };

  const failTests = (link: PdLink, code: string): void => {
    const tests = [...link.tests.splice(0), ...(link.pending?.test ? [link.pending.test] : [])];
    for (const test of tests) test.reject(new AppError(code, code, { address: link.address }));
  };

  const noReply = async (link: PdLink): Promise<void> => {
    if (link.watch.silentForMs() < offlineAfterMs) return;
    const wasOnline = link.online;
    const wasSecure = link.channel !== undefined;
    link.online = false;
    failTests(link, 'devices.osdp.pdOffline');
    restartLink(link);
    if (wasOnline || !link.watch.lost) handlers.reading(onlineReading(link.address, false, now()));
    // Restarting at sequence 0 ends the Secure Channel; the reading must not go on saying it is up.
    if (wasSecure) handlers.reading(secureReading(link.address, false, now()));
    // Not committed: raised again on the next unanswered command.
    await link.watch.lose({});
  };

  const service = async (link: PdLink): Promise<void> => {
    if (!link.pending) {
      const next = nextCommand(link, now(), secureRetryMs, random);
      if (!next) return;
      const { bytes, sealed } = commandPacket(link, next.command, useCrc);
      link.pending = { command: next.command, bytes, sequence: link.sequence, sealed, sentAt: 0, attempts: 0, refusals: 0, ...(next.test ? { test: next.test } : {}) };
    }
    const pending = link.pending;
    const received = await exchange(link, pending);
    if (!loop.running) return;
    if (!received) {
      await noReply(link);
      return;
    }
    // Answering at all keeps the link up, even when the answer fails the security checks.
    link.watch.heard();
    if ('refused' in received) {
      const outcome = await replyRefused(context, link, pending, received.refused.message);
      if (outcome === 'retry' || link.pending !== pending) return;
      link.pending = undefined;
      link.sequence = nextSequence(pending.sequence);
      pending.test?.reject(new AppError('devices.osdp.secureChannelDown', 'devices.osdp.secureChannelDown', { address: link.address }));
      return;
    }
    const outcome = await acceptReply(context, link, pending, received.reply, received.packet.security);
    if (outcome === 'retry' || link.pending !== pending) return;
    link.pending = undefined;
    link.sequence = outcome === 'resequence' ? 0 : nextSequence(pending.sequence);
    pending.test?.resolve(`PD ${link.address}: ${describeReply(received.reply)}`);
  };

  // Each cycle gives the next PD its turn on the bus, then the bus stays quiet for `pollIntervalMs`.
  let turn = 0;
  const loop = createPollLoop({
    now,
    intervalMs: pollIntervalMs,
    pace: 'gap',
    cycle: async () => {
      const all = [...links.values()];
      const link = all[turn % all.length]!;
      turn = (turn + 1) % all.length;
      await service(link);
    },
    onError: (error) => traffic('tx', new Uint8Array(0), `session error: ${error instanceof Error ? error.message : String(error)}`, false),
  });

  return {
    ...sessionLifecycle({
      port,
      onData: (chunk) => {
        for (const item of decoder.push(chunk)) receive(item);
      },
      loop,
      // The offline clock starts when polling does, not when the session was built.
      starting: () => {
        for (const link of links.values()) if (!link.online) link.watch.heard();
      },
      stopped: () => {
        awaited.settle(undefined);
        for (const link of links.values()) failTests(link, 'devices.osdp.stopped');
      },
    }),
    testCommands: () => osdpTestCommandSpecs.map((spec) => ({ ...spec, params: { ...spec.params } })),
    runTestCommand(id: string, params: Record<string, DetailValue>) {
      try {
        const { address, command } = commandForTest(id, params, [...links.keys()]);
        const link = links.get(address);
        if (!loop.running || !link) return Promise.reject(new AppError('devices.osdp.notRunning', 'devices.osdp.notRunning', { address }));
        if (!link.online) return Promise.reject(new AppError('devices.osdp.pdOffline', 'devices.osdp.pdOffline', { address }));
        if (link.phase === 'secureFailed') return Promise.reject(new AppError('devices.osdp.secureChannelDown', 'devices.osdp.secureChannelDown', { address }));
        return new Promise<string>((resolve, reject) => link.tests.push({ command, resolve, reject }));
      } catch (error) {
        return Promise.reject(error instanceof AppError ? error : new AppError('devices.osdp.badParam', 'devices.osdp.badParam', { id }));
      }
    },
  };
}
