import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTempCore, type TempCore } from '../../../support/temp-core';

describe('reporting an emergency', () => {
  let t: TempCore;
  let now = 0;
  beforeEach(async () => {
    now = new Date(2026, 10, 25, 3, 0).getTime();
    t = await startTempCore({ clock: { now: () => now }, slaWatchIntervalMs: 0 });
  });
  afterEach(async () => {
    await t.close();
  });

  it('takes the suggested level from what the guard answered, numbers it for the day and journals it', async () => {
    const { incident, suggestion } = await t.call('incidents.report', {
      systemId: 'cctv',
      description: '中心机房录像机全部黑屏\n所有画面无信号',
      location: '中心机房',
      reporter: '王保安',
      callbackPhone: '13800000000',
      facts: { businessStopped: true },
    });
    expect(suggestion).toMatchObject({ level: 'I', basis: 'businessStopped' });
    expect(incident).toMatchObject({
      number: 'GZ-20261125-001',
      level: 'I',
      suggestedLevel: 'I',
      state: 'reported',
      title: '中心机房录像机全部黑屏',
      reportedAt: now,
      reportedBy: 'tester',
      record: { location: '中心机房', reporter: '王保安', occurredAt: now },
    });
    const timeline = await t.call('incidents.timeline', { id: incident.id });
    expect(timeline).toMatchObject([
      { type: 'incident.reported', entityType: 'incident', entityId: incident.id, payload: { level: 'I', suggestedLevel: 'I', callbackPhone: '13800000000' } },
    ]);
  });

  it('keeps the level the guard chose over the suggestion, and both are on record', async () => {
    const { incident } = await t.call('incidents.report', {
      systemId: 'access-control',
      description: '门禁读卡器偶尔报错',
      reporter: '李',
      facts: { errorsOrWarningsOnly: true },
      level: 'II',
    });
    expect(incident).toMatchObject({ level: 'II', suggestedLevel: 'III', suggestionBasis: 'errorsOrWarningsOnly' });
    const detail = await t.call('incidents.get', { id: incident.id });
    expect(detail.milestones.level).toBe('II');
  });

  it('counts numbers per local day', async () => {
    const first = await t.call('incidents.report', { systemId: 'cctv', description: 'A', reporter: 'x' });
    const second = await t.call('incidents.report', { systemId: 'cctv', description: 'B', reporter: 'x' });
    now = new Date(2026, 10, 26, 0, 5).getTime();
    const nextDay = await t.call('incidents.report', { systemId: 'cctv', description: 'C', reporter: 'x' });
    expect([first, second, nextDay].map((r) => r.incident.number)).toEqual(['GZ-20261125-001', 'GZ-20261125-002', 'GZ-20261126-001']);
  });

  it('takes the place from the device picked in the register when none is given, and links the device', async () => {
    const dvr = await t.call('assets.create', { name: '硬盘录像机', systemId: 'cctv', building: 'A座', floor: '3F', room: '监控室' });
    const { incident } = await t.call('incidents.report', { systemId: 'cctv', description: '录像机报警', reporter: 'x', deviceIds: [dvr.id] });
    expect(incident.record.location).toBe('A座 3F 监控室');
    expect((await t.call('incidents.get', { id: incident.id })).devices.map((d) => d.id)).toEqual([dvr.id]);
  });

  it('keeps a device named in free text when it is not in the register', async () => {
    const { incident } = await t.call('incidents.report', { systemId: 'background-music', description: '广播无声', reporter: 'x', deviceText: '三楼功放(无标签)' });
    expect(incident.deviceText).toBe('三楼功放(无标签)');
  });

  it('refuses an unknown system or device, or a start time in the future, with a clear code and records nothing', async () => {
    const caller = { operator: 'x' };
    expect(await t.core.call('incidents.report', { systemId: 'nope', description: 'A', reporter: 'x' }, caller)).toMatchObject({
      ok: false,
      error: { code: 'catalog_unknown_system' },
    });
    expect(await t.core.call('incidents.report', { systemId: 'cctv', description: 'A', reporter: 'x', deviceIds: ['missing'] }, caller)).toMatchObject({
      ok: false,
      error: { code: 'asset_not_found' },
    });
    expect(await t.core.call('incidents.report', { systemId: 'cctv', description: 'A', reporter: 'x', occurredAt: now + 60_000 }, caller)).toMatchObject({
      ok: false,
      error: { code: 'incident_occurred_in_future' },
    });
    expect(await t.core.call('incidents.report', { systemId: 'cctv', description: '', reporter: 'x' }, caller)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect((await t.call('incidents.list', { scope: 'all' })).items).toEqual([]);
    expect(await t.call('journal.list', { limit: 10 })).toEqual([]);
  });

  it('tells the UIs which incident changed once it is committed', async () => {
    const seen: string[][] = [];
    t.core.onEvent((event, payload) => {
      if (event === 'incidents.changed') seen.push((payload as { ids: string[] }).ids);
    });
    const { incident } = await t.call('incidents.report', { systemId: 'cctv', description: 'A', reporter: 'x' });
    expect(seen).toEqual([[incident.id]]);
  });
});
