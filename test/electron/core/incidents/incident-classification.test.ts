import type { ReportedIncident } from '../../../../shared/contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { machineRoomSystemId, unclassifiedSystemId } from '../../../../shared/domain/assets/catalog';
import type { OperatorRole } from '../../../../shared/domain/operators/operator-roles';
import { startTempCore, type TempCore } from '../../../support/temp-core';

describe('a report whose system the guard does not know', () => {
  let t: TempCore;
  beforeEach(async () => {
    t = await startTempCore({ slaWatchIntervalMs: 0 });
  });
  afterEach(async () => {
    await t.close();
  });
  const as = (role: OperatorRole, method: string, input: unknown) => t.core.call(method, input, { operator: `${role}-1`, role });

  it('is filed as not yet classified, and an engineer files it under its system afterwards, journaled', async () => {
    const reported = await as('duty_guard', 'incidents.report', {
      systemId: unclassifiedSystemId, description: '精密空调漏水,地板积水', location: '中心机房', reporter: '张保安',
    });
    if (!reported.ok) throw new Error(reported.error.code);
    const { incident } = reported.value as ReportedIncident;
    const id = incident.id;
    expect(incident.systemId).toBe(unclassifiedSystemId);

    expect(await as('duty_guard', 'incidents.classify', { id, systemId: machineRoomSystemId })).toMatchObject({
      ok: false, error: { code: 'incident_role_not_allowed' },
    });
    expect(await as('engineer', 'incidents.classify', { id, systemId: unclassifiedSystemId })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await as('engineer', 'incidents.classify', { id, systemId: 'no-such-system' })).toMatchObject({ ok: false, error: { code: 'catalog_unknown_system' } });

    expect(await as('engineer', 'incidents.classify', { id, systemId: machineRoomSystemId })).toMatchObject({ ok: true, value: { systemId: machineRoomSystemId } });
    const timeline = await t.call('incidents.timeline', { id });
    expect(timeline.at(-1)).toMatchObject({
      type: 'incident.classified', operator: 'engineer-1', payload: { systemFrom: unclassifiedSystemId, systemId: machineRoomSystemId },
    });
  });

  it('the catalog offers 机房动力环境 with the machine room’s component types, and the "not known" entry has none', async () => {
    const catalog = await t.call('catalog.list', {});
    const machineRoom = catalog.find((s) => s.id === machineRoomSystemId);
    expect(machineRoom?.nameZh).toBe('机房动力环境');
    expect(machineRoom?.types.map((ty) => ty.nameZh)).toEqual(
      expect.arrayContaining(['精密空调', 'UPS 电源', '配电柜', '温湿度传感器', '漏水检测']),
    );
    expect(catalog.find((s) => s.id === unclassifiedSystemId)?.types).toEqual([]);
  });
});
