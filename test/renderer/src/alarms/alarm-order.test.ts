import { describe, expect, it } from 'vitest';
import { alarmSoundMode, bannerOrder, needsAcknowledgement, severityForeground } from '../../../../renderer/src/alarms/alarm-order';
import type { Alarm } from '../../../../shared/contract/alarms';

type Row = Pick<Alarm, 'id' | 'severity' | 'raisedAt' | 'state' | 'acknowledgedAt'>;
const row = (id: string, severity: Alarm['severity'], raisedAt: number, extra: Partial<Row> = {}): Row => ({
  id,
  severity,
  raisedAt,
  state: 'active',
  acknowledgedAt: null,
  ...extra,
});

describe('the live alarm banner order', () => {
  it('puts the most severe first and, within a severity, the newest', () => {
    const rows = [row('minor-new', 'minor', 300), row('crit-old', 'critical', 100), row('major', 'major', 200), row('crit-new', 'critical', 250)];
    expect(bannerOrder(rows).map((r) => r.id)).toEqual(['crit-new', 'crit-old', 'major', 'minor-new']);
  });

  it('puts alarms still waiting for acknowledgement before acknowledged ones, even less severe', () => {
    const rows = [row('fire-acked', 'critical', 500, { acknowledgedAt: 600 }), row('ac-loss', 'minor', 100)];
    expect(bannerOrder(rows).map((r) => r.id)).toEqual(['ac-loss', 'fire-acked']);
  });

  it('orders ties by id so two refreshes never swap rows', () => {
    const a = row('b', 'major', 100);
    const b = row('a', 'major', 100);
    expect(bannerOrder([a, b]).map((r) => r.id)).toEqual(['a', 'b']);
    expect(bannerOrder([b, a]).map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('does not reorder the list it was given', () => {
    const rows = [row('x', 'info', 1), row('y', 'critical', 2)];
    bannerOrder(rows);
    expect(rows.map((r) => r.id)).toEqual(['x', 'y']);
  });

  it('asks for acknowledgement of restored alarms too, never of status reports', () => {
    expect(needsAcknowledgement({ state: 'restored', acknowledgedAt: null })).toBe(true);
    expect(needsAcknowledgement({ state: 'status', acknowledgedAt: null })).toBe(false);
    expect(needsAcknowledgement({ state: 'active', acknowledgedAt: 5 })).toBe(false);
  });
});

describe('the alarm sound', () => {
  it('is urgent while a critical active alarm waits for acknowledgement', () => {
    expect(alarmSoundMode([row('ups', 'major', 1), row('fire', 'critical', 2)], false)).toBe('urgent');
  });

  it('is the normal beep when only less severe alarms wait', () => {
    expect(alarmSoundMode([row('ups', 'major', 1), row('fire', 'critical', 2, { acknowledgedAt: 3 })], false)).toBe('normal');
  });

  it('stops once every active alarm is acknowledged, and for restored ones', () => {
    expect(alarmSoundMode([row('fire', 'critical', 2, { acknowledgedAt: 3 }), row('ac', 'major', 1, { state: 'restored' })], false)).toBe('off');
    expect(alarmSoundMode([], false)).toBe('off');
  });

  it('is silent while the console is muted', () => {
    expect(alarmSoundMode([row('fire', 'critical', 2)], true)).toBe('off');
  });
});

describe('severity colours', () => {
  it('writes black on the yellow of a minor alarm and white on the others', () => {
    expect(severityForeground('minor')).toBe('#000');
    expect(['critical', 'major', 'info'].map((s) => severityForeground(s as Alarm['severity']))).toEqual(['#fff', '#fff', '#fff']);
  });
});
