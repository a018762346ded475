// The live alarm banner above every screen: the alarms to act on first, in their severity colour, with sound and 确认.
import { RightOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Alarm } from '../../../shared/contract/alarms';
import { alarmColours } from '../app/theme';
import { useEnglish, useNow } from '../incidents/incident-format';
import { useContractQuery } from '../transport/use-contract';
import { AcknowledgeAlarmModal } from './AcknowledgeAlarmModal';
import { activeListLimit, bannerOrder, needsAcknowledgement, severityForeground } from './alarm-order';
import { SeverityTag } from './SeverityTag';
import { useAlarmSound } from './use-alarm-sound';
import { useAlarmsLive } from './use-alarms-live';
import { useConsoleMuted } from './use-console-muted';

/** Rows shown in full; the rest are counted, so the banner never pushes the screen's work out of sight. */
const shownRows = 3;
const noAlarms: Alarm[] = [];

export function AlarmBanner() {
  const { t } = useTranslation('alarms');
  useAlarmsLive();
  // The events refresh it at once; the interval is the safety net after a lost connection.
  const list = useContractQuery('alarms.list', { scope: 'active', limit: activeListLimit }, { refetchInterval: 30_000 });
  const items = list.data?.items ?? noAlarms;
  const muted = useConsoleMuted();
  const sound = useAlarmSound(items, muted);
  const ordered = useMemo(() => bannerOrder(items), [items]);
  const [acknowledging, setAcknowledging] = useState<Alarm | null>(null);
  const waiting = list.data?.unacknowledged ?? 0;
  const setAside = list.data?.setAside ?? 0;
  // A full list means there may be more than it holds: the alarms still to acknowledge give the least there are.
  const capped = items.length >= activeListLimit;
  const more = capped ? Math.max(ordered.length, waiting) - shownRows : ordered.length - shownRows;

  return (
    <section
      data-testid="alarm-banner"
      aria-label={t('banner.label')}
      data-alarm-sound={sound === 'off' ? 'off' : 'on'}
      data-alarm-tone={sound}
      data-unacknowledged={waiting}
      style={{ display: ordered.length === 0 && setAside === 0 ? 'none' : 'flex', flexDirection: 'column', gap: 4, padding: '8px 24px 0' }}
    >
      {setAside > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="alarm-set-aside"
          message={
            // White and underlined: the theme's link blue is hard to read on the red of an error.
            <Link to={`/audit?typePrefix=alarm.setAside`} style={{ color: '#fff', fontWeight: 600, textDecoration: 'underline' }}>
              {t('banner.setAside', { count: setAside })}
            </Link>
          }
          style={{ fontSize: 16 }}
        />
      )}
      {ordered.slice(0, shownRows).map((alarm, i) => (
        <BannerRow key={alarm.id} alarm={alarm} first={i === 0} onAcknowledge={() => setAcknowledging(alarm)} />
      ))}
      {(more > 0 || waiting > 0) && (
        <Flex gap={16} align="center" justify="flex-end" style={{ fontSize: 15 }}>
          {waiting > 0 && <Typography.Text type="warning">{t('banner.waiting', { count: waiting })}</Typography.Text>}
          {more > 0 && <Typography.Text>{t(capped ? 'banner.moreAtLeast' : 'banner.more', { count: more })}</Typography.Text>}
          <Link to="/alarms">
            {t('banner.all')} <RightOutlined />
          </Link>
        </Flex>
      )}
      <AcknowledgeAlarmModal alarm={acknowledging} onClose={() => setAcknowledging(null)} />
    </section>
  );
}

function BannerRow({ alarm, first, onAcknowledge }: { alarm: Alarm; first: boolean; onAcknowledge: () => void }) {
  const { t } = useTranslation('alarms');
  const english = useEnglish();
  useNow(30_000); // "3 分钟前" moves on by itself.
  const colour = alarmColours[alarm.severity];
  const loud = needsAcknowledgement(alarm);
  // What still needs a person is filled with its colour; what they already acknowledged keeps only a coloured edge.
  const foreground = loud ? severityForeground(alarm.severity) : undefined;
  return (
    <div
      data-testid="alarm-banner-row"
      data-severity={alarm.severity}
      data-alarm-id={alarm.id}
      role="alert"
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 12,
        padding: first ? '10px 16px' : '6px 16px',
        borderRadius: 6,
        borderLeft: `8px solid ${colour}`,
        background: loud ? colour : '#1c212b',
        color: foreground,
        fontSize: first ? 18 : 16,
      }}
    >
      <SeverityTag severity={alarm.severity} large={first} inverted={loud} />
      <span style={{ fontWeight: 700, whiteSpace: 'nowrap' }}>{alarm.deviceName}</span>
      {alarm.point && <span style={{ whiteSpace: 'nowrap', opacity: 0.9 }}>{alarm.point}</span>}
      <span style={{ fontWeight: first ? 700 : 500, flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
        {alarm.text[english ? 'en' : 'zh']}
      </span>
      {alarm.state === 'restored' && <Tag color="green">{t('banner.restored')}</Tag>}
      <span title={dayjs(alarm.raisedAt).format('YYYY-MM-DD HH:mm:ss')} style={{ whiteSpace: 'nowrap', opacity: 0.9 }}>
        {dayjs(alarm.raisedAt).fromNow()}
      </span>
      {loud ? (
        <Button
          size={first ? 'large' : 'middle'}
          onClick={onAcknowledge}
          style={{ minWidth: 96, fontWeight: 700, background: '#fff', color: '#000', borderColor: '#fff' }}
        >
          {t('banner.acknowledge')}
        </Button>
      ) : (
        <Tag style={{ marginInlineEnd: 0 }}>{t('banner.acknowledged')}</Tag>
      )}
    </div>
  );
}
