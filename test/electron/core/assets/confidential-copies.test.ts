// 保密: the customer's data leaves the machine (an export file, a label sheet, a saved attachment) only with an
// engineer or above, and every copy is journaled with who, what and how many.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../../../shared/contract';
import type { CoreSession } from '../../../../electron/core/operators/core-session';
import { startTempCore, type TempCore } from '../../../support/temp-core';
import { pageSessions } from '../../../support/page-sessions';

const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

describe('copies of the customer data that leave the console', () => {
  let t: TempCore;
  let guard: CoreSession;
  let engineer: CoreSession;
  const pages = pageSessions(() => t.core);
  const latest = async (entityType: string): Promise<JournalEntry> => (await t.call('journal.list', { entityType, limit: 1 }))[0]!;

  beforeEach(async () => {
    t = await startTempCore({ slaWatchIntervalMs: 0 });
    const admin = pages.open();
    await admin.call('auth.setup', { name: 'admin', displayName: '管理员', password: 'admin password' });
    await admin.call('operators.create', { name: 'guard1', displayName: '值班员甲', role: 'duty_guard', password: 'guard password' });
    await admin.call('operators.create', { name: 'eng1', displayName: '工程师乙', role: 'engineer', password: 'engineer password' });
    guard = await pages.signedIn('guard1', 'guard password');
    engineer = await pages.signedIn('eng1', 'engineer password');
    await t.call('assets.create', { name: '中心机房摄像机', systemId: 'cctv' });
    await t.call('assets.create', { name: '大堂摄像机', systemId: 'cctv' });
    await t.call('assets.create', { name: '报警主机', systemId: 'intrusion' });
  });
  afterEach(async () => {
    pages.closeAll();
    await t.close();
  });

  it('refuses a duty guard an export, a label sheet and a saved attachment, and journals none of them', async () => {
    const before = (await t.call('journal.list', { limit: 500 })).length;
    const ids = (await t.call('assets.search', {})).items.map((d) => d.id);
    const incident = (await t.call('incidents.report', { systemId: 'cctv', description: '画面雪花', reporter: 'x' })).incident;
    const file = await t.call('incidents.attach', { id: incident.id, fileName: '现场.png', mime: 'image/png', contentBase64: png.toString('base64') });
    const afterSetup = (await t.call('journal.list', { limit: 500 })).length;
    expect(afterSetup).toBe(before + 2);

    for (const [method, input] of [
      ['assets.export', { format: 'csv', filter: {} }],
      ['assets.labels', { ids }],
      ['incidents.downloadAttachment', { id: incident.id, sha256: file.sha256 }],
    ] as const) {
      expect(await guard.call(method, input), method).toMatchObject({ ok: false, error: { code: 'permission_denied', params: { required: 'engineer' } } });
    }
    expect((await t.call('journal.list', { limit: 500 })).length).toBe(afterSetup);
    // Looking at a photo on the console's screen stays open to the guard.
    expect(await guard.call('incidents.attachment', { id: incident.id, sha256: file.sha256 })).toMatchObject({ ok: true });
  });

  it('journals an export with who, the filter, the file and how many devices', async () => {
    const result = await engineer.call('assets.export', { format: 'csv', filter: { systemId: 'cctv', q: '摄像机' } });
    expect(result).toMatchObject({ ok: true, value: { count: 2 } });
    expect(await latest('export')).toMatchObject({
      type: 'assets.exported',
      operator: 'eng1',
      payload: { format: 'csv', filter: { systemId: 'cctv', q: '摄像机' }, count: 2, fileName: expect.stringMatching(/\.csv$/) },
    });
  });

  it('journals a label sheet with who and the asset tags printed', async () => {
    const devices = (await t.call('assets.search', { systemId: 'cctv' })).items;
    const result = await engineer.call('assets.labels', { ids: [...devices.map((d) => d.id), 'no-such-device'] });
    expect(result).toMatchObject({ ok: true });
    expect((result as { value: unknown[] }).value).toHaveLength(2);
    expect(await latest('export')).toMatchObject({
      type: 'assets.labels_printed',
      operator: 'eng1',
      payload: { count: 2, assetTags: devices.map((d) => d.assetTag) },
    });
  });

  it('journals a saved attachment on the incident, and not a look at it', async () => {
    const incident = (await t.call('incidents.report', { systemId: 'cctv', description: '画面雪花', reporter: 'x' })).incident;
    const file = await t.call('incidents.attach', { id: incident.id, fileName: '现场.png', mime: 'image/png', contentBase64: png.toString('base64') });
    await engineer.call('incidents.attachment', { id: incident.id, sha256: file.sha256 });
    expect((await latest('incident')).type).toBe('incident.attachment_added');

    const saved = await engineer.call('incidents.downloadAttachment', { id: incident.id, sha256: file.sha256 });
    expect(saved).toMatchObject({ ok: true, value: { fileName: '现场.png', contentBase64: png.toString('base64') } });
    expect(await latest('incident')).toMatchObject({
      type: 'incident.attachment_downloaded',
      entityId: incident.id,
      operator: 'eng1',
      payload: { fileName: '现场.png', sha256: file.sha256, bytes: png.length },
    });
  });
});
