// A chain break in words: what is wrong, which entries, and the checkpoint it disagrees with.
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import type { ChainBreak, JournalCheckpoint } from '../../../shared/contract';

/** "the clean shutdown of 2026-12-07 18:00", in the audit namespace's words. */
export function checkpointText(t: TFunction<'audit'>, checkpoint: JournalCheckpoint): string {
  return t('checkpointAt', { time: dayjs(checkpoint.at).format('YYYY-MM-DD HH:mm'), reason: t(`checkpointReason.${checkpoint.reason}`) });
}

/** The first eight hex digits: enough to compare with a printed sheet by eye. */
export function shortHash(hash: string): string {
  return hash.slice(0, 8);
}

export function chainBreakText(t: TFunction<'audit'>, broken: ChainBreak): string {
  return t(`reason.${broken.reason}`, {
    seq: broken.seq,
    from: broken.missing?.fromSeq,
    to: broken.missing?.toSeq,
    head: broken.seq - 1,
    checkpoint: broken.checkpoint ? checkpointText(t, broken.checkpoint) : '',
    checkpointSeq: broken.checkpoint?.seq,
    database: broken.keyedFrom?.database ?? '—',
    outside: broken.keyedFrom?.outside ?? '—',
  });
}
