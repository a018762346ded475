// The register's search box (as you type) and its filters: system, status, location.
import { SearchOutlined } from '@ant-design/icons';
import { Button, Cascader, Flex, Input, type InputRef, Select } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocationEntry } from '../../../shared/contract';
import { useContractQuery } from '../transport/use-contract';
import { useStatusOptions } from './DeviceStatusTag';
import { useCatalog } from './use-catalog';
import { type DeviceFilter, hasConditions } from './use-device-filter';

/** Long enough to let a word be typed, short enough to feel instant. */
const typingPauseMs = 150;
/** Stands in the cascader for a floor left empty, whose rooms can still be chosen. */
const noFloor = '\u2205';

interface LocationOption {
  value: string;
  label: string;
  children?: LocationOption[];
}

function locationOptions(entries: LocationEntry[], unnamed: string): LocationOption[] {
  const buildings = new Map<string, { count: number; floors: Map<string, { count: number; rooms: Map<string, number> }> }>();
  for (const e of entries) {
    if (e.building === '') continue;
    const b = buildings.get(e.building) ?? { count: 0, floors: new Map() };
    buildings.set(e.building, b);
    b.count += e.count;
    const floorKey = e.floor === '' ? noFloor : e.floor;
    const f = b.floors.get(floorKey) ?? { count: 0, rooms: new Map<string, number>() };
    b.floors.set(floorKey, f);
    f.count += e.count;
    if (e.room !== '') f.rooms.set(e.room, (f.rooms.get(e.room) ?? 0) + e.count);
  }
  return [...buildings].map(([building, b]) => ({
    value: building,
    label: `${building} (${b.count})`,
    children: [...b.floors].map(([floor, f]) => ({
      value: floor,
      label: `${floor === noFloor ? unnamed : floor} (${f.count})`,
      children: [...f.rooms].map(([room, count]) => ({ value: room, label: `${room} (${count})` })),
    })),
  }));
}

export function DeviceFilters({ filter, onChange }: { filter: DeviceFilter; onChange(next: DeviceFilter): void }) {
  const { t } = useTranslation('assets');
  const catalog = useCatalog();
  const statusOptions = useStatusOptions();
  const locations = useContractQuery('assets.locations', {}, { staleTime: 30_000 });
  const options = useMemo(() => locationOptions(locations.data ?? [], t('list.unnamedLocation')), [locations.data, t]);

  // The box shows every keystroke; the search follows once typing pauses.
  const [text, setText] = useState(filter.q);
  const sent = useRef(filter.q);
  const latest = useRef(filter);
  latest.current = filter;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  useEffect(() => {
    // A change from elsewhere (filters cleared, Back) shows in the box.
    if (filter.q !== sent.current) {
      sent.current = filter.q;
      setText(filter.q);
    }
  }, [filter.q]);
  const type = (value: string) => {
    setText(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      sent.current = value;
      onChange({ ...latest.current, q: value });
    }, typingPauseMs);
  };

  const input = useRef<InputRef>(null);
  useEffect(() => {
    input.current?.focus();
  }, []);

  const location = [filter.building, filter.building ? (filter.floor ?? (filter.room ? noFloor : undefined)) : undefined, filter.room].filter(
    (v): v is string => v !== undefined,
  );

  return (
    <Flex vertical gap={12}>
      <Input
        ref={input}
        size="large"
        autoFocus
        allowClear
        aria-label={t('list.searchLabel')}
        placeholder={t('list.searchPlaceholder')}
        prefix={<SearchOutlined style={{ fontSize: 20, marginInlineEnd: 6 }} />}
        value={text}
        onChange={(e) => type(e.target.value)}
        onKeyDown={(e) => {
          // Enter searches at once instead of waiting for the pause.
          if (e.key === 'Enter') {
            clearTimeout(timer.current);
            sent.current = text;
            onChange({ ...filter, q: text });
          }
        }}
        style={{ fontSize: 18, height: 52 }}
      />
      <Flex gap={12} wrap align="center">
        <Select
          size="large"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={t('fields.systemId')}
          placeholder={t('list.systemFilter')}
          style={{ width: 240 }}
          options={catalog.systemOptions}
          value={filter.systemId}
          onChange={(systemId?: string) => onChange({ ...filter, systemId })}
        />
        <Select
          size="large"
          allowClear
          aria-label={t('fields.status')}
          placeholder={t('list.statusFilter')}
          style={{ width: 170 }}
          options={statusOptions}
          value={filter.status}
          onChange={(status?: DeviceFilter['status']) => onChange({ ...filter, status })}
        />
        <Cascader
          size="large"
          changeOnSelect
          allowClear
          aria-label={t('columns.location')}
          placeholder={t('list.locationFilter')}
          style={{ width: 320 }}
          options={options}
          value={location}
          displayRender={(labels) => labels.map((l) => String(l).replace(/ \(\d+\)$/, '')).join(' / ')}
          onChange={(path?: string[]) => {
            const [building, floor, room] = path ?? [];
            onChange({ ...filter, building, floor: floor === noFloor ? undefined : floor, room });
          }}
        />
        {hasConditions(filter) && (
          <Button size="large" type="link" onClick={() => onChange({ q: '' })}>
            {t('list.clearFilters')}
          </Button>
        )}
      </Flex>
    </Flex>
  );
}
