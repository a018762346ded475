// A table of alarms: severity, when, device and point, text, state, who acknowledged with what comment, the incident.
import { Button, Flex, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Alarm } from '../../../shared/contract/alarms';
import { useEnglish } from '../incidents/incident-format';
import { AcknowledgeAlarmModal } from './AcknowledgeAlarmModal';
import { needsAcknowledgement } from './alarm-order';
import { SeverityTag } from './SeverityTag';

const stateColours: Record<Alarm['state'], string> = { active: 'red', restored: 'green', status: 'default' };

export function AlarmTable({ items, loading, footer }: { items: Alarm[]; loading: boolean; footer?: () => ReactNode }) {
  const { t } = useTranslation('alarms');
  const english = useEnglish();
  const [acknowledging, setAcknowledging] = useState<Alarm | null>(null);
  return (
    <>
      <Table<Alarm>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={items}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('page.empty') }}
        footer={footer}
        columns={[
          { key: 'severity', title: t('page.col.severity'), width: 84, render: (_, a) => <SeverityTag severity={a.severity} /> },
          {
            key: 'raisedAt',
            title: t('page.col.raisedAt'),
            width: 150,
            render: (_, a) => (
              <Flex vertical>
                <span>{dayjs(a.raisedAt).format(english ? 'MM-DD HH:mm:ss' : 'M月D日 HH:mm:ss')}</span>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {dayjs(a.raisedAt).fromNow()}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            key: 'device',
            title: t('page.col.device'),
            width: 230,
            render: (_, a) => (
              <Flex vertical>
                <Typography.Text strong>{a.deviceName}</Typography.Text>
                {a.point && <Typography.Text type="secondary">{a.point}</Typography.Text>}
              </Flex>
            ),
          },
          {
            key: 'text',
            title: t('page.col.text'),
            render: (_, a) => (
              <Flex vertical>
                <Typography.Text strong style={{ fontSize: 16 }}>
                  {a.text[english ? 'en' : 'zh']}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {a.eventCode}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            key: 'state',
            title: t('page.col.state'),
            width: 120,
            render: (_, a) => (
              <Flex vertical gap={2}>
                <Tag color={stateColours[a.state]} style={{ marginInlineEnd: 0, alignSelf: 'flex-start' }}>
                  {t(`state.${a.state}`)}
                </Tag>
                {a.restoredAt !== null && (
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {t('page.restoredAt', { time: dayjs(a.restoredAt).format('MM-DD HH:mm') })}
                  </Typography.Text>
                )}
              </Flex>
            ),
          },
          {
            key: 'ack',
            title: t('page.col.ack'),
            width: 240,
            render: (_, a) =>
              needsAcknowledgement(a) ? (
                <Button type="primary" size="large" onClick={() => setAcknowledging(a)}>
                  {t('banner.acknowledge')}
                </Button>
              ) : a.acknowledgedAt !== null ? (
                <Flex vertical>
                  <Typography.Text>{a.ackComment}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {t('page.ackBy', { by: a.acknowledgedBy ?? '', time: dayjs(a.acknowledgedAt).format('MM-DD HH:mm') })}
                  </Typography.Text>
                </Flex>
              ) : null,
          },
          {
            key: 'incident',
            title: t('page.col.incident'),
            width: 170,
            render: (_, a) => (a.incidentId ? <Link to={`/incidents/${a.incidentId}`}>{a.incidentNumber ?? t('page.incident')}</Link> : null),
          },
        ]}
      />
      <AcknowledgeAlarmModal alarm={acknowledging} onClose={() => setAcknowledging(null)} />
    </>
  );
}
