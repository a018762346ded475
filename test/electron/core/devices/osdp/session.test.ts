import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceAlarm, DeviceReading, DriverSession, TrafficRecord } from '../../../../../electron/core/devices/driver-session';
import { defaultSerialSettings } from '../../../../../electron/core/devices/port/byte-port';
import { openSerialBytePort } from '../../../../../electron/core/devices/port/serial-byte-port';
import { createOsdpSession, type OsdpPdConfig, type OsdpSessionOptions } from '../../../../../electron/core/devices/osdp/session';
import { createOsdpPdSimulator, type OsdpPdSimulator, type SimulatedPdConfig } from '../../../../../electron/core/devices/osdp/simulator';
import { wiegand26 } from '../../../../../electron/core/devices/osdp/wiegand';
import { eventually } from '../../../../support/eventually';
import { openSessionRig } from '../../../../support/session-rig';
import { openVirtualSerialPair } from '../../../../support/virtual-serial-pair';

interface Bus {
  session: DriverSession;
  sim: OsdpPdSimulator;
  alarms: DeviceAlarm[];
  readings: DeviceReading[];
  traffic: TrafficRecord[];
  /** Makes the next `count` alarm commits fail, as a full disk would. */
  failCommits(count: number): void;
  commitAttempts: DeviceAlarm[];
}

const timing = { replyTimeoutMs: 150, pollIntervalMs: 5, offlineAfterMs: 700, secureRetryMs: 60_000 };
const keyA = Uint8Array.from({ length: 16 }, (_, i) => 0xc0 + i);
const keyB = Uint8Array.from({ length: 16 }, (_, i) => 0x10 + i);
const readers: SimulatedPdConfig[] = [
  { address: 1, vendor: 0x0a265c, model: 7, version: 2, serial: 0x00c0ffee, firmware: { major: 3, minor: 1, build: 9 } },
  { address: 2, vendor: 0x001b5f, model: 4, serial: 0x2222 },
];

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function bus(
  pds: OsdpPdConfig[] = [{ address: 1 }, { address: 2 }],
  simulated: SimulatedPdConfig[] = readers,
  overrides: Partial<OsdpSessionOptions> = {},
): Promise<Bus> {
  const { session, simulator, recorder, close } = await openSessionRig({
    serial: defaultSerialSettings,
    start: true,
    simulator: (port) => createOsdpPdSimulator({ port, pds: simulated }),
    session: async (end, handlers) => createOsdpSession({ port: await end.open(), now: () => Date.now(), pds, ...timing, ...overrides, handlers }),
  });
  cleanups.push(close);
  const { alarms, readings, traffic, offered } = recorder;
  return { session, sim: simulator, alarms, readings, traffic, commitAttempts: offered, failCommits: recorder.failNextCommits };
}

const latest = (readings: DeviceReading[], key: string) => [...readings].reverse().find((reading) => reading.key === key)?.value;
const polled = (traffic: TrafficRecord[], address: number) => traffic.some((r) => r.direction === 'tx' && r.summary.startsWith(`PD ${address} `) && r.summary.includes('POLL'));

