// The supervisor's escalation queue, on every screen: a purple button (not an alarm's red) with its own chime, and a
// drawer where each escalation is acknowledged with what will be done.
import { RiseOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Card, Drawer, Empty, Form, Input, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Escalation } from '../../../shared/contract';
import { useConsoleMuted } from '../alarms/use-console-muted';
import { useErrorMessage } from '../app/use-error-message';
import { visuallyHidden } from '../app/visually-hidden';
import { formatTime, LevelTag, useEnglish } from '../incidents/incident-format';
import { useMayCall } from '../operators/use-may-call';
import { consoleClient } from '../transport';
import { useContractCommand, useContractQuery } from '../transport/use-contract';
import { playEscalationChime } from './escalation-tone';

/** Escalation purple: distinct from the alarm colours (red, orange, gold, blue). */
const escalationColour = '#9254de';

/** `compact`: a narrow header shows the icon and the count only (the words in a tooltip and for screen readers). */
export function EscalationQueue({ compact = false }: { compact?: boolean }) {
  if (!useMayCall('escalations.acknowledge')) return null;
  return <SupervisorQueue compact={compact} />;
}

function SupervisorQueue({ compact }: { compact: boolean }) {
  const { t } = useTranslation('escalations');
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const muted = useConsoleMuted();
  const list = useContractQuery('escalations.list', { scope: 'open' }, { refetchInterval: 30_000 });
  const heard = useRef<Set<string> | null>(null);
  useEffect(
    () => consoleClient().subscribe('escalations.changed', () => void queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('escalations.') })),
    [queryClient],
  );
  const items = list.data ?? [];
  useEffect(() => {
    if (!list.data) return;
    // What was waiting when the page opened is not news; each escalation after that chimes once.
    const fresh = heard.current !== null && list.data.some((e) => !heard.current?.has(e.id));
    heard.current = new Set([...(heard.current ?? []), ...list.data.map((e) => e.id)]);
    if (fresh && !muted) void playEscalationChime();
  }, [list.data, muted]);
  return (
    <>
      <Badge count={items.length} color={escalationColour}>
        <Tooltip title={compact ? t('queueEmpty') : undefined}>
          <Button
            size="large"
            icon={<RiseOutlined />}
            onClick={() => setOpen(true)}
            data-testid="escalation-queue"
            data-count={items.length}
            style={items.length > 0 ? { borderColor: escalationColour, color: escalationColour } : undefined}
          >
            {compact ? <span style={visuallyHidden}>{t('queueEmpty')}</span> : t('queueEmpty')}
          </Button>
        </Tooltip>
      </Badge>
      <Drawer open={open} onClose={() => setOpen(false)} title={t('title')} size={520} data-testid="escalation-drawer">
        {items.length === 0 ? <Empty description={t('empty')} /> : items.map((e) => <EscalationCard key={e.id} escalation={e} onOpen={() => setOpen(false)} />)}
      </Drawer>
    </>
  );
}

function EscalationCard({ escalation: e, onOpen }: { escalation: Escalation; onOpen(): void }) {
  const { t } = useTranslation('escalations');
  const { t: ti } = useTranslation('incidents');
  const english = useEnglish();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const acknowledge = useContractCommand('escalations.acknowledge', ['escalations.', 'incidents.']);
  const submit = async (values: { action: string }) => {
    try {
      await acknowledge.mutateAsync({ id: e.id, action: values.action });
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };
  return (
    <Card size="small" style={{ marginBottom: 12, borderInlineStart: `6px solid ${escalationColour}` }} data-testid="escalation-card">
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
        <LevelTag level={e.level} />
        <Link to={`/incidents/${e.incidentId}`} onClick={onOpen}>{e.incidentNumber}</Link>
        <Tag color="purple">{t(`kind.${e.kind}`)}</Tag>
      </div>
      <Typography.Paragraph style={{ margin: '6px 0' }}>{e.incidentTitle}</Typography.Paragraph>
      {e.milestone && <div>{t('milestone', { name: ti(`milestone.${e.milestone}`) })}</div>}
      {e.tried && <div style={{ whiteSpace: 'pre-wrap' }}>{t('tried', { tried: e.tried })}</div>}
      <Typography.Text type="secondary">{t('raised', { by: e.raisedBy, time: formatTime(e.raisedAt, english) })}</Typography.Text>
      <Form layout="vertical" size="large" onFinish={(v: { action: string }) => void submit(v)} style={{ marginTop: 8 }}>
        <Form.Item name="action" label={t('action')} rules={[{ required: true, whitespace: true }]} style={{ marginBottom: 8 }}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={acknowledge.isPending} style={{ background: escalationColour }}>{t('acknowledge')}</Button>
      </Form>
    </Card>
  );
}
