// What the ACU does with a PD's valid reply: start-up steps, the Secure Channel handshake, events turned into alarms.
// Alarms are committed before anything moves on: the next sequence number is the PD's acknowledgement (§5.7).

import { AppError } from '../../../../shared/contract/app-error';
import type { DeviceAlarm, SessionHandlers } from '../driver-session';
import type { ConditionStates } from '../session/condition-states';
import { carriesMac, type SecurityBlock } from './packet';
import {
  capabilitiesReading,
  cardRead,
  identityReadings,
  keypadEntry,
  localStatusAlarms,
  localStatusReadings,
  onlineReading,
  osdpConditionKey,
  secureChannelAlarm,
  secureReading,
  type SecureFailure,
} from './pd-events';
import type { PdLink, PendingCommand } from './pd-link';
import { nakErrorName, nakSequenceError, type OsdpReply } from './replies';
import { clientCryptogram, deriveSessionKeys, initialRmac, sameBytes, scbkDefault, serverCryptogram } from './secure-channel';
import { openChannel } from './secure-packet';

/** done: move to the next sequence; retry: send the same packet again (the PD repeats its reply); resequence: restart at 0. */
export type ReplyOutcome = 'done' | 'retry' | 'resequence';

export interface ReplyContext {
  handlers: SessionHandlers;
  conditions: ConditionStates;
  now: () => number;
}

/** Replies in a row to one command that fail the Secure Channel checks before the PD is taken to have a fault. */
const refusalsBeforeFault = 3;

/** NAK codes that end the Secure Channel (§7.3). */
const nakSecurity = [5, 6];

/** Not committed: the caller leaves the command unacknowledged so the PD reports the event again. */
async function commit(context: ReplyContext, alarms: DeviceAlarm[]): Promise<boolean> {
  for (const alarm of alarms) if (!(await context.conditions.commit(alarm))) return false;
  return true;
}

const secureAlarmRaised = (context: ReplyContext, link: PdLink): boolean => context.conditions.isRaised(osdpConditionKey(link.address, 'secure'));

export async function acceptReply(context: ReplyContext, link: PdLink, pending: PendingCommand, reply: OsdpReply, security: SecurityBlock | undefined): Promise<ReplyOutcome> {
  const at = context.now();
  if (!link.online) {
    if (!(await link.watch.restore({}, at))) return 'retry';
    link.online = true;
    context.handlers.reading(onlineReading(link.address, true, at));
  }
  // The Secure Channel alarm is restored by the first sealed reply that verifies, not by the handshake: a PD whose
  // replies fail the checks completes every handshake, and would otherwise raise and restore once per back-off.
  if (secureAlarmRaised(context, link) && link.channel && carriesMac(security)) {
    if (!(await context.conditions.apply(secureChannelAlarm(link.address, 'restored', at)))) return 'retry';
  }
  if (pending.command.kind === 'chlng') return challengeAnswered(context, link, reply, at);
  if (pending.command.kind === 'scrypt') return cryptogramAnswered(context, link, reply, security, at);
  const outcome = await replyEvents(context, link, reply, at);
  if (outcome !== 'done') return outcome;
  const kind = pending.command.kind;
  if (link.phase === 'identify' && kind === 'id') link.phase = 'capabilities';
  else if (link.phase === 'capabilities' && kind === 'cap') {
    // A Secure Channel alarm left by an earlier session no longer applies to a PD now configured without one.
    if (!link.secure && secureAlarmRaised(context, link)) {
      if (!(await context.conditions.apply(secureChannelAlarm(link.address, 'restored', at, undefined, true)))) return 'retry';
    }
    link.phase = link.secure ? 'challenge' : 'status';
  }
  else if (link.phase === 'status' && kind === 'lstat') link.phase = 'ready';
  return 'done';
}

async function replyEvents(context: ReplyContext, link: PdLink, reply: OsdpReply, at: number): Promise<ReplyOutcome> {
  const { address } = link;
  switch (reply.kind) {
    case 'pdid':
      for (const reading of identityReadings(address, reply, at)) context.handlers.reading(reading);
      return 'done';
    case 'pdcap':
      context.handlers.reading(capabilitiesReading(address, reply, at));
      return 'done';
    case 'lstatr': {
      if (!(await commit(context, localStatusAlarms(address, link, reply, at)))) return 'retry';
      link.tamper = reply.tamper;
      link.powerFailure = reply.powerFailure;
      for (const reading of localStatusReadings(address, reply, at)) context.handlers.reading(reading);
      return 'done';
    }
    case 'raw':
    case 'keypad': {
      const event = reply.kind === 'raw' ? cardRead(address, reply, at) : keypadEntry(address, reply, at);
      if (!(await commit(context, [event.alarm]))) return 'retry';
      context.handlers.reading(event.reading);
      return 'done';
    }
    case 'busy':
      return 'retry';
    case 'nak':
      if (reply.error === nakSequenceError) {
        // Restarting at 0 also makes the PD drop its Secure Channel (libosdp osdp_phy_check_packet).
        dropChannel(context, link, at);
        return 'resequence';
      }
      if (nakSecurity.includes(reply.error) && link.channel) dropChannel(context, link, at);
      return 'done';
    default:
      return 'done';
  }
}

