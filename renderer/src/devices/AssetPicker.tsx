// Picks the asset-register device a link belongs to, searching the register as you type.
import { keepPreviousData } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useContractQuery } from '../transport/use-contract';

interface AssetPickerProps {
  id?: string;
  value?: string | null;
  onChange?(value: string | null): void;
}

const typingPauseMs = 150;

export function AssetPicker({ id, value, onChange }: AssetPickerProps) {
  const { t } = useTranslation('devices');
  const [q, setQ] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const found = useContractQuery('assets.search', { q, limit: 20 }, { placeholderData: keepPreviousData });
  // The chosen asset's label shows before any search, and stays when the search moves on.
  const current = useContractQuery('assets.get', { id: value ?? '' }, { enabled: Boolean(value), staleTime: 60_000 });
  const options = (found.data?.items ?? []).map((d) => ({ value: d.id, label: `${d.assetTag} · ${d.name}` }));
  const known = current.data?.device;
  if (known && !options.some((o) => o.value === known.id)) options.unshift({ value: known.id, label: `${known.assetTag} · ${known.name}` });

  return (
    <Select
      id={id}
      showSearch={{
        filterOption: false,
        onSearch: (next) => {
          clearTimeout(timer.current);
          timer.current = setTimeout(() => setQ(next), typingPauseMs);
        },
      }}
      allowClear
      loading={found.isFetching}
      placeholder={t('form.assetPlaceholder')}
      notFoundContent={t('form.noAssets')}
      value={value ?? undefined}
      options={options}
      onChange={(next?: string) => onChange?.(next ?? null)}
    />
  );
}