describe('OSDP ACU session over a pty pair with simulated PDs', () => {
  it('reads identification and capabilities of both PDs as they come online', async () => {
    const { readings } = await bus();
    await eventually('capabilities of both', () => latest(readings, 'osdp:1:capabilities') && latest(readings, 'osdp:2:capabilities'));
    expect(latest(readings, 'osdp:1:vendor')).toBe('0A265C');
    expect(latest(readings, 'osdp:1:model')).toBe('7 v2');
    expect(latest(readings, 'osdp:1:serial')).toBe('00C0FFEE');
    expect(latest(readings, 'osdp:1:firmware')).toBe('3.1.9');
    expect(latest(readings, 'osdp:2:vendor')).toBe('001B5F');
    expect(latest(readings, 'osdp:1:online')).toBe(true);
    expect(String(latest(readings, 'osdp:1:capabilities'))).toContain('9:0/0');
  });

  it('delivers a 26-bit card swipe as facility / card, once, with its raw bits kept', async () => {
    const { sim, alarms, readings, traffic } = await bus();
    await eventually('PD 1 polled', () => polled(traffic, 1));
    const card = wiegand26(12, 3456);
    sim.swipeCard(1, 0, card.bitCount, card.data);
    const event = await eventually('card event', () => alarms.find((a) => a.eventCode === 'osdp.card'));
    expect(event).toMatchObject({ state: 'status', severity: 'info', conditionKey: 'osdp:1:card', point: 'reader 0', text: { en: 'Card 12 / 3456 at OSDP PD 1 reader 0' } });
    expect(event.detail).toMatchObject({ cardNumber: '789888', cardHex: '0C0D80', facility: 12, card: 3456, parityOk: true, reader: 0, bits: 26 });
    expect(event.detail.rawHex).toBe(Buffer.from(card.data).toString('hex').toUpperCase());
    expect(latest(readings, 'osdp:1:card')).toBe('12 / 3456');
    expect(traffic.find((r) => r.direction === 'rx' && r.summary.includes('RAW'))?.summary).toContain('card 12 / 3456 (facility 12, card 3456; data bits 789888 / 0x0C0D80)');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(alarms.filter((a) => a.eventCode === 'osdp.card')).toHaveLength(1);
  });

  it('reports keypad entries with their reader and digits', async () => {
    const { sim, alarms, traffic } = await bus();
    await eventually('PD 2 polled', () => polled(traffic, 2));
    sim.keypad(2, '1234#');
    const event = await eventually('keypad event', () => alarms.find((a) => a.eventCode === 'osdp.keypad'));
    expect(event).toMatchObject({ conditionKey: 'osdp:2:keypad', state: 'status', detail: { digits: '1234#', reader: 0 } });
  });

  it('raises tamper and power alarms and restores them', async () => {
    const { sim, alarms, traffic } = await bus();
    await eventually('PD 2 polled', () => polled(traffic, 2));
    sim.tamper(2, true);
    sim.power(1, false);
    await eventually('tamper raised', () => alarms.find((a) => a.eventCode === 'osdp.tamper' && a.state === 'raised'));
    await eventually('power raised', () => alarms.find((a) => a.eventCode === 'osdp.power' && a.state === 'raised'));
    sim.tamper(2, false);
    sim.power(1, true);
    await eventually('tamper restored', () => alarms.find((a) => a.eventCode === 'osdp.tamper' && a.state === 'restored'));
    await eventually('power restored', () => alarms.find((a) => a.eventCode === 'osdp.power' && a.state === 'restored'));
    const tamper = alarms.filter((a) => a.eventCode === 'osdp.tamper');
    expect(tamper.map((a) => [a.state, a.conditionKey, a.severity])).toEqual([
      ['raised', 'osdp:2:tamper', 'critical'],
      ['restored', 'osdp:2:tamper', 'critical'],
    ]);
    expect(alarms.find((a) => a.eventCode === 'osdp.power')).toMatchObject({ conditionKey: 'osdp:1:power', severity: 'major' });
  });

  it('retries with the same sequence number and the same bytes when a reply is lost', async () => {
    const { sim, traffic } = await bus();
    await eventually('PD 1 polled', () => polled(traffic, 1));
    const from = traffic.length;
    sim.dropReplies(1, 1);
    const retry = await eventually('a retry', () => traffic.slice(from).find((r) => r.direction === 'tx' && r.summary.startsWith('PD 1 ') && r.summary.endsWith('(retry)')));
    // The command whose reply was lost may have gone out just before `from` (on a busy machine): look in all of it.
    const sent = traffic.filter((r) => r.direction === 'tx' && r.summary.startsWith('PD 1 '));
    const original = sent[sent.indexOf(retry) - 1];
    expect(original?.summary.replace(/ \(retry\)$/, '')).toBe(retry.summary.replace(/ \(retry\)$/, ''));
    expect(Array.from(retry.bytes)).toEqual(Array.from(original?.bytes ?? []));
    const answered = await eventually('the retried command answered', () => traffic.slice(traffic.indexOf(retry)).find((r) => r.direction === 'rx' && r.summary.startsWith('PD 1 ')));
    expect(answered.ok).toBe(true);
  });

  it('marks a silent PD offline after offlineAfterMs and back online, restarting at sequence 0', async () => {
    const { sim, alarms, readings, traffic } = await bus();
    await eventually('PD 2 polled', () => polled(traffic, 2));
    sim.offline(2, true);
    const lost = await eventually('link lost', () => alarms.find((a) => a.eventCode === 'link.lost' && a.state === 'raised'), 3000);
    expect(lost).toMatchObject({ conditionKey: 'osdp:2:link', severity: 'major' });
    expect(latest(readings, 'osdp:2:online')).toBe(false);
    const from = traffic.length;
    await eventually('PD 1 still polled', () => traffic.slice(from).some((r) => r.direction === 'rx' && r.summary.startsWith('PD 1 ')));
    sim.offline(2, false);
    await eventually('link restored', () => alarms.find((a) => a.conditionKey === 'osdp:2:link' && a.state === 'restored'), 3000);
    expect(latest(readings, 'osdp:2:online')).toBe(true);
    expect(traffic.slice(from).some((r) => r.direction === 'tx' && r.summary.startsWith('PD 2 seq 0 ID'))).toBe(true);
    expect(alarms.filter((a) => a.conditionKey === 'osdp:2:link').map((a) => a.state)).toEqual(['raised', 'restored']);
  });

  it('re-reads a card event until its alarm is committed, and commits it once', async () => {
    const { sim, alarms, commitAttempts, traffic, failCommits } = await bus();
    await eventually('PD 1 polled', () => polled(traffic, 1));
    failCommits(2);
    const card = wiegand26(1, 1);
    sim.swipeCard(1, 0, card.bitCount, card.data);
    await eventually('card committed', () => alarms.find((a) => a.eventCode === 'osdp.card'));
    expect(commitAttempts.filter((a) => a.eventCode === 'osdp.card')).toHaveLength(3);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(alarms.filter((a) => a.eventCode === 'osdp.card')).toHaveLength(1);
  });

  it('sends LED, buzzer and output test commands that arrive at the PD', async () => {
    const { session, sim, traffic } = await bus();
    await eventually('PD 2 polled', () => polled(traffic, 2));
    await expect(session.runTestCommand('ledBlink', { address: 2, reader: 0, colour: 'red' })).resolves.toBe('PD 2: ACK');
    await expect(session.runTestCommand('buzzerBeep', { address: 2, reader: 0 })).resolves.toBe('PD 2: ACK');
    await expect(session.runTestCommand('outputPulse', { address: 1, output: 0, durationMs: 500 })).resolves.toBe('PD 1: ACK');
    const [led] = sim.received(2);
    expect(led).toMatchObject({ kind: 'led', leds: [{ reader: 0, temporary: { control: 2, onColour: 1, offColour: 0 } }] });
    expect(sim.received(2)[1]).toMatchObject({ kind: 'buz', tone: 2 });
    expect(sim.received(1)).toEqual([{ kind: 'out', outputs: [{ output: 0, control: 5, timer: 5 }] }]);
    expect(session.testCommands().find((spec) => spec.id === 'outputPulse')?.dangerous).toBe(true);
    await expect(session.runTestCommand('id', { address: 1 })).resolves.toContain('PDID vendor 0A265C');
  });

  it('rejects wrong test command arguments with a clear error and keeps polling', async () => {
    const { session, traffic } = await bus();
    await eventually('PD 1 polled', () => polled(traffic, 1));
    await expect(session.runTestCommand('selfDestruct', { address: 1 })).rejects.toMatchObject({ code: 'devices.osdp.unknownTestCommand' });
    await expect(session.runTestCommand('ledBlink', { address: 1, colour: 'plaid' })).rejects.toMatchObject({ code: 'devices.osdp.badParam', params: { name: 'colour' } });
    await expect(session.runTestCommand('outputPulse', { address: 1, durationMs: -5 })).rejects.toMatchObject({ code: 'devices.osdp.badParam' });
    await expect(session.runTestCommand('poll', { address: 9 })).rejects.toMatchObject({ code: 'devices.osdp.unknownPd' });
    await expect(session.runTestCommand('poll', {})).rejects.toMatchObject({ code: 'devices.osdp.badParam', params: { name: 'address' } });
    await expect(session.runTestCommand('poll', { address: 1 })).resolves.toBe('PD 1: ACK');
  });

  it('talks checksum-mode packets when told not to use the CRC', async () => {
    const { readings, traffic } = await bus([{ address: 1 }], [readers[0]!], { useCrc: false });
    await eventually('PD 1 polled', () => polled(traffic, 1));
    expect(latest(readings, 'osdp:1:serial')).toBe('00C0FFEE');
    const poll = traffic.find((r) => r.direction === 'tx' && r.summary.includes('POLL'));
    expect((poll?.bytes[4] ?? 0) & 0x04).toBe(0);
  });

  it('reports line noise as bad frames and carries on', async () => {
    const { sim, traffic } = await bus();
    await eventually('PD 1 polled', () => polled(traffic, 1));
    await sim.garbage(Uint8Array.of(0x01, 0x02, 0x03, 0x04));
    await eventually('garbage reported', () => traffic.find((r) => r.direction === 'rx' && !r.ok && r.summary.startsWith('garbage')));
    const from = traffic.length;
    await eventually('replies after the noise', () => traffic.slice(from).filter((r) => r.direction === 'rx' && r.ok).length >= 4);
  });
});

