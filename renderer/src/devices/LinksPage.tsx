// The configured links: driver, port, state, traffic counters and active alarms; add, edit, switch off, remove.
import { DeleteOutlined, EditOutlined, MonitorOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Badge, Button, Flex, Switch, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { LinkView } from '../../../shared/contract/links';
import { alarmColours } from '../app/theme';
import { useErrorMessage } from '../app/use-error-message';
import { useNow } from '../incidents/incident-format';
import { useContractCommand, useContractQuery } from '../transport/use-contract';
import { LinkStateTag } from './LinkStateTag';
import { PortPath } from './PortPath';

export function LinksPage() {
  const { t, i18n } = useTranslation('devices');
  // English labels are longer: its headers and the three buttons need room to stay on one line.
  const english = i18n.language === 'en';
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const errorMessage = useErrorMessage();
  useNow(30_000); // keeps "最后一帧 2 分钟前" current
  // devices.changed refreshes it at once; the interval moves the counters along between changes.
  const list = useContractQuery('links.list', {}, { refetchInterval: 5_000 });
  const setEnabled = useContractCommand('links.setEnabled', ['links.', 'journal.']);
  const remove = useContractCommand('links.remove', ['links.', 'alarms.', 'journal.']);

  const confirmRemove = (device: LinkView) =>
    modal.confirm({
      title: t('list.removeTitle', { name: device.name }),
      content: t('list.removeHint'),
      okText: t('list.remove'),
      okButtonProps: { danger: true, size: 'large' },
      cancelText: t('common:actions.cancel'),
      cancelButtonProps: { size: 'large' },
      onOk: async () => {
        try {
          await remove.mutateAsync({ id: device.id });
          void message.success(t('list.removed'));
        } catch (err) {
          void message.error(errorMessage(err));
        }
      },
    });

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('list.title')}
        </Typography.Title>
        <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => void navigate('/devices/new')}>
          {t('list.add')}
        </Button>
      </Flex>
      {list.isError && <Alert type="error" showIcon title={t('list.loadFailed')} description={errorMessage(list.error)} />}
      <Table<LinkView>
        rowKey="id"
        // Fixed: the columns keep their widths and a long port path is cut (its tooltip has it); auto layout let the
        // path squeeze the names onto three lines and the buttons into a column. Below 1,180 px (English 1,300) the table scrolls.
        tableLayout="fixed"
        scroll={{ x: english ? 1300 : 1180 }}
        loading={list.isPending}
        dataSource={list.data ?? []}
        pagination={false}
        locale={{ emptyText: t('list.empty') }}
        columns={[
          {
            key: 'name',
            title: t('list.col.name'),
            width: 210,
            render: (_, d) => (
              <Flex vertical>
                <Typography.Text strong style={{ fontSize: 16 }}>
                  {d.name}
                </Typography.Text>
                <Typography.Text type="secondary">{t(`driver.${d.driver}`)}</Typography.Text>
              </Flex>
            ),
          },
          {
            key: 'port',
            title: t('list.col.port'),
            render: (_, d) => {
              const path = d.status.currentPath ?? d.portPath;
              const { serial } = d;
              return (
                <Flex vertical style={{ minWidth: 0 }}>
                  <PortPath path={path} />
                  {path !== d.portPath && <PortPath path={d.portPath} secondary />}
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {`${serial.baudRate} ${serial.dataBits}${serial.parity[0]!.toUpperCase()}${serial.stopBits}`}
                  </Typography.Text>
                </Flex>
              );
            },
          },
          { key: 'link', title: t('list.col.link'), width: 110, render: (_, d) => <LinkStateTag status={d.status} /> },
          { key: 'health', title: t('list.col.health'), width: 180, render: (_, d) => <HealthSummary device={d} /> },
          {
            key: 'alarms',
            title: t('list.col.alarms'),
            width: english ? 84 : 72,
            render: (_, d) => (
              <Badge count={d.activeAlarmCount} showZero color={d.activeAlarmCount > 0 ? alarmColours.critical : alarmColours.muted} style={{ fontSize: 14 }} />
            ),
          },
          {
            key: 'enabled',
            title: t('list.col.enabled'),
            width: english ? 100 : 76,
            render: (_, d) => (
              <Switch
                checked={d.enabled}
                aria-label={`${t('list.col.enabled')} ${d.name}`}
                loading={setEnabled.isPending && setEnabled.variables?.id === d.id}
                onChange={(enabled) => setEnabled.mutate({ id: d.id, enabled }, { onError: (err) => void message.error(errorMessage(err)) })}
              />
            ),
          },
          {
            key: 'actions',
            title: t('list.col.actions'),
            width: english ? 400 : 320,
            render: (_, d) => (
              <Flex gap={8} wrap>
                <Button icon={<MonitorOutlined />} onClick={() => void navigate(`/devices/${d.id}/diagnostics`)}>
                  {t('list.diagnostics')}
                </Button>
                <Button icon={<EditOutlined />} onClick={() => void navigate(`/devices/${d.id}/edit`)}>
                  {t('list.edit')}
                </Button>
                <Button danger icon={<DeleteOutlined />} aria-label={`${t('list.remove')} ${d.name}`} onClick={() => confirmRemove(d)}>
                  {t('list.remove')}
                </Button>
              </Flex>
            ),
          },
        ]}
      />
    </Flex>
  );
}

function HealthSummary({ device }: { device: LinkView }) {
  const { t } = useTranslation('devices');
  const { health } = device.status;
  return (
    <Flex vertical style={{ fontSize: 13 }}>
      <span style={{ color: health.framesBad > 0 ? alarmColours.major : undefined }}>{t('list.frames', { good: health.framesGood, bad: health.framesBad })}</span>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {health.lastFrameAt === null ? t('list.noFrame') : t('list.lastFrame', { time: dayjs(health.lastFrameAt).fromNow() })}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {[health.latencyLastMs === null ? null : t('list.latency', { ms: health.latencyLastMs }), health.reconnects > 0 ? t('list.reconnects', { count: health.reconnects }) : null]
          .filter(Boolean)
          .join(' · ')}
      </Typography.Text>
    </Flex>
  );
}
