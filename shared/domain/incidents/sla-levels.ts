// The four SLA levels of the seed's 服务响应时间 table, their clocks and the two rules that follow resolution.

/*
 * Source: seed/service-system.txt, 服务管理制度规范 → (3) 服务响应时间.
 *   故障级别 | 响应时间 | 故障解决时间
 *   I级  紧急问题   | 30分钟,2小时内提交故障处理方案 | 12小时以内
 *   II级 严重问题   | 30分钟,2小时内提交故障处理方案 | 24小时以内
 *   III级 较严重问题 | 30分钟,2小时内提交故障处理方案 | 48小时以内
 *   IV级 普通问题   | 30分钟,2小时内提交故障处理方案 | 5天内
 * and the paragraph under it: 不能于12小时内解决故障 … 在16小时内提出应急方案; 故障解决后24小时内,提交故障处理报告.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Most urgent first: the order a dashboard and a picker list them in. */
export const slaLevels = ['I', 'II', 'III', 'IV'] as const;
export type SlaLevel = (typeof slaLevels)[number];

export interface LocalizedText {
  zh: string;
  en: string;
}

export interface SlaLevelDefinition {
  level: SlaLevel;
  /** 0 for level I … 3 for level IV; lower is more urgent. */
  rank: number;
  name: LocalizedText;
  /** The seed's 具体现象 for the level, in plain words a duty guard understands. */
  meaning: LocalizedText;
  /** 响应时间: from the report. */
  responseMs: number;
  /** 2小时内提交故障处理方案: from the report. */
  planMs: number;
  /** 故障解决时间: from the report (or from a reopening, see sla-clock.ts). */
  resolutionMs: number;
}

const RESPONSE_MS = 30 * MINUTE_MS;
const PLAN_MS = 2 * HOUR_MS;

export const slaLevelDefinitions: Record<SlaLevel, SlaLevelDefinition> = {
  I: {
    level: 'I',
    rank: 0,
    name: { zh: '紧急', en: 'Urgent' },
    meaning: {
      zh: '系统崩溃导致业务停止、数据丢失。',
      en: 'The system has crashed: business has stopped or data has been lost.',
    },
    responseMs: RESPONSE_MS,
    planMs: PLAN_MS,
    resolutionMs: 12 * HOUR_MS,
  },
  II: {
    level: 'II',
    rank: 1,
    name: { zh: '严重', en: 'Serious' },
    meaning: {
      zh: '出现部分部件失效、系统性能下降但能正常运行,不影响正常业务运作。',
      en: 'A part has failed or the system has slowed down, but it still runs and business goes on.',
    },
    responseMs: RESPONSE_MS,
    planMs: PLAN_MS,
    resolutionMs: 24 * HOUR_MS,
  },
  III: {
    level: 'III',
    rank: 2,
    name: { zh: '较严重', en: 'Moderate' },
    meaning: {
      zh: '出现系统报错或警告,但业务系统能继续运行且性能不受影响。',
      en: 'The system shows errors or warnings, but business keeps running and performance is not affected.',
    },
    responseMs: RESPONSE_MS,
    planMs: PLAN_MS,
    resolutionMs: 48 * HOUR_MS,
  },
  IV: {
    level: 'IV',
    rank: 3,
    name: { zh: '普通', en: 'Routine' },
    meaning: {
      zh: '系统技术功能、安装或配置咨询,或其他显然不影响业务的预约服务。',
      en: 'A question about features, installation or configuration, or a booked service that clearly does not affect business.',
    },
    responseMs: RESPONSE_MS,
    planMs: PLAN_MS,
    // 5天内 is read as five calendar days: the 7x24 mobile hotline (服务时间 (2)) means the clock does not pause outside office hours.
    resolutionMs: 5 * DAY_MS,
  },
};

/**
 * 对于"系统瘫痪,业务系统不能运转"的故障级别 (level I), 如果不能于12小时内解决故障 … 在16小时内提出应急方案.
 * Both figures are measured from the same start as the resolution clock.
 */
export const emergencyPlanRule = {
  level: 'I' as SlaLevel,
  /** Unresolved at this point after the report: the emergency plan becomes required. */
  triggerAfterMs: 12 * HOUR_MS,
  /** The emergency plan is due at this point after the report. */
  dueAfterMs: 16 * HOUR_MS,
} as const;

/** 故障解决后24小时内,提交故障处理报告 (type, cause, method used, loss): measured from the resolution. */
export const faultReportDueAfterResolutionMs = 24 * HOUR_MS;

export function isSlaLevel(value: unknown): value is SlaLevel {
  return typeof value === 'string' && (slaLevels as readonly string[]).includes(value);
}
