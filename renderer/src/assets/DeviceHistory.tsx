// A device's history timeline, read from the journal: who created or changed what, field by field, and when.
import { Alert, Empty, Flex, Spin, Timeline, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Device, JournalEntry } from '../../../shared/contract';
import { type DeviceStatus, deviceStatuses } from '../../../shared/domain/assets/device-status';
import { alarmColours } from '../app/theme';
import { useErrorMessage } from '../app/use-error-message';
import { maintenanceLine } from '../maintenance/history-line';
import { defectStepOfEntry } from '../problems/defect-steps-view';
import { repairHistoryLine } from '../repairs/history-line';
import { useOperatorWords } from '../sync/operator-words';
import { useContractQuery } from '../transport/use-contract';
import { formatDate, formatMoment, locationLine } from './device-format';
import { deviceStatusColours, useStatusLabel } from './DeviceStatusTag';
import { useCatalog } from './use-catalog';

type Change = { from: unknown; to: unknown };

/** The order fields are listed in a change, as on the form. */
const fieldOrder = [
  'name', 'assetTag', 'systemId', 'typeId', 'brand', 'model', 'serialNo', 'status', 'address', 'parentId',
  'building', 'floor', 'room', 'rack', 'installDate', 'warrantyEnd', 'notes', 'softwareVersion', 'firmwareVersion',
];

function changesOf(entry: JournalEntry): [string, Change][] {
  const payload = entry.payload as { changes?: Record<string, Change> } | null;
  const changes = payload?.changes && typeof payload.changes === 'object' ? Object.entries(payload.changes) : [];
  return changes.sort(([a], [b]) => fieldOrder.indexOf(a) - fieldOrder.indexOf(b));
}

function isStatus(value: unknown): value is DeviceStatus {
  return deviceStatuses.some((s) => s === value);
}

/** Relative times ("3 分钟前") move on while the page stays open. */
function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

