// Suggests an SLA level from a few yes/no facts a duty guard can answer, with the reason in plain words.

import { slaLevelDefinitions, type LocalizedText, type SlaLevel } from './sla-levels';

/*
 * The questions follow the seed's 具体现象 for each level (服务响应时间), most severe first, so the first "yes"
 * decides: I 业务停止、数据丢失; II 部分部件失效、性能下降但能正常运行; III 报错或警告、业务与性能不受影响;
 * IV 咨询或预约服务. The suggestion is only a starting point: the level can be changed (see incident-lifecycle.ts).
 * Before them comes danger: people or equipment at risk, or a situation getting worse (water next to a live UPS), is
 * urgent whether or not business has stopped yet — waiting for it to stop is what the guard must not do.
 * A guard may answer "不知道" to any question; that is the same as not answering it.
 */

export interface IncidentFacts {
  dangerOrWorsening?: boolean;
  businessStopped?: boolean;
  dataLost?: boolean;
  partFailedOrDegraded?: boolean;
  errorsOrWarningsOnly?: boolean;
  questionOrBookedService?: boolean;
}

export type IncidentFact = keyof IncidentFacts;

export type SuggestionBasis = IncidentFact | 'nothing_answered';

export interface LevelSuggestion {
  level: SlaLevel;
  /** The fact that decided it. */
  basis: SuggestionBasis;
  /** Why, in plain words. */
  reason: LocalizedText;
  /** The seed's meaning of the suggested level. */
  meaning: LocalizedText;
}

/** The questions to ask, in the order they decide, with the level a "yes" leads to. */
export const levelQuestions: readonly { fact: IncidentFact; level: SlaLevel; question: LocalizedText; reason: LocalizedText }[] = [
  {
    fact: 'dangerOrWorsening',
    level: 'I',
    question: {
      zh: '是否有人员或设备处于危险中,或情况正在变糟(如积水靠近带电设备)?',
      en: 'Are people or equipment in danger, or is it getting worse (e.g. water near live equipment)?',
    },
    reason: {
      zh: '人员或设备有危险、情况在恶化,按紧急问题处理。',
      en: 'People or equipment are in danger or it is getting worse: treated as urgent.',
    },
  },
  {
    fact: 'businessStopped',
    level: 'I',
    question: { zh: '业务是否已经停止(系统瘫痪、无法使用)?', en: 'Has business stopped (the system is down and cannot be used)?' },
    reason: { zh: '业务已经停止,属于紧急问题。', en: 'Business has stopped: this is an urgent problem.' },
  },
  {
    fact: 'dataLost',
    level: 'I',
    question: { zh: '是否有数据丢失?', en: 'Has any data been lost?' },
    reason: { zh: '有数据丢失,属于紧急问题。', en: 'Data has been lost: this is an urgent problem.' },
  },
  {
    fact: 'partFailedOrDegraded',
    level: 'II',
    question: {
      zh: '是否有部分设备失效或系统变慢,但仍能运行?',
      en: 'Has part of the system failed or slowed down, while it still runs?',
    },
    reason: {
      zh: '部分部件失效或性能下降,但系统仍在运行,属于严重问题。',
      en: 'Part of the system has failed or slowed down but it still runs: this is a serious problem.',
    },
  },
  {
    fact: 'errorsOrWarningsOnly',
    level: 'III',
    question: {
      zh: '是否只是出现报错或警告,使用和速度都正常?',
      en: 'Are there only error or warning messages, with everything still working at normal speed?',
    },
    reason: {
      zh: '只有报错或警告,业务和性能不受影响,属于较严重问题。',
      en: 'Only errors or warnings, business and performance are not affected: this is a moderate problem.',
    },
  },
  {
    fact: 'questionOrBookedService',
    level: 'IV',
    question: {
      zh: '是咨询(功能、安装、配置)或预约服务吗?',
      en: 'Is it a question (features, installation, configuration) or a booked service?',
    },
    reason: {
      zh: '咨询或预约服务,不影响业务,属于普通问题。',
      en: 'A question or a booked service that does not affect business: this is a routine problem.',
    },
  },
];

// With no answer, something is still wrong enough to report: assume a failure that has not stopped business (II),
// a tighter clock than III, until the responding engineer confirms or changes the level.
const whenNothingAnswered: { level: SlaLevel; reason: LocalizedText } = {
  level: 'II',
  reason: {
    zh: '尚未说明现象,先按严重问题处理,工程师响应后确认级别。',
    en: 'No symptom given yet: treated as a serious problem until the engineer confirms the level.',
  },
};

/** Whether any answer gave the suggestion something to go on; until then the form shows no level. */
export function hasBasis(suggestion: LevelSuggestion): boolean {
  return suggestion.basis !== 'nothing_answered';
}

export function suggestLevel(facts: IncidentFacts): LevelSuggestion {
  const decisive = levelQuestions.find((q) => facts[q.fact] === true);
  const level = decisive?.level ?? whenNothingAnswered.level;
  return {
    level,
    basis: decisive?.fact ?? 'nothing_answered',
    reason: decisive?.reason ?? whenNothingAnswered.reason,
    meaning: slaLevelDefinitions[level].meaning,
  };
}
