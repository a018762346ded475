import { afterEach, describe, expect, it } from 'vitest';
import { catalogSeed, unclassifiedSystemId } from '../../../../shared/domain/assets/catalog';
import { type MaintenanceRig, noon, openRig } from './maintenance-rig';

const supervisor = { operator: 'sup-wang', role: 'supervisor' as const };
let rig: MaintenanceRig;
afterEach(async () => rig?.close());

async function cctvSite() {
  const pc = await rig.call('assets.create', { name: '监控主机', systemId: 'cctv', typeId: 'control-pc', building: 'A', floor: '1', room: '监控室' });
  const dvr = await rig.call('assets.create', { name: '1号硬盘录像机', systemId: 'cctv', typeId: 'dvr', building: 'A', floor: '1', room: '监控室' });
  const camera = await rig.call('assets.create', { name: '大门摄像机', systemId: 'cctv', typeId: 'camera', building: 'A', floor: '1', room: '大门' });
  return { pc, dvr, camera };
}

describe('maintenance templates and plans', () => {
  it('ships an equipment checklist in Chinese and English for every catalog system, with the seed components', async () => {
    rig = await openRig(noon('2026-12-07'));
    const templates = await rig.call('maintenance.templates', {});
    for (const system of catalogSeed.filter((s) => s.id !== unclassifiedSystemId)) {
      const t = templates.find((x) => x.systemId === system.id && x.purpose === 'equipment');
      expect(t, system.id).toBeDefined();
      expect(t!.items.length).toBeGreaterThan(2);
      for (const item of t!.items) expect(item.labelZh && item.labelEn).toBeTruthy();
    }
    const cctv = templates.find((t) => t.id === 'cctv-equipment')!;
    const pcItems = cctv.items.filter((i) => i.typeIds.includes('control-pc')).map((i) => i.labelZh);
    expect(pcItems).toEqual(expect.arrayContaining(['主板', 'CPU', '内存', '显卡', '电源', '控制软件及数据库已备份', '操作系统已备份', '病毒库版本/日期']));
    expect(cctv.defaultFrequency).toBe('quarterly');
    expect(templates.find((t) => t.id === 'backup')!.defaultFrequency).toBe('monthly');
    expect(templates.find((t) => t.id === 'virus')!.defaultFrequency).toBe('monthly');
    const cable = templates.find((t) => t.id === 'cable')!;
    expect(cable.defaultFrequency).toBe('yearly');
    expect(cable.items.filter((i) => i.kind === 'reading').map((i) => i.unit)).toEqual(['Ω', 'Ω']);
  });

  it('makes a plan\'s task a week ahead, once, with only the devices its checklist applies to, and the next one a period on', async () => {
    rig = await openRig(noon('2026-12-07'));
    const { pc } = await cctvSite();
    const plan = await rig.call(
      'maintenance.savePlan',
      { name: '监控电脑月度备份', site: '哈尔滨会展中心', templateId: 'backup', scope: { kind: 'system', systemId: 'cctv' }, frequency: 'monthly', windowDays: 5, engineer: '李工', startsOn: '2026-12-10' },
      supervisor,
    );
    expect(plan.nextDueOn).toBe('2027-01-10');
    const open = await rig.call('maintenance.tasks', { filter: 'open' });
    expect(open.items).toHaveLength(1);
    const [task] = open.items;
    expect(task).toMatchObject({ kind: 'planned', dueOn: '2026-12-10', deadline: '2026-12-15', engineer: '李工', site: '哈尔滨会展中心', deviceCount: 1, dueState: 'due' });
    expect(task!.number).toBe('WB-20261210-001');
    const detail = await rig.call('maintenance.task', { id: task!.id });
    expect(detail.devices.map((d) => d.id)).toEqual([pc.id]);

    // Restarting generates nothing twice.
    await rig.reopen();
    expect((await rig.call('maintenance.tasks', { filter: 'all' })).total).toBe(1);

    // A month on, the January round is made at start.
    rig.clock.at = noon('2027-01-05');
    await rig.reopen();
    const all = await rig.call('maintenance.tasks', { filter: 'all' });
    expect(all.items.map((t) => t.dueOn).sort()).toEqual(['2026-12-10', '2027-01-10']);
  });

  it('counts what is due this week and what is overdue, and marks each task', async () => {
    rig = await openRig(noon('2026-12-07'));
    await cctvSite();
    await rig.call('maintenance.createTask', { kind: 'pre_event', title: '年会前检查', dueOn: '2026-12-01', windowDays: 2, details: { eventName: '年会', eventDate: '2026-12-03' } });
    await rig.call('maintenance.createTask', { kind: 'training', title: '值班员操作培训', dueOn: '2026-12-09', details: { trainees: '张三、李四', topic: '报警主机布撤防', trainer: '王工' } });
    await rig.call('maintenance.createTask', { kind: 'visit', title: '客服经理回访', dueOn: '2027-02-01', details: { customerContact: '刘处长' } });
    expect(await rig.call('maintenance.dueSummary', {})).toEqual({ today: '2026-12-07', dueThisWeek: 1, overdue: 1 });
    const overdue = await rig.call('maintenance.tasks', { filter: 'overdue' });
    expect(overdue.items.map((t) => [t.title, t.dueState])).toEqual([['年会前检查', 'overdue']]);
    const open = await rig.call('maintenance.tasks', { filter: 'open' });
    expect(open.items.map((t) => t.dueState)).toEqual(['overdue', 'due', 'upcoming']);
    expect(open.items[1]!.details).toEqual({ trainees: '张三、李四', topic: '报警主机布撤防', trainer: '王工' });
  });

  it('keeps the records made from a template as they were when a supervisor edits it', async () => {
    rig = await openRig(noon('2026-12-07'));
    const { pc } = await cctvSite();
    const task = await rig.call('maintenance.createTask', { kind: 'adhoc', title: '临时备份', templateId: 'backup', deviceIds: [pc.id], dueOn: '2026-12-07' });
    const before = await rig.call('maintenance.template', { id: 'backup' });
    const edited = await rig.call(
      'maintenance.saveTemplate',
      { ...before, items: [...before.items, { id: 'ups-check', kind: 'check', labelZh: '电脑 UPS 供电', labelEn: 'PC on UPS power', typeIds: [] }] },
      supervisor,
    );
    expect(edited.version).toBe(2);
    const detail = await rig.call('maintenance.task', { id: task.id });
    expect(detail.template.version).toBe(1);
    expect(detail.template.items.map((i) => i.id)).not.toContain('ups-check');
    expect((await rig.call('maintenance.template', { id: 'backup' })).items.map((i) => i.id)).toContain('ups-check');
  });

  it('refuses bad plans and template edits with a clear error and changes nothing', async () => {
    rig = await openRig(noon('2026-12-07'));
    const plan = { name: 'x', templateId: 'backup', scope: { kind: 'system', systemId: 'cctv' }, frequency: 'every_n_days', startsOn: '2026-12-07' } as const;
    expect(await rig.refusal('maintenance.savePlan', plan, supervisor)).toBe('invalid_input');
    expect(await rig.refusal('maintenance.savePlan', { ...plan, frequency: 'monthly', templateId: 'nope' }, supervisor)).toBe('maintenance_template_not_found');
    expect(await rig.refusal('maintenance.savePlan', { ...plan, frequency: 'monthly', scope: { kind: 'system', systemId: 'nope' } }, supervisor)).toBe('catalog_unknown_system');
    const t = await rig.call('maintenance.template', { id: 'cable' });
    const reading = { id: 'r', kind: 'reading', labelZh: '读数', labelEn: 'Reading', typeIds: [], unit: 'Ω', min: 10, max: 5 };
    expect(await rig.refusal('maintenance.saveTemplate', { ...t, items: [reading] }, supervisor)).toBe('invalid_input');
    expect(await rig.refusal('maintenance.saveTemplate', { ...t, items: [{ ...reading, max: 50, typeIds: ['no-such-type'] }] }, supervisor)).toBe('catalog_unknown_type');
    expect(await rig.call('maintenance.plans', {})).toEqual([]);
    expect((await rig.call('maintenance.template', { id: 'cable' })).version).toBe(1);
    expect(await rig.call('journal.list', { typePrefix: 'maintenance.' })).toEqual([]);
  });
});
