// Every journaled step of the incident, oldest first, with who did it and when (local time).
import { Card, Spin, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { alarmColours } from '../app/theme';
import { upstreamAuthorWords, useOperatorWords } from '../sync/operator-words';
import { useContractQuery } from '../transport/use-contract';
import { formatTime, useEnglish } from './incident-format';
import { timelineLine } from './timeline-entry';

export function IncidentTimeline({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation('incidents');
  const english = useEnglish();
  const { t: tSync } = useTranslation('sync');
  const operatorWords = useOperatorWords();
  const timeline = useContractQuery('incidents.timeline', { id: incidentId });
  return (
    <Card title={t('detail.timeline')}>
      {timeline.isPending && <Spin />}
      <div data-testid="incident-timeline">
      <Timeline
        items={(timeline.data ?? []).map((entry) => {
          const line = timelineLine(entry, t, english);
          return {
            key: entry.id,
            color: line.alarm ? alarmColours.critical : line.upstream ? 'purple' : undefined,
            content: (
              <div data-upstream={line.upstream ? 'true' : undefined}>
                {line.upstream && <Tag color="purple">{t('upstream.marker')}</Tag>}
                <Typography.Text strong style={{ color: line.alarm ? alarmColours.critical : undefined }}>{line.title}</Typography.Text>{' '}
                <Typography.Text type="secondary">
                  {formatTime(entry.at, english)} ·{' '}
                  {line.upstream ? upstreamAuthorWords(line.upstream.author, tSync) : t('timeline.by', { operator: operatorWords(entry.operator) })}
                </Typography.Text>
                {line.details.map((d, i) => (
                  <div key={i} style={{ whiteSpace: 'pre-wrap' }}>
                    {d.label && <Typography.Text type="secondary">{d.label}: </Typography.Text>}
                    {d.value}
                  </div>
                ))}
              </div>
            ),
          };
        })}
      />
      </div>
    </Card>
  );
}
