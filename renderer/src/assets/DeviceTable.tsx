// The register's virtualised table: only the rows on screen exist in the page, whatever the number of devices.
import { useVirtualizer } from '@tanstack/react-virtual';
import { Checkbox, theme } from 'antd';
import { type CSSProperties, type KeyboardEvent, useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceListItem } from '../../../shared/contract';
import { alarmColours } from '../app/theme';
import { formatDate, locationLine, todayIso } from './device-format';
import { DeviceStatusTag } from './DeviceStatusTag';
import './DeviceTable.css';
import type { DeviceRows } from './use-device-rows';
import { useCatalog } from './use-catalog';

const rowHeight = 52;
const headerHeight = 44;
const columns = [
  '48px', // select
  'minmax(112px, 0.8fr)', // asset tag
  'minmax(180px, 1.8fr)', // name
  'minmax(150px, 1.3fr)', // system
  'minmax(120px, 1fr)', // type
  'minmax(130px, 1fr)', // brand / model
  'minmax(160px, 1.4fr)', // location
  '128px', // status
  '116px', // warranty end
].join(' ');

/** Where each search was scrolled to, for this session. */
const scrollMemory = new Map<string, number>();

export interface DeviceTableProps {
  rows: DeviceRows;
  /** Rows the table offers (see `DeviceRows.rowCount`). */
  rowCount: number;
  /** Changes whenever the search changes, so the list returns to its top. */
  searchKey: string;
  selected: ReadonlySet<string>;
  onToggle(id: string, on: boolean): void;
  onOpen(id: string): void;
}

