// A repair's entry in a device's history, in one line: lent as a spare or stood in for, taken back, a part used,
// a replacement quoted or chosen. Each names the other device and the incident.
import type { TFunction } from 'i18next';
import type { JournalEntry } from '../../../shared/contract';
import { alarmColours } from '../app/theme';

type Payload = {
  role?: 'spare' | 'faulty';
  number?: string;
  incidentNumber?: string;
  spareAssetTag?: string;
  spareName?: string;
  faultyAssetTag?: string;
  faultyName?: string;
  borrower?: string;
  name?: string;
  quantity?: number;
  options?: unknown[];
  option?: { brand?: string; model?: string };
  chosenBy?: string;
  reason?: string;
};

export function repairHistoryLine(entry: JournalEntry, t: TFunction): { text: string; colour: string } | null {
  const p = (entry.payload ?? {}) as Payload;
  const number = p.incidentNumber ?? p.number ?? '';
  const spare = `${p.spareAssetTag ?? ''} ${p.spareName ?? ''}`.trim();
  const faulty = `${p.faultyAssetTag ?? ''} ${p.faultyName ?? ''}`.trim();
  const borrower = p.borrower ?? '';
  switch (entry.type) {
    case 'spare.lent':
      return { text: t(p.role === 'spare' ? 'repairs:history.lentAsSpare' : 'repairs:history.lentForFaulty', { spare, faulty, number, borrower }), colour: alarmColours.major };
    case 'spare.returned':
      return { text: t(p.role === 'spare' ? 'repairs:history.returnedAsSpare' : 'repairs:history.returnedForFaulty', { spare, faulty, number }), colour: alarmColours.normal };
    case 'repair.part_used':
      return { text: t('repairs:history.partUsed', { name: p.name ?? '', quantity: p.quantity ?? 0, number }), colour: alarmColours.info };
    case 'repair.part_withdrawn':
      return { text: t('repairs:history.partWithdrawn', { name: p.name ?? '', quantity: p.quantity ?? 0, number, reason: p.reason ?? '' }), colour: alarmColours.info };
    case 'repair.replacement_quoted':
      return { text: t('repairs:history.quoted', { count: p.options?.length ?? 0, number }), colour: alarmColours.info };
    case 'repair.replacement_chosen':
      return { text: t('repairs:history.chosen', { option: `${p.option?.brand ?? ''} ${p.option?.model ?? ''}`.trim(), by: p.chosenBy ?? '' }), colour: alarmColours.normal };
    default:
      return null;
  }
}