function dropChannel(context: ReplyContext, link: PdLink, at: number): void {
  const wasOpen = link.channel !== undefined;
  link.channel = undefined;
  if (link.secure && (link.phase === 'status' || link.phase === 'ready')) link.phase = 'challenge';
  if (wasOpen) context.handlers.reading(secureReading(link.address, false, at));
}

async function challengeAnswered(context: ReplyContext, link: PdLink, reply: OsdpReply, at: number): Promise<ReplyOutcome> {
  const handshake = link.handshake;
  if (reply.kind !== 'ccrypt' || !handshake) return secureFailed(context, link, refusal(reply), at);
  const { acuRandom } = handshake;
  const keys = deriveSessionKeys(link.scbk ?? scbkDefault, acuRandom);
  if (!sameBytes(reply.cryptogram, clientCryptogram(keys, acuRandom, reply.random))) {
    return secureFailed(context, link, { reason: 'cryptogramMismatch', text: { zh: '密钥不匹配', en: 'the PD does not hold the same key' } }, at);
  }
  link.handshake = { acuRandom, keys, pdRandom: reply.random, serverCryptogram: serverCryptogram(keys, acuRandom, reply.random) };
  link.phase = 'crypt';
  return 'done';
}

async function cryptogramAnswered(context: ReplyContext, link: PdLink, reply: OsdpReply, security: SecurityBlock | undefined, at: number): Promise<ReplyOutcome> {
  const handshake = link.handshake;
  if (reply.kind !== 'rmacI' || !handshake?.keys || !handshake.serverCryptogram) return secureFailed(context, link, refusal(reply), at);
  // The block's data byte says whether the PD accepted our cryptogram; the R-MAC must be the one we compute.
  const accepted = security?.data[0] === 1;
  if (!accepted || !sameBytes(reply.rmac, initialRmac(handshake.keys, handshake.serverCryptogram))) {
    return secureFailed(context, link, { reason: 'rmacMismatch', text: { zh: '设备未接受控制器密文', en: 'the PD did not confirm the ACU cryptogram' } }, at);
  }
  link.channel = openChannel(handshake.keys, reply.rmac);
  link.handshake = undefined;
  link.phase = 'status';
  context.handlers.reading(secureReading(link.address, true, at));
  return 'done';
}

/**
 * A reply that came but failed the Secure Channel checks (libosdp's development head answers LSTAT in a plain
 * packet): sent again a few times — a line glitch passes — then a Secure Channel fault, not a PD that is silent.
 */
export async function replyRefused(context: ReplyContext, link: PdLink, pending: PendingCommand, why: string): Promise<ReplyOutcome> {
  pending.refusals += 1;
  if (pending.refusals < refusalsBeforeFault) return 'retry';
  return secureFailed(context, link, { reason: 'repliesRefused', text: { zh: `设备应答未通过安全校验（${why}）`, en: `the PD's replies fail the security checks (${why})` } }, context.now());
}

function refusal(reply: OsdpReply): SecureFailure {
  if (reply.kind === 'nak') {
    const name = nakErrorName(reply.error);
    return { reason: 'refused', text: { zh: `设备拒绝（NAK ${reply.error}：${name}）`, en: `the PD refused (NAK ${reply.error}: ${name})` } };
  }
  return { reason: 'unexpectedReply', text: { zh: `意外应答 ${reply.kind.toUpperCase()}`, en: `unexpected reply ${reply.kind.toUpperCase()}` } };
}

async function secureFailed(context: ReplyContext, link: PdLink, failure: SecureFailure, at: number): Promise<ReplyOutcome> {
  if (!(await context.conditions.apply(secureChannelAlarm(link.address, 'raised', at, failure)))) return 'retry';
  link.channel = undefined;
  link.handshake = undefined;
  link.phase = 'secureFailed';
  link.secureFailedAt = at;
  context.handlers.reading(secureReading(link.address, false, at));
  for (const test of link.tests.splice(0)) {
    test.reject(new AppError('devices.osdp.secureChannelDown', 'devices.osdp.secureChannelDown', { address: link.address, reason: failure.reason }));
  }
  return 'done';
}
