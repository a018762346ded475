// Picks several devices of the register by searching as you type (tag or name); keeps the labels of those picked.
import { keepPreviousData } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useContractQuery } from '../transport/use-contract';

interface Props {
  id?: string;
  value?: string[];
  onChange?(value: string[]): void;
  placeholder?: string;
}

export function DevicesPicker({ id, value = [], onChange, placeholder }: Props) {
  const [q, setQ] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const found = useContractQuery('assets.search', { q, limit: 20 }, { placeholderData: keepPreviousData });
  const [labels, setLabels] = useState<Map<string, string>>(new Map());
  const known = useContractQuery('assets.getMany', { ids: value }, { enabled: value.some((v) => !labels.has(v)) && value.length > 0 });
  const options = new Map<string, string>(labels);
  for (const d of [...(known.data ?? []), ...(found.data?.items ?? [])]) if (!options.has(d.id)) options.set(d.id, `${d.assetTag} · ${d.name}`);
  return (
    <Select
      id={id}
      mode="multiple"
      size="large"
      showSearch={{
        filterOption: false,
        onSearch: (next) => {
          clearTimeout(timer.current);
          timer.current = setTimeout(() => setQ(next), 150);
        },
      }}
      placeholder={placeholder}
      value={value}
      options={[...options].map(([v, label]) => ({ value: v, label }))}
      onChange={(next: string[]) => {
        setLabels(new Map(next.map((v) => [v, options.get(v) ?? v])));
        onChange?.(next);
      }}
    />
  );
}
