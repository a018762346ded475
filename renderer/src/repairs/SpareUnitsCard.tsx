// On the spares page: the named spare units (register devices with the status 备用), how many of each type are on the
// shelf and lent, and for each lent one who has it, since when, for which incident, and whether it is overdue.
import { Alert, Card, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SpareUnit } from '../../../shared/contract';
import { alarmColours } from '../app/theme';
import { useCatalogNames } from '../catalog/catalog-names';
import { formatTime, useEnglish } from '../incidents/incident-format';
import { useContractQuery } from '../transport/use-contract';

export function SpareUnitsCard() {
  const { t } = useTranslation('repairs');
  const english = useEnglish();
  const names = useCatalogNames();
  const units = useContractQuery('spares.units', {});
  const catalog = useContractQuery('catalog.list', {});
  const typeName = (systemId: string, typeId: string | null) => {
    const system = catalog.data?.find((s) => s.id === systemId);
    const type = system?.types.find((ty) => ty.id === typeId);
    return type ? names.primary(type) : system ? names.primary(system) : systemId;
  };
  const all = units.data?.units ?? [];
  const lent = all.filter((u) => u.loan !== null).length;
  const overdue = all.filter((u) => u.loan?.overdue).length;
  return (
    <Card title={t('units.title')} data-testid="spare-units">
      <Typography.Paragraph type="secondary" style={{ fontSize: 15 }}>{t('units.intro')}</Typography.Paragraph>
      {lent > 0 && (
        <Alert
          type={overdue > 0 ? 'error' : 'warning'}
          showIcon
          style={{ marginBottom: 12 }}
          title={<span style={{ fontSize: 16 }}>{[t('units.lentCount', { count: lent }), overdue > 0 ? t('units.overdueCount', { count: overdue }) : ''].filter(Boolean).join(' · ')}</span>}
        />
      )}
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        {(units.data?.counts ?? []).map((c) => (
          <Tag key={`${c.systemId}/${c.typeId ?? ''}`} style={{ fontSize: 15, padding: '4px 10px' }} data-testid="spare-unit-count">
            {typeName(c.systemId, c.typeId)}: {t('units.count', { available: c.available, lent: c.lent })}
          </Tag>
        ))}
      </Flex>
      <Table<SpareUnit>
        rowKey="id"
        loading={units.isPending}
        dataSource={all}
        pagination={false}
        locale={{ emptyText: t('units.none') }}
        onRow={(u) => ({ 'data-testid': 'spare-unit-row', 'data-state': u.loan ? (u.loan.overdue ? 'overdue' : 'lent') : 'shelf' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'tag', title: t('units.col.tag'), width: 130, render: (_, u) => <Link to={`/assets/${u.id}`}>{u.assetTag}</Link> },
          { key: 'device', title: t('units.col.device'), render: (_, u) => [u.name, u.brand, u.model].filter(Boolean).join(' · ') },
          { key: 'type', title: t('units.col.type'), width: 150, render: (_, u) => typeName(u.systemId, u.typeId) },
          { key: 'serial', title: t('units.col.serial'), width: 140, render: (_, u) => u.serialNo || '—' },
          {
            key: 'state',
            title: t('units.col.state'),
            width: 100,
            render: (_, u) =>
              u.loan ? (
                <Tag color={u.loan.overdue ? alarmColours.critical : 'gold'}>{u.loan.overdue ? t('units.overdue') : t('units.lent')}</Tag>
              ) : (
                <Tag color="green">{t('units.onShelf')}</Tag>
              ),
          },
          {
            key: 'loan',
            title: t('units.col.loan'),
            render: (_, u) =>
              u.loan && (
                <span>
                  {t('units.loanLine', { borrower: u.loan.borrower, time: formatTime(u.loan.lentAt, english, false), faulty: `${u.loan.faultyAssetTag} ${u.loan.faultyName}` })}{' '}
                  · <Link to={`/incidents/${u.loan.incidentId}`}>{t('loans.incident', { number: u.loan.incidentNumber })}</Link>
                </span>
              ),
          },
        ]}
      />
    </Card>
  );
}
