// One SLA milestone, live: met (when, by whom), due (counting down) or overdue (red, counting up).
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MilestoneKind } from '../../../shared/contract';
import type { MilestoneState } from '../../../shared/domain/incidents/sla-clock';
import { alarmColours } from '../app/theme';
import { useOperatorWords } from '../sync/operator-words';
import { dueSoonMs, formatTime, useDuration, useEnglish } from './incident-format';

export type ClockTone = 'met' | 'due' | 'soon' | 'overdue' | 'idle';

/** The milestone as of `now`: a due one whose deadline has passed since the core answered is overdue. */
export function liveMilestone(m: MilestoneState, now: number, stopped: boolean): { tone: ClockTone; ms: number } {
  if (m.state === 'met') return { tone: 'met', ms: 0 };
  if (m.state === 'not_applicable') return { tone: 'idle', ms: 0 };
  if (stopped) return m.state === 'overdue' ? { tone: 'overdue', ms: m.overdueByMs } : { tone: 'due', ms: m.remainingMs };
  const remaining = m.dueAt - now;
  if (remaining <= 0) return { tone: 'overdue', ms: -remaining };
  return { tone: remaining < dueSoonMs ? 'soon' : 'due', ms: remaining };
}

export const toneColours: Record<ClockTone, string | undefined> = {
  met: alarmColours.normal,
  due: undefined,
  soon: alarmColours.major,
  overdue: alarmColours.critical,
  idle: alarmColours.muted,
};

export function ClockText({ tone, ms, strong = false }: { tone: ClockTone; ms: number; strong?: boolean }) {
  const { t } = useTranslation('incidents');
  const duration = useDuration();
  const text = tone === 'overdue' ? t('clock.overdue', { time: duration(ms) }) : t('clock.remaining', { time: duration(ms) });
  return (
    <Typography.Text data-clock={tone} strong={strong || tone !== 'due'} style={{ color: toneColours[tone], fontVariantNumeric: 'tabular-nums' }}>
      {text}
    </Typography.Text>
  );
}

export function MilestoneClock({ kind, milestone, now, stopped }: { kind: MilestoneKind; milestone: MilestoneState; now: number; stopped: boolean }) {
  const { t } = useTranslation('incidents');
  const english = useEnglish();
  const duration = useDuration();
  const operatorWords = useOperatorWords();
  const live = liveMilestone(milestone, now, stopped);
  let body;
  if (milestone.state === 'met') {
    body = (
      <Typography.Text style={{ color: milestone.late ? alarmColours.major : alarmColours.normal }}>
        {t('clock.metBy', { time: formatTime(milestone.at, english, false), by: operatorWords(milestone.by) })}
        {milestone.late && t('clock.metLate', { time: duration(milestone.lateByMs) })}
      </Typography.Text>
    );
  } else if (milestone.state === 'not_applicable') {
    body = <Typography.Text type="secondary">{t('clock.notApplicable')}</Typography.Text>;
  } else {
    body = (
      <>
        <ClockText tone={live.tone} ms={live.ms} strong />
        <Typography.Text type="secondary" style={{ marginInlineStart: 12 }}>
          {t('clock.dueAt', { time: formatTime(milestone.dueAt, english, false) })}
        </Typography.Text>
      </>
    );
  }
  return (
    <div data-testid={`milestone-${kind}`} data-state={live.tone} style={{ display: 'flex', gap: 16, alignItems: 'baseline', padding: '6px 0', fontSize: 16 }}>
      <Typography.Text style={{ width: 120, flex: 'none', fontSize: 16 }}>{t(`milestone.${kind}`)}</Typography.Text>
      <span style={{ fontSize: 16 }}>{body}</span>
    </div>
  );
}
