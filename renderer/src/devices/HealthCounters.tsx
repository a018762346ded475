// A link at a glance: state, frames good and bad, the last frame, reply latency, reconnects, the port in use.
import { Alert, Card, Flex, Statistic } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../../shared/contract';
import type { LinkView } from '../../../shared/contract/links';
import { alarmColours } from '../app/theme';
import { useErrorMessage } from '../app/use-error-message';
import { useNow } from '../incidents/incident-format';
import { LinkStateTag } from './LinkStateTag';

export function HealthCounters({ device }: { device: LinkView }) {
  const { t } = useTranslation('devices');
  const errorMessage = useErrorMessage();
  useNow(5_000); // "最后一帧 3 秒前" moves on by itself
  const { status } = device;
  const { health } = status;
  const none = t('diag.none');
  return (
    <Card title={t('diag.counters')} size="small" data-testid="health-counters">
      <Flex gap={32} wrap align="flex-start">
        <Statistic title={t('diag.state')} valueRender={() => <LinkStateTag status={status} large />} />
        <Statistic title={t('diag.framesGood')} value={health.framesGood} styles={{ content: { color: alarmColours.normal } }} />
        <Statistic title={t('diag.framesBad')} value={health.framesBad} styles={{ content: { color: health.framesBad > 0 ? alarmColours.critical : undefined } }} />
        <Statistic
          title={t('diag.lastFrame')}
          value={health.lastFrameAt === null ? none : dayjs(health.lastFrameAt).fromNow()}
          styles={{ content: { fontSize: 20 } }}
        />
        <Statistic
          title={t('diag.latency')}
          value={health.latencyLastMs === null ? none : t('diag.latencyValue', { last: health.latencyLastMs, mean: Math.round(health.latencyMeanMs ?? health.latencyLastMs) })}
          styles={{ content: { fontSize: 20 } }}
        />
        <Statistic title={t('diag.reconnects')} value={health.reconnects} />
        <Statistic title={t('diag.currentPath')} value={status.currentPath ?? none} styles={{ content: { fontSize: 16, fontFamily: 'monospace' } }} />
      </Flex>
      {status.lastError && (
        <Alert style={{ marginTop: 12 }} type="warning" showIcon title={t('diag.lastError')} description={errorMessage(AppError.fromData(status.lastError))} />
      )}
    </Card>
  );
}
