// On an incident's page: "cannot resolve on site" for the engineer (with what was tried), and the incident's escalations.
import { RiseOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, List, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../../../shared/contract';
import { useErrorMessage } from '../app/use-error-message';
import { formatTime, useEnglish } from '../incidents/incident-format';
import { useMayCall } from '../operators/use-may-call';
import { useContractCommand, useContractQuery } from '../transport/use-contract';

export function IncidentEscalations({ incident }: { incident: Incident }) {
  const { t } = useTranslation('escalations');
  const english = useEnglish();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const mayRaise = useMayCall('escalations.raise');
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ tried: string }>();
  const list = useContractQuery('escalations.list', { scope: 'all', incidentId: incident.id });
  const raise = useContractCommand('escalations.raise', ['escalations.', 'incidents.']);
  const submit = async ({ tried }: { tried: string }) => {
    try {
      await raise.mutateAsync({ incidentId: incident.id, tried });
      void message.success(t('raisedOk'));
      setOpen(false);
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };
  const items = list.data ?? [];
  return (
    <div style={{ marginTop: 16 }} data-testid="incident-escalations">
      {mayRaise && incident.state !== 'closed' && (
        <Button size="large" icon={<RiseOutlined />} onClick={() => setOpen(true)}>{t('cannotResolve')}</Button>
      )}
      {items.length > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>{t('onIncident')}</Typography.Text>}
          dataSource={items}
          renderItem={(e) => (
            <List.Item>
              <div>
                <Tag color="purple">{t(`kind.${e.kind}`)}</Tag> {formatTime(e.raisedAt, english, false)} · {e.raisedBy}
                {e.tried && <div>{t('tried', { tried: e.tried })}</div>}
                {e.acknowledgedAt !== null && <div>{t('acknowledged', { action: e.action })} · {e.acknowledgedBy}</div>}
              </div>
            </List.Item>
          )}
        />
      )}
      <Modal open={open} title={t('cannotResolveTitle')} okText={t('raise')} onOk={() => form.submit()} onCancel={() => setOpen(false)} confirmLoading={raise.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" size="large" onFinish={(v) => void submit(v)}>
          <Form.Item name="tried" label={t('triedLabel')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={4} maxLength={4000} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
