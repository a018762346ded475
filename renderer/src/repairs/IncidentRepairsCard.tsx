// The incident's repair (设备维修 / 设备更换): parts used with the charged total, spare units lent and returned, and
// replacement quotes with the customer's choice; the buttons for whoever may record each.
import { PlusOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Card, Divider, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Device, Incident, RepairPart } from '../../../shared/contract';
import { chargedCostFen } from '../../../shared/domain/repairs/repair-kinds';
import { formatTime, useEnglish } from '../incidents/incident-format';
import { useMayCall } from '../operators/use-may-call';
import { useContractQuery } from '../transport/use-contract';
import { LendSpareModal } from './LendSpareModal';
import { LoanLine } from './LoanLine';
import { formatYuan } from './money';
import { QuoteModal } from './QuoteModal';
import { QuoteView } from './QuoteView';
import { RecordPartModal } from './RecordPartModal';
import { WithdrawPartModal } from './WithdrawPartModal';

type Open = 'part' | 'lend' | 'quote' | null;

export function IncidentRepairsCard({ incident, devices }: { incident: Incident; devices: Device[] }) {
  const { t } = useTranslation('repairs');
  const repairs = useContractQuery('repairs.ofIncident', { incidentId: incident.id });
  const [open, setOpen] = useState<Open>(null);
  const live = incident.state !== 'closed';
  const mayPart = useMayCall('repairs.recordPart') && live;
  const mayWithdraw = useMayCall('repairs.withdrawPart') && live;
  const mayLend = useMayCall('spares.lend') && live;
  const mayQuote = useMayCall('repairs.recordQuote') && live && devices.length > 0;
  const data = repairs.data;
  const section = (title: string, action: React.ReactNode) => (
    <Flex align="center" justify="space-between" wrap gap={8} style={{ marginBottom: 4 }}>
      <Typography.Text strong style={{ fontSize: 16 }}>{title}</Typography.Text>
      {action}
    </Flex>
  );
  return (
    <Card title={t('device.title')} loading={repairs.isPending} data-testid="incident-repairs">
      {section(
        t('parts.title'),
        mayPart && (
          <Button size="large" icon={<PlusOutlined />} onClick={() => setOpen('part')}>
            {t('parts.add')}
          </Button>
        ),
      )}
      {data && data.parts.length === 0 ? <Typography.Text type="secondary">{t('parts.none')}</Typography.Text> : data && <PartsTable parts={data.parts} mayWithdraw={mayWithdraw} />}
      {data && data.parts.length > 0 && (
        <div style={{ marginTop: 8, fontSize: 16 }} data-testid="repair-parts-total">
          {t('parts.totalLine', { amount: formatYuan(data.chargedTotalFen) })}
        </div>
      )}
      <Divider style={{ margin: '16px 0 12px' }} />
      {section(
        t('loans.title'),
        mayLend && (
          <Button size="large" icon={<SwapOutlined />} onClick={() => setOpen('lend')}>
            {t('loans.lend')}
          </Button>
        ),
      )}
      {data && data.loans.length === 0 ? <Typography.Text type="secondary">{t('loans.none')}</Typography.Text> : data?.loans.map((l) => <LoanLine key={l.id} loan={l} />)}
      <Divider style={{ margin: '16px 0 12px' }} />
      {section(
        t('quotes.title'),
        mayQuote && (
          <Button size="large" icon={<PlusOutlined />} onClick={() => setOpen('quote')}>
            {t('quotes.add')}
          </Button>
        ),
      )}
      {data && data.quotes.length === 0 ? <Typography.Text type="secondary">{t('quotes.none')}</Typography.Text> : data?.quotes.map((q) => <QuoteView key={q.id} quote={q} />)}
      {open === 'part' && <RecordPartModal incident={incident} devices={devices} onClose={() => setOpen(null)} />}
      {open === 'lend' && <LendSpareModal incident={incident} devices={devices} onClose={() => setOpen(null)} />}
      {open === 'quote' && <QuoteModal incident={incident} devices={devices} onClose={() => setOpen(null)} />}
    </Card>
  );
}

function PartsTable({ parts, mayWithdraw }: { parts: RepairPart[]; mayWithdraw: boolean }) {
  const { t } = useTranslation('repairs');
  const english = useEnglish();
  const [withdrawing, setWithdrawing] = useState<RepairPart | null>(null);
  return (
    <>
    <Table<RepairPart>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={parts}
      data-testid="repair-parts"
      columns={[
        {
          key: 'name',
          title: t('parts.name'),
          render: (_, p) => (
            <div>
              <div>
                <Typography.Text delete={p.withdrawn !== null}>{p.name}</Typography.Text>
                {p.withdrawn && <Tag style={{ marginInlineStart: 8 }}>{t('parts.withdrawn')}</Tag>}
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t('parts.by', { operator: p.recordedBy, time: formatTime(p.recordedAt, english, false) })}
                {p.note && ` · ${p.note}`}
              </Typography.Text>
              {mayWithdraw && p.withdrawn === null && (
                <Button type="link" danger size="small" style={{ paddingInline: 4 }} onClick={() => setWithdrawing(p)}>
                  {t('parts.withdraw')}
                </Button>
              )}
              {p.withdrawn && (
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {t('parts.withdrawnLine', { reason: p.withdrawn.reason, operator: p.withdrawn.by, time: formatTime(p.withdrawn.at, english, false) })}
                  </Typography.Text>
                </div>
              )}
            </div>
          ),
        },
        { key: 'kind', title: t('parts.kindColumn'), width: 110, render: (_, p) => <Tag color={p.kind === 'main' ? 'orange' : 'green'}>{t(`parts.kind.${p.kind}`)}</Tag> },
        { key: 'source', title: t('parts.sourceColumn'), width: 100, render: (_, p) => t(`parts.source.${p.source}`) },
        { key: 'quantity', title: t('parts.quantity'), width: 64, align: 'right', dataIndex: 'quantity' },
        {
          key: 'cost',
          title: t('parts.cost'),
          width: 100,
          align: 'right',
          render: (_, p) => {
            if (p.kind !== 'main') return <Typography.Text type="success">{t('parts.free')}</Typography.Text>;
            if (p.withdrawn) return <Typography.Text delete type="secondary">¥{formatYuan(p.quantity * p.unitCostFen)}</Typography.Text>;
            return `¥${formatYuan(chargedCostFen(p))}`;
          },
        },
      ]}
    />
    {withdrawing && <WithdrawPartModal part={withdrawing} onClose={() => setWithdrawing(null)} />}
    </>
  );
}
