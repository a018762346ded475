// Who did a step, in words: a person's or this console's name as journaled, a change the service center made (pulled
// by the sync, journaled as `upstream:<author>`) as "服务中心 Wei Wang". The one place an operator is turned into words.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { upstreamAuthorOf } from '../../../shared/domain/sync/upstream-operator';

/** The service center's author in words ("服务中心 Wei Wang" / "service center, Wei Wang"). */
export function upstreamAuthorWords(author: string, t: TFunction<'sync'>): string {
  return t('upstreamAuthor', { author });
}

/** A journaled operator in words. */
export function operatorWords(operator: string, t: TFunction<'sync'>): string {
  const author = upstreamAuthorOf(operator);
  return author === null ? operator : upstreamAuthorWords(author, t);
}

export function useOperatorWords(): (operator: string) => string {
  const { t } = useTranslation('sync');
  return (operator) => operatorWords(operator, t);
}
