// The incident's states, the actions that move it between them, and which operator role may take each action.

import { AppError, type Result } from '../../contract/app-error';
import { type OperatorRole, roleAtLeast } from '../operators/operator-roles';

/*
 * reported → responded → plan_submitted → in_progress → resolved → fault_report_submitted → closed
 * (报告 → 响应 → 提交处理方案 → 处理中 → 已解决 → 提交故障处理报告 → 关闭), after the seed's 服务响应时间:
 * respond within 30 min, submit the handling plan within 2 h, resolve, then submit the fault report within 24 h.
 *
 * Reopening (resolved, fault_report_submitted or closed → in_progress) needs a reason: the fault came back, so
 * the engineer is working on it again; response and plan stay done (see sla-clock.ts for the clocks).
 * Some actions leave the state as it is: a note, a level change (only while unresolved: a level is the promise
 * the resolution is measured against, so it is not rewritten afterwards), an emergency plan (while unresolved).
 */

export const incidentStates = ['reported', 'responded', 'plan_submitted', 'in_progress', 'resolved', 'fault_report_submitted', 'closed'] as const;
export type IncidentState = (typeof incidentStates)[number];
/** Every state but closed, as a list: `state in (…)` lets SQLite use the incident_state index where `!=` would scan. */
export const openIncidentStates = incidentStates.filter((s) => s !== 'closed');

export const incidentStateLabels: Record<IncidentState, { zh: string; en: string }> = {
  reported: { zh: '已报告', en: 'Reported' },
  responded: { zh: '已响应', en: 'Acknowledged' },
  plan_submitted: { zh: '已提交方案', en: 'Plan submitted' },
  in_progress: { zh: '处理中', en: 'In progress' },
  resolved: { zh: '已解决', en: 'Resolved' },
  fault_report_submitted: { zh: '已提交故障报告', en: 'Fault report submitted' },
  closed: { zh: '已关闭', en: 'Closed' },
};

/** Operator roles, least to most powerful; each may do everything the previous one may. */

export const incidentActions = [
  'report',
  'add_note',
  'respond',
  'submit_plan',
  'start_work',
  'submit_emergency_plan',
  'resolve',
  'submit_fault_report',
  'change_level',
  'close',
  'reopen',
] as const;
export type IncidentAction = (typeof incidentActions)[number];

interface ActionRule {
  /** The least powerful role allowed; every role above it is allowed too. */
  minRole: OperatorRole;
  /** The states it may be taken in; empty for `report`, which creates the incident. */
  from: readonly IncidentState[];
  /** The state it leads to; null when the state stays as it is. */
  to: IncidentState | null;
}

const unresolved: readonly IncidentState[] = ['reported', 'responded', 'plan_submitted', 'in_progress'];

export const incidentActionRules: Record<IncidentAction, ActionRule> = {
  report: { minRole: 'duty_guard', from: [], to: 'reported' },
  add_note: { minRole: 'duty_guard', from: incidentStates, to: null },
  respond: { minRole: 'engineer', from: ['reported'], to: 'responded' },
  submit_plan: { minRole: 'engineer', from: ['responded'], to: 'plan_submitted' },
  start_work: { minRole: 'engineer', from: ['plan_submitted'], to: 'in_progress' },
  submit_emergency_plan: { minRole: 'engineer', from: ['responded', 'plan_submitted', 'in_progress'], to: null },
  resolve: { minRole: 'engineer', from: ['in_progress'], to: 'resolved' },
  submit_fault_report: { minRole: 'engineer', from: ['resolved'], to: 'fault_report_submitted' },
  change_level: { minRole: 'supervisor', from: unresolved, to: null },
  close: { minRole: 'supervisor', from: ['fault_report_submitted'], to: 'closed' },
  reopen: { minRole: 'supervisor', from: ['resolved', 'fault_report_submitted', 'closed'], to: 'in_progress' },
};

export type IncidentTransitionErrorCode =
  | 'incident_role_not_allowed'
  | 'incident_transition_not_allowed'
  | 'incident_reopen_reason_required';

export function roleMayTake(role: OperatorRole, action: IncidentAction): boolean {
  return roleAtLeast(role, incidentActionRules[action].minRole);
}

/** The states one action can lead to from `state` (state-keeping actions excluded), in lifecycle order. */
export function nextStates(state: IncidentState): IncidentState[] {
  const targets = new Set<IncidentState>();
  for (const action of incidentActions) {
    const rule = incidentActionRules[action];
    if (rule.to !== null && rule.to !== state && rule.from.includes(state)) targets.add(rule.to);
  }
  return incidentStates.filter((s) => targets.has(s));
}

/** The actions `role` may take in `state`: what the UI offers as buttons. */
export function availableActions(state: IncidentState, role: OperatorRole): IncidentAction[] {
  return incidentActions.filter((action) => incidentActionRules[action].from.includes(state) && roleMayTake(role, action));
}

/**
 * Whether `role` may take `action` on an incident in `state` (null: not yet reported), and the state it leads to.
 * The role is checked first: someone who may never take the action is told so, whatever the state.
 */
export function canTransition(
  state: IncidentState | null,
  action: IncidentAction,
  role: OperatorRole,
  details: { reason?: string } = {},
): Result<IncidentState> {
  const rule = incidentActionRules[action];
  const params = { state, action, role };
  if (!roleMayTake(role, action)) return refuse('incident_role_not_allowed', params);
  const allowed = state === null ? rule.from.length === 0 : rule.from.includes(state);
  if (!allowed) return refuse('incident_transition_not_allowed', params);
  if (action === 'reopen' && !details.reason?.trim()) return refuse('incident_reopen_reason_required', params);
  const next = rule.to ?? state;
  // Unreachable: only `report` has no `from` state, and it leads to `reported`.
  if (next === null) return refuse('incident_transition_not_allowed', params);
  return { ok: true, value: next };
}

function refuse(code: IncidentTransitionErrorCode, params: { state: IncidentState | null; action: IncidentAction; role: OperatorRole }): Result<IncidentState> {
  return { ok: false, error: new AppError(code, code, params).toData() };
}
