import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsoleSettings } from '../../../../shared/contract';
import { defaultHotlineSettings, hotlineAt } from '../../../../shared/domain/operators/hotline-schedule';
import { startTempCore, type TempCore } from '../../../support/temp-core';

/** Epoch ms of a wall-clock time in Shanghai (UTC+8, no daylight saving). */
const shanghai = (date: string, time: string) => Date.parse(`${date}T${time}:00+08:00`);
const hotline = { ...defaultHotlineSettings, staffedNumber: '400-800-1234', mobileNumber: '138-0000-1111' };

describe('which hotline to call now', () => {
  it('switches to the staffed line at 08:30 and back to the mobile line at 17:30 on a working day', () => {
    // 2026-01-05 is a Monday.
    expect(hotlineAt(hotline, shanghai('2026-01-05', '08:29'))).toMatchObject({ kind: 'mobile_7x24', number: '138-0000-1111', reason: '非工作时间' });
    expect(hotlineAt(hotline, shanghai('2026-01-05', '08:30'))).toMatchObject({ kind: 'staffed_5x8', number: '400-800-1234', reason: '工作时间' });
    expect(hotlineAt(hotline, shanghai('2026-01-05', '17:29'))).toMatchObject({ kind: 'staffed_5x8' });
    expect(hotlineAt(hotline, shanghai('2026-01-05', '17:30'))).toMatchObject({ kind: 'mobile_7x24', reason: '非工作时间' });
  });

  it('gives the mobile line all weekend, and the staffed line again on Monday morning', () => {
    expect(hotlineAt(hotline, shanghai('2026-01-09', '10:00'))).toMatchObject({ kind: 'staffed_5x8' }); // Friday
    expect(hotlineAt(hotline, shanghai('2026-01-10', '10:00'))).toMatchObject({ kind: 'mobile_7x24' }); // Saturday
    expect(hotlineAt(hotline, shanghai('2026-01-11', '10:00'))).toMatchObject({ kind: 'mobile_7x24' }); // Sunday
    expect(hotlineAt(hotline, shanghai('2026-01-12', '10:00'))).toMatchObject({ kind: 'staffed_5x8' }); // Monday
  });

  it('reads working hours in the site\'s time zone, not UTC', () => {
    // 01:00 UTC on a Monday is 09:00 in Shanghai.
    const at = Date.UTC(2026, 0, 5, 1, 0);
    expect(hotlineAt(hotline, at).kind).toBe('staffed_5x8');
    expect(hotlineAt({ ...hotline, timeZone: 'Europe/London' }, at).kind).toBe('mobile_7x24');
  });
});

describe('hotline settings in the core', () => {
  let t: TempCore;
  let now: number;
  beforeEach(async () => {
    now = shanghai('2026-01-05', '08:29');
    t = await startTempCore({ clock: { now: () => now }, slaWatchIntervalMs: 0 });
  });
  afterEach(async () => {
    await t.close();
  });

  it('defaults to Monday–Friday 08:30–17:30 and a 10-minute idle lock', async () => {
    expect(await t.call('settings.get', {})).toEqual({ hotline: defaultHotlineSettings, idleLockMinutes: 10 });
  });

  it('answers settings.hotlineNow at the core\'s clock with what the administrator set, and journals the change', async () => {
    const settings: ConsoleSettings = { hotline: { ...hotline, workStart: '09:00', workEnd: '18:00' }, idleLockMinutes: 5 };
    expect(await t.call('settings.set', settings)).toEqual(settings);
    expect(await t.call('settings.get', {})).toEqual(settings);
    expect(await t.call('settings.hotlineNow', {})).toEqual({ kind: 'mobile_7x24', number: '138-0000-1111', reason: '非工作时间', at: now });
    now = shanghai('2026-01-05', '09:00');
    expect(await t.call('settings.hotlineNow', {})).toMatchObject({ kind: 'staffed_5x8', number: '400-800-1234', reason: '工作时间' });
    const [entry] = await t.call('journal.list', { entityType: 'settings', limit: 5 });
    expect(entry).toMatchObject({ type: 'settings.changed', operator: 'tester', payload: { idleLockMinutes: { from: 10, to: 5 } } });
  });

  it('refuses working hours that end before they start, and an unknown time zone', async () => {
    const bad = await t.core.call('settings.set', { hotline: { ...hotline, workStart: '18:00', workEnd: '09:00' }, idleLockMinutes: 10 }, { operator: 'x' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const zone = await t.core.call('settings.set', { hotline: { ...hotline, timeZone: 'Mars/Olympus' }, idleLockMinutes: 10 }, { operator: 'x' });
    expect(zone).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
