// The system defect's (系统缺陷类问题) steps after the seed's 问题记录规范, and which operator role may take each.
import { AppError, type Result } from '../../contract/app-error';
import { type OperatorRole, roleAtLeast } from '../operators/operator-roles';

/*
 * submitted → analysed → proposed → approved → implemented → confirmed → reported → replied
 * (提交 → 分析 → 提出解决方案 → 主管签字同意 → 实施 → 确认解决 → 上报服务中心 → 回复).
 * 问题记录规范 (2): an operation problem (操作问题) is explained to whoever asked and the defect form becomes a
 * consultation form: `convert` closes the defect as `converted`, linked to that consultation.
 * (3) "经主管领导签字同意后": `sign_off` is the supervisor's, with their password typed again; `refuse` sends the
 * proposal back (to `analysed`) with a reason, for a new proposal.
 */

export const defectStates = ['submitted', 'analysed', 'proposed', 'approved', 'implemented', 'confirmed', 'reported', 'replied', 'converted'] as const;
export type DefectState = (typeof defectStates)[number];

/** 问题记录规范 (2): technical, business or operation problem. */
export const defectClassifications = ['technical', 'business', 'operation'] as const;
export type DefectClassification = (typeof defectClassifications)[number];

export const defectActions = ['analyse', 'convert', 'propose', 'sign_off', 'refuse', 'implement', 'confirm', 'report', 'reply'] as const;
export type DefectAction = (typeof defectActions)[number];

interface StepRule {
  /** The least powerful role allowed; every role above it is allowed too. */
  minRole: OperatorRole;
  from: readonly DefectState[];
  to: DefectState;
}

export const defectStepRules: Record<DefectAction, StepRule> = {
  analyse: { minRole: 'engineer', from: ['submitted'], to: 'analysed' },
  convert: { minRole: 'engineer', from: ['submitted', 'analysed'], to: 'converted' },
  propose: { minRole: 'engineer', from: ['analysed'], to: 'proposed' },
  sign_off: { minRole: 'supervisor', from: ['proposed'], to: 'approved' },
  refuse: { minRole: 'supervisor', from: ['proposed'], to: 'analysed' },
  implement: { minRole: 'engineer', from: ['approved'], to: 'implemented' },
  confirm: { minRole: 'engineer', from: ['implemented'], to: 'confirmed' },
  report: { minRole: 'engineer', from: ['confirmed'], to: 'reported' },
  reply: { minRole: 'engineer', from: ['reported'], to: 'replied' },
};

/** Submitting is open to every operator: a guard, an engineer, or a customer's user through them. */
export const defectSubmitRole: OperatorRole = 'duty_guard';
export const openDefectStates = defectStates.filter((s) => s !== 'replied' && s !== 'converted');

/** The steps `role` may take in `state`: the buttons the UI offers. */
export function availableDefectActions(state: DefectState, role: OperatorRole): DefectAction[] {
  return defectActions.filter((a) => defectStepRules[a].from.includes(state) && roleAtLeast(role, defectStepRules[a].minRole));
}

/** Whether `role` may take `action` in `state`, and the state it leads to; the role is checked first. */
export function canTakeDefectStep(state: DefectState, action: DefectAction, role: OperatorRole): Result<DefectState> {
  const rule = defectStepRules[action];
  const params = { state, action, role };
  if (!roleAtLeast(role, rule.minRole)) return { ok: false, error: new AppError('defect_role_not_allowed', 'defect_role_not_allowed', params).toData() };
  if (!rule.from.includes(state)) return { ok: false, error: new AppError('defect_step_not_allowed', 'defect_step_not_allowed', params).toData() };
  return { ok: true, value: rule.to };
}
