// The steps the caller may take now, as big buttons; each opens a short form and sends one command.
import { App, Button, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident, IncidentAction, IncidentActInput, SlaLevel } from '../../../shared/contract';
import { slaLevels } from '../../../shared/domain/incidents/sla-levels';
import { useErrorMessage } from '../app/use-error-message';
import { useContractCommand } from '../transport/use-contract';
import { useLevelName } from './incident-format';

type Field = 'note' | 'plan' | 'cause' | 'method' | 'loss' | 'prevention' | 'faultType' | 'reason' | 'text' | 'level';

/** The form of each action: its fields, and which must be filled. */
const actionForms: Record<IncidentAction, { fields: Field[]; required: Field[] }> = {
  report: { fields: [], required: [] },
  respond: { fields: ['note'], required: [] },
  submit_plan: { fields: ['plan'], required: ['plan'] },
  start_work: { fields: ['note'], required: [] },
  submit_emergency_plan: { fields: ['plan'], required: ['plan'] },
  resolve: { fields: ['cause', 'method', 'loss', 'prevention'], required: ['cause', 'method'] },
  submit_fault_report: { fields: ['faultType', 'cause', 'method', 'loss', 'prevention'], required: ['faultType', 'cause', 'method', 'loss'] },
  close: { fields: ['note'], required: [] },
  reopen: { fields: ['reason'], required: ['reason'] },
  add_note: { fields: ['text'], required: ['text'] },
  change_level: { fields: ['level', 'reason'], required: ['level', 'reason'] },
};

/** The lifecycle's forward steps stand out; the rest are secondary. */
const primaryActions: IncidentAction[] = ['respond', 'submit_plan', 'start_work', 'resolve', 'submit_fault_report', 'submit_emergency_plan', 'close'];

type Values = Partial<Record<Field, string>>;

function actInput(id: string, action: IncidentAction, v: Values): IncidentActInput | null {
  const s = (f: Field) => v[f]?.trim() ?? '';
  switch (action) {
    case 'respond': case 'start_work': case 'close': return { id, action, note: s('note') };
    case 'submit_plan': case 'submit_emergency_plan': return { id, action, plan: s('plan') };
    case 'resolve': return { id, action, cause: s('cause'), method: s('method'), loss: s('loss'), prevention: s('prevention') };
    case 'submit_fault_report':
      return { id, action, faultType: s('faultType'), cause: s('cause'), method: s('method'), loss: s('loss'), prevention: s('prevention') };
    case 'reopen': return { id, action, reason: s('reason') };
    case 'add_note': return { id, action, text: s('text') };
    case 'report': case 'change_level': return null;
  }
}

export function IncidentActions({ incident, actions }: { incident: Incident; actions: IncidentAction[] }) {
  const { t } = useTranslation('incidents');
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const levelName = useLevelName();
  const [form] = Form.useForm<Values>();
  const [current, setCurrent] = useState<IncidentAction | null>(null);
  const act = useContractCommand('incidents.act', ['incidents.', 'journal.']);
  const changeLevel = useContractCommand('incidents.changeLevel', ['incidents.', 'journal.']);

  const open = (action: IncidentAction) => {
    form.resetFields();
    const r = incident.record;
    if (action === 'submit_fault_report' || action === 'resolve') {
      form.setFieldsValue({ faultType: r.faultType, cause: r.cause, method: r.method, loss: r.loss, prevention: r.prevention });
    }
    if (action === 'submit_emergency_plan') form.setFieldsValue({ plan: incident.emergencyPlan });
    setCurrent(action);
  };

  const done = {
    onSuccess: () => {
      if (current) message.success(t('detail.done', { action: t(`action.${current}`) }));
      setCurrent(null);
    },
    onError: (err: unknown) => message.error(errorMessage(err)),
  };

  const submit = (values: Values) => {
    if (!current) return;
    if (current === 'change_level') {
      changeLevel.mutate({ id: incident.id, level: values.level as SlaLevel, reason: values.reason?.trim() ?? '' }, done);
      return;
    }
    const input = actInput(incident.id, current, values);
    if (input) act.mutate(input, done);
  };

  const spec = current ? actionForms[current] : null;
  const visible = actions.filter((a) => a !== 'report');
  if (visible.length === 0) return <span>{t('detail.noActions')}</span>;
  return (
    <>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }}>
        {visible.map((action) => (
          <Button
            key={action}
            size="large"
            type={primaryActions.includes(action) ? 'primary' : 'default'}
            onClick={() => open(action)}
            data-action={action}
            style={{ height: 52, minWidth: 150, fontSize: 17 }}
          >
            {t(`action.${action}`)}
          </Button>
        ))}
      </div>
      <Modal
        open={current !== null}
        title={current ? t(`action.${current}`) : ''}
        onCancel={() => setCurrent(null)}
        onOk={() => form.submit()}
        okText={current ? t(`action.${current}`) : ''}
        okButtonProps={{ size: 'large', loading: act.isPending || changeLevel.isPending }}
        cancelButtonProps={{ size: 'large' }}
        width={640}
        forceRender
      >
        <Form form={form} layout="vertical" size="large" onFinish={submit} requiredMark={false}>
          {spec?.fields.map((field) => {
            const required = spec.required.includes(field);
            const rules = required ? [{ required: true, whitespace: field !== 'level', message: t(`fields.${field}`) }] : [];
            if (field === 'level') {
              return (
                <Form.Item key={field} name="level" label={t('fields.level')} rules={rules}>
                  <Radio.Group
                    optionType="button"
                    options={slaLevels.filter((l) => l !== incident.level).map((l) => ({ value: l, label: levelName(l) }))}
                  />
                </Form.Item>
              );
            }
            const long = field !== 'faultType';
            return (
              <Form.Item key={field} name={field} label={t(`fields.${field}`)} rules={rules}>
                {long ? <Input.TextArea rows={field === 'plan' ? 5 : 3} maxLength={4000} /> : <Input maxLength={200} />}
              </Form.Item>
            );
          })}
        </Form>
      </Modal>
    </>
  );
}
