// The sync indicator reads right: the link, what waits, what is parked, in colour; "offline since" in local time.
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SyncItem, SyncStatus } from '../../../../shared/contract';
import { syncEn, syncZh } from '../../../../renderer/src/sync/i18n';
import { drainPercent, indicatorWords, offlineSinceTime, queueByRecord, recordPath, syncIndicatorView } from '../../../../renderer/src/sync/sync-format';

const none = { incident: 0, defect: 0, maintenance: 0 };
const idle: SyncStatus = { state: 'connected', offlineSince: null, lastError: null, waiting: 0, waitingIncidents: 0, waitingRecords: none, parked: 0, lastSuccessAt: null, draining: null, nextAttemptAt: null };
/** Waiting records of each kind (the incidents' count mirrored as the core does). */
const waitingFor = (waiting: number, records: Partial<typeof none>): Partial<SyncStatus> => ({ waiting, waitingIncidents: records.incident ?? 0, waitingRecords: { ...none, ...records } });

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ lng: 'zh-CN', resources: { 'zh-CN': { sync: syncZh }, en: { sync: syncEn } }, interpolation: { escapeValue: false }, showSupportNotice: false });
});
const words = (status: Partial<SyncStatus>, language: 'zh-CN' | 'en') =>
  indicatorWords(syncIndicatorView({ ...idle, state: 'offline', ...status }, Date.now(), language === 'en'), i18n.getFixedT(language, 'sync')).slice(1).join(' · ');
const at = (text: string) => dayjs(text).valueOf();

describe('the sync indicator', () => {
  it('is green and says connected when nothing waits', () => {
    expect(syncIndicatorView(idle, Date.now(), false)).toEqual({ tone: 'normal', phrases: [{ key: 'connected' }] });
  });

  it('says offline since the local time it went down, and how many wait, in orange', () => {
    const view = syncIndicatorView({ ...idle, state: 'offline', offlineSince: at('2026-12-07T14:03:00'), ...waitingFor(1, { incident: 1 }) }, at('2026-12-07T15:00:00'), false);
    expect(view.tone).toBe('warning');
    expect(view.phrases).toEqual([{ key: 'offlineSince', params: { time: '14:03' } }, { key: 'waiting', records: [{ kind: 'incident', count: 1 }] }]);
    expect(indicatorWords(view, i18n.getFixedT('zh-CN', 'sync'))).toEqual(['离线 · 自 14:03 起', '1 起故障待上传']);
  });

  it('counts incidents, as a person does, and says the changes when there are more of them', () => {
    // A report with a linked device: the ticket and the device-link note.
    expect(words(waitingFor(2, { incident: 1 }), 'zh-CN')).toBe('1 起故障待上传(2 项变更)');
    expect(words(waitingFor(2, { incident: 1 }), 'en')).toBe('1 incident waiting (2 changes)');
    expect(words(waitingFor(3, { incident: 3 }), 'zh-CN')).toBe('3 起故障待上传');
    expect(words(waitingFor(3, { incident: 3 }), 'en')).toBe('3 incidents waiting');
  });

  it('names each kind of record that waits, never a defect or a maintenance record as an incident', () => {
    expect(words(waitingFor(1, { defect: 1 }), 'zh-CN')).toBe('1 条缺陷待上传');
    expect(words(waitingFor(1, { defect: 1 }), 'en')).toBe('1 defect waiting');
    expect(words(waitingFor(1, { maintenance: 1 }), 'zh-CN')).toBe('1 份维保记录待上传');
    expect(words(waitingFor(2, { incident: 1, defect: 1 }), 'zh-CN')).toBe('1 起故障、1 条缺陷待上传');
    expect(words(waitingFor(2, { incident: 1, defect: 1 }), 'en')).toBe('1 incident, 1 defect waiting');
    expect(words(waitingFor(7, { incident: 2, defect: 1, maintenance: 2 }), 'zh-CN')).toBe('2 起故障、1 条缺陷、2 份维保记录待上传(7 项变更)');
    expect(words(waitingFor(7, { incident: 2, defect: 1, maintenance: 2 }), 'en')).toBe('2 incidents, 1 defect, 2 maintenance records waiting (7 changes)');
  });

  it('turns red with the parked count, even while connected', () => {
    const view = syncIndicatorView({ ...idle, ...waitingFor(3, { incident: 2 }), parked: 2 }, Date.now(), true);
    expect(view.tone).toBe('alarm');
    expect(view.phrases.map((p) => p.key)).toEqual(['connected', 'waitingChanges', 'parked']);
    expect(view.phrases[2]?.params).toEqual({ count: 2 });
  });

  it('shows the drain’s progress instead of the waiting count while connected and draining, in blue', () => {
    const view = syncIndicatorView({ ...idle, waiting: 40, draining: { done: 60, total: 100 } }, Date.now(), false);
    expect(view.tone).toBe('busy');
    expect(view.phrases[1]).toEqual({ key: 'draining', params: { done: 60, total: 100 } });
  });

  it('is red when the key was refused, and orange when sync is off with items waiting', () => {
    expect(syncIndicatorView({ ...idle, state: 'key_refused', waiting: 5 }, Date.now(), false).tone).toBe('alarm');
    expect(syncIndicatorView({ ...idle, state: 'disabled', waiting: 5 }, Date.now(), false).tone).toBe('warning');
    expect(syncIndicatorView({ ...idle, state: 'not_configured' }, Date.now(), false)).toEqual({ tone: 'muted', phrases: [{ key: 'not_configured' }] });
  });

  it('says plain offline when the core does not know since when', () => {
    expect(syncIndicatorView({ ...idle, state: 'offline' }, Date.now(), false).phrases).toEqual([{ key: 'offline' }]);
  });
});

