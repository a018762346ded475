// A task's standing against its dates, in the colours every screen uses: red overdue, orange due this week.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DueState } from '../../../shared/domain/maintenance/due-state';
import { alarmColours } from '../app/theme';

const colours: Record<DueState, string> = {
  overdue: alarmColours.critical,
  due: alarmColours.major,
  upcoming: alarmColours.info,
  done: alarmColours.normal,
};

export function DueStateTag({ state }: { state: DueState }) {
  const { t } = useTranslation('maintenance');
  return (
    <Tag variant="solid" color={colours[state]} data-due-state={state} style={{ fontSize: 14, padding: '2px 10px', fontWeight: state === 'overdue' ? 700 : 400 }}>
      {t(`dueState.${state}`)}
    </Tag>
  );
}
