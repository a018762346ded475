// One checklist item on one device, with big targets: pass / fail / n/a, a reading against its limits, backup, version,
// text or photo. Keys 1, 2, 3 answer a focused item.
import { CameraOutlined, CheckOutlined, CloseOutlined, MinusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, InputNumber, Space, Tag, Typography } from 'antd';
import { type KeyboardEvent, type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ItemResult } from '../../../shared/contract';
import { type ChecklistItem, type ChosenOutcome, itemOutcome, type ItemOutcome, type ItemValue, limitsText } from '../../../shared/domain/maintenance/checklist-items';
import { alarmColours } from '../app/theme';
import { useErrorMessage } from '../app/use-error-message';
import { useEnglish } from '../incidents/incident-format';
import { ItemPhoto } from './ItemPhoto';
import type { ItemSaver } from './use-item-saver';

const big = { height: 56, minWidth: 120, fontSize: 18 };
/** Longer than a scanner's gap between keys (use-scanned-tag.ts), too short for a person to notice. */
const keyAnswerDelayMs = 120;
const outcomeColours: Record<ItemOutcome, string> = { pass: alarmColours.normal, fail: alarmColours.critical, na: alarmColours.muted, done: alarmColours.info };

interface Props {
  taskId: string;
  deviceId: string;
  item: ChecklistItem;
  saver: ItemSaver;
  result: ItemResult | undefined;
  readOnly: boolean;
  onOpenIncident(): void;
}

