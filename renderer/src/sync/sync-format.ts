// How the sync's state reads to a person: the header's words and colour, "offline since" in local time, the drain's
// progress, the queue grouped by record. Pure: the components turn the phrases into words with i18n.
import dayjs from 'dayjs';
import { type SyncItem, type SyncRecordKind, type SyncStatus, syncRecordKinds } from '../../../shared/contract';

/** normal = green (connected, nothing waiting), busy = blue (sending), warning = orange (offline / not sending), alarm = red (parked, key refused), muted = grey. */
export type SyncTone = 'normal' | 'busy' | 'warning' | 'alarm' | 'muted';

/** One phrase of the indicator: an i18n key under `sync:indicator.` and its values. */
export interface SyncPhrase {
  key: 'not_configured' | 'disabled' | 'connected' | 'offline' | 'offlineSince' | 'key_refused' | 'waiting' | 'waitingChanges' | 'waitingItems' | 'parked' | 'draining';
  params?: Record<string, string | number>;
  /** What waits, per kind of record ("1 起故障", "1 条缺陷"): said as a list into the phrase's `records`. */
  records?: { kind: SyncRecordKind; count: number }[];
}

export interface SyncIndicatorView {
  tone: SyncTone;
  phrases: SyncPhrase[];
}

/** "14:03" today, "12月6日 14:03" / "Dec 6 14:03" this year, with the year before that: the machine's local time. */
export function offlineSinceTime(at: number, now: number, english: boolean): string {
  const time = dayjs(at).locale(english ? 'en' : 'zh-cn');
  if (time.isSame(now, 'day')) return time.format('HH:mm');
  if (time.isSame(now, 'year')) return time.format(english ? 'MMM D HH:mm' : 'M月D日 HH:mm');
  return time.format(english ? 'YYYY-MM-DD HH:mm' : 'YYYY年M月D日 HH:mm');
}

function linkPhrase(status: SyncStatus, now: number, english: boolean): SyncPhrase {
  if (status.state === 'offline') {
    return status.offlineSince === null ? { key: 'offline' } : { key: 'offlineSince', params: { time: offlineSinceTime(status.offlineSince, now, english) } };
  }
  return { key: status.state };
}

function toneOf(status: SyncStatus): SyncTone {
  if (status.parked > 0 || status.state === 'key_refused') return 'alarm';
  const pending = status.waiting > 0 || status.draining !== null;
  if (status.state === 'offline') return 'warning';
  if (status.state === 'connected') return pending ? 'busy' : 'normal';
  // Not set up or switched off: grey, unless something waits that will not go up until it is.
  return pending ? 'warning' : 'muted';
}

/** The header's indicator: the link, then what waits (or the drain's progress), then what is parked. */
export function syncIndicatorView(status: SyncStatus, now: number, english: boolean): SyncIndicatorView {
  const phrases: SyncPhrase[] = [linkPhrase(status, now, english)];
  if (status.draining && status.state === 'connected') phrases.push({ key: 'draining', params: { done: status.draining.done, total: status.draining.total } });
  else if (status.waiting > 0) {
    // A person counts records, each by its kind ("1 incident, 1 defect waiting"); the changes are said too when
    // there are more of them than records.
    const records = syncRecordKinds.map((kind) => ({ kind, count: status.waitingRecords[kind] })).filter((r) => r.count > 0);
    const counted = records.reduce((sum, r) => sum + r.count, 0);
    if (counted === 0) phrases.push({ key: 'waitingItems', params: { count: status.waiting } });
    else phrases.push(status.waiting > counted ? { key: 'waitingChanges', params: { changes: status.waiting }, records } : { key: 'waiting', records });
  }
  if (status.parked > 0) phrases.push({ key: 'parked', params: { count: status.parked } });
  return { tone: toneOf(status), phrases };
}

/** The i18n lookup the words are made with (react-i18next's `t` on the `sync` namespace). */
export type SyncTranslate = (key: string, params?: Record<string, string | number>) => string;

/** The indicator's phrases in words: "离线 · 自 14:03 起", "1 起故障、1 条缺陷待上传(3 项变更)". */
export function indicatorWords(view: SyncIndicatorView, t: SyncTranslate): string[] {
  return view.phrases.map((p) => {
    const records = p.records?.map((r) => t(`indicator.records.${r.kind}`, { count: r.count })).join(t('indicator.recordSeparator'));
    return t(`indicator.${p.key}`, { ...p.params, ...(records === undefined ? {} : { records }) });
  });
}

/** Whole percent of a drain, 0–100 (an empty drain is done). */
export function drainPercent(draining: { done: number; total: number }): number {
  if (draining.total <= 0) return 100;
  return Math.min(100, Math.max(0, Math.floor((draining.done / draining.total) * 100)));
}

export interface RecordQueue {
  recordKind: SyncRecordKind;
  recordId: string;
  recordNumber: string;
  /** The record's ticket upstream, once made (later items wait to become notes on it). */
  ticketId: number | null;
  items: SyncItem[];
}

/** The queue by record, records in the order their oldest item waits, each record's items in their order. */
export function queueByRecord(items: SyncItem[]): RecordQueue[] {
  const groups = new Map<string, RecordQueue>();
  for (const item of items) {
    const key = `${item.recordKind}:${item.recordId}`;
    let group = groups.get(key);
    if (!group) {
      group = { recordKind: item.recordKind, recordId: item.recordId, recordNumber: item.recordNumber, ticketId: item.ticketId, items: [] };
      groups.set(key, group);
    }
    group.ticketId ??= item.ticketId;
    group.items.push(item);
  }
  for (const group of groups.values()) group.items.sort((a, b) => a.seq - b.seq);
  return [...groups.values()];
}

/** Where a record's page is. */
export function recordPath(kind: SyncRecordKind, id: string): string {
  if (kind === 'defect') return `/problems/defects/${id}`;
  if (kind === 'maintenance') return `/maintenance/tasks/${id}`;
  return `/incidents/${id}`;
}
