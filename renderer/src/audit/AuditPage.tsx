// The audit view: the journal newest first with filters, paged by sequence number, and the keyed hash-chain check.
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Flex, Form, Input, Progress, Result, Select, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { AppError, ChainCheck, JournalEntry, MethodInput } from '../../../shared/contract';
import { alarmColours } from '../app/theme';
import { useErrorMessage } from '../app/use-error-message';
import { useOperatorWords } from '../sync/operator-words';
import { consoleClient } from '../transport';
import { chainBreakText, checkpointText, shortHash } from './chain-break-text';
import { auditZh, earlierEntityTypes, journalTypeNamesEn, journalTypeNamesZh } from './i18n';

const pageSize = 100;
/** The entity types the core journals (`entityType` of its entries): those the view has names for, in their order. */
const entityTypes = Object.keys(auditZh.entity).filter((entity) => !earlierEntityTypes.has(entity));

interface Filters {
  entityType?: string;
  operator?: string;
  typePrefix?: string;
  range?: [Dayjs, Dayjs] | null;
}

interface BrokenEntry {
  check: ChainCheck;
  entry: JournalEntry | null;
}

function journalInput(filters: Filters, beforeSeq: number | undefined): MethodInput<'journal.list'> {
  const [from, to] = filters.range ?? [];
  return {
    limit: pageSize,
    ...(filters.entityType ? { entityType: filters.entityType } : {}),
    ...(filters.operator?.trim() ? { operator: filters.operator.trim() } : {}),
    ...(filters.typePrefix?.trim() ? { typePrefix: filters.typePrefix.trim() } : {}),
    ...(from && to ? { from: from.startOf('day').valueOf(), to: to.add(1, 'day').startOf('day').valueOf() } : {}),
    ...(beforeSeq ? { beforeSeq } : {}),
  };
}

function payloadSummary(payload: unknown): string {
  const text = JSON.stringify(payload) ?? '';
  return text.length > 140 ? `${text.slice(0, 139)}…` : text;
}

