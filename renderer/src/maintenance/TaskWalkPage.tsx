// Doing a task: device by device, each item with big targets and keys; a scanned label (a USB scanner types the asset
// tag, then Enter) jumps to that device; saved as it goes, so it resumes half done.
import { ArrowLeftOutlined, ArrowRightOutlined, ScanOutlined } from '@ant-design/icons';
import { Alert, App, Badge, Button, Card, Col, Descriptions, Empty, Flex, Input, Result, Row, Spin, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import type { Device, TaskDetail } from '../../../shared/contract';
import { type ChecklistItem, itemApplies, itemOutcome } from '../../../shared/domain/maintenance/checklist-items';
import { alarmColours } from '../app/theme';
import { useErrorMessage } from '../app/use-error-message';
import { useCatalog } from '../assets/use-catalog';
import { useMayCall } from '../operators/use-may-call';
import { UpstreamChangesCard } from '../sync/UpstreamChangesCard';
import { RecordUpstreamTicket } from '../sync/UpstreamTicket';
import { useContractQuery } from '../transport/use-contract';
import { DueStateTag } from './DueStateTag';
import { ItemCard } from './ItemCard';
import { ItemIncidentModal } from './ItemIncidentModal';
import { TaskSummaryCard } from './TaskSummaryCard';
import { useTemplateName } from './template-name';
import { type ItemSaver, useItemSaver } from './use-item-saver';
import { useScannedTag } from './use-scanned-tag';

export function TaskWalkPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('maintenance');
  const errorMessage = useErrorMessage();
  const detail = useContractQuery('maintenance.task', { id });
  const saver = useItemSaver(id, detail.data?.results);
  if (detail.isError) return <Result status="error" title={t('walk.loadFailed')} subTitle={errorMessage(detail.error)} />;
  if (!detail.data) return <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />;
  return <Walk detail={detail.data} saver={saver} />;
}

function itemsFor(items: ChecklistItem[], device: Device): ChecklistItem[] {
  return items.filter((i) => itemApplies(i, device.typeId));
}

