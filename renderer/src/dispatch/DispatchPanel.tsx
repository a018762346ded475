// Beside the SLA clocks: who was dispatched, when, when expected and when arrived; and the form to dispatch one.
import { App, Alert, Button, DatePicker, Form, Select, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../../../shared/contract';
import { gradeRequiredFor } from '../../../shared/domain/operators/engineer-grades';
import { useErrorMessage } from '../app/use-error-message';
import { formatTime, useEnglish } from '../incidents/incident-format';
import { useContractCommand, useContractQuery } from '../transport/use-contract';

export function DispatchPanel({ incident }: { incident: Incident }) {
  const { t } = useTranslation('dispatch');
  const english = useEnglish();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const dispatches = useContractQuery('dispatch.ofIncident', { incidentId: incident.id });
  const engineers = useContractQuery('engineers.list', {});
  const record = useContractCommand('dispatch.record', ['dispatch.', 'incidents.']);
  const arrived = useContractCommand('dispatch.arrived', ['dispatch.', 'incidents.']);
  const [form] = Form.useForm<{ engineerId: string; expectedAt: Dayjs }>();
  const required = gradeRequiredFor(incident.level);
  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };
  const options = (engineers.data ?? [])
    .filter((e) => e.grade !== null && (!required || e.grade === required))
    .map((e) => ({ value: e.id, label: `${e.displayName} · ${t(`grade.${e.grade ?? 'none'}`)}` }));
  return (
    <div style={{ marginTop: 16, borderTop: '1px solid rgba(255,255,255,0.12)', paddingTop: 12 }} data-testid="dispatch-panel">
      <Typography.Text strong>{t('title')}</Typography.Text>
      {required && <Alert type="warning" showIcon title={t('fiveStarNeeded')} style={{ margin: '8px 0' }} />}
      {(dispatches.data ?? []).length === 0 && <div><Typography.Text type="secondary">{t('none')}</Typography.Text></div>}
      {(dispatches.data ?? []).map((d) => (
        <div key={d.id} style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap', margin: '6px 0' }} data-testid="dispatch-row">
          <strong>{d.engineerName}</strong>
          <Tag color="gold">{t(`grade.${d.grade}`)}</Tag>
          <span>{t('dispatchedAt', { time: formatTime(d.dispatchedAt, english, false) })}</span>
          <span>{t('expected', { time: formatTime(d.expectedAt, english, false) })}</span>
          {d.arrivedAt !== null ? (
            <Tag color="green">{t('arrivedAt', { time: formatTime(d.arrivedAt, english, false) })}</Tag>
          ) : (
            <Button onClick={() => void run(() => arrived.mutateAsync({ id: d.id }))} loading={arrived.isPending}>{t('arrived')}</Button>
          )}
        </div>
      ))}
      {incident.state !== 'closed' && (
        <Form
          layout="inline"
          style={{ marginTop: 8, rowGap: 8 }}
          form={form}
          onFinish={(v: { engineerId: string; expectedAt: Dayjs }) =>
            void run(async () => {
              await record.mutateAsync({ incidentId: incident.id, engineerId: v.engineerId, expectedAt: v.expectedAt.valueOf() });
              // Sent: the form starts empty again, so a second click cannot send the same engineer twice.
              form.resetFields(['engineerId']);
            })
          }
          initialValues={{ expectedAt: dayjs().add(30, 'minute') }}
        >
          <Form.Item name="engineerId" label={t('engineer')} rules={[{ required: true }]}>
            <Select options={options} style={{ minWidth: 180 }} />
          </Form.Item>
          <Form.Item name="expectedAt" label={t('expectedAt')} rules={[{ required: true }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={record.isPending}>{t('dispatch')}</Button>
        </Form>
      )}
    </div>
  );
}