export function AuditPage() {
  const { t, i18n } = useTranslation('audit');
  const operatorWords = useOperatorWords();
  const errorMessage = useErrorMessage();
  const typeNames = i18n.language === 'en' ? journalTypeNamesEn : journalTypeNamesZh;
  const [form] = Form.useForm<Filters>();
  // A link may open the view filtered by event type (the alarm banner's note on alarms set aside does).
  const [params] = useSearchParams();
  const linkedType = params.get('typePrefix');
  const [initialFilters] = useState<Filters>(() => (linkedType ? { typePrefix: linkedType } : {}));
  const [filters, setFilters] = useState<Filters>(initialFilters);
  // Where the list starts: the newest entry, or just after the entry the chain check named.
  const [startBefore, setStartBefore] = useState<number | undefined>(undefined);
  const [highlight, setHighlight] = useState<number | null>(null);

  const journal = useInfiniteQuery<JournalEntry[], AppError>({
    queryKey: ['journal.list', 'audit', filters, startBefore],
    initialPageParam: startBefore,
    queryFn: ({ pageParam }) => consoleClient().invoke('journal.list', journalInput(filters, pageParam as number | undefined)),
    getNextPageParam: (last) => (last.length < pageSize ? undefined : last[last.length - 1]!.seq),
  });
  const rows = useMemo(() => journal.data?.pages.flat() ?? [], [journal.data]);

  const [progress, setProgress] = useState<{ checked: number; total: number } | null>(null);
  const verify = useMutation<BrokenEntry, AppError>({
    onMutate: () => setProgress(null),
    mutationFn: async () => {
      const check = await consoleClient().invoke('journal.verify', {});
      // A missing entry (a gap, a cut) has nothing to show; an altered one is looked up for its time and type.
      if (!check.broken?.id) return { check, entry: null };
      const [entry] = await consoleClient().invoke('journal.list', { beforeSeq: check.broken.seq + 1, limit: 1 });
      return { check, entry: entry?.seq === check.broken.seq ? entry : null };
    },
  });

  // A long chain takes seconds to check: follow the core's progress while our check runs.
  useEffect(() => {
    if (!verify.isPending) return;
    return consoleClient().subscribe('journal.verifyProgress', setProgress);
  }, [verify.isPending]);

  /** Empties every filter field (resetFields would go back to the initial ones, a linked event type among them). */
  const clearFilters = () => {
    form.setFieldsValue({ entityType: undefined, operator: undefined, typePrefix: undefined, range: undefined });
    setFilters({});
    setStartBefore(undefined);
    setHighlight(null);
  };

  const showEntry = (seq: number) => {
    clearFilters();
    setStartBefore(seq + 6);
    setHighlight(seq);
  };

  useEffect(() => {
    if (highlight === null) return;
    document.querySelector(`[data-row-key="${highlight}"]`)?.scrollIntoView({ block: 'center' });
  }, [highlight, rows]);

  const typeName = (type: string) => typeNames[type] ?? type;
  const broken = verify.data?.check.broken;

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('intro')}</Typography.Text>
        </div>
        <Button type="primary" size="large" icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()}>
          {verify.isPending ? t('verifying') : t('verify')}
        </Button>
      </Flex>

      {verify.isPending && progress && (
        <Card size="small" data-testid="chain-progress">
          <Typography.Text>{t('progress', { checked: progress.checked.toLocaleString(), total: progress.total.toLocaleString() })}</Typography.Text>
          <Progress percent={progress.total > 0 ? Math.floor((progress.checked / progress.total) * 100) : 0} status="active" />
        </Card>
      )}
      {verify.isError && <Alert type="error" showIcon title={errorMessage(verify.error)} />}
      {verify.data && !broken && (
        <Alert
          type="success"
          showIcon
          data-testid="chain-result"
          title={t('intact', { count: verify.data.check.checked })}
          description={
            verify.data.check.checkpoint &&
            t('checkpointOk', {
              checkpoint: checkpointText(t, verify.data.check.checkpoint),
              seq: verify.data.check.checkpoint.seq,
              hash: shortHash(verify.data.check.checkpoint.hash),
            })
          }
        />
      )}
      {verify.data && broken && (
        <Alert
          type="error"
          showIcon
          data-testid="chain-result"
          title={
            verify.data.entry
              ? t('broken', {
                  seq: broken.seq,
                  time: dayjs(verify.data.entry.at).format('YYYY-MM-DD HH:mm:ss'),
                  type: typeName(verify.data.entry.type),
                })
              : t('brokenMissing')
          }
          description={
            <Flex vertical gap={4}>
              <span>{chainBreakText(t, broken)}</span>
              {broken.id && <Typography.Text code>{t('brokenId', { id: broken.id })}</Typography.Text>}
            </Flex>
          }
          action={
            <Button danger onClick={() => showEntry(broken.seq)}>
              {t('showBroken')}
            </Button>
          }
        />
      )}

      {verify.data && verify.data.check.unkeyedThrough > 0 && (
        <Alert type="info" showIcon data-testid="chain-unkeyed" title={t('unkeyed', { to: verify.data.check.unkeyedThrough })} />
      )}

      <Card size="small" title={t('filters')}>
        <Form
          form={form}
          initialValues={initialFilters}
          layout="inline"
          onValuesChange={(_, all: Filters) => {
            setStartBefore(undefined);
            setHighlight(null);
            setFilters(all);
          }}
        >
          <Form.Item name="entityType" label={t('entityType')}>
            <Select
              allowClear
              placeholder={t('anyEntity')}
              style={{ width: 160 }}
              options={entityTypes.map((e) => ({ value: e, label: t(`entity.${e}`) }))}
            />
          </Form.Item>
          <Form.Item name="operator" label={t('operator')}>
            <Input allowClear style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="typePrefix" label={t('type')}>
            <Input allowClear placeholder={t('typePlaceholder')} style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="range" label={t('dateRange')}>
            <DatePicker.RangePicker />
          </Form.Item>
          <Button onClick={clearFilters}>
            {t('reset')}
          </Button>
        </Form>
      </Card>

      {journal.isError ? (
        <Result status="error" title={t('loadFailed')} subTitle={errorMessage(journal.error)} />
      ) : (
        <Table<JournalEntry>
          rowKey="seq"
          size="small"
          // Fixed: the columns keep their widths and a long payload is cut with an ellipsis (its tooltip has it all);
          // auto layout let one payload squeeze the event names into a column a character wide.
          tableLayout="fixed"
          loading={journal.isPending}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: t('empty') }}
          onRow={(r) => (r.seq === highlight ? { style: { background: 'rgba(255, 77, 79, 0.25)' }, 'aria-current': true } : {})}
          footer={() => (
            <Flex justify="space-between" align="center">
              <span>{t('shown', { count: rows.length })}</span>
              {journal.hasNextPage ? (
                <Button loading={journal.isFetchingNextPage} onClick={() => void journal.fetchNextPage()}>
                  {t('loadMore')}
                </Button>
              ) : (
                rows.length > 0 && <Typography.Text type="secondary">{t('end')}</Typography.Text>
              )}
            </Flex>
          )}
          columns={[
            { title: t('col.seq'), dataIndex: 'seq', width: 90, align: 'right' },
            { title: t('col.at'), dataIndex: 'at', width: 180, render: (at: number) => dayjs(at).format('YYYY-MM-DD HH:mm:ss') },
            { title: t('col.operator'), dataIndex: 'operator', width: 130, render: (operator: string) => operatorWords(operator) },
            {
              title: t('col.type'),
              dataIndex: 'type',
              width: 200,
              render: (type: string) => (
                <Tooltip title={type}>
                  <span>{typeName(type)}</span>
                </Tooltip>
              ),
            },
            {
              title: t('col.entity'),
              key: 'entity',
              width: 220,
              render: (_: unknown, r) => (
                <span>
                  <Tag color={r.entityType === 'incident' ? alarmColours.major : undefined}>
                    {t(`entity.${r.entityType}`, { defaultValue: r.entityType })}
                  </Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: r.entityId }}>
                    {r.entityId.slice(-12)}
                  </Typography.Text>
                </span>
              ),
            },
            {
              title: t('col.payload'),
              dataIndex: 'payload',
              render: (payload: unknown) => (
                <Typography.Text style={{ fontFamily: 'monospace', fontSize: 12, display: 'block' }} ellipsis={{ tooltip: JSON.stringify(payload, null, 2) }}>
                  {payloadSummary(payload)}
                </Typography.Text>
              ),
            },
          ]}
        />
      )}
    </Flex>
  );
}
