// How the duty room shows levels, states, durations and times: one look on every screen.
import { Tag } from 'antd';
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentState, SlaLevel } from '../../../shared/contract';
import { incidentStateLabels } from '../../../shared/domain/incidents/incident-lifecycle';
import { slaLevelDefinitions } from '../../../shared/domain/incidents/sla-levels';
import { alarmColours } from '../app/theme';

dayjs.extend(relativeTime);

/** red = I, orange = II, gold = III, blue = IV: the theme's alarm colours. */
export const levelColours: Record<SlaLevel, string> = {
  I: alarmColours.critical,
  II: alarmColours.major,
  III: alarmColours.minor,
  IV: alarmColours.info,
};

/** Below this a pending deadline is "due soon": orange, and the alarm sounds. */
export const dueSoonMs = 10 * 60_000;

export function useEnglish(): boolean {
  const { i18n } = useTranslation();
  return i18n.language === 'en';
}

export function useLevelName(): (level: SlaLevel) => string {
  const { t } = useTranslation('incidents');
  const english = useEnglish();
  return (level) => t('level.tag', { level, name: slaLevelDefinitions[level].name[english ? 'en' : 'zh'] });
}

export function LevelTag({ level, large = false }: { level: SlaLevel; large?: boolean }) {
  const levelName = useLevelName();
  const colour = levelColours[level];
  return (
    <Tag
      data-level={level}
      style={{
        color: level === 'III' ? '#000' : '#fff',
        background: colour,
        borderColor: colour,
        fontWeight: 700,
        fontSize: large ? 18 : 14,
        padding: large ? '4px 12px' : '1px 8px',
        marginInlineEnd: 0,
      }}
    >
      {levelName(level)}
    </Tag>
  );
}

export function StateTag({ state }: { state: IncidentState }) {
  const english = useEnglish();
  const colour = state === 'closed' ? 'default' : state === 'resolved' || state === 'fault_report_submitted' ? 'green' : 'processing';
  return (
    <Tag color={colour} style={{ fontSize: 14, marginInlineEnd: 0 }}>
      {incidentStateLabels[state][english ? 'en' : 'zh']}
    </Tag>
  );
}

/** "1 小时 5 分" / "12 分 30 秒": the two largest units, seconds only under an hour. */
export function useDuration(): (ms: number) => string {
  const { t } = useTranslation('incidents');
  return (ms) => {
    const total = Math.max(0, Math.floor(Math.abs(ms) / 1000));
    const d = Math.floor(total / 86_400);
    const h = Math.floor((total % 86_400) / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = total % 60;
    const parts: string[] = [];
    if (d) parts.push(t('duration.d', { n: d }), t('duration.h', { n: h }));
    else if (h) parts.push(t('duration.h', { n: h }), t('duration.m', { n: m }));
    else parts.push(t('duration.m', { n: m }), t('duration.s', { n: s }));
    return parts.join(t('duration.sep'));
  };
}

/** Absolute local time, and relative to now: "11月25日 03:12(5 分钟前)". */
export function formatTime(at: number, english: boolean, withRelative = true): string {
  const time = dayjs(at);
  const absolute = time.format(english ? 'YYYY-MM-DD HH:mm' : 'YYYY年M月D日 HH:mm');
  return withRelative ? `${absolute} (${time.fromNow()})` : absolute;
}

/** The current time, re-read every `intervalMs`: what live countdowns render against. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
