// What the service center did, pulled by the sync, reads on the incident's timeline with its author and an upstream
// marker; a status the console did not apply says why.
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../../../shared/contract';
import { incidentsEn, incidentsZh } from '../../../../renderer/src/incidents/i18n';
import { timelineLine } from '../../../../renderer/src/incidents/timeline-entry';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ lng: 'zh-CN', resources: { 'zh-CN': { incidents: incidentsZh }, en: { incidents: incidentsEn } }, interpolation: { escapeValue: false }, showSupportNotice: false });
});

const entry = (type: string, payload: unknown, operator = 'upstream:李工'): JournalEntry => ({
  id: 'e1',
  seq: 1,
  at: 0,
  type,
  operator,
  payload,
  entityType: 'incident',
  entityId: 'i1',
  prevHash: '',
  hash: '',
});

describe('upstream entries on the timeline', () => {
  it('shows a service center note with its text and the upstream author', () => {
    const line = timelineLine(entry('incident.upstream_note', { text: '已派人前往', author: '李工', ticketId: 7 }), i18n.getFixedT('zh-CN', 'incidents'));
    expect(line.title).toBe('服务中心备注');
    expect(line.upstream).toEqual({ author: '李工' });
    expect(line.details).toEqual([{ label: '内容', value: '已派人前往' }]);
  });

  it('names the assignee', () => {
    const line = timelineLine(entry('incident.upstream_assigned', { assignee: 'Wang Wei', author: 'Li' }), i18n.getFixedT('en', 'incidents'), true);
    expect(line.title).toBe('Service center assigned it to Wang Wei');
    expect(line.upstream).toEqual({ author: 'Li' });
  });

  it('says what a status change did here: applied, or why not', () => {
    const zh = i18n.getFixedT('zh-CN', 'incidents');
    const applied = timelineLine(entry('incident.upstream_status', { status: 'In Progress', author: '李工', applied: 'responded', notAppliedReason: null }), zh);
    expect(applied.title).toBe('服务中心把工单状态改为“In Progress”');
    expect(applied.details).toEqual([{ label: '', value: '本地已据此记为:已响应' }]);
    const refused = timelineLine(entry('incident.upstream_status', { status: 'Closed', author: '李工', applied: null, notAppliedReason: 'lifecycle_does_not_allow' }), zh);
    expect(refused.details).toEqual([{ label: '', value: '本地未采用:故障当前的状态不允许这一步' }]);
  });

  it('takes the author from the operator when the payload has none, and marks nothing local as upstream', () => {
    const zh = i18n.getFixedT('zh-CN', 'incidents');
    expect(timelineLine(entry('incident.upstream_note', { text: 'x' }, 'upstream:Zhao'), zh).upstream).toEqual({ author: 'Zhao' });
    expect(timelineLine(entry('incident.note_added', { note: 'x' }, 'admin'), zh).upstream).toBeNull();
  });

  it('shows a supervisor skipping a refused item with the comment, under the supervisor, not upstream', () => {
    const line = timelineLine(entry('sync.item_skipped', { entryId: 'e9', entryType: 'incident.note_added', comment: '项目已删除,不再上传', reason: { code: 'sync_refused' } }, 'lead1'), i18n.getFixedT('zh-CN', 'incidents'));
    expect(line.title).toBe('跳过上传被上游拒绝的记录');
    expect(line.details).toEqual([{ label: '说明', value: '项目已删除,不再上传' }]);
    expect(line.upstream).toBeNull();
  });
});
