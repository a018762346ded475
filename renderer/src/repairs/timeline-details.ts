// What a repair step adds under its line on the incident's timeline: the part and its cost, the spare and whom it
// stands in for, the quoted or chosen option.
import type { TFunction } from 'i18next';
import type { JournalEntry } from '../../../shared/contract';
import { formatYuan } from '../../../shared/domain/repairs/repair-kinds';

type Option = { kind?: string; brand?: string; model?: string; priceFen?: number; supplier?: string };
type Payload = {
  kind?: string;
  name?: string;
  quantity?: number;
  chargedFen?: number;
  spareAssetTag?: string;
  faultyAssetTag?: string;
  faultyName?: string;
  borrower?: string;
  options?: Option[];
  option?: Option;
  chosenBy?: string;
};

export function repairTimelineDetails(entry: JournalEntry, t: TFunction): { label: string; value: string }[] {
  const p = (entry.payload ?? {}) as Payload;
  const option = (o: Option) => ({ kind: t(`repairs:quotes.kind.${o.kind ?? 'same_model'}`), brand: o.brand ?? '', model: o.model ?? '', price: formatYuan(o.priceFen ?? 0), supplier: o.supplier ?? '' });
  switch (entry.type) {
    case 'incident.part_used': {
      const cost = p.kind === 'main' ? `¥${formatYuan(p.chargedFen ?? 0)}` : t('repairs:parts.free');
      return [{ label: '', value: t('repairs:timeline.part', { kind: t(`repairs:parts.kind.${p.kind ?? 'wearing'}`), name: p.name ?? '', quantity: p.quantity ?? 0, cost }) }];
    }
    case 'incident.part_withdrawn':
      return [{ label: '', value: t('repairs:timeline.partWithdrawn', { name: p.name ?? '', quantity: p.quantity ?? 0 }) }];
    case 'incident.spare_lent':
      return [{ label: '', value: t('repairs:timeline.loan', { spare: p.spareAssetTag ?? '', faulty: `${p.faultyAssetTag ?? ''} ${p.faultyName ?? ''}`.trim(), borrower: p.borrower ?? '' }) }];
    case 'incident.spare_returned':
      return [{ label: '', value: t('repairs:timeline.returned', { spare: p.spareAssetTag ?? '' }) }];
    case 'incident.replacement_quoted':
      return (p.options ?? []).map((o) => ({ label: '', value: t('repairs:timeline.quote', option(o)) }));
    case 'incident.replacement_chosen':
      return p.option ? [{ label: '', value: t('repairs:timeline.chosen', { ...option(p.option), by: p.chosenBy ?? '' }) }] : [];
    default:
      return [];
  }
}