export function ItemCard({ taskId, deviceId, item, saver, result, readOnly, onOpenIncident }: Props) {
  const { t } = useTranslation('maintenance');
  const english = useEnglish();
  const errorMessage = useErrorMessage();
  const value = saver.valueOf(deviceId, item.id) ?? {};
  const outcome = itemOutcome(item, value);
  const status = saver.statusOf(deviceId, item.id);
  const set = (patch: Partial<ItemValue>, mode: 'now' | 'typing') => saver.change(deviceId, item.id, { ...value, ...patch }, mode);
  const flush = () => saver.flush(deviceId, item.id);
  const choose = (o: ChosenOutcome) => set({ outcome: value.outcome === o ? null : o }, 'now');

  // A digit answers the focused item unless more keys follow at once: then it is a scanner typing a tag (use-scanned-tag).
  const pendingKey = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(pendingKey.current), []);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (readOnly || e.target !== e.currentTarget) return;
    clearTimeout(pendingKey.current);
    const chosen = ({ '1': 'pass', '2': 'fail', '3': 'na' } as const)[e.key as '1' | '2' | '3'];
    if (!chosen || (chosen === 'pass' && item.kind !== 'check')) return;
    pendingKey.current = setTimeout(() => choose(chosen), keyAnswerDelayMs);
  };

  const choice = (o: ChosenOutcome, icon: ReactNode) => (
    <Button
      style={big}
      disabled={readOnly}
      icon={icon}
      type={value.outcome === o ? 'primary' : 'default'}
      danger={o === 'fail'}
      aria-pressed={value.outcome === o}
      onClick={() => choose(o)}
    >
      {t(`outcome.${o}`)}
    </Button>
  );
  const na = choice('na', <MinusOutlined />);
  const limits = item.kind === 'reading' ? limitsText(item) : '';

  let body: ReactNode;
  switch (item.kind) {
    case 'check':
      body = <Space size={12} wrap>{choice('pass', <CheckOutlined />)}{choice('fail', <CloseOutlined />)}{na}</Space>;
      break;
    case 'reading':
      body = (
        <Space size={12} wrap align="center">
          <InputNumber
            aria-label={t('walk.reading')}
            size="large"
            style={{ width: 200, fontSize: 20 }}
            disabled={readOnly || value.outcome === 'na'}
            value={value.reading ?? null}
            suffix={item.unit}
            onChange={(n) => set({ reading: typeof n === 'number' ? n : null }, 'typing')}
            onBlur={flush}
            onPressEnter={flush}
          />
          {limits && <Typography.Text type="secondary" style={{ fontSize: 16 }}>{t('walk.limits', { limits })}</Typography.Text>}
          {outcome === 'fail' && <Tag color={alarmColours.critical} style={{ fontSize: 16, padding: '4px 10px' }}>{t('walk.outOfLimits')}</Tag>}
          {na}
        </Space>
      );
      break;
    case 'backup':
      body = (
        <Flex gap={12} wrap>
          <Input aria-label={t('walk.backupWhat')} size="large" style={{ width: 260 }} placeholder={t('walk.backupWhat')} disabled={readOnly} value={value.backupWhat ?? ''} onChange={(e) => set({ backupWhat: e.target.value }, 'typing')} onBlur={flush} />
          <Input aria-label={t('walk.backupWhere')} size="large" style={{ width: 260 }} placeholder={t('walk.backupWhere')} disabled={readOnly} value={value.backupWhere ?? ''} onChange={(e) => set({ backupWhere: e.target.value }, 'typing')} onBlur={flush} />
          {choice('fail', <CloseOutlined />)}
          {na}
        </Flex>
      );
      break;
    case 'version':
      body = (
        <Flex gap={12} wrap align="center">
          <Input aria-label={t('walk.versionBefore')} size="large" style={{ width: 200 }} placeholder={t('walk.versionBefore')} disabled={readOnly} value={value.versionBefore ?? ''} onChange={(e) => set({ versionBefore: e.target.value }, 'typing')} onBlur={flush} />
          <span style={{ fontSize: 20 }}>→</span>
          <Input aria-label={t('walk.versionAfter')} size="large" style={{ width: 200 }} placeholder={t('walk.versionAfter')} disabled={readOnly} value={value.versionAfter ?? ''} onChange={(e) => set({ versionAfter: e.target.value }, 'typing')} onBlur={flush} />
          {na}
        </Flex>
      );
      break;
    case 'text':
      body = (
        <Flex gap={12} align="start">
          <Input.TextArea aria-label={t('walk.text')} size="large" autoSize={{ minRows: 2 }} disabled={readOnly} value={value.text ?? ''} onChange={(e) => set({ text: e.target.value }, 'typing')} onBlur={flush} />
          {na}
        </Flex>
      );
      break;
    case 'photo':
      body = (
        <Flex gap={12} align="center" wrap>
          <ItemPhoto taskId={taskId} deviceId={deviceId} itemId={item.id} sha256={value.photoSha256 ?? null} readOnly={readOnly} icon={<CameraOutlined />} />
          {na}
        </Flex>
      );
      break;
  }

  return (
    <Card
      size="small"
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid={`item-${item.id}`}
      data-outcome={outcome ?? 'open'}
      style={{ borderLeft: `6px solid ${outcome ? outcomeColours[outcome] : '#434343'}`, outlineOffset: 2 }}
      title={
        <Flex justify="space-between" align="center" gap={12}>
          <span style={{ fontSize: 18, whiteSpace: 'normal' }}>{english ? item.labelEn : item.labelZh}</span>
          <Space>
            {status?.state === 'saving' && <Typography.Text type="secondary">{t('walk.saving')}</Typography.Text>}
            {status?.state === 'saved' && <Typography.Text type="secondary">{t('walk.saved')}</Typography.Text>}
            {status?.state === 'failed' && <Typography.Text type="danger">{t('walk.saveFailed', { error: errorMessage(status.error) })}</Typography.Text>}
            {outcome && <Tag color={outcomeColours[outcome]} style={{ fontSize: 15 }}>{t(`outcome.${outcome}`)}</Tag>}
          </Space>
        </Flex>
      }
    >
      <Flex vertical gap={12}>
        {body}
        {item.kind !== 'text' && (
          <Input aria-label={t('walk.note')} placeholder={t('walk.note')} disabled={readOnly} value={value.note ?? ''} onChange={(e) => set({ note: e.target.value }, 'typing')} onBlur={flush} />
        )}
        {outcome === 'fail' &&
          (result?.incidentId ? (
            <Link to={`/incidents/${result.incidentId}`} style={{ fontSize: 16 }}>{t('walk.incidentLinked', { number: result.incidentNumber })}</Link>
          ) : (
            result?.outcome === 'fail' && (
              <Button danger type="primary" style={big} onClick={onOpenIncident} disabled={readOnly}>{t('walk.openIncident')}</Button>
            )
          ))}
      </Flex>
    </Card>
  );
}
