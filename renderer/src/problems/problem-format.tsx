// How problem records show their state: one colour per defect state, the same on the list and the form.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DefectState } from '../../../shared/contract';

const stateColours: Record<DefectState, string> = {
  submitted: 'red',
  analysed: 'orange',
  proposed: 'gold',
  approved: 'blue',
  implemented: 'blue',
  confirmed: 'cyan',
  reported: 'purple',
  replied: 'green',
  converted: 'green',
};

export function DefectStateTag({ state }: { state: DefectState }) {
  const { t } = useTranslation('problems');
  return (
    <Tag color={stateColours[state]} style={{ fontSize: 14, padding: '2px 10px' }} data-testid="defect-state">
      {t(`state.${state}`)}
    </Tag>
  );
}