function Walk({ detail, saver }: { detail: TaskDetail; saver: ItemSaver }) {
  const { t } = useTranslation('maintenance');
  const { message } = App.useApp();
  const catalog = useCatalog();
  const templateName = useTemplateName();
  const mayEdit = useMayCall('maintenance.saveResult');
  const { task, template, devices } = detail;
  const readOnly = task.state === 'done' || !mayEdit;
  const [params, setParams] = useSearchParams();
  const index = Math.max(0, devices.findIndex((d) => d.id === params.get('device')));
  const device = devices[index];
  const go = useCallback((i: number) => {
    const next = devices[Math.min(devices.length - 1, Math.max(0, i))];
    if (next) setParams({ device: next.id }, { replace: true });
  }, [devices, setParams]);
  const [incidentFor, setIncidentFor] = useState<ChecklistItem | null>(null);
  const itemsTop = useRef<HTMLDivElement>(null);

  const jumpToTag = useCallback((tag: string) => {
    const i = devices.findIndex((d) => d.assetTag.toLowerCase() === tag.trim().toLowerCase());
    if (i < 0) void message.warning(t('walk.scanUnknown', { tag: tag.trim() }));
    else {
      go(i);
      itemsTop.current?.focus();
    }
  }, [devices, go, message, t]);
  useScannedTag(jumpToTag);

  // ←/→ walk the devices when no field has the keys.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, textarea, [contenteditable="true"], .ant-select, .ant-modal')) return;
      if (e.key === 'ArrowRight') go(index + 1);
      if (e.key === 'ArrowLeft') go(index - 1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, index]);

  const answered = (d: Device, item: ChecklistItem) => itemOutcome(item, saver.valueOf(d.id, item.id)) !== null;
  const failed = (d: Device, item: ChecklistItem) => itemOutcome(item, saver.valueOf(d.id, item.id)) === 'fail';
  const doneCount = devices.filter((d) => itemsFor(template.items, d).every((i) => answered(d, i))).length;
  const resultOf = (d: Device, itemId: string) => detail.results.find((r) => r.deviceId === d.id && r.itemId === itemId);

  return (
    <Flex vertical gap={16}>
      <Flex gap={16} align="center" wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>{task.title}</Typography.Title>
        <DueStateTag state={task.dueState} />
        <Typography.Text type="secondary" style={{ fontSize: 16 }}>{task.number}</Typography.Text>
        {task.state === 'done' && <RecordUpstreamTicket recordKind="maintenance" recordId={task.id} />}
      </Flex>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} items={[
        { key: 'kind', label: t('col.kind'), children: t(`kind.${task.kind}`) },
        { key: 'template', label: t('create.template'), children: `${templateName(template)} · v${template.version}` },
        { key: 'site', label: t('create.site'), children: task.site || '—' },
        { key: 'system', label: t('create.system'), children: task.systemId ? catalog.systemName(task.systemId) : '—' },
        { key: 'due', label: t('col.dueOn'), children: `${task.dueOn} → ${task.deadline}` },
        { key: 'engineer', label: t('col.engineer'), children: task.engineer || '—' },
      ]} />
      {task.state === 'done' && <Alert type="success" showIcon title={t('walk.readOnly')} />}
      {task.state === 'done' && <UpstreamChangesCard recordKind="maintenance" recordId={task.id} />}
      {devices.length === 0 ? (
        template.items.length > 0 && <Empty description={t('walk.noDevices')} />
      ) : (
        <Row gutter={16}>
          <Col xs={24} lg={7}>
            <ScanField onTag={jumpToTag} />
            <Typography.Title level={5}>{t('walk.devices', { done: doneCount, count: devices.length })}</Typography.Title>
            <Flex vertical gap={8} style={{ maxHeight: '60vh', overflow: 'auto' }} data-testid="walk-devices">
              {devices.map((d, i) => {
                const items = itemsFor(template.items, d);
                const n = items.filter((item) => answered(d, item)).length;
                const anyFail = items.some((item) => failed(d, item));
                return (
                  <Button key={d.id} size="large" type={i === index ? 'primary' : 'default'} style={{ height: 'auto', minHeight: 56, textAlign: 'left', justifyContent: 'flex-start', whiteSpace: 'normal' }} onClick={() => go(i)} aria-current={i === index}>
                    <Flex justify="space-between" style={{ width: '100%' }} gap={8}>
                      <span>{d.assetTag} · {d.name}</span>
                      <Badge color={anyFail ? alarmColours.critical : n === items.length ? alarmColours.normal : alarmColours.muted} text={`${n}/${items.length}`} />
                    </Flex>
                  </Button>
                );
              })}
            </Flex>
          </Col>
          <Col xs={24} lg={17}>
            {device && (
              <Card
                data-testid="walk-device"
                title={<span style={{ fontSize: 20 }}>{device.assetTag} · {device.name}</span>}
                extra={<Typography.Text type="secondary">{[catalog.typeName(device.systemId, device.typeId), device.brand, device.model, [device.building, device.floor, device.room].filter(Boolean).join(' ')].filter(Boolean).join(' · ')}</Typography.Text>}
              >
                <div ref={itemsTop} tabIndex={-1} style={{ outline: 'none' }}>
                  <Flex vertical gap={12}>
                    {itemsFor(template.items, device).map((item) => (
                      <ItemCard key={`${device.id}/${item.id}`} taskId={task.id} deviceId={device.id} item={item} saver={saver} result={resultOf(device, item.id)} readOnly={readOnly} onOpenIncident={() => setIncidentFor(item)} />
                    ))}
                  </Flex>
                </div>
                <Flex justify="space-between" style={{ marginTop: 16 }}>
                  <Button size="large" style={{ height: 56, fontSize: 18 }} icon={<ArrowLeftOutlined />} disabled={index === 0} onClick={() => go(index - 1)}>{t('walk.prev')}</Button>
                  <Typography.Text type="secondary" style={{ alignSelf: 'center' }}>{t('walk.keys')}</Typography.Text>
                  <Button size="large" type="primary" style={{ height: 56, fontSize: 18 }} icon={<ArrowRightOutlined />} iconPlacement="end" disabled={index === devices.length - 1} onClick={() => go(index + 1)}>{t('walk.next')}</Button>
                </Flex>
              </Card>
            )}
          </Col>
        </Row>
      )}
      <TaskSummaryCard task={task} openItems={detail.openItems} />
      {incidentFor && device && <ItemIncidentModal taskId={task.id} device={device} item={incidentFor} value={saver.valueOf(device.id, incidentFor.id)} onClose={() => setIncidentFor(null)} />}
    </Flex>
  );
}

function ScanField({ onTag }: { onTag(tag: string): void }) {
  const { t } = useTranslation('maintenance');
  const [value, setValue] = useState('');
  return (
    <Input
      size="large"
      aria-label={t('walk.scan')}
      prefix={<ScanOutlined />}
      placeholder={t('walk.scanPlaceholder')}
      value={value}
      onChange={(e) => setValue(e.target.value)}
      onPressEnter={() => {
        if (value.trim()) onTag(value);
        setValue('');
      }}
      style={{ marginBottom: 12 }}
    />
  );
}