describe('offline since', () => {
  const now = at('2026-12-07T09:30:00');
  it('is the time alone today', () => {
    expect(offlineSinceTime(at('2026-12-07T00:05:00'), now, false)).toBe('00:05');
    expect(offlineSinceTime(at('2026-12-07T00:05:00'), now, true)).toBe('00:05');
  });
  it('carries the day from yesterday on, and the year from last year on', () => {
    expect(offlineSinceTime(at('2026-12-06T23:50:00'), now, false)).toBe('12月6日 23:50');
    expect(offlineSinceTime(at('2026-12-06T23:50:00'), now, true)).toBe('Dec 6 23:50');
    expect(offlineSinceTime(at('2025-12-31T23:50:00'), now, false)).toBe('2025年12月31日 23:50');
    expect(offlineSinceTime(at('2025-12-31T23:50:00'), now, true)).toBe('2025-12-31 23:50');
  });
});

describe('the drain’s progress', () => {
  it('is a whole percent within 0–100', () => {
    expect(drainPercent({ done: 1, total: 3 })).toBe(33);
    expect(drainPercent({ done: 5, total: 3 })).toBe(100);
    expect(drainPercent({ done: 0, total: 0 })).toBe(100);
  });
});

describe('the queue by record', () => {
  const item = (seq: number, recordId: string, recordKind: SyncItem['recordKind'] = 'incident', ticketId: number | null = null): SyncItem => ({
    entryId: `e${seq}`,
    seq,
    type: recordKind === 'defect' ? 'defect.replied' : 'incident.note_added',
    kind: 'note',
    recordKind,
    recordId,
    recordNumber: `${recordKind === 'defect' ? 'QX' : 'GZ'}-${recordId}`,
    ticketId,
    incidentId: recordKind === 'incident' ? recordId : '',
    incidentNumber: recordKind === 'incident' ? `GZ-${recordId}` : '',
    at: seq,
    operator: 'op',
    state: 'waiting',
    attempts: 0,
    nextAttemptAt: null,
    lastError: null,
    parkedReason: null,
    parkedAt: null,
  });
  it('keeps records in the order their oldest item waits and each record’s items in order, a defect apart from an incident', () => {
    const groups = queueByRecord([item(1, 'b'), item(2, 'a'), item(4, 'b'), item(3, 'b'), item(5, 'a', 'defect', 12)]);
    expect(groups.map((g) => [g.recordNumber, g.ticketId, g.items.map((i) => i.seq)])).toEqual([
      ['GZ-b', null, [1, 3, 4]],
      ['GZ-a', null, [2]],
      ['QX-a', 12, [5]],
    ]);
  });
  it('links each record to its page', () => {
    expect([recordPath('incident', 'i1'), recordPath('defect', 'd1'), recordPath('maintenance', 't1')]).toEqual(['/incidents/i1', '/problems/defects/d1', '/maintenance/tasks/t1']);
  });
});
