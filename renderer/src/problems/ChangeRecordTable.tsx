// 变更记录: which device or system, what changed, before → after, versions; on screen and on paper.
import { useTranslation } from 'react-i18next';
import type { ChangeRecord } from '../../../shared/contract';

export function ChangeRecordTable({ changes, className }: { changes: ChangeRecord[]; className?: string }) {
  const { t } = useTranslation('problems');
  const cols = ['target', 'what', 'before', 'after', 'versionBefore', 'versionAfter'] as const;
  return (
    <table className={className} data-testid="change-record" style={className ? undefined : { width: '100%', borderCollapse: 'collapse' }}>
      <thead>
        <tr>{cols.map((c) => <th key={c} style={{ textAlign: 'start', padding: 4 }}>{t(`fields.${c}`)}</th>)}</tr>
      </thead>
      <tbody>
        {changes.map((ch, i) => (
          <tr key={i}>{cols.map((c) => <td key={c} style={{ padding: 4 }}>{ch[c] || '—'}</td>)}</tr>
        ))}
      </tbody>
    </table>
  );
}