describe('OSDP ACU session configuration', () => {
  it('refuses a bad bus configuration without echoing the key', async () => {
    const pair = await openVirtualSerialPair();
    const port = await openSerialBytePort(pair.a, defaultSerialSettings);
    cleanups.push(async () => {
      await port.close();
      await pair.unplug();
    });
    const handlers = { alarm: async () => undefined, reading: () => undefined, traffic: () => undefined };
    const build = (pds: OsdpPdConfig[]) => () => createOsdpSession({ port, handlers, now: () => Date.now(), pds });
    expect(build([])).toThrow(expect.objectContaining({ code: 'devices.osdp.badConfig' }));
    expect(build([{ address: 0x7f }])).toThrow(expect.objectContaining({ code: 'devices.osdp.badConfig' }));
    expect(build([{ address: 1 }, { address: 1 }])).toThrow(expect.objectContaining({ code: 'devices.osdp.badConfig' }));
    const shortKey = Uint8Array.of(0xde, 0xad, 0xbe, 0xef);
    try {
      build([{ address: 1, scbk: shortKey }])();
      expect.unreachable('a 4-byte key must be refused');
    } catch (error) {
      expect(error).toMatchObject({ code: 'devices.osdp.badConfig', params: { keyLengthOk: false } });
      expect(JSON.stringify(error) + String(error)).not.toMatch(/dead|beef|222/i);
    }
  });
});

