import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Device, Incident, ReplacementQuote, SpareLoan } from '../../../../shared/contract';
import { pageSessions } from '../../../support/page-sessions';
import { startTempCore, type TempCore } from '../../../support/temp-core';

describe('repairs: parts used, spare units lent and returned, replacement quotes', () => {
  let t: TempCore;
  const pages = pageSessions(() => t.core);
  const t0 = Date.UTC(2026, 11, 7, 2, 0);
  let now = t0;
  beforeEach(async () => {
    now = t0;
    t = await startTempCore({ clock: { now: () => now }, slaWatchIntervalMs: 0, idleCheckIntervalMs: 0 });
  });
  afterEach(async () => {
    pages.closeAll();
    await t.close();
  });

  async function people() {
    await pages.staff([['guard', 'duty_guard'], ['zhang', 'engineer'], ['chen', 'supervisor']]);
    return {
      guard: await pages.signedIn('guard', 'guard-pass-1'),
      engineer: await pages.signedIn('zhang', 'zhang-pass-1'),
      supervisor: await pages.signedIn('chen', 'chen-pass-1'),
    };
  }

  async function site() {
    const faulty = await t.call('assets.create', { name: '大堂摄像机', systemId: 'cctv', typeId: 'camera', assetTag: 'CAM-001', building: 'A', floor: '1', room: '大堂' });
    const spare = await t.call('assets.create', { name: '备用摄像机', systemId: 'cctv', typeId: 'camera', assetTag: 'SP-CAM-01', serialNo: 'SN-9001', status: 'spare' });
    const { incident } = (await t.call('incidents.report', { systemId: 'cctv', description: '大堂摄像机无图像', reporter: '王保安', level: 'III' })) as { incident: Incident };
    return { faulty, spare, incident };
  }

  const value = <T>(r: unknown) => (r as { value: T }).value;
  const statusOf = async (id: string) => (await t.call('assets.get', { id })).device.status;

  it('records parts: free wearing parts, charged main parts with the total; a stocked part leaves the stock, journaled', async () => {
    const { engineer, guard } = await people();
    const { faulty, incident } = await site();
    await t.call('spares.set', { systemId: 'cctv', typeId: 'camera-psu', quantity: 3, minimum: 1, reason: '盘点' });
    const psu = { incidentId: incident.id, deviceId: faulty.id, kind: 'main', name: '摄像机电源 12V', quantity: 1, unitCostFen: 12_050, source: 'stock', systemId: 'cctv', typeId: 'camera-psu' } as const;
    // A guard sees the repair but does not record it.
    expect(await guard.call('repairs.recordPart', psu)).toMatchObject({ ok: false, error: { code: 'permission_denied' } });
    expect(value<{ parts: unknown[] }>(await guard.call('repairs.ofIncident', { incidentId: incident.id })).parts).toEqual([]);
    // Bad input changes nothing: a main part needs its cost, a wearing part is free, a stocked part names its stock row.
    expect(await engineer.call('repairs.recordPart', { ...psu, unitCostFen: 0 })).toMatchObject({ ok: false, error: { code: 'part_cost_required' } });
    expect(await engineer.call('repairs.recordPart', { ...psu, kind: 'wearing' })).toMatchObject({ ok: false, error: { code: 'part_wearing_is_free' } });
    expect(await engineer.call('repairs.recordPart', { ...psu, typeId: null })).toMatchObject({ ok: false, error: { code: 'part_stock_row_required' } });
    expect(await engineer.call('repairs.recordPart', { ...psu, quantity: 4 })).toMatchObject({ ok: false, error: { code: 'part_stock_short', params: { quantity: 3, wanted: 4 } } });
    expect(await engineer.call('repairs.recordPart', { ...psu, typeId: 'camera' })).toMatchObject({ ok: false, error: { code: 'part_not_stocked' } });
    expect((await t.call('spares.list', {})).find((s) => s.typeId === 'camera-psu')?.quantity).toBe(3);

    expect(await engineer.call('repairs.recordPart', { ...psu, quantity: 2 })).toMatchObject({ ok: true, value: { recordedBy: 'zhang', currency: 'CNY' } });
    expect(
      await engineer.call('repairs.recordPart', { incidentId: incident.id, kind: 'wearing', name: '防水胶带', quantity: 1, source: 'bought' }),
    ).toMatchObject({ ok: true, value: { unitCostFen: 0, stockTypeId: null } });
    expect(
      await engineer.call('repairs.recordPart', { incidentId: incident.id, kind: 'main', name: '镜头模组', quantity: 1, unitCostFen: 45_000, source: 'bought' }),
    ).toMatchObject({ ok: true });
    const repairs = value<{ parts: { name: string }[]; chargedTotalFen: number }>(await guard.call('repairs.ofIncident', { incidentId: incident.id }));
    expect(repairs.parts.map((p) => p.name)).toEqual(['摄像机电源 12V', '防水胶带', '镜头模组']);
    expect(repairs.chargedTotalFen).toBe(2 * 12_050 + 45_000);
    expect((await t.call('spares.list', {})).find((s) => s.typeId === 'camera-psu')?.quantity).toBe(1);
    const stockJournal = await t.call('journal.list', { entityType: 'spare', entityId: 'cctv/camera-psu', typePrefix: 'spares.taken' });
    expect(stockJournal.map((e) => e.payload)).toMatchObject([{ from: { quantity: 3 }, quantity: 1, taken: 2, number: incident.number }]);
    const timeline = await t.call('incidents.timeline', { id: incident.id });
    expect(timeline.filter((e) => e.type === 'incident.part_used')).toHaveLength(3);
    expect((await t.call('assets.history', { id: faulty.id })).map((e) => e.type)).toContain('repair.part_used');
  });

  it('withdraws a part recorded by mistake: kept and marked, no longer charged, a stocked part back in the stock, journaled; once', async () => {
    const { engineer, guard } = await people();
    const { faulty, incident } = await site();
    await t.call('spares.set', { systemId: 'cctv', typeId: 'camera-psu', quantity: 3, minimum: 1, reason: '盘点' });
    const psu = { incidentId: incident.id, deviceId: faulty.id, kind: 'main', name: '摄像机电源 12V', quantity: 2, unitCostFen: 12_050, source: 'stock', systemId: 'cctv', typeId: 'camera-psu' } as const;
    const wrong = value<{ id: string }>(await engineer.call('repairs.recordPart', psu));
    const kept = value<{ id: string }>(await engineer.call('repairs.recordPart', { ...psu, quantity: 1 }));
    expect((await t.call('spares.list', {})).find((s) => s.typeId === 'camera-psu')?.quantity).toBe(0);

    expect(await guard.call('repairs.withdrawPart', { partId: wrong.id, reason: '数量登记错误' })).toMatchObject({ ok: false, error: { code: 'permission_denied' } });
    expect(await engineer.call('repairs.withdrawPart', { partId: wrong.id, reason: '  ' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await engineer.call('repairs.withdrawPart', { partId: 'no-such-part', reason: '数量登记错误' })).toMatchObject({ ok: false, error: { code: 'part_not_found' } });
    now = t0 + 60_000;
    expect(await engineer.call('repairs.withdrawPart', { partId: wrong.id, reason: '数量登记错误' })).toMatchObject({
      ok: true,
      value: { id: wrong.id, withdrawn: { at: now, by: 'zhang', reason: '数量登记错误' } },
    });
    expect(await engineer.call('repairs.withdrawPart', { partId: wrong.id, reason: '再撤一次' })).toMatchObject({ ok: false, error: { code: 'part_already_withdrawn' } });

    const repairs = value<{ parts: { id: string; withdrawn: unknown }[]; chargedTotalFen: number }>(await guard.call('repairs.ofIncident', { incidentId: incident.id }));
    expect(repairs.parts.map((p) => [p.id, p.withdrawn !== null])).toEqual([[wrong.id, true], [kept.id, false]]);
    expect(repairs.chargedTotalFen).toBe(12_050);
    expect((await t.call('spares.list', {})).find((s) => s.typeId === 'camera-psu')?.quantity).toBe(2);
    const stockJournal = await t.call('journal.list', { entityType: 'spare', entityId: 'cctv/camera-psu', typePrefix: 'spares.returned' });
    expect(stockJournal.map((e) => e.payload)).toMatchObject([{ from: { quantity: 0 }, quantity: 2, returned: 2, number: incident.number }]);
    expect((await t.call('incidents.timeline', { id: incident.id })).filter((e) => e.type === 'incident.part_withdrawn').map((e) => e.payload)).toMatchObject([
      { name: '摄像机电源 12V', quantity: 2, reason: '数量登记错误' },
    ]);
    expect((await t.call('assets.history', { id: faulty.id })).map((e) => e.type)).toContain('repair.part_withdrawn');

  });

  it('lends a spare unit against a faulty device and takes it back: statuses, counts, both histories, refusals', async () => {
    const { engineer, guard } = await people();
    const { faulty, spare, incident } = await site();
    const lend = { incidentId: incident.id, spareDeviceId: spare.id, faultyDeviceId: faulty.id, borrower: '物业 李经理', dueAt: t0 + 3 * 86_400_000 };
    expect(await guard.call('spares.lend', lend)).toMatchObject({ ok: false, error: { code: 'permission_denied' } });
    expect(await engineer.call('spares.lend', { ...lend, spareDeviceId: faulty.id, faultyDeviceId: spare.id })).toMatchObject({ ok: false, error: { code: 'spare_not_a_spare' } });
    expect(await engineer.call('spares.return', { spareDeviceId: spare.id })).toMatchObject({ ok: false, error: { code: 'spare_not_lent', params: { assetTag: 'SP-CAM-01' } } });
    expect(value<{ counts: unknown[] }>(await guard.call('spares.units', {})).counts).toEqual([{ systemId: 'cctv', typeId: 'camera', available: 1, lent: 0 }]);

    now = t0 + 60_000;
    const lent = await engineer.call('spares.lend', lend);
    expect(lent).toMatchObject({ ok: true, value: { spareAssetTag: 'SP-CAM-01', faultyAssetTag: 'CAM-001', incidentNumber: incident.number, lentAt: now, lentBy: 'zhang', returnedAt: null, overdue: false } });
    expect(await statusOf(spare.id)).toBe('in_service');
    expect(await statusOf(faulty.id)).toBe('under_repair');
    // The faulty device is on the incident now.
    expect((await t.call('incidents.get', { id: incident.id })).devices.map((d: Device) => d.id)).toEqual([faulty.id]);
    // A unit already lent is refused, wherever it would go.
    const other = await t.call('assets.create', { name: '东门摄像机', systemId: 'cctv', typeId: 'camera', assetTag: 'CAM-002' });
    expect(await engineer.call('spares.lend', { ...lend, faultyDeviceId: other.id })).toMatchObject({
      ok: false,
      error: { code: 'spare_already_lent', params: { assetTag: 'SP-CAM-01', number: incident.number, borrower: '物业 李经理' } },
    });
    const units = value<{ units: { id: string; loan: SpareLoan | null }[]; counts: unknown[] }>(await guard.call('spares.units', {}));
    expect(units.counts).toEqual([{ systemId: 'cctv', typeId: 'camera', available: 0, lent: 1 }]);
    expect(units.units[0]).toMatchObject({ id: spare.id, loan: { borrower: '物业 李经理', incidentNumber: incident.number, overdue: false } });

    expect(await guard.call('spares.return', { spareDeviceId: spare.id })).toMatchObject({ ok: false, error: { code: 'permission_denied' } });

    // Past its due time it is overdue (still lent), on the spares page and on both devices. The pages would be
    // idle-locked by then: the calls go through the internal path, as the same operators.
    now = t0 + 4 * 86_400_000;
    const asGuard = { call: (m: string, i: unknown) => t.core.call(m, i, { operator: 'guard', role: 'duty_guard' }) };
    const asEngineer = { call: (m: string, i: unknown) => t.core.call(m, i, { operator: 'zhang', role: 'engineer' }) };
    expect(value<{ units: { loan: SpareLoan | null }[] }>(await asGuard.call('spares.units', {})).units[0]?.loan?.overdue).toBe(true);
    expect(value<{ loans: SpareLoan[] }>(await asGuard.call('repairs.ofDevice', { deviceId: faulty.id })).loans[0]?.overdue).toBe(true);

    const back = await asEngineer.call('spares.return', { spareDeviceId: spare.id, note: '原设备修好装回' });
    expect(back).toMatchObject({ ok: true, value: { returnedAt: now, returnedBy: 'zhang', returnNote: '原设备修好装回', overdue: false } });
    expect(await statusOf(spare.id)).toBe('spare');
    expect(await statusOf(faulty.id)).toBe('in_service');
    expect(value<{ counts: unknown[] }>(await asGuard.call('spares.units', {})).counts).toEqual([{ systemId: 'cctv', typeId: 'camera', available: 1, lent: 0 }]);
    expect(await asEngineer.call('spares.return', { spareDeviceId: spare.id })).toMatchObject({ ok: false, error: { code: 'spare_not_lent' } });

    for (const id of [spare.id, faulty.id]) {
      const history = (await t.call('assets.history', { id })).filter((e) => e.type.startsWith('spare.'));
      expect(history.map((e) => [e.type, e.at])).toEqual([['spare.returned', now], ['spare.lent', t0 + 60_000]]);
    }
    const timeline = await t.call('incidents.timeline', { id: incident.id });
    expect(timeline.filter((e) => e.type.startsWith('incident.spare_')).map((e) => e.type)).toEqual(['incident.spare_lent', 'incident.spare_returned']);
    // Lent again after the return: fine.
    expect(await asEngineer.call('spares.lend', { ...lend, faultyDeviceId: other.id, dueAt: null })).toMatchObject({ ok: true });
  });

  it('records a replacement quote for a device beyond repair; a supervisor records the customer’s choice, once', async () => {
    const { engineer, guard, supervisor } = await people();
    const { faulty, incident } = await site();
    const quote = {
      incidentId: incident.id,
      deviceId: faulty.id,
      note: '主板烧毁，无修复价值',
      options: [
        { kind: 'same_model', brand: '海康威视', model: 'DS-2CD3T47', priceFen: 98_000, supplier: '哈尔滨安防器材公司', validUntil: '2026-12-31' },
        { kind: 'same_function', brand: '大华', model: 'IPC-HFW2431', priceFen: 76_000, supplier: '大华哈尔滨办事处', validUntil: '2026-12-20', note: '需更换支架' },
      ],
    } as const;
    expect(await guard.call('repairs.recordQuote', quote)).toMatchObject({ ok: false, error: { code: 'permission_denied' } });
    expect(await engineer.call('repairs.recordQuote', { ...quote, options: [] })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await engineer.call('repairs.recordQuote', { ...quote, options: [{ ...quote.options[0], validUntil: '2026-02-30' }] })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const made = value<ReplacementQuote>(await engineer.call('repairs.recordQuote', quote));
    expect(made).toMatchObject({ deviceAssetTag: 'CAM-001', recordedBy: 'zhang', chosenOptionId: null, options: [{ model: 'DS-2CD3T47', priceFen: 98_000, currency: 'CNY' }, { kind: 'same_function' }] });
    const second = made.options[1]!;
    const choice = { quoteId: made.id, optionId: second.id, chosenBy: '物业 李经理', note: '选价格低的' };
    expect(await engineer.call('repairs.chooseQuote', choice)).toMatchObject({ ok: false, error: { code: 'permission_denied' } });
    expect(await supervisor.call('repairs.chooseQuote', { ...choice, optionId: 'nope' })).toMatchObject({ ok: false, error: { code: 'quote_option_not_found' } });
    now = t0 + 120_000;
    expect(await supervisor.call('repairs.chooseQuote', choice)).toMatchObject({ ok: true, value: { chosenOptionId: second.id, chosenBy: '物业 李经理', choiceRecordedBy: 'chen', chosenAt: now } });
    expect(await supervisor.call('repairs.chooseQuote', { ...choice, optionId: made.options[0]!.id })).toMatchObject({ ok: false, error: { code: 'quote_already_chosen' } });
    expect(value<{ quotes: ReplacementQuote[] }>(await guard.call('repairs.ofDevice', { deviceId: faulty.id })).quotes[0]?.chosenOptionId).toBe(second.id);
    expect((await t.call('assets.history', { id: faulty.id })).map((e) => e.type).slice(0, 2)).toEqual(['repair.replacement_chosen', 'repair.replacement_quoted']);
    const timeline = await t.call('incidents.timeline', { id: incident.id });
    expect(timeline.filter((e) => e.type.startsWith('incident.replacement_')).map((e) => [e.type, e.operator])).toEqual([
      ['incident.replacement_quoted', 'zhang'],
      ['incident.replacement_chosen', 'chen'],
    ]);
  });

  it('checks each step’s role: guards see, engineers record parts, lend, take back and quote, a supervisor records the choice', async () => {
    const sessions = await people();
    const admin = await pages.signedIn('admin', 'admin-pass-1');
    const steps = {
      'repairs.ofIncident': [{ incidentId: 'x' }, 'duty_guard'],
      'repairs.ofDevice': [{ deviceId: 'x' }, 'duty_guard'],
      'spares.units': [{}, 'duty_guard'],
      'repairs.recordPart': [{ incidentId: 'x', kind: 'wearing', name: 'n', quantity: 1, source: 'bought' }, 'engineer'],
      'spares.lend': [{ incidentId: 'x', spareDeviceId: 'a', faultyDeviceId: 'b', borrower: 'c' }, 'engineer'],
      'spares.return': [{ spareDeviceId: 'a' }, 'engineer'],
      'repairs.recordQuote': [{ incidentId: 'x', deviceId: 'd', options: [{ kind: 'same_model', model: 'm', priceFen: 1, supplier: 's', validUntil: '2026-12-31' }] }, 'engineer'],
      'repairs.chooseQuote': [{ quoteId: 'q', optionId: 'o', chosenBy: 'c' }, 'supervisor'],
    } as const;
    const ladder = [['duty_guard', sessions.guard], ['engineer', sessions.engineer], ['supervisor', sessions.supervisor], ['administrator', admin]] as const;
    const seen: string[] = [];
    for (const [method, [input, least]] of Object.entries(steps)) {
      const allowedFrom = ladder.findIndex(([role]) => role === least);
      for (const [i, [role, page]] of ladder.entries()) {
        const result = await page.call(method, input);
        const denied = !result.ok && result.error.code === 'permission_denied';
        seen.push(`${method} ${role} ${denied ? 'denied' : 'allowed'}`);
        expect(denied, `${method} as ${role}: ${JSON.stringify(result)}`).toBe(i < allowedFrom);
      }
    }
    expect(seen.filter((s) => s.endsWith('denied'))).toHaveLength(4 + 2);
  });

  it('answers an unknown incident or device clearly and changes nothing', async () => {
    const { engineer } = await people();
    const { faulty, spare } = await site();
    expect(await engineer.call('repairs.ofIncident', { incidentId: 'nope' })).toMatchObject({ ok: false, error: { code: 'incident_not_found' } });
    expect(await engineer.call('repairs.ofDevice', { deviceId: 'nope' })).toMatchObject({ ok: false, error: { code: 'asset_not_found' } });
    expect(await engineer.call('spares.lend', { incidentId: 'nope', spareDeviceId: spare.id, faultyDeviceId: faulty.id, borrower: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'incident_not_found' },
    });
    expect(await statusOf(spare.id)).toBe('spare');
  });
});
