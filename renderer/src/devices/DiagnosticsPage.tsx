// Diagnostics for one link (engineer): counters, the live traffic monitor with pause and export, readings, test commands.
import { ArrowLeftOutlined, ClearOutlined, DownloadOutlined, PauseOutlined, CaretRightOutlined, VerticalAlignBottomOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Input, Result, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { LinkView } from '../../../shared/contract/links';
import { downloadText } from '../assets/download-file';
import { useErrorMessage } from '../app/use-error-message';
import { useContractQuery } from '../transport/use-contract';
import { HealthCounters } from './HealthCounters';
import { ReadingsTable } from './ReadingsTable';
import { TestCommandsPanel } from './TestCommandsPanel';
import { captureFileName, captureText, filterTraffic } from './traffic-capture';
import { TrafficMonitor } from './TrafficMonitor';
import { useTrafficFeed } from './use-traffic-feed';

export function DiagnosticsPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('devices');
  const errorMessage = useErrorMessage();
  // Counters move with every frame: refreshed each second while the page is open.
  const device = useContractQuery('links.get', { id }, { refetchInterval: 1_000 });
  if (device.isPending) return <Spin size="large" />;
  if (device.isError) return <Result status="error" title={t('form.loadFailed')} subTitle={errorMessage(device.error)} />;
  return <Diagnostics device={device.data} />;
}

function Diagnostics({ device }: { device: LinkView }) {
  const { t } = useTranslation('devices');
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const [paused, setPaused] = useState(false);
  const [follow, setFollow] = useState(true);
  const [filter, setFilter] = useState('');
  const feed = useTrafficFeed(device.id, paused);
  const shown = useMemo(() => filterTraffic(feed.lines, filter), [feed.lines, filter]);

  // What is exported is what is shown: the whole capture, or the lines the filter found.
  const exportCapture = () => {
    const now = Date.now();
    const header = { deviceName: device.name, driver: device.driver, port: device.status.currentPath ?? device.portPath, exportedAt: now, filter: filter.trim() };
    downloadText(captureFileName(device.name, now), 'text/plain;charset=utf-8', captureText(header, shown));
  };

  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={12}>
        <Button size="large" icon={<ArrowLeftOutlined />} aria-label={t('diag.back')} onClick={() => void navigate('/devices')} />
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('diag.title', { name: device.name })}
        </Typography.Title>
        <Typography.Text type="secondary">{t(`driver.${device.driver}`)}</Typography.Text>
      </Flex>
      <HealthCounters device={device} />
      <Card
        size="small"
        title={t('diag.traffic')}
        extra={
          <Flex gap={8} align="center" wrap>
            <Input.Search
              allowClear
              aria-label={t('diag.filter')}
              placeholder={t('diag.filterPlaceholder')}
              style={{ width: 240 }}
              onSearch={setFilter}
              onChange={(e) => setFilter(e.target.value)}
            />
            <Typography.Text type="secondary" data-testid="traffic-count">
              {filter.trim() ? t('diag.linesFiltered', { shown: shown.length, count: feed.lines.length }) : t('diag.lines', { count: feed.lines.length })}
            </Typography.Text>
            {!follow && (
              <Button icon={<VerticalAlignBottomOutlined />} onClick={() => setFollow(true)}>
                {t('diag.follow')}
              </Button>
            )}
            <Button type={paused ? 'primary' : 'default'} icon={paused ? <CaretRightOutlined /> : <PauseOutlined />} onClick={() => setPaused(!paused)}>
              {paused ? t('diag.resume') : t('diag.pause')}
            </Button>
            <Button icon={<ClearOutlined />} onClick={feed.clear}>
              {t('diag.clear')}
            </Button>
            <Button icon={<DownloadOutlined />} disabled={shown.length === 0} onClick={exportCapture}>
              {t('diag.export')}
            </Button>
          </Flex>
        }
      >
        <Flex vertical gap={8}>
          {paused && <Alert type="info" showIcon title={t('diag.paused')} />}
          {feed.dropped && <Alert type="warning" showIcon title={t('diag.dropped')} />}
          {feed.error !== null && <Alert type="error" showIcon title={errorMessage(feed.error)} />}
          <TrafficMonitor lines={shown} follow={follow} onFollowChange={setFollow} />
        </Flex>
      </Card>
      <Flex gap={16} wrap align="flex-start">
        <div style={{ flex: '1 1 420px', minWidth: 0 }}>
          <ReadingsTable deviceId={device.id} />
        </div>
        <div style={{ flex: '1 1 520px', minWidth: 0 }}>
          <TestCommandsPanel deviceId={device.id} />
        </div>
      </Flex>
    </Flex>
  );
}