describe('OSDP ACU session with a Secure Channel', () => {
  it('opens a Secure Channel with a per-PD key and exchanges encrypted polls, replies and card reads', async () => {
    const { sim, alarms, readings, traffic } = await bus(
      [{ address: 1, scbk: keyA }, { address: 2 }],
      [{ ...readers[0]!, scbk: keyA }, readers[1]!],
    );
    await eventually('secure channel', () => latest(readings, 'osdp:1:secure') === true);
    expect(sim.isSecure(1)).toBe(true);
    expect(sim.isSecure(2)).toBe(false);
    await eventually('a sealed poll answered', () => traffic.find((r) => r.direction === 'rx' && r.ok && r.summary.startsWith('PD 1 ') && r.summary.includes('[SC] ACK')));
    const card = wiegand26(42, 4242);
    sim.swipeCard(1, 0, card.bitCount, card.data);
    const event = await eventually('card over SC', () => alarms.find((a) => a.eventCode === 'osdp.card'));
    expect(event.detail).toMatchObject({ facility: 42, card: 4242 });
    const rawReply = traffic.find((r) => r.direction === 'rx' && r.summary.includes('[SC] RAW'));
    expect(rawReply).toBeDefined();
    // Encrypted on the wire: the card's bytes do not appear in the packet.
    expect(Buffer.from(rawReply?.bytes ?? []).includes(Buffer.from(card.data))).toBe(false);
    expect(alarms.some((a) => a.eventCode === 'osdp.secureChannel')).toBe(false);
  });

  it('keeps the Secure Channel through a lost reply: the retried packet still verifies', async () => {
    const { sim, readings, traffic } = await bus([{ address: 1, scbk: keyA }], [{ ...readers[0]!, scbk: keyA }]);
    await eventually('secure channel', () => latest(readings, 'osdp:1:secure') === true);
    await eventually('polling', () => polled(traffic, 1));
    const from = traffic.length;
    sim.dropReplies(1, 2);
    await eventually('two retries', () => traffic.slice(from).filter((r) => r.summary.endsWith('(retry)')).length >= 2);
    await eventually('sealed replies after the retries', () => traffic.slice(from).filter((r) => r.direction === 'rx' && r.ok && r.summary.includes('[SC] ACK')).length >= 3);
    expect(traffic.slice(from).some((r) => r.direction === 'rx' && !r.ok)).toBe(false);
    expect(sim.isSecure(1)).toBe(true);
  });

  it('opens the Secure Channel again after the PD was offline', async () => {
    const { sim, alarms, readings } = await bus([{ address: 1, scbk: keyA }], [{ ...readers[0]!, scbk: keyA }]);
    await eventually('secure channel', () => latest(readings, 'osdp:1:secure') === true);
    sim.offline(1, true);
    await eventually('link lost', () => alarms.find((a) => a.conditionKey === 'osdp:1:link' && a.state === 'raised'), 3000);
    sim.offline(1, false);
    await eventually('link restored', () => alarms.find((a) => a.conditionKey === 'osdp:1:link' && a.state === 'restored'), 3000);
    await eventually('secure again', () => readings.filter((r) => r.key === 'osdp:1:secure' && r.value === true).length >= 2);
    expect(sim.isSecure(1)).toBe(true);
  });

  it('opens a Secure Channel with SCBK-D to a PD in install mode', async () => {
    const { sim, readings } = await bus([{ address: 1, secure: true }], [{ ...readers[0]!, installMode: true }]);
    await eventually('secure channel', () => latest(readings, 'osdp:1:secure') === true);
    expect(sim.isSecure(1)).toBe(true);
  });

  it('fails cleanly on a wrong key: one clear alarm, no key in any report, the other PD still polled', async () => {
    const { session, sim, alarms, traffic, readings } = await bus(
      [{ address: 1, scbk: keyA }, { address: 2 }],
      [{ ...readers[0]!, scbk: keyB }, readers[1]!],
    );
    const failure = await eventually('secure channel alarm', () => alarms.find((a) => a.eventCode === 'osdp.secureChannel'));
    expect(failure).toMatchObject({ state: 'raised', conditionKey: 'osdp:1:secure', severity: 'major', detail: { reason: 'cryptogramMismatch' } });
    expect(failure.text.en).toContain('does not hold the same key');
    expect(sim.isSecure(1)).toBe(false);
    expect(latest(readings, 'osdp:1:secure')).toBe(false);
    await expect(session.runTestCommand('poll', { address: 1 })).rejects.toMatchObject({ code: 'devices.osdp.secureChannelDown' });
    const from = traffic.length;
    await eventually('PD 2 still answering', () => traffic.slice(from).filter((r) => r.direction === 'rx' && r.ok && r.summary.startsWith('PD 2 ')).length >= 3);
    // Through the back-off PD 1 only gets plain POLLs, which keep its link measured; no new handshake.
    const toPd1 = traffic.slice(from).filter((r) => r.direction === 'tx' && r.summary.startsWith('PD 1 '));
    expect(toPd1.length).toBeGreaterThan(0);
    expect(toPd1.every((r) => r.summary.includes('POLL') && !r.summary.includes('[SC]'))).toBe(true);
    const reported = JSON.stringify([alarms, readings, traffic.map((r) => r.summary)]);
    for (const key of [keyA, keyB]) {
      expect(reported.toLowerCase()).not.toContain(Buffer.from(key).toString('hex'));
      expect(reported).not.toContain(Array.from(key).join(','));
    }
    expect(alarms.filter((a) => a.eventCode === 'osdp.secureChannel')).toHaveLength(1);
  });

  it('tries the handshake again after secureRetryMs without raising the alarm twice', async () => {
    const { alarms, traffic } = await bus([{ address: 1, scbk: keyA }], [{ ...readers[0]!, scbk: keyB }], { secureRetryMs: 100 });
    await eventually('three challenges', () => traffic.filter((r) => r.direction === 'tx' && r.summary.includes('CHLNG')).length >= 3);
    expect(alarms.filter((a) => a.eventCode === 'osdp.secureChannel')).toHaveLength(1);
    expect(alarms.some((a) => a.eventCode === 'link.lost')).toBe(false);
  });
});

