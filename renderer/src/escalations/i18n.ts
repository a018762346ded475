// Escalations' words, Chinese first.

export const escalationsZh = {
  queue: '升级待处理 {{count}}',
  queueEmpty: '升级',
  title: '升级队列（主管）',
  empty: '没有待处理的升级。',
  kind: { cannot_resolve: '现场无法解决', sla_overdue: 'SLA 节点超时' },
  milestone: '节点：{{name}}',
  tried: '已尝试：{{tried}}',
  raised: '{{by}} · {{time}}',
  action: '将采取的措施',
  acknowledge: '确认升级',
  acknowledged: '已确认：{{action}}',
  cannotResolve: '现场无法解决',
  cannotResolveTitle: '现场无法解决，升级给主管',
  triedLabel: '已经尝试了什么',
  raise: '升级',
  raisedOk: '已升级给主管',
  onIncident: '升级',
};

export const escalationsEn: typeof escalationsZh = {
  queue: 'Escalations {{count}}',
  queueEmpty: 'Escalations',
  title: 'Escalation queue (supervisor)',
  empty: 'No escalations waiting.',
  kind: { cannot_resolve: 'Cannot be resolved on site', sla_overdue: 'SLA milestone missed' },
  milestone: 'Milestone: {{name}}',
  tried: 'Tried: {{tried}}',
  raised: '{{by}} · {{time}}',
  action: 'What will be done',
  acknowledge: 'Acknowledge',
  acknowledged: 'Acknowledged: {{action}}',
  cannotResolve: 'Cannot resolve on site',
  cannotResolveTitle: 'Cannot resolve on site: escalate to the supervisor',
  triedLabel: 'What was tried',
  raise: 'Escalate',
  raisedOk: 'Escalated to the supervisor',
  onIncident: 'Escalations',
};

export const escalationsErrorsZh = {
  escalation_role_not_allowed: '您的角色不能执行此操作。',
  escalation_already_acknowledged: '此升级已由 {{by}} 确认。',
  escalation_incident_closed: '故障 {{number}} 已关闭，不能升级。',
  escalation_not_found: '找不到该升级。',
};

export const escalationsErrorsEn: typeof escalationsErrorsZh = {
  escalation_role_not_allowed: 'Your role may not do this.',
  escalation_already_acknowledged: 'Already acknowledged by {{by}}.',
  escalation_incident_closed: 'Incident {{number}} is closed: it cannot be escalated.',
  escalation_not_found: 'No such escalation.',
};
