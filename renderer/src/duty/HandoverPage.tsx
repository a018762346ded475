// Shift handover: the outgoing guard's draft (open incidents, the shift's log, a summary), the incoming guard's confirmation, past handovers.
import { CheckCircleOutlined, PrinterOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, List, Result, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ShiftHandoverListItem } from '../../../shared/contract';
import { alarmColours } from '../app/theme';
import { useErrorMessage } from '../app/use-error-message';
import { useContractCommand, useContractQuery } from '../transport/use-contract';
import { dutyKindColours } from './DutyLogPage';
import { HandoverIncidentList } from './HandoverIncidentList';

const timeFormat = 'YYYY-MM-DD HH:mm';

export function HandoverPage() {
  const { t } = useTranslation('duty');
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const handovers = useContractQuery('duty.handovers', {});
  const pending = handovers.data?.find((h) => h.confirmedAt === null);

  if (handovers.isError) return <Result status="error" title={t('handover.loadFailed')} subTitle={errorMessage(handovers.error)} />;
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('handover.title')}
      </Typography.Title>
      {pending ? <ConfirmCard handover={pending} /> : handovers.data && <DraftCard />}
      <Card title={t('handover.history')}>
        <Table<ShiftHandoverListItem>
          rowKey="id"
          size="small"
          loading={handovers.isPending}
          dataSource={handovers.data ?? []}
          pagination={false}
          locale={{ emptyText: t('handover.noHistory') }}
          columns={[
            { title: t('handover.col.createdAt'), dataIndex: 'createdAt', render: (at: number) => dayjs(at).format(timeFormat) },
            { title: t('handover.col.outgoing'), dataIndex: 'outgoingOperator' },
            { title: t('handover.col.incoming'), dataIndex: 'incomingOperator', render: (v: string | null) => v ?? <Tag color={alarmColours.major}>{t('handover.waiting')}</Tag> },
            { title: t('handover.col.confirmedAt'), dataIndex: 'confirmedAt', render: (at: number | null) => (at ? dayjs(at).format(timeFormat) : '') },
            { title: t('handover.col.incidents'), dataIndex: 'openIncidentCount', align: 'right' },
            { title: t('handover.col.entries'), dataIndex: 'entryCount', align: 'right' },
            {
              title: t('handover.col.actions'),
              key: 'actions',
              render: (_: unknown, h) => (
                <Button icon={<PrinterOutlined />} onClick={() => navigate(`/duty/handover/${h.id}/print`)}>
                  {t('handover.print')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
    </Flex>
  );
}

function DraftCard() {
  const { t } = useTranslation('duty');
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const draft = useContractQuery('duty.handoverDraft', {});
  const submit = useContractCommand('duty.handoverSubmit', ['duty.']);
  const [form] = Form.useForm<{ summary: string; notes: string }>();
  if (draft.isError) return <Result status="error" title={t('handover.loadFailed')} subTitle={errorMessage(draft.error)} />;
  const d = draft.data;
  const onSubmit = async (values: { summary: string; notes: string }) => {
    try {
      await submit.mutateAsync(values);
      form.resetFields();
      void message.success(t('handover.submitted'));
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };
  return (
    <Card
      loading={draft.isPending}
      title={t('handover.draftTitle')}
      extra={d && <Typography.Text type="secondary">{d.since ? t('handover.since', { time: dayjs(d.since).format(timeFormat) }) : t('handover.firstShift')}</Typography.Text>}
    >
      {d && (
        <Flex vertical gap={16}>
          <section>
            <Typography.Title level={5}>{t('handover.openIncidents', { count: d.openIncidents.length })}</Typography.Title>
            <HandoverIncidentList incidents={d.openIncidents} />
          </section>
          <section>
            <Typography.Title level={5}>{t('handover.entries', { count: d.entriesSinceLastHandover.length })}</Typography.Title>
            <List
              size="small"
              dataSource={d.entriesSinceLastHandover}
              locale={{ emptyText: t('handover.noEntries') }}
              renderItem={(e) => (
                <List.Item>
                  <Typography.Text>
                    {dayjs(e.at).format('MM-DD HH:mm')} <Tag color={dutyKindColours[e.kind]}>{t(`kind.${e.kind}`)}</Tag> {e.text}
                  </Typography.Text>
                </List.Item>
              )}
            />
          </section>
          <Form form={form} layout="vertical" onFinish={(v) => void onSubmit(v)} initialValues={{ summary: '', notes: '' }} requiredMark={false}>
            <Form.Item name="summary" label={t('handover.summary')} rules={[{ required: true, whitespace: true, message: t('handover.summaryRequired') }]}>
              <Input.TextArea rows={4} maxLength={4000} placeholder={t('handover.summaryPlaceholder')} />
            </Form.Item>
            <Form.Item name="notes" label={t('handover.notes')}>
              <Input.TextArea rows={2} maxLength={4000} placeholder={t('handover.notesPlaceholder')} />
            </Form.Item>
            <Button type="primary" size="large" htmlType="submit" icon={<SendOutlined />} loading={submit.isPending} style={{ height: 56, fontSize: 18 }}>
              {t('handover.submit')}
            </Button>
          </Form>
        </Flex>
      )}
    </Card>
  );
}

function ConfirmCard({ handover }: { handover: ShiftHandoverListItem }) {
  const { t } = useTranslation('duty');
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const detail = useContractQuery('duty.handover', { id: handover.id });
  const confirm = useContractCommand('duty.handoverConfirm', ['duty.']);
  const onConfirm = async (values: { name: string; password: string }) => {
    try {
      await confirm.mutateAsync({ id: handover.id, ...values });
      void message.success(t('handover.confirmed'));
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };
  const h = detail.data;
  return (
    <Card
      title={t('handover.pendingTitle')}
      style={{ borderColor: alarmColours.major }}
      extra={
        <Button icon={<PrinterOutlined />} onClick={() => navigate(`/duty/handover/${handover.id}/print`)}>
          {t('handover.print')}
        </Button>
      }
    >
      <Flex vertical gap={16}>
        <Alert
          type="warning"
          showIcon
          title={t('handover.pendingHint', { outgoing: handover.outgoingOperator, time: dayjs(handover.createdAt).format(timeFormat) })}
        />
        <section>
          <Typography.Title level={5}>{t('handover.summary')}</Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{handover.summary}</Typography.Paragraph>
          {handover.notes && (
            <>
              <Typography.Title level={5}>{t('handover.notes')}</Typography.Title>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{handover.notes}</Typography.Paragraph>
            </>
          )}
        </section>
        {h && (
          <section>
            <Typography.Title level={5}>{t('handover.openIncidents', { count: h.openIncidents.length })}</Typography.Title>
            <HandoverIncidentList incidents={h.openIncidents} />
          </section>
        )}
        <Form layout="inline" onFinish={(v: { name: string; password: string }) => void onConfirm(v)} requiredMark={false}>
          <Form.Item name="name" label={t('handover.name')} rules={[{ required: true, whitespace: true, message: t('handover.nameRequired') }]}>
            <Input size="large" autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label={t('handover.password')} rules={[{ required: true, message: t('handover.passwordRequired') }]}>
            <Input.Password size="large" autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" size="large" htmlType="submit" icon={<CheckCircleOutlined />} loading={confirm.isPending}>
            {t('handover.confirm')}
          </Button>
        </Form>
      </Flex>
    </Card>
  );
}
