// The big red button in the header and the F2 key anywhere: both open the emergency report.
import { AlertOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReportIncidentModal } from './ReportIncidentModal';

export function EmergencyReportButton() {
  const { t } = useTranslation('incidents');
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'F2') return;
      e.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <Button
        type="primary"
        danger
        icon={<AlertOutlined />}
        onClick={() => setOpen(true)}
        style={{ height: 56, minWidth: 200, fontSize: 20, fontWeight: 700 }}
      >
        {t('report.button')}
      </Button>
      <ReportIncidentModal open={open} onClose={() => setOpen(false)} />
    </>
  );
}
