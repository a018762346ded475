// What the service center wrote back on a defect's or a maintenance record's ticket (notes, assignee, status), on the
// record's page, each with its upstream author and time. Nothing is shown until something came back.
import { Card, Tag, Timeline, Typography } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { JournalEntry } from '../../../shared/contract';
import { formatTime, useEnglish } from '../incidents/incident-format';
import { useContractEvent, useContractQuery } from '../transport/use-contract';
import { operatorWords } from './operator-words';

type RecordKind = 'defect' | 'maintenance';

/** One entry in words: its title ("服务中心备注", "服务中心指派给 Wei Wang") and the note's text. */
export function upstreamChangeLine(entry: JournalEntry, t: (key: string, params?: Record<string, string>) => string): { title: string; text: string } {
  const p = (entry.payload ?? {}) as { text?: unknown; assignee?: unknown; status?: unknown };
  const words = (v: unknown) => (typeof v === 'string' ? v : '');
  const what = entry.type.slice(entry.type.indexOf('.upstream_') + '.upstream_'.length);
  return { title: t(`upstreamChanges.${what}`, { assignee: words(p.assignee), status: words(p.status) }), text: words(p.text) };
}

export function UpstreamChangesCard({ recordKind, recordId }: { recordKind: RecordKind; recordId: string }) {
  const { t } = useTranslation('sync');
  const english = useEnglish();
  const changes = useContractQuery('sync.upstreamChanges', { recordKind, recordId });
  const { refetch } = changes;
  // The pull says so when it brings something back for this record.
  const refresh = useCallback(() => void refetch(), [refetch]);
  useContractEvent(recordKind === 'defect' ? 'problems.changed' : 'maintenance.changed', refresh);
  const entries = changes.data ?? [];
  if (entries.length === 0) return null;
  return (
    <Card title={t('upstreamChanges.title')} data-testid="upstream-changes">
      <Timeline
        items={entries.map((entry) => {
          const line = upstreamChangeLine(entry, t);
          return {
            key: entry.id,
            color: 'purple',
            content: (
              <div data-upstream="true">
                <Tag color="purple">{t('upstreamChanges.marker')}</Tag>
                <Typography.Text strong>{line.title}</Typography.Text>{' '}
                <Typography.Text type="secondary">
                  {formatTime(entry.at, english, false)} · {operatorWords(entry.operator, t)}
                </Typography.Text>
                {line.text && <div style={{ whiteSpace: 'pre-wrap' }}>{line.text}</div>}
              </div>
            ),
          };
        })}
      />
    </Card>
  );
}
