// The duty room's audible alarm: beeps when an incident becomes due soon or overdue, a mute toggle the guard controls (journaled).
import { BellOutlined, SoundOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Tooltip } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { setConsoleMuted, useConsoleMuted } from '../alarms/use-console-muted';
import { useErrorMessage } from '../app/use-error-message';
import { consoleClient } from '../transport';
import { useContractCommand, useContractQuery } from '../transport/use-contract';
import { playAlarmBeep } from './alarm-beep';
import { dueSoonMs, useNow } from './incident-format';

/** While anything is due soon or overdue and the sound is on, the beeps repeat this often. */
const repeatMs = 60_000;

/** Keeps every cached incident query fresh when the core says incidents changed (a report, an SLA crossing). */
function useIncidentsLive(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      consoleClient().subscribe('incidents.changed', () => {
        void queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('incidents.') });
      }),
    [queryClient],
  );
}

/** The keys of what is alarming now: incident/milestone/soon|overdue. A new key sounds the alarm. */
function useAlarmKeys(): string[] {
  const list = useContractQuery('incidents.list', { scope: 'open' }, { refetchInterval: 30_000 });
  const now = useNow(5_000);
  const keys: string[] = [];
  for (const item of list.data?.items ?? []) {
    const { milestone, remainingMs } = item.urgency;
    if (milestone === null || remainingMs === null || list.data === undefined) continue;
    const left = list.data.asOf + remainingMs - now;
    if (left <= 0) keys.push(`${item.id}/${milestone}/overdue`);
    else if (left < dueSoonMs) keys.push(`${item.id}/${milestone}/soon`);
  }
  return keys;
}

export function AlertSound() {
  const { t } = useTranslation('incidents');
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  useIncidentsLive();
  const keys = useAlarmKeys();
  const muted = useConsoleMuted();
  const setMutedCommand = useContractCommand('alerts.setMuted', ['journal.']);
  const heard = useRef(new Set<string>());
  const lastPlayed = useRef(0);
  const playing = useRef(false);

  const alarming = keys.length > 0;
  const fresh = keys.some((k) => !heard.current.has(k));
  const tick = useNow(5_000);
  useEffect(() => {
    for (const k of keys) heard.current.add(k);
    const due = fresh || (alarming && tick - lastPlayed.current >= repeatMs);
    if (muted || !due || playing.current) return;
    playing.current = true;
    lastPlayed.current = Date.now();
    document.documentElement.dataset.alertSound = 'playing';
    // How many times the alarm has sounded since the page loaded: what a test (or a support engineer) can read back.
    document.documentElement.dataset.alertBeeps = String(Number(document.documentElement.dataset.alertBeeps ?? 0) + 1);
    void playAlarmBeep().finally(() => {
      playing.current = false;
      delete document.documentElement.dataset.alertSound;
    });
  }, [keys, fresh, alarming, muted, tick]);

  const toggle = (next: boolean) => {
    setMutedCommand.mutate(
      { muted: next },
      {
        onSuccess: () => {
          setConsoleMuted(next);
          if (next) message.info(t('alert.muted'));
        },
        onError: (err) => message.error(errorMessage(err)),
      },
    );
  };

  return (
    <Tooltip title={alarming && !muted ? t('alert.sounding') : undefined}>
      <Button
        size="large"
        aria-label={muted ? t('alert.unmute') : t('alert.mute')}
        danger={alarming && !muted}
        icon={muted ? <BellOutlined /> : <SoundOutlined />}
        data-muted={muted ? 'true' : 'false'}
        loading={setMutedCommand.isPending}
        onClick={() => toggle(!muted)}
      >
        {muted ? t('alert.unmute') : t('alert.mute')}
      </Button>
    </Tooltip>
  );
}
