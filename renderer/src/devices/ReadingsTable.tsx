// The latest value of every reading a device reported: sensor values, UPS voltages, zone states, the last card.
import { Card, Table } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { DeviceReading } from '../../../shared/domain/devices/device-signals';
import { useEnglish } from '../incidents/incident-format';
import { useContractQuery } from '../transport/use-contract';

function formatValue(reading: DeviceReading, yes: string, no: string): string {
  const { value, unit } = reading;
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? yes : no;
  return unit ? `${value} ${unit}` : String(value);
}

export function ReadingsTable({ deviceId }: { deviceId: string }) {
  const { t } = useTranslation('devices');
  const english = useEnglish();
  const readings = useContractQuery('links.readings', { id: deviceId }, { refetchInterval: 2_000 });
  return (
    <Card title={t('diag.readings')} size="small">
      <Table<DeviceReading>
        rowKey="key"
        size="small"
        loading={readings.isPending}
        dataSource={readings.data ?? []}
        pagination={false}
        scroll={{ y: 360 }}
        locale={{ emptyText: t('diag.noReadings') }}
        columns={[
          { key: 'label', title: t('diag.col2.label'), render: (_, r) => r.label[english ? 'en' : 'zh'] },
          { key: 'value', title: t('diag.col2.value'), width: 160, render: (_, r) => <strong>{formatValue(r, t('diag.yes'), t('diag.no'))}</strong> },
          { key: 'at', title: t('diag.col2.at'), width: 110, render: (_, r) => dayjs(r.at).format('HH:mm:ss') },
        ]}
      />
    </Card>
  );
}
