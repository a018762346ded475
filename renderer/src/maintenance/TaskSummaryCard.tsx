// The end of a task: findings and suggestions (适当建议), the ad-hoc task's details, finishing, and printing.
import { CheckCircleOutlined, FileTextOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { MaintenanceTask, TaskDetails } from '../../../shared/contract';
import { useErrorMessage } from '../app/use-error-message';
import { useMayCall } from '../operators/use-may-call';
import { useContractCommand } from '../transport/use-contract';

const detailFields: Record<MaintenanceTask['kind'], (keyof TaskDetails)[]> = {
  planned: [],
  adhoc: [],
  pre_event: ['eventName', 'eventDate'],
  training: ['trainees', 'topic', 'trainer'],
  visit: ['customerContact', 'customerRemarks'],
};

export function TaskSummaryCard({ task, openItems }: { task: MaintenanceTask; openItems: number }) {
  const { t } = useTranslation('maintenance');
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const update = useContractCommand('maintenance.updateTask', ['maintenance.']);
  const finish = useContractCommand('maintenance.finishTask', ['maintenance.']);
  const mayEdit = useMayCall('maintenance.updateTask');
  const readOnly = task.state === 'done' || !mayEdit;
  const [form] = Form.useForm<{ findings: string; suggestions: string } & TaskDetails>();
  // Filled from the core once per task: a refresh after a save must not overwrite what is being typed in another field.
  const loaded = useRef<string | null>(null);
  useEffect(() => {
    if (loaded.current === task.id) return;
    loaded.current = task.id;
    form.setFieldsValue({ findings: task.findings, suggestions: task.suggestions, ...task.details });
  }, [form, task]);

  const save = async () => {
    if (readOnly) return;
    const v = form.getFieldsValue();
    const details = Object.fromEntries(detailFields[task.kind].filter((k) => k !== 'eventDate').map((k) => [k, v[k] ?? '']));
    try {
      await update.mutateAsync({ id: task.id, findings: v.findings ?? '', suggestions: v.suggestions ?? '', ...(Object.keys(details).length ? { details } : {}) });
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };
  const onFinish = async () => {
    await save();
    try {
      await finish.mutateAsync({ id: task.id });
      void message.success(t('walk.finished'));
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  return (
    <Card title={<span style={{ fontSize: 18 }}>{t('walk.summary')}</span>} data-testid="task-summary">
      <Form form={form} layout="vertical" size="large" disabled={readOnly}>
        {detailFields[task.kind].filter((k) => k !== 'eventDate').map((k) => (
          <Form.Item key={k} name={k} label={t(`create.${k}`)}>
            <Input.TextArea autoSize onBlur={() => void save()} />
          </Form.Item>
        ))}
        <Form.Item name="findings" label={t('walk.findings')}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={8000} onBlur={() => void save()} />
        </Form.Item>
        <Form.Item name="suggestions" label={t('walk.suggestions')}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={8000} onBlur={() => void save()} />
        </Form.Item>
      </Form>
      {task.state === 'done' && <Typography.Paragraph type="secondary">{t('walk.readOnly')}</Typography.Paragraph>}
      <Flex gap={12} wrap align="center">
        {task.state !== 'done' && mayEdit && (
          <Button type="primary" size="large" style={{ height: 56, fontSize: 18 }} icon={<CheckCircleOutlined />} disabled={openItems > 0} loading={finish.isPending} onClick={() => void onFinish()}>
            {t('walk.finish')}
          </Button>
        )}
        {openItems > 0 && <Typography.Text type="warning" style={{ fontSize: 16 }}>{t('walk.openItems', { count: openItems })}</Typography.Text>}
        <div style={{ flex: 1 }} />
        <Button size="large" icon={<PrinterOutlined />} onClick={() => void navigate(`/maintenance/tasks/${task.id}/print`)}>{t('walk.printRecord')}</Button>
        <Button size="large" icon={<FileTextOutlined />} onClick={() => void navigate(`/maintenance/tasks/${task.id}/print?blank=1`)}>{t('walk.printBlank')}</Button>
      </Flex>
    </Card>
  );
}
