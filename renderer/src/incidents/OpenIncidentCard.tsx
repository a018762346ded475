// One open incident on the dashboard: level, number, what and where, and its nearest deadline counting live.
import { Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { IncidentListItem } from '../../../shared/contract';
import { alarmColours } from '../app/theme';
import { useSystems } from './use-systems';
import { formatTime, levelColours, LevelTag, StateTag, useEnglish } from './incident-format';
import { ClockText, type ClockTone } from './MilestoneClock';

/** The nearest deadline of a list item as of `now`, from the list's `asOf`. */
export function nearestClock(item: IncidentListItem, asOf: number, now: number): { tone: ClockTone; ms: number } | null {
  const { remainingMs } = item.urgency;
  if (remainingMs === null) return null;
  const left = asOf + remainingMs - now;
  if (left <= 0) return { tone: 'overdue', ms: -left };
  return { tone: left < 10 * 60_000 ? 'soon' : 'due', ms: left };
}

export function OpenIncidentCard({ item, asOf, now }: { item: IncidentListItem; asOf: number; now: number }) {
  const { t } = useTranslation('incidents');
  const english = useEnglish();
  const catalog = useSystems();
  const clock = nearestClock(item, asOf, now);
  const alarm = clock?.tone === 'overdue' ? alarmColours.critical : clock?.tone === 'soon' ? alarmColours.major : undefined;
  return (
    <Link to={`/incidents/${item.id}`} data-testid="open-incident" data-number={item.number} style={{ display: 'block' }}>
      <Card
        hoverable
        style={{ borderInlineStart: `6px solid ${levelColours[item.level]}`, borderColor: alarm, background: alarm ? `${alarm}1f` : undefined }}
        styles={{ body: { padding: '14px 18px' } }}
      >
        <div style={{ display: 'flex', gap: 16, alignItems: 'center', flexWrap: 'wrap' }}>
          <LevelTag level={item.level} large />
          <div style={{ flex: 1, minWidth: 240 }}>
            <Typography.Text strong style={{ fontSize: 18 }}>{item.title}</Typography.Text>
            <div>
              <Space size={12} wrap>
                <Typography.Text type="secondary">{item.number}</Typography.Text>
                <Typography.Text type="secondary">{catalog.systemName(item.systemId)}</Typography.Text>
                {item.record.location && <Typography.Text type="secondary">{item.record.location}</Typography.Text>}
                <Typography.Text type="secondary">{formatTime(item.reportedAt, english)}</Typography.Text>
              </Space>
            </div>
          </div>
          <StateTag state={item.state} />
          {/* One right-aligned column: the milestone's name over its clock, each on one line in either language. */}
          <div style={{ minWidth: 160, marginInlineStart: 'auto', display: 'flex', flexDirection: 'column', alignItems: 'flex-end', gap: 2, whiteSpace: 'nowrap' }}>
            {clock && item.urgency.milestone ? (
              <>
                <Typography.Text type="secondary" style={{ fontSize: 15 }}>{t(`milestone.${item.urgency.milestone}`)}</Typography.Text>
                <span style={{ fontSize: 20, lineHeight: 1.3 }}><ClockText tone={clock.tone} ms={clock.ms} strong /></span>
              </>
            ) : (
              <Typography.Text type="secondary">{t('clock.nothingPending')}</Typography.Text>
            )}
          </div>
        </div>
      </Card>
    </Link>
  );
}
