// After the report: stays until the guard closes it — the number, the level and its promise, whom to call now, what to do.
import { CheckCircleFilled, PhoneOutlined } from '@ant-design/icons';
import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../../../shared/contract';
import { DAY_MS, HOUR_MS, slaLevelDefinitions } from '../../../shared/domain/incidents/sla-levels';
import { alarmColours } from '../app/theme';
import { useContractQuery } from '../transport/use-contract';
import { LevelTag, useEnglish } from './incident-format';

/** The guard's report as filed, or the open incident they added to instead. */
export interface ReportOutcome {
  incident: Incident;
  addedTo: boolean;
}

export function ReportConfirmation({ outcome }: { outcome: ReportOutcome }) {
  const { t } = useTranslation(['report', 'incidents', 'operators']);
  const lang = useEnglish() ? 'en' : 'zh';
  const { incident, addedTo } = outcome;
  const definition = slaLevelDefinitions[incident.level];
  const hotline = useContractQuery('settings.hotlineNow', {}, { refetchInterval: 60_000 });
  const span = (ms: number) =>
    ms >= DAY_MS ? t('done.days', { n: ms / DAY_MS }) : ms >= HOUR_MS ? t('done.hours', { n: ms / HOUR_MS }) : t('done.minutes', { n: ms / 60_000 });
  // Nothing the guard answered gave a level: the stored one is the core's placeholder until the engineer responds.
  const levelPending = incident.suggestionBasis === 'nothing_answered' && incident.level === incident.suggestedLevel;
  return (
    <div data-testid="report-confirmation" role="status" style={{ display: 'grid', gap: 16 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        <CheckCircleFilled style={{ color: alarmColours.normal, marginInlineEnd: 10 }} />
        {addedTo ? t('done.added', { number: incident.number }) : t('incidents:report.saved', { number: incident.number })}
      </Typography.Title>
      <div>
        <Typography.Text type="secondary">{t('done.levelTitle')}</Typography.Text>
        <div style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap', marginTop: 4 }}>
          <LevelTag level={incident.level} large />
          <Typography.Text style={{ fontSize: 16 }}>{levelPending ? t('done.levelPending') : definition.meaning[lang]}</Typography.Text>
        </div>
        <Typography.Paragraph style={{ margin: '6px 0 0', fontSize: 16 }}>
          {t('done.promise', { response: span(definition.responseMs), plan: span(definition.planMs), resolution: span(definition.resolutionMs) })}
        </Typography.Paragraph>
      </div>
      <div data-testid="call-now" style={{ border: `2px solid ${alarmColours.critical}`, borderRadius: 8, padding: '12px 16px' }}>
        <Typography.Text strong style={{ fontSize: 16 }}>
          <PhoneOutlined style={{ marginInlineEnd: 8 }} />
          {t('done.callNow')}
          {hotline.data && hotline.data.number !== '' && (
            <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
              {t(`operators:hotlineKind.${hotline.data.kind}`)} · {t(`operators:reasons.${hotline.data.reason}`)}
            </Typography.Text>
          )}
        </Typography.Text>
        {hotline.data && hotline.data.number !== '' && (
          <Typography.Title level={2} style={{ margin: '4px 0 0', fontVariantNumeric: 'tabular-nums' }}>
            <a href={`tel:${hotline.data.number}`}>{hotline.data.number}</a>
          </Typography.Title>
        )}
        {hotline.data && hotline.data.number === '' && <Alert type="error" showIcon title={t('done.hotlineUnset')} style={{ marginTop: 8 }} />}
      </div>
      <div>
        <Typography.Text strong style={{ fontSize: 16 }}>{t('done.whileWaiting')}</Typography.Text>
        <ol style={{ margin: '6px 0 0', paddingInlineStart: 24, fontSize: 16, lineHeight: 1.7 }}>
          {(['step1', 'step2', 'step3', 'step4'] as const).map((step) => (
            <li key={step}>{t(`done.${step}`)}</li>
          ))}
        </ol>
      </div>
    </div>
  );
}
