// Spare-part stock per device type: what is on the shelf, the minimum, and which parts are short.
import { EditOutlined, PlusOutlined, WarningFilled } from '@ant-design/icons';
import { Alert, Button, Checkbox, Flex, Result, Select, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpareStock } from '../../../shared/contract';
import { alarmColours } from '../app/theme';
import { useErrorMessage } from '../app/use-error-message';
import { useCatalogNames } from '../catalog/catalog-names';
import { useContractQuery } from '../transport/use-contract';
import { isLowStock } from './spare-stock-level';
import { SpareStockModal } from './SpareStockModal';
import { SpareUnitsCard } from '../repairs/SpareUnitsCard';

interface SpareRow extends SpareStock {
  key: string;
  systemName: string;
  typeName: string;
  typeSecondary: string;
  low: boolean;
}

/** A short row's cells are tinted red; the class is set per row, the colour is the alarm red of the theme. */
const lowRowCss = `.spare-row-low > td { background: rgba(255, 77, 79, 0.16) !important; }
.spare-row-low:hover > td { background: rgba(255, 77, 79, 0.24) !important; }`;

export function SparesPage() {
  const { t } = useTranslation('spares');
  const errorMessage = useErrorMessage();
  const names = useCatalogNames();
  const spares = useContractQuery('spares.list', {});
  const catalog = useContractQuery('catalog.list', {});
  const [editing, setEditing] = useState<{ systemId: string; typeId: string } | null | undefined>(undefined);
  const [systemFilter, setSystemFilter] = useState<string | undefined>(undefined);
  const [onlyLow, setOnlyLow] = useState(false);

  const rows = useMemo<SpareRow[]>(() => {
    const systems = catalog.data ?? [];
    const order = (s: SpareStock) => {
      const si = systems.findIndex((x) => x.id === s.systemId);
      const ti = si < 0 ? -1 : systems[si]!.types.findIndex((x) => x.id === s.typeId);
      return si * 1000 + ti;
    };
    return [...(spares.data ?? [])]
      .sort((a, b) => order(a) - order(b))
      .map((s) => {
        const system = systems.find((x) => x.id === s.systemId);
        const type = system?.types.find((x) => x.id === s.typeId);
        return {
          ...s,
          key: `${s.systemId}/${s.typeId}`,
          systemName: system ? names.primary(system) : s.systemId,
          typeName: type ? names.primary(type) : s.typeId,
          typeSecondary: type ? names.secondary(type) : '',
          low: isLowStock(s),
        };
      });
  }, [spares.data, catalog.data, names]);

  const lowCount = rows.filter((r) => r.low).length;
  const shown = rows.filter((r) => (!systemFilter || r.systemId === systemFilter) && (!onlyLow || r.low));
  const failed = spares.error ?? catalog.error;

  return (
    <Flex vertical gap={16} style={{ maxWidth: 1200 }}>
      <style>{lowRowCss}</style>
      <Flex align="center" justify="space-between" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Button type="primary" size="large" icon={<PlusOutlined />} disabled={!catalog.data} onClick={() => setEditing(null)}>
          {t('set')}
        </Button>
      </Flex>
      <Typography.Paragraph style={{ margin: 0, fontSize: 16 }}>{t('intro')}</Typography.Paragraph>
      {failed ? (
        <Result status="error" title={t('loadFailed')} subTitle={errorMessage(failed)} />
      ) : (
        <>
          {rows.length > 0 &&
            (lowCount > 0 ? (
              <Alert type="error" showIcon title={<span style={{ fontSize: 16, fontWeight: 600 }}>{t('lowCount', { count: lowCount })}</span>} />
            ) : (
              <Alert type="success" showIcon title={t('allOk')} />
            ))}
          <Flex gap={16} align="center" wrap>
            <Select
              allowClear
              size="large"
              aria-label={t('filterSystem')}
              placeholder={t('allSystems')}
              value={systemFilter}
              onChange={setSystemFilter}
              style={{ minWidth: 240 }}
              options={(catalog.data ?? []).map((s) => ({ value: s.id, label: names.primary(s) }))}
            />
            <Checkbox checked={onlyLow} onChange={(e) => setOnlyLow(e.target.checked)}>
              {t('onlyLow')}
            </Checkbox>
          </Flex>
          <Table<SpareRow>
            loading={spares.isPending || catalog.isPending}
            dataSource={shown}
            pagination={false}
            rowClassName={(r) => (r.low ? 'spare-row-low' : '')}
            locale={{ emptyText: t('empty') }}
            columns={[
              { title: t('col.system'), dataIndex: 'systemName', width: '22%' },
              {
                title: t('col.type'),
                key: 'type',
                render: (_, r) => (
                  <span>
                    {r.typeName}
                    {r.typeSecondary && <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 13 }}>{r.typeSecondary}</Typography.Text>}
                  </span>
                ),
              },
              {
                title: t('col.quantity'),
                dataIndex: 'quantity',
                align: 'right',
                width: 110,
                render: (q: number, r) => (
                  <span style={{ fontSize: 18, fontWeight: 600, color: r.low ? alarmColours.critical : undefined }}>{q}</span>
                ),
              },
              { title: t('col.minimum'), dataIndex: 'minimum', align: 'right', width: 100 },
              {
                title: t('col.status'),
                key: 'status',
                width: 190,
                render: (_, r) =>
                  r.low ? (
                    <Tag color="error" icon={<WarningFilled />} style={{ fontSize: 14, padding: '2px 8px' }}>
                      {t('low')} · {t('short', { count: r.minimum - r.quantity })}
                    </Tag>
                  ) : (
                    <Tag color="success">{t('ok')}</Tag>
                  ),
              },
              {
                title: t('col.updatedAt'),
                dataIndex: 'updatedAt',
                width: 170,
                render: (at: number | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '—'),
              },
              {
                title: t('col.actions'),
                key: 'actions',
                width: 110,
                render: (_, r) => (
                  <Button icon={<EditOutlined />} onClick={() => setEditing({ systemId: r.systemId, typeId: r.typeId })}>
                    {t('adjust')}
                  </Button>
                ),
              },
            ]}
          />
        </>
      )}
      <SpareUnitsCard />
      {editing !== undefined && catalog.data && (
        <SpareStockModal catalog={catalog.data} stock={spares.data ?? []} initial={editing} onClose={() => setEditing(undefined)} />
      )}
    </Flex>
  );
}
