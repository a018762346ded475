import { describe, expect, it } from 'vitest';
import { availableActions, canTransition, incidentActions, nextStates, roleMayTake, type IncidentAction, type IncidentState } from '../../../../shared/domain/incidents/incident-lifecycle';
import { type OperatorRole } from '../../../../shared/domain/operators/operator-roles';

const errorCode = (r: ReturnType<typeof canTransition>) => (r.ok ? null : r.error.code);

describe('the incident lifecycle', () => {
  it('walks an incident from report to closed, one action per step', () => {
    const steps: [IncidentAction, IncidentState][] = [
      ['respond', 'responded'], ['submit_plan', 'plan_submitted'], ['start_work', 'in_progress'],
      ['resolve', 'resolved'], ['submit_fault_report', 'fault_report_submitted'], ['close', 'closed'],
    ];
    let state: IncidentState | null = null;
    const created = canTransition(state, 'report', 'duty_guard');
    expect(created).toEqual({ ok: true, value: 'reported' });
    state = 'reported';
    for (const [action, expected] of steps) {
      const r = canTransition(state, action, 'supervisor');
      expect(r).toEqual({ ok: true, value: expected });
      state = expected;
    }
  });

  it('lists where each state can lead', () => {
    expect(nextStates('reported')).toEqual(['responded']);
    expect(nextStates('in_progress')).toEqual(['resolved']);
    expect(nextStates('resolved')).toEqual(['in_progress', 'fault_report_submitted']);
    expect(nextStates('closed')).toEqual(['in_progress']);
  });

  it('lets a duty guard report and add notes, and nothing else', () => {
    expect(incidentActions.filter((a) => roleMayTake('duty_guard', a))).toEqual(['report', 'add_note']);
    expect(availableActions('reported', 'duty_guard')).toEqual(['add_note']);
    expect(canTransition('reported', 'add_note', 'duty_guard')).toEqual({ ok: true, value: 'reported' });
    expect(errorCode(canTransition('reported', 'respond', 'duty_guard'))).toBe('incident_role_not_allowed');
  });

  it('lets an engineer do the work — respond, plan, start, emergency plan, resolve, fault report — but not close, reopen or change the level', () => {
    expect(incidentActions.filter((a) => roleMayTake('engineer', a))).toEqual([
      'report', 'add_note', 'respond', 'submit_plan', 'start_work', 'submit_emergency_plan', 'resolve', 'submit_fault_report',
    ]);
    expect(errorCode(canTransition('fault_report_submitted', 'close', 'engineer'))).toBe('incident_role_not_allowed');
    expect(errorCode(canTransition('resolved', 'reopen', 'engineer', { reason: '复发' }))).toBe('incident_role_not_allowed');
    expect(errorCode(canTransition('in_progress', 'change_level', 'engineer'))).toBe('incident_role_not_allowed');
  });

  it('lets a supervisor do everything an engineer may, plus close, reopen and change the level; an administrator everything', () => {
    for (const action of incidentActions) {
      expect(roleMayTake('supervisor', action)).toBe(true);
      expect(roleMayTake('administrator', action)).toBe(true);
    }
    expect(availableActions('fault_report_submitted', 'supervisor')).toEqual(['add_note', 'close', 'reopen']);
  });

  it('explains a refusal with the state, action and role', () => {
    expect(canTransition('reported', 'close', 'duty_guard')).toEqual({
      ok: false,
      error: { code: 'incident_role_not_allowed', message: 'incident_role_not_allowed', params: { state: 'reported', action: 'close', role: 'duty_guard' } },
    });
  });

  it('refuses a step out of order', () => {
    expect(errorCode(canTransition('reported', 'resolve', 'engineer'))).toBe('incident_transition_not_allowed');
    expect(errorCode(canTransition('resolved', 'respond', 'engineer'))).toBe('incident_transition_not_allowed');
    expect(errorCode(canTransition('resolved', 'close', 'supervisor'))).toBe('incident_transition_not_allowed');
    expect(errorCode(canTransition('in_progress', 'reopen', 'supervisor', { reason: '复发' }))).toBe('incident_transition_not_allowed');
    expect(errorCode(canTransition('reported', 'report', 'duty_guard'))).toBe('incident_transition_not_allowed');
    expect(errorCode(canTransition(null, 'respond', 'engineer'))).toBe('incident_transition_not_allowed');
  });

  it('reopens a resolved, reported-on or closed incident into in progress, with a reason', () => {
    for (const from of ['resolved', 'fault_report_submitted', 'closed'] as const) {
      expect(canTransition(from, 'reopen', 'supervisor', { reason: '故障复现' })).toEqual({ ok: true, value: 'in_progress' });
    }
  });

  it('refuses a reopen without a reason, or with a blank one', () => {
    expect(errorCode(canTransition('closed', 'reopen', 'supervisor'))).toBe('incident_reopen_reason_required');
    expect(errorCode(canTransition('closed', 'reopen', 'administrator', { reason: '  \n' }))).toBe('incident_reopen_reason_required');
  });

  it('keeps the state for notes, level changes and emergency plans', () => {
    expect(canTransition('closed', 'add_note', 'duty_guard')).toEqual({ ok: true, value: 'closed' });
    expect(canTransition('plan_submitted', 'change_level', 'supervisor')).toEqual({ ok: true, value: 'plan_submitted' });
    expect(canTransition('in_progress', 'submit_emergency_plan', 'engineer')).toEqual({ ok: true, value: 'in_progress' });
  });

  it('changes the level only while the incident is unresolved', () => {
    const ok = (state: IncidentState, role: OperatorRole) => canTransition(state, 'change_level', role).ok;
    expect((['reported', 'responded', 'plan_submitted', 'in_progress'] as const).every((s) => ok(s, 'supervisor'))).toBe(true);
    expect(errorCode(canTransition('resolved', 'change_level', 'administrator'))).toBe('incident_transition_not_allowed');
  });
});
