// The catalog: every system with its device types and brands, in both languages; engineers add entries.
import { LockOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Input, Result, Space, Spin, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogBrand, CatalogSystem, CatalogType } from '../../../shared/contract';
import { useErrorMessage } from '../app/use-error-message';
import { useContractQuery } from '../transport/use-contract';
import { unclassifiedSystemId } from '../../../shared/domain/assets/catalog';
import { type BilingualName, useCatalogNames } from './catalog-names';
import { type CatalogAddTarget, CatalogEntryModal } from './CatalogEntryModal';

export function CatalogPage() {
  const { t } = useTranslation('catalog');
  const errorMessage = useErrorMessage();
  const catalog = useContractQuery('catalog.list', {});
  const [adding, setAdding] = useState<CatalogAddTarget | null>(null);
  const [q, setQ] = useState('');
  // "Not known" is a place for reports to wait for an engineer, not a system with component types.
  const systems = useMemo(() => filterCatalog((catalog.data ?? []).filter((s) => s.id !== unclassifiedSystemId), q), [catalog.data, q]);

  return (
    <Flex vertical gap={16} style={{ maxWidth: 1200 }}>
      <Flex align="center" justify="space-between" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => setAdding({ kind: 'system' })}>
          {t('addSystem')}
        </Button>
      </Flex>
      <Typography.Paragraph style={{ margin: 0, fontSize: 16 }}>{t('intro')}</Typography.Paragraph>
      <Flex align="center" justify="space-between" wrap gap={12}>
        <Input
          allowClear
          size="large"
          prefix={<SearchOutlined />}
          placeholder={t('search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          style={{ maxWidth: 420 }}
          aria-label={t('search')}
        />
        <Typography.Text type="secondary">
          <LockOutlined /> {t('legend')}
        </Typography.Text>
      </Flex>
      {catalog.isPending ? (
        <Spin size="large" style={{ margin: 48 }} />
      ) : catalog.isError ? (
        <Result status="error" title={t('loadFailed')} subTitle={errorMessage(catalog.error)} />
      ) : systems.length === 0 ? (
        <Empty description={t('noMatch', { q })} />
      ) : (
        systems.map((system) => (
          <SystemCard
            key={system.id}
            system={system}
            onAddType={() => setAdding({ kind: 'type', system })}
            onAddBrand={() => setAdding({ kind: 'brand', system })}
          />
        ))
      )}
      {adding && <CatalogEntryModal target={adding} onClose={() => setAdding(null)} />}
    </Flex>
  );
}

function SystemCard({ system, onAddType, onAddBrand }: { system: CatalogSystem; onAddType: () => void; onAddBrand: () => void }) {
  const { t } = useTranslation('catalog');
  const names = useCatalogNames();
  return (
    <Card
      data-system-id={system.id}
      title={
        <Space size={12} wrap>
          <span style={{ fontSize: 18 }}>{names.primary(system)}</span>
          <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
            {names.secondary(system)}
          </Typography.Text>
          {system.builtin ? (
            <Tag icon={<LockOutlined />}>{t('builtin')}</Tag>
          ) : (
            <Tag color="blue">{t('custom')}</Tag>
          )}
        </Space>
      }
      extra={
        <Space wrap>
          <Button icon={<PlusOutlined />} onClick={onAddType}>
            {t('addType')}
          </Button>
          <Button icon={<PlusOutlined />} onClick={onAddBrand}>
            {t('addBrand')}
          </Button>
        </Space>
      }
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('counts', { types: system.types.length, brands: system.brands.length })}</Typography.Text>
        <EntryGroup label={t('types')} entries={system.types} empty={t('noTypes')} />
        <EntryGroup label={t('brands')} entries={system.brands} empty={t('noBrands')} />
      </Flex>
    </Card>
  );
}

function EntryGroup({ label, entries, empty }: { label: string; entries: (CatalogType | CatalogBrand)[]; empty: string }) {
  const { t } = useTranslation('catalog');
  const names = useCatalogNames();
  return (
    <Flex gap={12} align="baseline" role="group" aria-label={label}>
      <Typography.Text strong style={{ flex: 'none', width: 96 }}>
        {label}
      </Typography.Text>
      {entries.length === 0 ? (
        <Typography.Text type="secondary">{empty}</Typography.Text>
      ) : (
        <Flex wrap gap={8}>
          {entries.map((entry) => (
            <Tag
              key={entry.id}
              data-entry-id={entry.id}
              title={entry.builtin ? t('builtin') : t('custom')}
              color={entry.builtin ? undefined : 'blue'}
              icon={entry.builtin ? <LockOutlined style={{ opacity: 0.55 }} /> : undefined}
              style={{ fontSize: 14, padding: '3px 10px', margin: 0 }}
            >
              {names.primary(entry)}
              {names.secondary(entry) !== names.primary(entry) && (
                <span style={{ opacity: 0.6, marginInlineStart: 6, fontSize: 12 }}>{names.secondary(entry)}</span>
              )}
            </Tag>
          ))}
        </Flex>
      )}
    </Flex>
  );
}

/** Systems whose own name, or one of whose types or brands, contains the query (either language). */
function filterCatalog(systems: CatalogSystem[], query: string): CatalogSystem[] {
  const q = query.trim().toLowerCase();
  if (!q) return systems;
  const hit = (e: BilingualName) => e.nameZh.toLowerCase().includes(q) || e.nameEn.toLowerCase().includes(q);
  return systems.flatMap((s) => {
    if (hit(s)) return [s];
    const types = s.types.filter(hit);
    const brands = s.brands.filter(hit);
    return types.length || brands.length ? [{ ...s, types, brands }] : [];
  });
}
