import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../../shared/contract/app-error';
import type { DeviceAlarm } from '../../../../../electron/core/devices/driver-session';
import type { ContactIdEventInput } from '../../../../../electron/core/devices/contact-id/encoder';
import { encodeMessage } from '../../../../../electron/core/devices/contact-id/encoder';
import { eventually, sleep } from '../../../../support/eventually';
import { receiverLinkPerTest } from './receiver-link';

const open = receiverLinkPerTest();

describe('Contact ID receiver session over a serial line', () => {
  it('ACKs the receiver only after the event is committed', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { simulator, committed, offered, traffic } = await open({ commit: () => gate });
    const sending = simulator.fireAlarm('1234', 3);
    await eventually('the event offered', () => offered.length === 1);
    const heldFrom = Date.now();
    await sleep(400);
    expect(simulator.stats().acks).toBe(0);
    expect(traffic.filter((record) => record.direction === 'tx')).toEqual([]);
    const releasedAt = Date.now();
    release();
    expect(await sending).toBe(1);
    expect(simulator.stats()).toMatchObject({ acks: 1, naks: 0, retransmissions: 0 });
    expect(committed).toHaveLength(1);
    // The receiver may read the ACK before the write's drain resolves and the traffic records it.
    const tx = await eventually('the ACK in the traffic', () => traffic.find((record) => record.direction === 'tx'));
    const [rx] = traffic;
    expect(rx).toMatchObject({ direction: 'rx', ok: true });
    // An event's line is described from its bytes when the monitor reads it.
    expect(rx?.describe?.(rx.bytes)).toContain('E 110 Fire / 火警, account 1234, group 01, zone 003');
    expect(tx).toMatchObject({ direction: 'tx', ok: true, bytes: Uint8Array.of(0x06) });
    // The answer waited for the commit (not 400 exactly: a timer may fire a little early by the wall clock).
    expect(tx?.latencyMs).toBeGreaterThanOrEqual(releasedAt - heldFrom);
  });

  it('reports an event as an alarm keyed by account, code, group and zone, with its place and text', async () => {
    const { simulator, committed } = await open();
    await simulator.sendEvent({ account: '1234', qualifier: 'E', code: 121, group: 1, zone: 7 });
    expect(committed[0]).toMatchObject({
      conditionKey: 'cid:1234:121:01:007',
      state: 'raised',
      eventCode: 'cid.121',
      severity: 'critical',
      text: { zh: '胁迫报警', en: 'Duress' },
      point: '账号 1234 / 分区 01 / 用户 007',
      detail: { account: '1234', group: '01', user: '007', receiver: '01', line: '1', qualifier: 'E', meaning: 'new' },
    });
    expect(committed[0]?.at).toBeGreaterThan(0);
  });

  it('clears a raise with its restore under the same condition key, and reports status as status', async () => {
    const { simulator, committed } = await open();
    await simulator.fireAlarm('1234', 3);
    await simulator.restore('1234', 3);
    await simulator.sendEvent({ account: '1234', qualifier: 'P', code: 110, group: 1, zone: 3 });
    expect(committed.map((alarm) => [alarm.conditionKey, alarm.state])).toEqual([
      ['cid:1234:110:01:003', 'raised'],
      ['cid:1234:110:01:003', 'restored'],
      ['cid:1234:110:01:003', 'status'],
    ]);
  });

  it('NAKs an event it could not commit, and commits the receiver’s retransmission', async () => {
    let failures = 1;
    const { simulator, committed, traffic } = await open({
      commit: async () => {
        if (failures-- > 0) throw new AppError('db.busy', 'db.busy');
      },
    });
    expect(await simulator.fireAlarm('1234', 3)).toBe(2);
    expect(simulator.stats()).toMatchObject({ naks: 1, acks: 1, retransmissions: 1 });
    expect(committed.map((alarm) => alarm.conditionKey)).toEqual(['cid:1234:110:01:003']);
    expect(traffic.find((record) => record.direction === 'tx' && record.bytes[0] === 0x15)?.summary).toContain('commit failed: db.busy');
  });

  it('hands in a pipelined burst of 2,000 events in order, none lost or doubled', async () => {
    let calls = 0;
    const { simulator, committed, offered } = await open({
      // An uneven commit time, as a journal write has.
      commit: async () => {
        calls += 1;
        if (calls % 7 === 0) await new Promise((resolve) => setImmediate(resolve));
      },
    });
    const events: ContactIdEventInput[] = Array.from({ length: 2000 }, (_, index) => ({
      account: String(1000 + (index % 7)),
      qualifier: index % 3 === 0 ? 'R' : 'E',
      code: 130,
      group: 1 + Math.floor(index / 1000),
      zone: index % 1000,
    }));
    const result = await simulator.burst(events, 'pipelined');
    expect(result).toMatchObject({ delivered: 2000, retransmissions: 0 });
    const expected = events.map((event) => `cid:${String(event.account)}:130:0${String(event.group)}:${String(event.zone).padStart(3, '0')}:${event.qualifier}`);
    const key = (alarm: DeviceAlarm) => `${alarm.conditionKey}:${alarm.state === 'raised' ? 'E' : 'R'}`;
    // Queued events are handed in together (the device layer commits them in order, in one transaction); this
    // stand-in commit settles out of order, so order is checked where they are handed in.
    expect(offered.map(key)).toEqual(expected);
    expect(committed.map(key).sort()).toEqual([...expected].sort());
    expect(simulator.stats()).toMatchObject({ acks: 2000, naks: 0 });
  });

  it('answers a pipelined burst in order when one event in the middle is not committed: that one NAKed and resent', async () => {
    let refused = 0;
    const { simulator, committed, traffic } = await open({
      commit: async (alarm) => {
        if (alarm.detail['zone'] === '150' && refused++ === 0) throw new AppError('db.busy', 'db.busy');
      },
    });
    const events: ContactIdEventInput[] = Array.from({ length: 300 }, (_, index) => ({ account: '4321', qualifier: 'E', code: 602, group: 0, zone: index }));
    expect(await simulator.burst(events, 'pipelined')).toMatchObject({ delivered: 300, retransmissions: 1 });
    expect(simulator.stats()).toMatchObject({ acks: 300, naks: 1 });
    const zones = committed.map((alarm) => alarm.detail['zone']);
    expect(zones).toHaveLength(300);
    expect(new Set(zones).size).toBe(300);
    // Every reply is in the traffic monitor, in the order of the events it answers.
    // The receiver can read the last ACK before the console's write has returned and logged it.
    await eventually('301 replies sent', () => traffic.filter((record) => record.direction === 'tx').length >= 301);
    const replies = traffic.filter((record) => record.direction === 'tx');
    expect(replies).toHaveLength(301);
    expect(replies[150]?.summary).toContain('NAK (commit failed: db.busy)');
    expect(replies.slice(0, 150).every((r) => r.summary.startsWith('ACK') && r.ok)).toBe(true);
    expect(replies[151]?.summary).toMatch(/^ACK cid.602 cid:4321:602:00:151$/);
    expect(replies[300]?.summary).toMatch(/^ACK cid.602 cid:4321:602:00:150$/);
  });

  it('ingests a burst sent the way a receiver does, each event after the last one’s ACK', async () => {
    const { simulator, committed } = await open();
    const events: ContactIdEventInput[] = Array.from({ length: 300 }, (_, index) => ({ account: '4321', qualifier: 'E', code: 602, group: 0, zone: index }));
    expect(await simulator.burst(events)).toMatchObject({ delivered: 300, retransmissions: 0 });
    expect(committed.map((alarm) => alarm.detail['zone'])).toEqual(events.map((event) => String(event.zone).padStart(3, '0')));
  });

  it('ACKs heartbeats and other messages at once and shows them in the traffic', async () => {
    const { simulator, committed, traffic } = await open();
    expect(await simulator.heartbeat()).toBe(true);
    await simulator.garbage(encodeMessage('3011    001234NA0001'));
    await eventually('two ACKs', () => simulator.stats().acks === 2);
    expect(committed).toEqual([]);
    const rx = traffic.filter((record) => record.direction === 'rx');
    expect(rx.map((record) => [record.summary, record.ok])).toEqual([
      ['heartbeat, receiver 01 line 1', true],
      ['other message "3011    001234NA0001"', true],
    ]);
  });

  it('NAKs garbage and goes on with the next event', async () => {
    const { simulator, committed, traffic } = await open();
    await simulator.garbage(Uint8Array.of(0x00, 0xff, 0x35, 0x31, 0x14));
    await eventually('one NAK', () => simulator.stats().naks === 1);
    expect(traffic.at(-2)).toMatchObject({ direction: 'rx', ok: false });
    await simulator.garbage(Uint8Array.from([...encodeMessage('5011 18XXXXE11001003')]));
    await eventually('two NAKs', () => simulator.stats().naks === 2);
    expect(await simulator.fireAlarm('1234', 3)).toBe(1);
    expect(committed.map((alarm) => alarm.conditionKey)).toEqual(['cid:1234:110:01:003']);
  });

  it('NAKs overlong noise without a DC4 and takes the event the receiver resends after it', async () => {
    const { simulator, committed } = await open({ maxMessageBytes: 64, ackTimeoutMs: 400 });
    await simulator.garbage(new Uint8Array(1000).fill(0x41));
    await eventually('one NAK', () => simulator.stats().naks === 1);
    // The decoder drops the rest of the overlong message up to its DC4, which here ends the first send.
    expect(await simulator.fireAlarm('1234', 3)).toBe(2);
    expect(committed.map((alarm) => alarm.conditionKey)).toEqual(['cid:1234:110:01:003']);
  });

  it('raises link.lost after heartbeatTimeoutMs of silence and restores it on the next heartbeat', async () => {
    const { simulator, committed, session } = await open({ heartbeatTimeoutMs: 400 });
    expect(await simulator.heartbeat()).toBe(true);
    await eventually('the event committed', () => committed.length === 1, 3000);
    expect(committed[0]).toMatchObject({ conditionKey: 'link', state: 'raised', eventCode: 'link.lost', severity: 'major' });
    expect(committed[0]?.detail['silentMs']).toBeGreaterThanOrEqual(400);
    await sleep(600);
    expect(committed).toHaveLength(1);
    expect(await session.runTestCommand('link-check', {})).toMatch(/^link LOST: last message [0-9.]+ s ago, last heartbeat/);
    expect(await simulator.heartbeat()).toBe(true);
    expect(committed.map((alarm) => [alarm.conditionKey, alarm.state])).toEqual([
      ['link', 'raised'],
      ['link', 'restored'],
    ]);
    expect(committed[1]?.detail['downMs']).toBeGreaterThanOrEqual(600);
    expect(await session.runTestCommand('link-check', {})).toMatch(/^link up: last message 0\.[0-9] s ago/);
  });

  it('keeps the link up while heartbeats keep coming', async () => {
    const { simulator, committed } = await open({ heartbeatTimeoutMs: 600 });
    simulator.startHeartbeats(100);
    await sleep(1500);
    simulator.stopHeartbeats();
    expect(simulator.stats().acks).toBeGreaterThanOrEqual(8);
    expect(committed).toEqual([]);
  });

  it('offers only the link check, and refuses unknown commands and arguments with a clear error', async () => {
    const { session } = await open();
    expect(session.testCommands()).toEqual([{ id: 'link-check', label: { zh: '检查接警机链路', en: 'Check receiver link' }, dangerous: false, params: {} }]);
    expect(await session.runTestCommand('link-check', {})).toMatch(/^link up: no message since start [0-9.]+ s ago, no heartbeat yet/);
    await expect(session.runTestCommand('reboot', {})).rejects.toMatchObject({ code: 'devices.contactId.unknownCommand' });
    await expect(session.runTestCommand('link-check', { force: true })).rejects.toMatchObject({ code: 'devices.contactId.badParams' });
  });
});
