import { describe, expect, it } from 'vitest';
import { type ChecklistItem, itemOutcome, limitsText } from '../../../../shared/domain/maintenance/checklist-items';
import { dueState } from '../../../../shared/domain/maintenance/due-state';
import { occurrenceDay } from '../../../../shared/domain/maintenance/frequency';

const loop: ChecklistItem = { id: 'loop', kind: 'reading', labelZh: '环路电阻', labelEn: 'Loop', typeIds: [], unit: 'Ω', min: null, max: 25 };

describe('maintenance rules', () => {
  it('counts due days from the plan\'s start, so a start on the 31st falls on each month\'s last day without drifting', () => {
    expect([0, 1, 2, 3].map((n) => occurrenceDay('2027-01-31', 'monthly', null, n))).toEqual(['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30']);
    expect(occurrenceDay('2026-11-30', 'quarterly', null, 1)).toBe('2027-02-28');
    expect(occurrenceDay('2026-06-15', 'half_yearly', null, 3)).toBe('2027-12-15');
    expect(occurrenceDay('2024-02-29', 'yearly', null, 1)).toBe('2025-02-28');
    expect(occurrenceDay('2026-12-30', 'every_n_days', 10, 2)).toBe('2027-01-19');
  });

  it('fails a reading outside its limits whatever was chosen, and takes n/a as an answer', () => {
    expect(itemOutcome(loop, { reading: 24.9 })).toBe('pass');
    expect(itemOutcome(loop, { reading: 25.1, outcome: 'pass' })).toBe('fail');
    expect(itemOutcome(loop, { reading: null })).toBeNull();
    expect(itemOutcome(loop, { outcome: 'na' })).toBe('na');
    expect(limitsText(loop)).toBe('≤ 25 Ω');
    expect(limitsText({ min: 85, max: 115, unit: 'Ω' })).toBe('85–115 Ω');
  });

  it('asks a backup for what and where, and a version for what it is now', () => {
    const backup: ChecklistItem = { id: 'b', kind: 'backup', labelZh: '备份', labelEn: 'Backup', typeIds: [] };
    expect(itemOutcome(backup, { backupWhat: '数据库' })).toBeNull();
    expect(itemOutcome(backup, { backupWhat: '数据库', backupWhere: 'NAS' })).toBe('pass');
    expect(itemOutcome(backup, { outcome: 'fail' })).toBe('fail');
    const version: ChecklistItem = { id: 'v', kind: 'version', labelZh: '版本', labelEn: 'Version', typeIds: [], versionField: 'firmware' };
    expect(itemOutcome(version, { versionBefore: '1.0' })).toBeNull();
    expect(itemOutcome(version, { versionBefore: '1.0', versionAfter: '1.1' })).toBe('done');
  });

  it('marks a task overdue the day after its window, due within the week, done once finished', () => {
    const task = { state: 'open', dueOn: '2026-12-10', deadline: '2026-12-15' };
    expect(dueState(task, '2026-12-01')).toBe('upcoming');
    expect(dueState(task, '2026-12-04')).toBe('due');
    expect(dueState(task, '2026-12-15')).toBe('due');
    expect(dueState(task, '2026-12-16')).toBe('overdue');
    expect(dueState({ ...task, state: 'done' }, '2027-01-01')).toBe('done');
  });
});
