// The duty-room wall: link tiles, active alarms, open incidents with their clocks, the machine room's readings, in
// type readable across the room. Shown without a sign-in while an administrator has it on; no navigation, no actions.
import { useTranslation } from 'react-i18next';
import type { WallIncident, WallReading, WallSnapshot, WallTone } from '../../../shared/contract/wall';
import { AppError } from '../../../shared/contract';
import { alarmColours } from '../app/theme';
import { levelColours, useDuration, useNow } from '../incidents/incident-format';
import { formatAt, formatValue } from '../readings/reading-format';
import { Sparkline } from '../readings/Sparkline';
import { useContractQuery } from '../transport/use-contract';

const toneColours: Record<WallTone, string> = { green: alarmColours.normal, amber: alarmColours.major, red: alarmColours.critical };
const severityColours = { critical: alarmColours.critical, major: alarmColours.major, minor: alarmColours.minor, info: alarmColours.info } as const;
const refreshMs = 5_000;
const dueSoonMs = 10 * 60_000;

const panel: React.CSSProperties = { background: '#161c27', borderRadius: 12, padding: '18px 24px', minHeight: 0, overflow: 'hidden' };
const heading: React.CSSProperties = { fontSize: 30, fontWeight: 600, margin: '0 0 14px', color: '#d9d9d9' };

export function WallScreen() {
  const { t } = useTranslation('wall');
  const snapshot = useContractQuery('wall.snapshot', {}, { refetchInterval: refreshMs, retry: false, refetchIntervalInBackground: true });
  const now = useNow();
  const code = snapshot.error instanceof AppError ? snapshot.error.code : null;
  const off = code === 'wall_disabled';
  // A rotated key stops this address for good; anything else before the first snapshot is the connection.
  const notice = off ? 'off' : code === 'wall_key_invalid' ? 'keyInvalid' : snapshot.isError && !snapshot.data ? 'unreachable' : null;
  return (
    <div data-testid="wall-screen" style={{ position: 'fixed', inset: 0, background: '#0b0f16', color: '#f0f0f0', padding: 24, display: 'flex', flexDirection: 'column', gap: 18, fontSize: 24, overflow: 'hidden' }}>
      <header style={{ display: 'flex', alignItems: 'baseline', gap: 32 }}>
        <h1 style={{ fontSize: 40, margin: 0, fontWeight: 700 }}>{t('title')}</h1>
        {snapshot.data && !notice && <AlarmCount count={snapshot.data.alarmCount} />}
        <div style={{ marginInlineStart: 'auto', fontSize: 44, fontVariantNumeric: 'tabular-nums', fontWeight: 600 }}>{formatAt(now, 'YYYY-MM-DD HH:mm:ss')}</div>
      </header>
      {notice && (
        <div role="status" style={{ margin: 'auto', textAlign: 'center' }}>
          <div style={{ fontSize: 56, fontWeight: 700 }}>{t(notice)}</div>
          <div style={{ fontSize: 28, color: '#bfbfbf', marginTop: 16 }}>{t(`${notice}Help`)}</div>
        </div>
      )}
      {snapshot.data && !off && code !== 'wall_key_invalid' && (
        <>
          {snapshot.isError && (
            <div role="alert" style={{ background: alarmColours.major, color: '#000', fontSize: 26, padding: '8px 16px', borderRadius: 8 }}>
              {t('stale', { time: formatAt(snapshot.dataUpdatedAt, 'HH:mm:ss') })}
            </div>
          )}
          <WallBody snapshot={snapshot.data} receivedAt={snapshot.dataUpdatedAt} now={now} />
        </>
      )}
    </div>
  );
}

function AlarmCount({ count }: { count: number }) {
  const { t } = useTranslation('wall');
  return (
    <span data-testid="wall-alarm-count" style={{ fontSize: 32, fontWeight: 700, color: count > 0 ? alarmColours.critical : alarmColours.normal }}>
      {t('alarmsCount', { count })}
    </span>
  );
}

