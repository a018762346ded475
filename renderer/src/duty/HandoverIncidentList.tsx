// The open incidents a handover carries: number, level, state, title and the milestones already overdue.
import { List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HandoverIncident, SlaLevel } from '../../../shared/contract';
import { alarmColours } from '../app/theme';

export const levelColours: Record<SlaLevel, string> = {
  I: alarmColours.critical,
  II: alarmColours.major,
  III: alarmColours.minor,
  IV: alarmColours.info,
};

export function HandoverIncidentList({ incidents }: { incidents: HandoverIncident[] }) {
  const { t } = useTranslation('duty');
  return (
    <List
      size="small"
      dataSource={incidents}
      locale={{ emptyText: t('handover.noOpenIncidents') }}
      renderItem={(i) => (
        <List.Item>
          <Typography.Text style={{ width: '100%' }}>
            <Tag color={levelColours[i.level]}>{t('handover.level', { level: i.level })}</Tag>
            <Typography.Text code>{i.number}</Typography.Text> {i.title}{' '}
            <Tag>{t(`handover.state.${i.state}`)}</Tag>
            {i.overdue.length > 0 && (
              <Tag color={alarmColours.critical}>
                {t('handover.overdue', { list: i.overdue.map((m) => t(`handover.milestone.${m}`)).join('、') })}
              </Tag>
            )}
          </Typography.Text>
        </List.Item>
      )}
    />
  );
}
