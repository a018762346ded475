// The on-site record (现场记录): time, place, reporter, description, fault type, cause, method, loss, prevention; editable.
import { App, Button, Card, DatePicker, Descriptions, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident, OnSiteRecord } from '../../../shared/contract';
import { useErrorMessage } from '../app/use-error-message';
import { useContractCommand } from '../transport/use-contract';
import { formatTime, useEnglish } from './incident-format';

const textFields = ['location', 'reporter', 'description', 'faultType', 'cause', 'method', 'loss', 'prevention'] as const;
type RecordValues = Omit<OnSiteRecord, 'occurredAt'> & { occurredAt: Dayjs };

export function IncidentRecordCard({ incident, editable }: { incident: Incident; editable: boolean }) {
  const { t } = useTranslation('incidents');
  const { t: tc } = useTranslation();
  const english = useEnglish();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<RecordValues>();
  const update = useContractCommand('incidents.updateRecord', ['incidents.', 'journal.']);
  const r = incident.record;

  const save = (v: RecordValues) => {
    const fields: Partial<OnSiteRecord> = { occurredAt: v.occurredAt.valueOf() };
    for (const f of textFields) fields[f] = (v[f] ?? '').trim();
    if (!fields.reporter) delete fields.reporter;
    if (!fields.description) delete fields.description;
    update.mutate(
      { id: incident.id, fields },
      {
        onSuccess: () => {
          message.success(t('detail.recordSaved'));
          setEditing(false);
        },
        onError: (err) => message.error(errorMessage(err)),
      },
    );
  };

  const extra = editable && !editing && (
    <Button
      onClick={() => {
        form.setFieldsValue({ ...r, occurredAt: dayjs(r.occurredAt) });
        setEditing(true);
      }}
    >
      {tc('actions.edit')}
    </Button>
  );

  return (
    <Card title={t('detail.record')} extra={extra}>
      {editing ? (
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item name="occurredAt" label={t('fields.occurredAt')} rules={[{ required: true }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={(d) => d.isAfter(dayjs())} />
          </Form.Item>
          {textFields.map((f) => (
            <Form.Item key={f} name={f} label={t(`fields.${f}`)}>
              {f === 'location' || f === 'reporter' || f === 'faultType' ? <Input maxLength={200} /> : <Input.TextArea autoSize={{ minRows: 2 }} maxLength={4000} />}
            </Form.Item>
          ))}
          <div style={{ display: 'flex', gap: 12 }}>
            <Button type="primary" htmlType="submit" loading={update.isPending}>{tc('actions.save')}</Button>
            <Button onClick={() => setEditing(false)}>{tc('actions.cancel')}</Button>
          </div>
        </Form>
      ) : (
        <Descriptions column={1} bordered size="small" styles={{ label: { width: 120 } }}>
          <Descriptions.Item label={t('fields.occurredAt')}>{formatTime(r.occurredAt, english)}</Descriptions.Item>
          {textFields.map((f) => (
            <Descriptions.Item key={f} label={t(`fields.${f}`)}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{r[f] || '—'}</span>
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
    </Card>
  );
}