describe('OSDP ACU session with a misbehaving PD', () => {
  it('restarts the sequence on a sequence-error NAK that carries the PD its own number, without going offline', async () => {
    const { sim, alarms, traffic } = await bus([{ address: 1 }], [readers[0]!]);
    await eventually('polling', () => polled(traffic, 1));
    sim.misbehave(1, { nakWithOwnSequence: true });
    const from = traffic.length;
    sim.loseSequence(1);
    await eventually('the sequence restarted at 0', () => traffic.slice(from).find((r) => r.direction === 'tx' && r.summary.startsWith('PD 1 seq 0')));
    await eventually('polled again', () => traffic.slice(from).filter((r) => r.direction === 'rx' && r.ok && r.summary.startsWith('PD 1 ') && r.summary.includes('ACK')).length >= 3);
    await new Promise((resolve) => setTimeout(resolve, timing.offlineAfterMs));
    expect(alarms.some((a) => a.eventCode === 'link.lost')).toBe(false);
  });

  it('clears the secure reading when a secure PD goes offline', async () => {
    const { sim, alarms, readings } = await bus([{ address: 1, scbk: keyA }], [{ ...readers[0]!, scbk: keyA }]);
    await eventually('secure channel', () => latest(readings, 'osdp:1:secure') === true);
    sim.offline(1, true);
    await eventually('link lost', () => alarms.find((a) => a.conditionKey === 'osdp:1:link' && a.state === 'raised'), 3000);
    expect(latest(readings, 'osdp:1:online')).toBe(false);
    expect(latest(readings, 'osdp:1:secure')).toBe(false);
  });

  it('raises a Secure Channel fault, not "not answering", when the PD keeps answering with replies that fail the security checks', async () => {
    const { sim, alarms, readings, traffic } = await bus([{ address: 1, scbk: keyA }], [{ ...readers[0]!, scbk: keyA }]);
    await eventually('secure channel', () => latest(readings, 'osdp:1:secure') === true);
    sim.misbehave(1, { plainRepliesInSecureChannel: true });
    const fault = await eventually('the Secure Channel fault', () => alarms.find((a) => a.eventCode === 'osdp.secureChannel' && a.state === 'raised'), 3000);
    expect(fault).toMatchObject({ conditionKey: 'osdp:1:secure', detail: { reason: 'repliesRefused' } });
    expect(fault.text.en).toContain('fail the security checks');
    expect(latest(readings, 'osdp:1:secure')).toBe(false);
    expect(traffic.some((r) => r.direction === 'rx' && !r.ok && r.summary.includes('plain reply inside the secure channel'))).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, timing.offlineAfterMs * 2));
    expect(alarms.some((a) => a.eventCode === 'link.lost')).toBe(false);
    expect(latest(readings, 'osdp:1:online')).toBe(true);
  });

  it('does not restore and raise the fault again at every handshake while the replies still fail the checks', async () => {
    const { sim, alarms, readings, traffic } = await bus([{ address: 1, scbk: keyA }], [{ ...readers[0]!, scbk: keyA }], { secureRetryMs: 200 });
    await eventually('secure channel', () => latest(readings, 'osdp:1:secure') === true);
    sim.misbehave(1, { plainRepliesInSecureChannel: true });
    await eventually('the Secure Channel fault', () => alarms.find((a) => a.eventCode === 'osdp.secureChannel'), 3000);
    const from = traffic.length;
    await eventually('two more handshakes', () => traffic.slice(from).filter((r) => r.direction === 'tx' && r.summary.includes('SCRYPT')).length >= 2, 4000);
    expect(alarms.filter((a) => a.eventCode === 'osdp.secureChannel').map((a) => a.state)).toEqual(['raised']);
    sim.misbehave(1, {});
    await eventually('restored once sealed replies verify', () => alarms.find((a) => a.eventCode === 'osdp.secureChannel' && a.state === 'restored'), 3000);
  });

  it('keeps measuring the link through the secure-retry back-off: an unplugged PD is offline within the offline time', async () => {
    const { sim, alarms } = await bus([{ address: 1, scbk: keyA }], [{ ...readers[0]!, scbk: keyB }]);
    await eventually('secure channel alarm', () => alarms.find((a) => a.eventCode === 'osdp.secureChannel'));
    sim.offline(1, true);
    await eventually('link lost', () => alarms.find((a) => a.conditionKey === 'osdp:1:link' && a.state === 'raised'), timing.offlineAfterMs + 1500);
  });
});
