import { describe, expect, it } from 'vitest';
import { sleep } from '../../../../support/eventually';
import type { DeviceAlarm, SessionHandlers } from '../../../../../electron/core/devices/driver-session';
import { createConditionStates } from '../../../../../electron/core/devices/session/condition-states';
import { createLinkWatch, linkLostAlarm } from '../../../../../electron/core/devices/session/link-watch';

const text = { lost: { zh: '通信中断', en: 'Link lost' }, restored: { zh: '通信恢复', en: 'Link restored' } };

function watchOn(options: { lostAfterMs: number; left?: boolean }) {
  let at = 1000;
  const committed: DeviceAlarm[] = [];
  const handlers: SessionHandlers = {
    alarm: async (alarm) => void committed.push(alarm),
    reading: () => undefined,
    traffic: () => undefined,
    leftActive: (key) => options.left === true && key === 'link',
  };
  const link = createLinkWatch({ conditions: createConditionStates(handlers), now: () => at, lostAfterMs: options.lostAfterMs, alarm: linkLostAlarm('link', text) });
  return { link, committed, advance: (ms: number) => void (at += ms) };
}

describe('link watch', () => {
  it('loses the link once the device has been silent for the limit, once, and restores it when heard again', async () => {
    const { link, committed, advance } = watchOn({ lostAfterMs: 500 });
    advance(499);
    await link.checkSilence();
    expect(committed).toEqual([]);
    advance(1);
    await link.checkSilence({ lastOutcome: 'noReply' });
    await link.checkSilence();
    expect(committed.map((a) => [a.state, a.eventCode, a.text.en, a.detail])).toEqual([['raised', 'link.lost', 'Link lost', { silentForMs: 500, lastOutcome: 'noReply' }]]);
    link.heard();
    expect(link.silentForMs()).toBe(0);
    await link.restore();
    await link.restore();
    expect(committed.map((a) => a.state)).toEqual(['raised', 'restored']);
    expect(link.lost).toBe(false);
  });

  it('restores a link an earlier session left lost, without raising it again', async () => {
    const { link, committed, advance } = watchOn({ lostAfterMs: 500, left: true });
    expect(link.lost).toBe(true);
    advance(600);
    await link.checkSilence();
    expect(committed).toEqual([]);
    await link.restore({ reason: 'valid reply' });
    expect(committed.map((a) => [a.state, a.detail])).toEqual([['restored', { reason: 'valid reply' }]]);
  });

  it('calls out a silence with one timer, waiting out the rest of it when something came meanwhile', async () => {
    const committed: DeviceAlarm[] = [];
    const handlers: SessionHandlers = { alarm: async (a) => void committed.push(a), reading: () => undefined, traffic: () => undefined };
    const link = createLinkWatch({ conditions: createConditionStates(handlers), now: Date.now, lostAfterMs: 80, alarm: linkLostAlarm('link', text) });
    const silences: number[] = [];
    const startedAt = Date.now();
    link.watchSilence(() => silences.push(Date.now() - startedAt));
    await sleep(50);
    link.heard();
    await sleep(60);
    expect(silences).toEqual([]);
    await sleep(60);
    expect(silences).toHaveLength(1);
    expect(silences[0]).toBeGreaterThanOrEqual(125);
    link.heard();
    link.stopWatching();
    await sleep(120);
    expect(silences).toHaveLength(1);
  });
});
