// Warns a guard who is about to report what another guard reported a minute ago, and offers to add to that incident.
import { Alert, Button, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../../../shared/contract';
import { useContractQuery } from '../transport/use-contract';
import { LevelTag, useNow } from './incident-format';

/** Asks once the guard pauses typing, not at every key. */
function useSettled(value: string, ms = 400): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

interface Props {
  location: string;
  deviceId: string | undefined;
  busy: boolean;
  onAddTo(incident: Incident): void;
}

export function SamePlaceWarning({ location, deviceId, busy, onAddTo }: Props) {
  const { t } = useTranslation('report');
  const now = useNow(30_000);
  const place = useSettled(location.trim());
  const deviceIds = deviceId ? [deviceId] : [];
  const recent = useContractQuery('incidents.recentAtSamePlace', { location: place, deviceIds }, { enabled: place.length >= 2 || deviceIds.length > 0 });
  const found = place.length >= 2 || deviceIds.length > 0 ? (recent.data ?? []) : [];
  if (found.length === 0) return null;
  // The newest is the one a second guard most likely saw too; the footer has room for one line.
  const incident = found[0]!;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ padding: '6px 12px' }}
      title={
        <span>
          <Typography.Text strong>{t('duplicate.title')}</Typography.Text>
          <span style={{ marginInlineStart: 8 }}>
            <LevelTag level={incident.level} />{' '}
            {t('duplicate.item', { number: incident.number, title: incident.title, place: incident.record.location || '—', ago: dayjs(incident.reportedAt).from(now) })}
          </span>
        </span>
      }
      description={<Typography.Text type="secondary">{t('duplicate.hint')}</Typography.Text>}
      action={
        <Button type="primary" loading={busy} onClick={() => onAddTo(incident)}>
          {t('duplicate.addTo', { number: incident.number })}
        </Button>
      }
    />
  );
}
