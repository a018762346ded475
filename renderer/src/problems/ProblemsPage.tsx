// 问题记录: the open system defects (the queue) and the consultations, with the buttons that start each.
import { FileAddOutlined, MessageOutlined } from '@ant-design/icons';
import { Button, Flex, Result, Segmented, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Consultation, Defect } from '../../../shared/contract';
import { useErrorMessage } from '../app/use-error-message';
import { formatTime, useEnglish } from '../incidents/incident-format';
import { useSystems } from '../incidents/use-systems';
import { useContractQuery } from '../transport/use-contract';
import { ConsultationModal } from './ConsultationModal';
import { DefectStateTag } from './problem-format';
import { SubmitDefectModal } from './SubmitDefectModal';

export function ProblemsPage() {
  const { t } = useTranslation('problems');
  const [tab, setTab] = useState('defects');
  const [consulting, setConsulting] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  return (
    <div style={{ display: 'grid', gap: 16 }}>
      <Flex gap={12} align="center" wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('nav')}</Typography.Title>
        <div style={{ flex: 1 }} />
        <Button size="large" icon={<MessageOutlined />} onClick={() => setConsulting(true)}>{t('buttons.newConsultation')}</Button>
        <Button size="large" type="primary" icon={<FileAddOutlined />} onClick={() => setSubmitting(true)}>{t('buttons.submitDefect')}</Button>
      </Flex>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        size="large"
        items={[
          { key: 'defects', label: t('tabs.defects'), children: <DefectTable /> },
          { key: 'consultations', label: t('tabs.consultations'), children: <ConsultationTable /> },
        ]}
      />
      <ConsultationModal open={consulting} onClose={() => setConsulting(false)} />
      <SubmitDefectModal open={submitting} onClose={() => setSubmitting(false)} />
    </div>
  );
}

function DefectTable() {
  const { t } = useTranslation('problems');
  const english = useEnglish();
  const systems = useSystems();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const [scope, setScope] = useState<'open' | 'all'>('open');
  const list = useContractQuery('defects.list', { scope });
  if (list.isError) return <Result status="error" title={errorMessage(list.error)} />;
  return (
    <div style={{ display: 'grid', gap: 12 }}>
      <Segmented<'open' | 'all'> value={scope} onChange={setScope} options={[{ value: 'open', label: t('scope.open') }, { value: 'all', label: t('scope.all') }]} style={{ justifySelf: 'start' }} />
      <Table<Defect>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data ?? []}
        locale={{ emptyText: t('empty.defects') }}
        pagination={false}
        data-testid="defect-list"
        onRow={(d) => ({ onClick: () => void navigate(`/problems/defects/${d.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { key: 'number', title: t('defect.number'), render: (_, d) => <Link to={`/problems/defects/${d.id}`}>{d.number}</Link> },
          { key: 'title', title: t('defect.name'), dataIndex: 'title' },
          { key: 'state', title: t('defect.state'), render: (_, d) => <DefectStateTag state={d.state} /> },
          { key: 'system', title: t('defect.system'), render: (_, d) => systems.systemName(d.systemId) },
          { key: 'submitter', title: t('defect.submitter'), dataIndex: 'submitter' },
          { key: 'at', title: t('defect.submittedAt'), render: (_, d) => formatTime(d.submittedAt, english, false) },
        ]}
      />
    </div>
  );
}

function ConsultationTable() {
  const { t } = useTranslation('problems');
  const english = useEnglish();
  const errorMessage = useErrorMessage();
  const list = useContractQuery('consultations.list', {});
  if (list.isError) return <Result status="error" title={errorMessage(list.error)} />;
  return (
    <Table<Consultation>
      rowKey="id"
      loading={list.isPending}
      dataSource={list.data ?? []}
      locale={{ emptyText: t('empty.consultations') }}
      pagination={false}
      data-testid="consultation-list"
      columns={[
        { key: 'number', title: t('defect.number'), render: (_, c) => <Link to={`/problems/consultations/${c.id}/print`}>{c.number}</Link> },
        { key: 'askedBy', title: t('consultation.askedBy'), render: (_, c) => `${c.askedBy} · ${t(`channel.${c.channel}`)}` },
        { key: 'question', title: t('consultation.question'), render: (_, c) => <span style={{ whiteSpace: 'pre-wrap' }}>{c.question}</span> },
        { key: 'answer', title: t('consultation.answer'), render: (_, c) => <span style={{ whiteSpace: 'pre-wrap' }}>{c.answer}</span> },
        { key: 'answeredBy', title: t('consultation.answeredBy'), render: (_, c) => `${c.answeredBy} · ${formatTime(c.answeredAt, english, false)}` },
      ]}
    />
  );
}