export function DeviceHistory({ device }: { device: Device }) {
  const { t, i18n } = useTranslation('assets');
  const { t: tm } = useTranslation('maintenance');
  const operatorWords = useOperatorWords();
  const errorMessage = useErrorMessage();
  const catalog = useCatalog();
  const statusLabel = useStatusLabel();
  const now = useNow(30_000);
  const history = useContractQuery('assets.history', { id: device.id });

  // Parents named in the history are shown by tag and name, not by id.
  const parentIds = useMemo(() => {
    const ids = new Set<string>();
    for (const entry of history.data ?? []) {
      const parent = changesOf(entry).find(([field]) => field === 'parentId')?.[1];
      for (const v of [parent?.from, parent?.to]) if (typeof v === 'string' && v) ids.add(v);
    }
    return [...ids];
  }, [history.data]);
  const parents = useContractQuery('assets.getMany', { ids: parentIds }, { enabled: parentIds.length > 0 });

  if (history.isPending) return <Spin />;
  if (history.error) return <Alert type="error" showIcon title={errorMessage(history.error)} />;
  if (history.data.length === 0) return <Empty description={t('device.noHistory')} />;

  const blank = t('history.blank');
  const show = (field: string, value: unknown, systemId: string): string => {
    if (value === null || value === undefined || value === '') return blank;
    if (field === 'status' && isStatus(value)) return statusLabel(value);
    if (field === 'systemId') return catalog.systemName(String(value));
    if (field === 'typeId') return catalog.typeName(systemId, String(value));
    if (field === 'parentId') {
      const parent = parents.data?.find((p) => p.id === value);
      return parent ? `${parent.assetTag} · ${parent.name}` : String(value);
    }
    if ((field === 'installDate' || field === 'warrantyEnd') && typeof value === 'string') return formatDate(value, t('dateFormat'), i18n.language);
    return String(value);
  };
  const operatorName = (operator: string) => (operator === 'local' ? t('history.localOperator') : operatorWords(operator));

  const items = history.data.map((entry) => {
    const moment = formatMoment(entry.at, t('dateTimeFormat'), i18n.language, now);
    const when = (
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {`${moment.relative} · ${moment.absolute} · ${t('history.operator', { operator: operatorName(entry.operator) })}`}
      </Typography.Text>
    );
    if (entry.type === 'device.created') {
      const created = entry.payload as Partial<Device> | null;
      const summary = created
        ? [
            created.systemId ? catalog.systemName(created.systemId) : '',
            created.systemId ? catalog.typeName(created.systemId, created.typeId ?? null) : '',
            locationLine({ building: created.building ?? '', floor: created.floor ?? '', room: created.room ?? '', rack: created.rack ?? '' }),
            isStatus(created.status) ? statusLabel(created.status) : '',
          ].filter((s) => s !== '')
        : [];
      return {
        key: entry.id,
        color: alarmColours.normal,
        content: (
          <Flex vertical gap={2}>
            <Typography.Text strong>{t('history.created')}</Typography.Text>
            {summary.length > 0 && <Typography.Text>{summary.join(' · ')}</Typography.Text>}
            {when}
          </Flex>
        ),
      };
    }
    if (entry.type === 'device.updated') {
      const changes = changesOf(entry);
      const newStatus = changes.find(([field]) => field === 'status')?.[1].to;
      const systemChange = changes.find(([field]) => field === 'systemId')?.[1];
      const systemFrom = typeof systemChange?.from === 'string' ? systemChange.from : device.systemId;
      const systemTo = typeof systemChange?.to === 'string' ? systemChange.to : device.systemId;
      return {
        key: entry.id,
        color: isStatus(newStatus) ? deviceStatusColours[newStatus] : alarmColours.info,
        content: (
          <Flex vertical gap={2}>
            <Typography.Text strong>{t('history.updated')}</Typography.Text>
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {changes.map(([field, change]) => (
                <li key={field}>
                  {t('history.change', {
                    field: t(`fields.${field}`, { defaultValue: field }),
                    from: show(field, change.from, systemFrom),
                    to: show(field, change.to, systemTo),
                  })}
                </li>
              ))}
            </ul>
            {when}
          </Flex>
        ),
      };
    }
    if (entry.type === 'incident.linked' || entry.type === 'incident.unlinked') {
      const incident = entry.payload as { number?: unknown; title?: unknown } | null;
      const linked = entry.type === 'incident.linked';
      return {
        key: entry.id,
        color: linked ? alarmColours.critical : alarmColours.muted,
        content: (
          <Flex vertical gap={2}>
            <Typography.Text strong>
              {t(linked ? 'history.incidentLinked' : 'history.incidentUnlinked', {
                number: String(incident?.number ?? ''),
                title: String(incident?.title ?? ''),
              })}
            </Typography.Text>
            {when}
          </Flex>
        ),
      };
    }
    const repair = repairHistoryLine(entry, t);
    if (repair) {
      return {
        key: entry.id,
        color: repair.colour,
        content: (
          <Flex vertical gap={2} data-testid="history-repair">
            <Typography.Text strong>{repair.text}</Typography.Text>
            {when}
          </Flex>
        ),
      };
    }
    const maintenance = maintenanceLine(entry, tm);
    if (maintenance) {
      return {
        key: entry.id,
        color: maintenance.colour,
        content: (
          <Flex vertical gap={2}>
            <Typography.Text strong>{maintenance.text}</Typography.Text>
            {when}
          </Flex>
        ),
      };
    }
    const defectStep = defectStepOfEntry(entry.type);
    if (defectStep) {
      const defect = entry.payload as { number?: unknown; title?: unknown } | null;
      return {
        key: entry.id,
        color: alarmColours.major,
        content: (
          <Flex vertical gap={2}>
            <Typography.Text strong data-testid="history-defect">
              {t('history.defectStep', { number: String(defect?.number ?? ''), title: String(defect?.title ?? ''), step: t(`problems:step.${defectStep}`) })}
            </Typography.Text>
            {when}
          </Flex>
        ),
      };
    }
    return {
      key: entry.id,
      color: alarmColours.muted,
      content: (
        <Flex vertical gap={2}>
          <Typography.Text strong>{t('history.other', { type: entry.type })}</Typography.Text>
          {when}
        </Flex>
      ),
    };
  });

  return <Timeline items={items} />;
}
