import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  HOUR_MS,
  MINUTE_MS,
  emergencyPlanRule,
  faultReportDueAfterResolutionMs,
  isSlaLevel,
  slaLevelDefinitions,
  slaLevels,
} from '../../../../shared/domain/incidents/sla-levels';

describe('the SLA levels of the service document', () => {
  it('lists levels I to IV, most urgent first, named 紧急 严重 较严重 普通', () => {
    expect(slaLevels).toEqual(['I', 'II', 'III', 'IV']);
    expect(slaLevels.map((l) => slaLevelDefinitions[l].name.zh)).toEqual(['紧急', '严重', '较严重', '普通']);
    expect(slaLevels.map((l) => slaLevelDefinitions[l].name.en)).toEqual(['Urgent', 'Serious', 'Moderate', 'Routine']);
    expect(slaLevels.map((l) => slaLevelDefinitions[l].rank)).toEqual([0, 1, 2, 3]);
  });

  it('gives every level a 30 minute response and a plan within 2 hours', () => {
    for (const level of slaLevels) {
      expect(slaLevelDefinitions[level].responseMs).toBe(30 * MINUTE_MS);
      expect(slaLevelDefinitions[level].planMs).toBe(2 * HOUR_MS);
    }
  });

  it('resolves within 12 h, 24 h, 48 h and 5 days', () => {
    expect(slaLevels.map((l) => slaLevelDefinitions[l].resolutionMs)).toEqual([12 * HOUR_MS, 24 * HOUR_MS, 48 * HOUR_MS, 5 * DAY_MS]);
    expect(5 * DAY_MS).toBe(120 * HOUR_MS);
  });

  it('states each level in the seed\u2019s plain words, in Simplified Chinese and English', () => {
    expect(slaLevelDefinitions.I.meaning.zh).toBe('系统崩溃导致业务停止、数据丢失。');
    expect(slaLevelDefinitions.II.meaning.zh).toBe('出现部分部件失效、系统性能下降但能正常运行,不影响正常业务运作。');
    expect(slaLevelDefinitions.III.meaning.zh).toBe('出现系统报错或警告,但业务系统能继续运行且性能不受影响。');
    expect(slaLevelDefinitions.IV.meaning.zh).toBe('系统技术功能、安装或配置咨询,或其他显然不影响业务的预约服务。');
    for (const level of slaLevels) expect(slaLevelDefinitions[level].meaning.en.length).toBeGreaterThan(20);
  });

  it('requires an emergency plan by 16 h for level I unresolved at 12 h, and a fault report 24 h after resolution', () => {
    expect(emergencyPlanRule).toEqual({ level: 'I', triggerAfterMs: 12 * HOUR_MS, dueAfterMs: 16 * HOUR_MS });
    expect(faultReportDueAfterResolutionMs).toBe(24 * HOUR_MS);
  });

  it('recognises a level name and nothing else', () => {
    expect(isSlaLevel('III')).toBe(true);
    expect(isSlaLevel('V')).toBe(false);
    expect(isSlaLevel(1)).toBe(false);
  });
});
