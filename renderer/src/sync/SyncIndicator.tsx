// The header's sync indicator on every screen: connected / offline since… / N waiting / parked (N), in colour and
// words; a click opens the sync page for those who may see it.
import { CloudOutlined, CloudSyncOutlined, DisconnectOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { mayOpen } from '../app/route-roles';
import { alarmColours } from '../app/theme';
import { useEnglish, useNow } from '../incidents/incident-format';
import { useSession } from '../operators/use-session';
import { useContractQuery } from '../transport/use-contract';
import { indicatorWords, type SyncTone, syncIndicatorView } from './sync-format';

export const syncToneColours: Record<SyncTone, string> = {
  normal: alarmColours.normal,
  busy: alarmColours.info,
  warning: alarmColours.major,
  alarm: alarmColours.critical,
  muted: alarmColours.muted,
};

const toneIcons: Record<SyncTone, ReactNode> = {
  normal: <CloudOutlined />,
  busy: <CloudSyncOutlined />,
  warning: <DisconnectOutlined />,
  alarm: <WarningOutlined />,
  muted: <CloudOutlined />,
};

/**
 * The indicator's words for the current status ("离线 · 自 14:03 起 · 1 条待上传"), for the header and the sync page;
 * `lines` splits them for the header: the link, then the counts.
 */
export function useSyncWords(): { words: string; lines: string[]; tone: SyncTone } | null {
  const { t } = useTranslation('sync');
  const english = useEnglish();
  // "since 14:03" turns into "since Dec 6 14:03" at midnight: a minute is fine enough.
  const now = useNow(60_000);
  // The event keeps it fresh; the slow poll covers a missed event (a reconnecting socket).
  const status = useContractQuery('sync.status', {}, { refetchInterval: 60_000 });
  if (!status.data) return null;
  const view = syncIndicatorView(status.data, now, english);
  const [link = '', ...counts] = indicatorWords(view, t);
  const lines = counts.length > 0 ? [link, counts.join(' · ')] : [link];
  return { words: lines.join(' · '), lines, tone: view.tone };
}

export function SyncIndicator() {
  const { t } = useTranslation('sync');
  const navigate = useNavigate();
  const { operator } = useSession();
  const shown = useSyncWords();
  if (!shown) return null;
  const colour = syncToneColours[shown.tone];
  // The header is crowded on a 1366 px screen: two short lines, and the indicator gives way first (the F2 button must
  // never be pushed off), cut with an ellipsis; the whole sentence stays in the tooltip and the accessible name.
  const twoLines = shown.lines.length > 1;
  const style = { color: colour, borderColor: colour, fontWeight: 600, minWidth: 0, flex: '0 1 auto', maxWidth: 320, height: 'auto', minHeight: 40, paddingBlock: 2 };
  const text = (
    <span style={{ display: 'flex', flexDirection: 'column', minWidth: 0, lineHeight: 1.25, textAlign: 'start', fontSize: twoLines ? 14 : 16 }}>
      {shown.lines.map((line, i) => (
        <span key={i} style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          {line}
        </span>
      ))}
    </span>
  );
  const common = { 'data-testid': 'sync-indicator', 'data-tone': shown.tone, 'aria-label': `${t('indicator.label')}: ${shown.words}` };
  if (!mayOpen(operator.role, '/sync')) {
    return (
      <Tooltip title={shown.words}>
        <span role="status" {...common} style={{ ...style, display: 'inline-flex', gap: 6, alignItems: 'center' }}>
          {toneIcons[shown.tone]}
          {text}
        </span>
      </Tooltip>
    );
  }
  return (
    <Tooltip title={shown.words}>
      <Button size="large" ghost icon={toneIcons[shown.tone]} style={style} onClick={() => void navigate('/sync')} {...common}>
        {text}
      </Button>
    </Tooltip>
  );
}
