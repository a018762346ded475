// Picks a device of the asset register by searching it as you type; shows tag and name.
import { keepPreviousData } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useContractQuery } from '../transport/use-contract';

export interface RegisterDeviceOption {
  id: string;
  assetTag: string;
  name: string;
}

interface RegisterDevicePickerProps {
  id?: string;
  value?: string | null;
  onChange?(value: string | null): void;
  /** A device that may not be picked (the one being edited cannot be its own parent). */
  excludeId?: string;
  /** The current choice as the caller already knows it; otherwise it is looked up. */
  known?: RegisterDeviceOption | null;
  placeholder?: string;
  notFoundText?: string;
}

const typingPauseMs = 150;

export function RegisterDevicePicker({ id, value, onChange, excludeId, known, placeholder, notFoundText }: RegisterDevicePickerProps) {
  const [q, setQ] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const found = useContractQuery('assets.search', { q, limit: 20 }, { placeholderData: keepPreviousData });
  // The chosen device's label shows before any search, and stays when the search moves on.
  const [chosen, setChosen] = useState<RegisterDeviceOption | null>(null);
  const lookUp = Boolean(value) && known?.id !== value && chosen?.id !== value;
  const current = useContractQuery('assets.get', { id: value ?? '' }, { enabled: lookUp, staleTime: 60_000 });

  const candidates: RegisterDeviceOption[] = (found.data?.items ?? []).filter((d) => d.id !== excludeId);
  for (const extra of [chosen, known, current.data?.device]) {
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
      notFoundContent={notFoundText}
      value={value ?? undefined}
      options={candidates.map((d) => ({ value: d.id, label: `${d.assetTag} · ${d.name}` }))}
      onChange={(next?: string) => {
        setChosen(candidates.find((c) => c.id === next) ?? null);
        onChange?.(next ?? null);
      }}
    />
  );
}
