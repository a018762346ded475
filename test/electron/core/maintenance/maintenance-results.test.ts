import { afterEach, describe, expect, it } from 'vitest';
import { type MaintenanceRig, noon, openRig } from './maintenance-rig';

let rig: MaintenanceRig;
afterEach(async () => rig?.close());

async function cctvTask() {
  const pc = await rig.call('assets.create', { name: '监控主机', systemId: 'cctv', typeId: 'control-pc', building: 'A', room: '监控室' });
  const dvr = await rig.call('assets.create', { name: '1号硬盘录像机', systemId: 'cctv', typeId: 'dvr', building: 'A', room: '监控室' });
  const task = await rig.call('maintenance.createTask', { kind: 'adhoc', title: '季度保养', site: '会展中心', templateId: 'cctv-equipment', deviceIds: [pc.id, dvr.id], dueOn: '2026-12-07' });
  return { pc, dvr, task };
}

describe('maintenance results', () => {
  it('saves each item as entered, so a task half done resumes after the console stops', async () => {
    rig = await openRig(noon('2026-12-07'));
    const { pc, dvr, task } = await cctvTask();
    await rig.call('maintenance.saveResult', { taskId: task.id, deviceId: pc.id, itemId: 'pc-board', value: { outcome: 'pass' } });
    await rig.call('maintenance.saveResult', { taskId: task.id, deviceId: dvr.id, itemId: 'dvr-retention', value: { reading: 45, note: '90 天循环' } });
    await rig.call('maintenance.saveResult', { taskId: task.id, deviceId: pc.id, itemId: 'software-backup', value: { backupWhat: '控制软件+数据库', backupWhere: 'NAS \\\\backup\\cctv' } });
    await rig.reopen();
    const detail = await rig.call('maintenance.task', { id: task.id });
    expect(detail.task.state).toBe('in_progress');
    const byItem = Object.fromEntries(detail.results.map((r) => [`${r.itemId}`, [r.outcome, r.value]]));
    expect(byItem['pc-board']).toEqual(['pass', { outcome: 'pass', note: '' }]);
    expect(byItem['dvr-retention']).toEqual(['pass', { outcome: null, note: '90 天循环', reading: 45 }]);
    expect(byItem['software-backup']![0]).toBe('pass');
    expect(detail.openItems).toBeGreaterThan(0);
  });

  it('fails a reading outside its limits by itself, and journals every result on the device\'s history', async () => {
    rig = await openRig(noon('2026-12-07'));
    const { dvr, task } = await cctvTask();
    const low = await rig.call('maintenance.saveResult', { taskId: task.id, deviceId: dvr.id, itemId: 'dvr-retention', value: { reading: 12, outcome: 'pass' } });
    expect(low.outcome).toBe('fail');
    expect((await rig.call('maintenance.task', { id: task.id })).task.failedCount).toBe(1);
    const history = await rig.call('assets.history', { id: dvr.id });
    const recorded = history.find((e) => e.type === 'maintenance.item_recorded');
    expect(recorded).toMatchObject({ operator: 'eng-li', payload: { itemId: 'dvr-retention', label: '录像保存天数', limits: '≥ 30 天', outcome: 'fail', number: task.number } });
  });

  it('updates the register\'s software and firmware versions from upgrade items, journaled as device changes', async () => {
    rig = await openRig(noon('2026-12-07'));
    const sw = await rig.call('assets.create', { name: '核心交换机', systemId: 'cabling-network', typeId: 'core-switch' });
    const task = await rig.call('maintenance.createTask', { kind: 'adhoc', title: '年度升级', templateId: 'upgrade', deviceIds: [sw.id], dueOn: '2026-12-07' });
    await rig.call('maintenance.saveResult', { taskId: task.id, deviceId: sw.id, itemId: 'firmware-version', value: { versionBefore: 'V5.20', versionAfter: 'V5.30' } });
    await rig.call('maintenance.saveResult', { taskId: task.id, deviceId: sw.id, itemId: 'software-version', value: { versionBefore: '', versionAfter: 'Comware 7.1' } });
    const { device } = await rig.call('assets.get', { id: sw.id });
    expect([device.softwareVersion, device.firmwareVersion]).toEqual(['Comware 7.1', 'V5.30']);
    const changes = (await rig.call('assets.history', { id: sw.id })).filter((e) => e.type === 'device.updated').map((e) => e.payload);
    expect(changes).toContainEqual({ changes: { firmwareVersion: { from: '', to: 'V5.30' } }, taskId: task.id });
    // The register's form saves without the versions: they stay.
    await rig.call('assets.update', { id: sw.id, fields: { name: '核心交换机 1', systemId: 'cabling-network', typeId: 'core-switch' } });
    expect((await rig.call('assets.get', { id: sw.id })).device.firmwareVersion).toBe('V5.30');
  });

  it('opens an incident from a failed item, prefilled on the device\'s system, linked both ways; only once and only for a fail', async () => {
    rig = await openRig(noon('2026-12-07'));
    const { pc, dvr, task } = await cctvTask();
    await rig.call('maintenance.saveResult', { taskId: task.id, deviceId: pc.id, itemId: 'pc-board', value: { outcome: 'pass' } });
    expect(await rig.refusal('maintenance.reportIncident', { taskId: task.id, deviceId: pc.id, itemId: 'pc-board', description: 'x' })).toBe('maintenance_item_not_failed');
    await rig.call('maintenance.saveResult', { taskId: task.id, deviceId: dvr.id, itemId: 'dvr-disk', value: { outcome: 'fail', note: '2 号盘坏道' } });
    const result = await rig.call('maintenance.reportIncident', { taskId: task.id, deviceId: dvr.id, itemId: 'dvr-disk', description: '硬盘录像机硬盘:2 号盘坏道' });
    expect(result.incidentNumber).toMatch(/^GZ-20261207-\d{3}$/);
    const incident = await rig.call('incidents.get', { id: result.incidentId! });
    expect(incident.incident).toMatchObject({ systemId: 'cctv', level: 'II', title: '硬盘录像机硬盘:2 号盘坏道', state: 'reported' });
    expect(incident.devices.map((d) => d.id)).toEqual([dvr.id]);
    expect((await rig.call('assets.history', { id: dvr.id })).map((e) => e.type)).toContain('maintenance.incident_opened');
    expect(await rig.refusal('maintenance.reportIncident', { taskId: task.id, deviceId: dvr.id, itemId: 'dvr-disk', description: 'again' })).toBe('maintenance_incident_exists');
    expect((await rig.call('incidents.list', { scope: 'open' })).items).toHaveLength(1);
  });

  it('finishes only when every item has an answer, then keeps the record as it is', async () => {
    rig = await openRig(noon('2026-12-07'));
    const sw = await rig.call('assets.create', { name: '配线架', systemId: 'cabling-network', typeId: 'patch-panel' });
    const task = await rig.call('maintenance.createTask', { kind: 'adhoc', title: '线缆检测', templateId: 'cable', deviceIds: [sw.id], dueOn: '2026-12-07' });
    expect(await rig.refusal('maintenance.finishTask', { id: task.id })).toBe('maintenance_items_open');
    await rig.call('maintenance.saveResult', { taskId: task.id, deviceId: sw.id, itemId: 'impedance', value: { reading: 101.5 } });
    await rig.call('maintenance.saveResult', { taskId: task.id, deviceId: sw.id, itemId: 'loop-resistance', value: { reading: 31 } });
    await rig.call('maintenance.saveResult', { taskId: task.id, deviceId: sw.id, itemId: 'continuity', value: { outcome: 'pass' } });
    await rig.call('maintenance.saveResult', { taskId: task.id, deviceId: sw.id, itemId: 'run', value: { outcome: 'na' } });
    await rig.call('maintenance.updateTask', { id: task.id, findings: '3 楼 12 号线环路电阻 31 Ω 超标', suggestions: '更换该段线缆' });
    const done = await rig.call('maintenance.finishTask', { id: task.id });
    expect(done).toMatchObject({ state: 'done', dueState: 'done', failedCount: 1, finishedBy: 'eng-li' });
    expect(await rig.refusal('maintenance.saveResult', { taskId: task.id, deviceId: sw.id, itemId: 'continuity', value: { outcome: 'fail' } })).toBe('maintenance_task_finished');
    const checked = (await rig.call('assets.history', { id: sw.id })).find((e) => e.type === 'maintenance.device_checked');
    expect(checked?.payload).toMatchObject({ failed: 1, failedItems: ['loop-resistance'] });
  });

  it('refuses a result for a device outside the task or an item that does not apply, changing nothing', async () => {
    rig = await openRig(noon('2026-12-07'));
    const { pc, task } = await cctvTask();
    const other = await rig.call('assets.create', { name: '另一台', systemId: 'cctv', typeId: 'camera' });
    const before = (await rig.call('journal.list', {})).length;
    expect(await rig.refusal('maintenance.saveResult', { taskId: task.id, deviceId: other.id, itemId: 'image', value: { outcome: 'pass' } })).toBe('maintenance_device_not_in_task');
    expect(await rig.refusal('maintenance.saveResult', { taskId: task.id, deviceId: pc.id, itemId: 'dvr-disk', value: { outcome: 'pass' } })).toBe('maintenance_item_not_found');
    expect(await rig.refusal('maintenance.saveResult', { taskId: task.id, deviceId: pc.id, itemId: 'pc-board', value: { outcome: 'maybe' } })).toBe('invalid_input');
    expect((await rig.call('journal.list', {})).length).toBe(before);
    expect((await rig.call('maintenance.task', { id: task.id })).results).toEqual([]);
  });

  it('keeps a photo item\'s picture beside the database and shows it to whoever reads the task; refuses what is not a picture', async () => {
    rig = await openRig(noon('2026-12-07'));
    const { dvr, task } = await cctvTask();
    // A 1×1 PNG.
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
    const result = await rig.call('maintenance.attachPhoto', { taskId: task.id, deviceId: dvr.id, itemId: 'photo', mime: 'image/png', contentBase64: png });
    expect(result.outcome).toBe('done');
    const photo = await rig.call('maintenance.photo', { taskId: task.id, sha256: result.value.photoSha256! });
    expect(photo).toEqual({ mime: 'image/png', contentBase64: png });
    // A later save of the note keeps the picture.
    const noted = await rig.call('maintenance.saveResult', { taskId: task.id, deviceId: dvr.id, itemId: 'photo', value: { note: '机柜背面' } });
    expect(noted.value.photoSha256).toBe(result.value.photoSha256);
    expect(await rig.refusal('maintenance.attachPhoto', { taskId: task.id, deviceId: dvr.id, itemId: 'photo', mime: 'image/png', contentBase64: Buffer.from('not a png').toString('base64') })).toBe('attachment_content_mismatch');
    expect(await rig.refusal('maintenance.attachPhoto', { taskId: task.id, deviceId: dvr.id, itemId: 'dvr-board', mime: 'image/png', contentBase64: png })).toBe('maintenance_item_not_photo');
  });
});
