// The duty log: one local day's entries, and big quick-add buttons for a patrol, a call, a visitor or a note.
import { CommentOutlined, LeftOutlined, PhoneOutlined, RightOutlined, SafetyOutlined, UserAddOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Flex, Form, Input, Modal, Result, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DutyEntryKind, type DutyLogEntry, manualDutyEntryKinds } from '../../../shared/contract';
import { alarmColours } from '../app/theme';
import { useErrorMessage } from '../app/use-error-message';
import { useContractCommand, useContractQuery } from '../transport/use-contract';
import { dayBounds, today } from './duty-day';

type ManualKind = (typeof manualDutyEntryKinds)[number];

export const dutyKindColours: Record<DutyEntryKind, string> = {
  patrol: alarmColours.normal,
  call: alarmColours.info,
  visitor: alarmColours.minor,
  note: alarmColours.muted,
  incident: alarmColours.critical,
};

const kindIcons: Record<ManualKind, ReactNode> = {
  patrol: <SafetyOutlined />,
  call: <PhoneOutlined />,
  visitor: <UserAddOutlined />,
  note: <CommentOutlined />,
};

export function DutyLogPage() {
  const { t } = useTranslation('duty');
  const [day, setDay] = useState<Dayjs>(today);
  const [adding, setAdding] = useState<ManualKind | null>(null);
  const errorMessage = useErrorMessage();
  const entries = useContractQuery('duty.list', dayBounds(day));
  const isToday = day.isSame(dayjs(), 'day');

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('log.title')}
        </Typography.Title>
        <Flex gap={8} align="center">
          <Button size="large" icon={<LeftOutlined />} aria-label={t('log.prevDay')} onClick={() => setDay(day.subtract(1, 'day'))} />
          <DatePicker
            size="large"
            allowClear={false}
            aria-label={t('log.pickDay')}
            value={day}
            onChange={(d) => d && setDay(d.startOf('day'))}
          />
          <Button size="large" icon={<RightOutlined />} aria-label={t('log.nextDay')} onClick={() => setDay(day.add(1, 'day'))} />
          <Button size="large" disabled={isToday} onClick={() => setDay(today())}>
            {t('log.today')}
          </Button>
        </Flex>
      </Flex>

      <Flex gap={12} wrap role="group" aria-label={t('log.quickAdd')}>
        {manualDutyEntryKinds.map((kind) => (
          <Button
            key={kind}
            type="primary"
            ghost={kind !== 'patrol'}
            icon={kindIcons[kind]}
            onClick={() => setAdding(kind)}
            style={{ height: 72, minWidth: 140, fontSize: 20 }}
          >
            {t(`kind.${kind}`)}
          </Button>
        ))}
      </Flex>

      {entries.isError ? (
        <Result status="error" title={t('log.loadFailed')} subTitle={errorMessage(entries.error)} />
      ) : (
        <Table<DutyLogEntry>
          rowKey="id"
          loading={entries.isPending}
          dataSource={entries.data ?? []}
          pagination={false}
          locale={{ emptyText: t('log.empty') }}
          footer={() => t('log.count', { count: entries.data?.length ?? 0 })}
          columns={[
            { title: t('log.col.at'), dataIndex: 'at', width: 110, render: (at: number) => dayjs(at).format('HH:mm') },
            {
              title: t('log.col.kind'),
              dataIndex: 'kind',
              width: 110,
              render: (kind: DutyEntryKind) => <Tag color={dutyKindColours[kind]}>{t(`kind.${kind}`)}</Tag>,
            },
            { title: t('log.col.text'), dataIndex: 'text', render: (text: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span> },
            { title: t('log.col.operator'), dataIndex: 'operator', width: 160 },
          ]}
        />
      )}
      {adding && <AddEntryModal kind={adding} day={day} onClose={() => setAdding(null)} />}
    </Flex>
  );
}

function AddEntryModal({ kind, day, onClose }: { kind: ManualKind; day: Dayjs; onClose: () => void }) {
  const { t } = useTranslation('duty');
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const add = useContractCommand('duty.add', ['duty.']);
  const [form] = Form.useForm<{ text: string; at: Dayjs }>();
  // An entry for a past day defaults to its noon, today's to now; the guard can correct either.
  const defaultAt = day.isSame(dayjs(), 'day') ? dayjs() : day.hour(12);
  const submit = async () => {
    const values = await form.validateFields();
    try {
      await add.mutateAsync({ kind, text: values.text, at: values.at.valueOf() });
      void message.success(t('log.saved'));
      onClose();
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };
  return (
    <Modal
      open
      title={t('log.modalTitle', { kind: t(`kind.${kind}`) })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common:actions.save')}
      cancelText={t('common:actions.cancel')}
      okButtonProps={{ size: 'large', loading: add.isPending }}
      cancelButtonProps={{ size: 'large' }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ text: '', at: defaultAt }} requiredMark={false}>
        <Form.Item name="text" label={t('log.text')} rules={[{ required: true, whitespace: true, message: t('log.required') }]}>
          <Input.TextArea autoFocus rows={4} maxLength={2000} placeholder={t(`log.placeholder.${kind}`)} />
        </Form.Item>
        <Form.Item name="at" label={t('log.at')}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowClear={false} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
