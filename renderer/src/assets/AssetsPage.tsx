// The asset register: search as you type over every device, filter, pick rows for labels, open a device.
import { ImportOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Flex, Spin, Typography } from 'antd';
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useErrorMessage } from '../app/use-error-message';
import { useMayCall } from '../operators/use-may-call';
import { DeviceFilters } from './DeviceFilters';
import { formEntry } from './DeviceFormPage';
import { DeviceTable } from './DeviceTable';
import { ExportButton } from './ExportButton';
import { hasConditions, toSearchInput, useDeviceFilter } from './use-device-filter';
import { useDeviceRows } from './use-device-rows';

export function AssetsPage() {
  const { t } = useTranslation('assets');
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const [filter, setFilter] = useDeviceFilter();
  const input = toSearchInput(filter);
  const rows = useDeviceRows(input);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const mayAdd = useMayCall('assets.create');
  const mayImport = useMayCall('assets.importCommit');
  const mayExport = useMayCall('assets.export');
  const mayPrintLabels = useMayCall('assets.labels');

  const toggle = useCallback((id: string, on: boolean) => {
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  const open = useCallback((id: string) => navigate(`/assets/${id}`), [navigate]);
  const printLabels = () => navigate(`/labels?ids=${[...selected].map(encodeURIComponent).join(',')}`);

  const total = rows.total;
  const filtered = hasConditions(filter);

  // The page fills the window below the shell's header, so the table, not the window, scrolls.
  const page = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState<number>();
  useLayoutEffect(() => {
    const fit = () => {
      const top = (page.current?.getBoundingClientRect().top ?? 0) + window.scrollY;
      setHeight(Math.max(480, window.innerHeight - top - 24));
    };
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, []);

  return (
    <Flex ref={page} vertical gap={16} style={{ height: height ?? 'calc(100vh - 120px)' }}>
      <Flex align="center" gap={12} wrap>
        <Typography.Title level={3} style={{ margin: 0, flex: 1 }}>
          {t('title')}
        </Typography.Title>
        {mayAdd && (
          <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => navigate('/assets/new', { state: formEntry })}>
            {t('list.add')}
          </Button>
        )}
        {mayImport && (
          <Button size="large" icon={<ImportOutlined />} onClick={() => navigate('/assets/import')}>
            {t('list.import')}
          </Button>
        )}
        {mayExport && <ExportButton filter={input} />}
        {mayPrintLabels && (
          <Button size="large" icon={<PrinterOutlined />} disabled={selected.size === 0} onClick={printLabels}>
            {selected.size > 0 ? t('list.printLabelsCount', { count: selected.size }) : t('list.printLabels')}
          </Button>
        )}
      </Flex>

      <DeviceFilters filter={filter} onChange={setFilter} />

      <Flex align="center" gap={16} style={{ height: 28 }}>
        <Typography.Text strong style={{ fontSize: 16 }} aria-live="polite">
          {total === undefined ? tc('loading') : t(rows.totalCapped ? 'list.totalCapped' : 'list.total', { count: total })}
        </Typography.Text>
        {rows.stale && <Spin size="small" />}
        {selected.size > 0 && (
          <>
            <Typography.Text type="secondary">{t('list.selected', { count: selected.size })}</Typography.Text>
            <Button type="link" style={{ padding: 0, height: 28 }} onClick={() => setSelected(new Set())}>
              {t('list.clearSelection')}
            </Button>
          </>
        )}
      </Flex>

      {rows.error ? (
        <Alert
          type="error"
          showIcon
          title={t('list.loadFailed')}
          description={errorMessage(rows.error)}
          action={
            <Button size="large" onClick={rows.refetch}>
              {tc('actions.retry')}
            </Button>
          }
        />
      ) : null}

      {total === 0 && !rows.stale ? (
        <Flex flex={1} align="center" justify="center">
          {filtered ? (
            <Empty
              description={
                <Flex vertical gap={4}>
                  <Typography.Text strong style={{ fontSize: 18 }}>
                    {t('list.noMatchTitle')}
                  </Typography.Text>
                  <Typography.Text type="secondary">{t('list.noMatchHint')}</Typography.Text>
                </Flex>
              }
            >
              <Button size="large" onClick={() => setFilter({ q: '' })}>
                {t('list.clearFilters')}
              </Button>
            </Empty>
          ) : (
            <Empty
              description={
                <Flex vertical gap={4} style={{ maxWidth: 520 }}>
                  <Typography.Text strong style={{ fontSize: 18 }}>
                    {t('list.emptyTitle')}
                  </Typography.Text>
                  <Typography.Text type="secondary">{t('list.emptyHint')}</Typography.Text>
                </Flex>
              }
            >
              <Flex gap={12} justify="center">
                <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => navigate('/assets/new', { state: formEntry })}>
                  {t('list.add')}
                </Button>
                <Button size="large" icon={<ImportOutlined />} onClick={() => navigate('/assets/import')}>
                  {t('list.import')}
                </Button>
              </Flex>
            </Empty>
          )}
        </Flex>
      ) : (
        <DeviceTable
          rows={rows}
          rowCount={rows.rowCount}
          searchKey={JSON.stringify(input)}
          selected={selected}
          onToggle={toggle}
          onOpen={open}
        />
      )}
    </Flex>
  );
}
