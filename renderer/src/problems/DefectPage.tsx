// One system defect: its form, every step with who and when, and the step the caller's role may take now.
import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Flex, List, Result, Row, Segmented, Spin, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { DefectAction, DefectDetail } from '../../../shared/contract';
import { useErrorMessage } from '../app/use-error-message';
import { formatTime, useEnglish } from '../incidents/incident-format';
import { useSystems } from '../incidents/use-systems';
import { UpstreamChangesCard } from '../sync/UpstreamChangesCard';
import { RecordUpstreamTicket } from '../sync/UpstreamTicket';
import { useContractQuery } from '../transport/use-contract';
import { ChangeRecordTable } from './ChangeRecordTable';
import { stepChanges, stepFields } from './defect-steps-view';
import { DefectStateTag } from './problem-format';
import { DefectStepForm } from './DefectStepForm';

export function DefectPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('problems');
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const detail = useContractQuery('defects.get', { id });
  if (detail.isPending) return <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />;
  if (detail.isError) return <Result status="error" title={errorMessage(detail.error)} />;
  const { defect } = detail.data;
  return (
    <div style={{ display: 'grid', gap: 16 }} data-testid="defect-page" data-state={defect.state}>
      <Card>
        <Flex gap={16} align="center" wrap>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="defect-number">{defect.number}</Typography.Title>
          <DefectStateTag state={defect.state} />
          <div style={{ flex: 1 }} />
          <Button size="large" icon={<PrinterOutlined />} onClick={() => void navigate(`/problems/defects/${defect.id}/print`)}>{t('buttons.print')}</Button>
        </Flex>
        <Typography.Title level={4} style={{ margin: '12px 0 4px' }}>{defect.title}</Typography.Title>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <div style={{ display: 'grid', gap: 16 }}>
            <DefectFacts detail={detail.data} />
            <NextStep detail={detail.data} />
          </div>
        </Col>
        <Col xs={24} lg={12}>
          <div style={{ display: 'grid', gap: 16 }}>
            <DefectSteps detail={detail.data} />
            <UpstreamChangesCard recordKind="defect" recordId={defect.id} />
          </div>
        </Col>
      </Row>
    </div>
  );
}

function DefectFacts({ detail }: { detail: DefectDetail }) {
  const { t } = useTranslation('problems');
  const english = useEnglish();
  const systems = useSystems();
  const { defect, devices, consultation } = detail;
  return (
    <Card title={t('defect.title')}>
      <Descriptions column={1} bordered size="middle">
        <Descriptions.Item label={t('defect.description')}><span style={{ whiteSpace: 'pre-wrap' }}>{defect.description}</span></Descriptions.Item>
        <Descriptions.Item label={t('defect.submitter')}>{defect.submitter} · {formatTime(defect.submittedAt, english, false)}</Descriptions.Item>
        <Descriptions.Item label={t('defect.system')}>{systems.systemName(defect.systemId)}</Descriptions.Item>
        {defect.incidentId && (
          <Descriptions.Item label={t('defect.incident')}><Link to={`/incidents/${defect.incidentId}`}>{t('defect.incident')}</Link></Descriptions.Item>
        )}
        <Descriptions.Item label={t('defect.devices')}>
          {devices.length === 0 ? '—' : <List size="small" dataSource={devices} renderItem={(d) => <List.Item><Link to={`/assets/${d.id}`}>{d.name}</Link> {d.assetTag}</List.Item>} />}
        </Descriptions.Item>
        <Descriptions.Item label={t('defect.upstream')}>
          <Flex gap={16} wrap align="center">
            <span data-testid="defect-upstream">{t(`upstream.${defect.upstream}`)}</span>
            <RecordUpstreamTicket recordKind="defect" recordId={defect.id} />
          </Flex>
        </Descriptions.Item>
        {consultation && (
          <Descriptions.Item label={t('tabs.consultations')}>
            <Link to={`/problems/consultations/${consultation.id}/print`} data-testid="converted-consultation">{consultation.number}</Link> · {consultation.answer}
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

function NextStep({ detail }: { detail: DefectDetail }) {
  const { t } = useTranslation('problems');
  const actions = detail.availableActions;
  const [chosen, setChosen] = useState<DefectAction | null>(null);
  // The way forward first; converting and sending back are the other choices.
  const forward = actions.find((a) => a !== 'convert' && a !== 'refuse') ?? actions[0] ?? null;
  const action = chosen && actions.includes(chosen) ? chosen : forward;
  const done = detail.defect.state === 'replied' || detail.defect.state === 'converted';
  return (
    <Card title={t('defect.actions')}>
      {done && <Alert type="success" showIcon title={t('defect.closed')} />}
      {!done && !action && <Alert type="info" showIcon title={t('defect.noActions')} />}
      {action && (
        <div style={{ display: 'grid', gap: 16 }}>
          {actions.length > 1 && (
            <Segmented<DefectAction> size="large" value={action} onChange={setChosen} options={actions.map((a) => ({ value: a, label: t(`step.${a}`) }))} data-testid="defect-step-choice" />
          )}
          <DefectStepForm key={`${detail.defect.state}-${action}`} defectId={detail.defect.id} action={action} onDone={() => setChosen(null)} />
        </div>
      )}
    </Card>
  );
}

function DefectSteps({ detail }: { detail: DefectDetail }) {
  const { t } = useTranslation('problems');
  const english = useEnglish();
  return (
    <Card title={t('defect.steps')}>
      <Timeline
        data-testid="defect-steps"
        items={detail.steps.map((s, i) => ({
          key: i,
          color: s.action === 'refuse' ? 'red' : s.action === 'sign_off' ? 'green' : 'blue',
          content: (
            <div data-step={s.action}>
              <Typography.Text strong>{t(`step.${s.action}`)}</Typography.Text>{' '}
              <Typography.Text type="secondary">{t('defect.by', { by: s.by, time: formatTime(s.at, english, false) })}</Typography.Text>
              {stepFields(s, t).map((f) => (
                <div key={f.label} style={{ whiteSpace: 'pre-wrap' }}>{f.label}:{f.value}</div>
              ))}
              {stepChanges(s).length > 0 && <ChangeRecordTable changes={stepChanges(s)} />}
            </div>
          ),
        }))}
      />
    </Card>
  );
}