export function DeviceTable({ rows, rowCount, searchKey, selected, onToggle, onOpen }: DeviceTableProps) {
  const { t, i18n } = useTranslation('assets');
  const { token } = theme.useToken();
  const catalog = useCatalog();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    // The sticky header sits above the rows inside the same scroller.
    scrollMargin: headerHeight,
  });

  // A new search starts at the top; coming back to a search (Back from a device) returns to where it was.
  const restoredFor = useRef<string | null>(null);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || restoredFor.current === searchKey || (rowCount === 0 && scrollMemory.has(searchKey))) return;
    restoredFor.current = searchKey;
    el.scrollTop = scrollMemory.get(searchKey) ?? 0;
  }, [searchKey, rowCount]);

  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items.at(-1)?.index ?? 0;
  const { showRange } = rows;
  useEffect(() => {
    showRange(firstIndex, lastIndex);
  }, [firstIndex, lastIndex, showRange]);

  const today = todayIso(Date.now());
  const headerCells = [
    '',
    t('fields.assetTag'),
    t('fields.name'),
    t('fields.systemId'),
    t('fields.typeId'),
    t('columns.brandModel'),
    t('columns.location'),
    t('fields.status'),
    t('columns.warrantyEnd'),
  ];
  const tableVars = {
    '--device-row-hover': token.controlItemBgHover,
    '--device-row-selected': token.controlItemBgActive,
    '--device-row-border': token.colorBorderSecondary,
    '--device-header-bg': token.colorFillSecondary,
    '--device-focus': token.colorPrimary,
  } as CSSProperties;

  const openOnKey = (event: KeyboardEvent, id: string) => {
    if (event.key === 'Enter') onOpen(id);
    if (event.key === ' ') {
      event.preventDefault();
      onToggle(id, !selected.has(id));
    }
  };

  return (
    <div
      ref={scroller}
      className="device-table"
      role="table"
      aria-rowcount={rowCount + 1}
      onScroll={(e) => {
        if (restoredFor.current === searchKey) scrollMemory.set(searchKey, e.currentTarget.scrollTop);
      }}
      style={{ ...tableVars, background: token.colorBgContainer, borderRadius: token.borderRadiusLG }}
    >
      <div className="device-table-inner" style={{ minWidth: 1180 }}>
        <div className="device-table-header" role="row" style={{ gridTemplateColumns: columns, height: headerHeight, background: token.colorBgElevated }}>
          {headerCells.map((label, i) => (
            <div key={i} role="columnheader" className="device-table-cell" style={{ color: token.colorTextSecondary }}>
              {label}
            </div>
          ))}
        </div>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const device = rows.rowAt(item.index);
            const style: CSSProperties = {
              gridTemplateColumns: columns,
              height: rowHeight,
              transform: `translateY(${item.start - headerHeight}px)`,
            };
            if (!device) {
              return (
                <div key={item.key} className="device-table-row device-table-row-loading" role="row" aria-rowindex={item.index + 2} style={style}>
                  <div className="device-table-cell" />
                  <div className="device-table-cell" style={{ color: token.colorTextQuaternary }}>
                    {t('list.loadingRow')}
                  </div>
                </div>
              );
            }
            return (
              <DeviceRow
                key={device.id}
                device={device}
                index={item.index}
                style={style}
                checked={selected.has(device.id)}
                onToggle={onToggle}
                onOpen={onOpen}
                onKey={openOnKey}
                systemName={catalog.systemName(device.systemId)}
                typeName={catalog.typeName(device.systemId, device.typeId)}
                warrantyText={device.warrantyEnd ? formatDate(device.warrantyEnd, 'YYYY-MM-DD', i18n.language) : ''}
                warrantyExpired={device.warrantyEnd !== null && device.warrantyEnd < today}
                selectLabel={t('columns.select')}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

interface DeviceRowProps {
  device: DeviceListItem;
  index: number;
  style: CSSProperties;
  checked: boolean;
  systemName: string;
  typeName: string;
  warrantyText: string;
  warrantyExpired: boolean;
  selectLabel: string;
  onToggle(id: string, on: boolean): void;
  onOpen(id: string): void;
  onKey(event: KeyboardEvent, id: string): void;
}

function DeviceRow(props: DeviceRowProps) {
  const { device } = props;
  const brandModel = [device.brand, device.model].filter((s) => s !== '').join(' ');
  const location = locationLine(device);
  return (
    <div
      role="row"
      tabIndex={0}
      aria-rowindex={props.index + 2}
      aria-selected={props.checked}
      className={`device-table-row${props.checked ? ' device-table-row-selected' : ''}`}
      style={props.style}
      onClick={() => props.onOpen(device.id)}
      onKeyDown={(e) => props.onKey(e, device.id)}
    >
      {/* The checkbox cell takes its own clicks: ticking a row must not open it. */}
      <div role="cell" className="device-table-cell device-table-check" onClick={(e) => e.stopPropagation()}>
        <Checkbox
          style={{ width: '100%', height: '100%', justifyContent: 'center', alignItems: 'center' }}
          checked={props.checked}
          aria-label={`${props.selectLabel} ${device.assetTag}`}
          onChange={(e) => props.onToggle(device.id, e.target.checked)}
        />
      </div>
      <div role="cell" className="device-table-cell device-table-mono" title={device.assetTag}>
        {device.assetTag}
      </div>
      <div role="cell" className="device-table-cell device-table-name" title={device.name}>
        {device.name}
      </div>
      <div role="cell" className="device-table-cell" title={props.systemName}>
        {props.systemName}
      </div>
      <div role="cell" className="device-table-cell" title={props.typeName}>
        {props.typeName}
      </div>
      <div role="cell" className="device-table-cell" title={brandModel}>
        {brandModel}
      </div>
      <div role="cell" className="device-table-cell" title={location}>
        {location}
      </div>
      <div role="cell" className="device-table-cell">
        <DeviceStatusTag status={device.status} />
      </div>
      <div
        role="cell"
        className="device-table-cell device-table-mono"
        style={props.warrantyExpired ? { color: alarmColours.critical, fontWeight: 600 } : undefined}
      >
        {props.warrantyText}
      </div>
    </div>
  );
}