function WallBody({ snapshot, receivedAt, now }: { snapshot: WallSnapshot; receivedAt: number; now: number }) {
  const { t, i18n } = useTranslation('wall');
  const english = i18n.language === 'en';
  return (
    <div style={{ flex: 1, minHeight: 0, display: 'grid', gridTemplateColumns: '3fr 2fr', gridTemplateRows: 'auto 1fr', gap: 18 }}>
      <section style={panel} aria-label={t('links')}>
        <h2 style={heading}>{t('links')}</h2>
        {snapshot.links.length === 0 && <div style={{ color: '#8c8c8c' }}>{t('noLinks')}</div>}
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', gap: 14 }}>
          {snapshot.links.map((link) => (
            <div key={link.id} data-testid="wall-link" data-tone={link.tone} style={{ background: `${toneColours[link.tone]}26`, border: `3px solid ${toneColours[link.tone]}`, borderRadius: 10, padding: '12px 16px' }}>
              <div style={{ fontSize: 28, fontWeight: 700, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{link.name}</div>
              <div style={{ fontSize: 24, color: toneColours[link.tone], fontWeight: 600 }}>
                {t(`state.${link.state}`)}
                {link.activeAlarms > 0 && ` · ${t('alarmsOnLink', { count: link.activeAlarms })}`}
              </div>
            </div>
          ))}
        </div>
      </section>
      <section style={{ ...panel, gridRow: 'span 2', display: 'flex', flexDirection: 'column', gap: 18 }}>
        <div aria-label={t('incidents')} style={{ minHeight: 0 }}>
          <h2 style={heading}>{t('incidents')}</h2>
          {snapshot.incidents.length === 0 && <div style={{ color: alarmColours.normal, fontSize: 28 }}>{t('noIncidents')}</div>}
          <div style={{ display: 'grid', gap: 10 }}>
            {snapshot.incidents.map((incident) => (
              <WallIncidentRow key={incident.id} incident={incident} left={incident.remainingMs === null ? null : incident.remainingMs - (now - receivedAt)} />
            ))}
          </div>
        </div>
        <div aria-label={t('alarms')} style={{ minHeight: 0 }}>
          <h2 style={heading}>{t('alarms')}</h2>
          {snapshot.alarms.length === 0 && <div style={{ color: alarmColours.normal, fontSize: 28 }}>{t('noAlarms')}</div>}
          <div style={{ display: 'grid', gap: 8 }}>
            {snapshot.alarms.map((alarm) => (
              <div key={alarm.id} data-testid="wall-alarm" style={{ borderInlineStart: `8px solid ${severityColours[alarm.severity]}`, paddingInlineStart: 14, opacity: alarm.acknowledged ? 0.7 : 1 }}>
                <div style={{ fontSize: 26, fontWeight: 600 }}>{english ? alarm.text.en : alarm.text.zh}</div>
                <div style={{ fontSize: 20, color: '#bfbfbf' }}>
                  {alarm.deviceName} · {formatAt(alarm.raisedAt, 'MM-DD HH:mm')}
                  {alarm.acknowledged && ` · ${t('acknowledged')}`}
                </div>
              </div>
            ))}
          </div>
        </div>
      </section>
      <section style={panel} aria-label={t('readings')}>
        <h2 style={heading}>{t('readings')}</h2>
        {snapshot.readings.length === 0 && <div style={{ color: '#8c8c8c' }}>{t('noReadings')}</div>}
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(250px, 1fr))', gap: 14 }}>
          {snapshot.readings.map((reading) => (
            <WallReadingTile key={`${reading.linkName}|${reading.key}`} reading={reading} />
          ))}
        </div>
      </section>
    </div>
  );
}

function WallIncidentRow({ incident, left }: { incident: WallIncident; left: number | null }) {
  const { t } = useTranslation('incidents');
  const duration = useDuration();
  const tone = left === null ? null : left <= 0 ? 'overdue' : left < dueSoonMs ? 'soon' : 'due';
  const clockColour = tone === 'overdue' ? alarmColours.critical : tone === 'soon' ? alarmColours.major : '#f0f0f0';
  return (
    <div data-testid="wall-incident" style={{ display: 'flex', alignItems: 'center', gap: 16, borderInlineStart: `8px solid ${levelColours[incident.level]}`, paddingInlineStart: 14 }}>
      <span style={{ fontSize: 26, fontWeight: 800, color: '#000', background: levelColours[incident.level], borderRadius: 6, padding: '2px 10px', whiteSpace: 'nowrap' }}>
        {t('level.short', { level: incident.level })}
      </span>
      <div style={{ flex: 1, minWidth: 0 }}>
        <div style={{ fontSize: 26, fontWeight: 600, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{incident.title}</div>
        <div style={{ fontSize: 20, color: '#bfbfbf' }}>
          {incident.number}
          {incident.location && ` · ${incident.location}`}
        </div>
      </div>
      {left !== null && incident.milestone && (
        <div style={{ textAlign: 'end', whiteSpace: 'nowrap' }}>
          <div style={{ fontSize: 20, color: '#bfbfbf' }}>{t(`milestone.${incident.milestone}`)}</div>
          <div data-clock={tone} style={{ fontSize: 30, fontWeight: 700, color: clockColour, fontVariantNumeric: 'tabular-nums' }}>
            {left <= 0 ? t('clock.overdue', { time: duration(-left) }) : t('clock.remaining', { time: duration(left) })}
          </div>
        </div>
      )}
    </div>
  );
}

function WallReadingTile({ reading }: { reading: WallReading }) {
  const { i18n } = useTranslation('wall');
  const english = i18n.language === 'en';
  return (
    <div data-testid="wall-reading" style={{ border: '1px solid #303a4d', borderRadius: 10, padding: '10px 16px' }}>
      <div style={{ fontSize: 26, fontWeight: 600 }}>{english ? reading.label.en : reading.label.zh}</div>
      <div style={{ fontSize: 20, color: '#bfbfbf', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{reading.linkName}</div>
      <div style={{ fontSize: 48, fontWeight: 700, fontVariantNumeric: 'tabular-nums', lineHeight: 1.2 }}>{reading.value === null ? '—' : formatValue(reading.value, reading.unit)}</div>
      <Sparkline points={reading.points} colour="#69b1ff" height={44} />
    </div>
  );
}
