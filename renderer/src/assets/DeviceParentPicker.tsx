// Picks a device's parent by searching the register as you type; shows tag and name.
import { keepPreviousData } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useContractQuery } from '../transport/use-contract';

export interface ParentOption {
  id: string;
  assetTag: string;
  name: string;
}

interface DeviceParentPickerProps {
  id?: string;
  value?: string | null;
  onChange?(value: string | null): void;
  /** The device being edited: it cannot be its own parent. */
  excludeId?: string;
  /** The current parent, so its name shows before any search. */
  known?: ParentOption | null;
  placeholder?: string;
}

const typingPauseMs = 150;

export function DeviceParentPicker({ id, value, onChange, excludeId, known, placeholder }: DeviceParentPickerProps) {
  const { t } = useTranslation('assets');
  const [q, setQ] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const found = useContractQuery('assets.search', { q, limit: 20 }, { placeholderData: keepPreviousData });
  // Remember the chosen device, so its label stays when the search moves on.
  const [chosen, setChosen] = useState<ParentOption | null>(null);

  const candidates: ParentOption[] = (found.data?.items ?? []).filter((d) => d.id !== excludeId);
  for (const extra of [chosen, known]) {
    if (extra && extra.id === value && !candidates.some((c) => c.id === extra.id)) candidates.unshift(extra);
  }

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
      placeholder={placeholder}
      notFoundContent={t('form.noParentResults')}
      value={value ?? undefined}
      options={candidates.map((d) => ({ value: d.id, label: `${d.assetTag} · ${d.name}` }))}
      onChange={(next?: string) => {
        setChosen(candidates.find((c) => c.id === next) ?? null);
        onChange?.(next ?? null);
      }}
    />
  );
}
