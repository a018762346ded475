// One incident: number, level, state; its SLA clocks live; what the caller may do now; record, files, devices, timeline.
import { PhoneOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, List, Result, Row, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { milestoneKinds } from '../../../shared/domain/incidents/sla-clock';
import { useErrorMessage } from '../app/use-error-message';
import { DispatchPanel } from '../dispatch/DispatchPanel';
import { IncidentEscalations } from '../escalations/IncidentEscalations';
import { IncidentDefectsCard } from '../problems/IncidentDefectsCard';
import { IncidentRepairsCard } from '../repairs/IncidentRepairsCard';
import { useContractQuery } from '../transport/use-contract';
import { IncidentActions } from './IncidentActions';
import { IncidentAttachments } from './IncidentAttachments';
import { formatTime, levelColours, LevelTag, StateTag, useEnglish, useNow } from './incident-format';
import { IncidentRecordCard } from './IncidentRecordCard';
import { IncidentSystem } from './IncidentSystem';
import { IncidentTimeline } from './IncidentTimeline';
import { UpstreamTicket } from '../sync/UpstreamTicket';
import { MilestoneClock } from './MilestoneClock';

export function IncidentPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('incidents');
  const english = useEnglish();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const now = useNow();
  const detail = useContractQuery('incidents.get', { id }, { refetchInterval: 30_000 });

  if (detail.isPending) return <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />;
  if (detail.isError) return <Result status="error" title={errorMessage(detail.error)} />;
  const { incident, milestones, availableActions, attachments, devices } = detail.data;
  // The record is the engineer's: offered to whoever may take more than a note (the core checks the role itself).
  const editable = incident.state !== 'closed' && availableActions.some((a) => a !== 'add_note');
  const showReport = ['resolved', 'fault_report_submitted', 'closed'].includes(incident.state);

  return (
    <div style={{ display: 'grid', gap: 16 }} data-testid="incident-page" data-state={incident.state}>
      <Card style={{ borderInlineStart: `8px solid ${levelColours[incident.level]}` }}>
        <div style={{ display: 'flex', gap: 16, alignItems: 'center', flexWrap: 'wrap' }}>
          <LevelTag level={incident.level} large />
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="incident-number">{incident.number}</Typography.Title>
          <StateTag state={incident.state} />
          <UpstreamTicket incidentId={incident.id} />
          <div style={{ flex: 1 }} />
          {showReport && (
            <Button size="large" icon={<PrinterOutlined />} onClick={() => void navigate(`/incidents/${incident.id}/report`)}>
              {t('detail.printReport')}
            </Button>
          )}
        </div>
        <Typography.Title level={4} style={{ margin: '12px 0 4px' }}>{incident.title}</Typography.Title>
        <Space size={16} wrap>
          <IncidentSystem incident={incident} />
          {incident.record.location && <Typography.Text type="secondary">{incident.record.location}</Typography.Text>}
          <Typography.Text type="secondary">{t('detail.reportedBy', { time: formatTime(incident.reportedAt, english), by: incident.record.reporter })}</Typography.Text>
          {incident.callbackPhone && (
            <Typography.Text>
              <PhoneOutlined /> {t('detail.callback')}: {incident.callbackPhone}
            </Typography.Text>
          )}
        </Space>
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('detail.milestones')} style={{ height: '100%' }}>
            {milestones.closed && <Alert type="info" title={t('clock.closed')} style={{ marginBottom: 8 }} />}
            {milestoneKinds.map((kind) => (
              <MilestoneClock key={kind} kind={kind} milestone={milestones.milestones[kind]} now={now} stopped={milestones.closed} />
            ))}
            <DispatchPanel incident={incident} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('detail.actions')} style={{ height: '100%' }}>
            <IncidentActions incident={incident} actions={availableActions} />
            <IncidentEscalations incident={incident} />
            {incident.plan && (
              <div style={{ marginTop: 16 }}>
                <Typography.Text type="secondary">{t('detail.plan')}:</Typography.Text>
                <div style={{ whiteSpace: 'pre-wrap' }}>{incident.plan}</div>
              </div>
            )}
            {incident.emergencyPlan && (
              <div style={{ marginTop: 12 }}>
                <Typography.Text type="secondary">{t('detail.emergencyPlan')}:</Typography.Text>
                <div style={{ whiteSpace: 'pre-wrap' }}>{incident.emergencyPlan}</div>
              </div>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <div style={{ display: 'grid', gap: 16 }}>
            <IncidentRecordCard incident={incident} editable={editable} />
            <Card title={t('detail.devices')}>
              {incident.deviceText && (
                <div style={{ marginBottom: 8 }}>
                  <Typography.Text type="secondary">{t('detail.deviceText')}:</Typography.Text> {incident.deviceText}
                </div>
              )}
              {devices.length === 0 ? (
                <Typography.Text type="secondary">{t('detail.noDevices')}</Typography.Text>
              ) : (
                <List
                  dataSource={devices}
                  renderItem={(d) => (
                    <List.Item>
                      <Link to={`/assets/${d.id}`}>{d.name}</Link>
                      <Typography.Text type="secondary">
                        {d.assetTag} · {[d.building, d.floor, d.room].filter(Boolean).join(' ')}
                      </Typography.Text>
                    </List.Item>
                  )}
                />
              )}
            </Card>
            <IncidentAttachments incidentId={incident.id} attachments={attachments} />
            <IncidentDefectsCard incident={incident} />
          </div>
        </Col>
        <Col xs={24} lg={12}>
          <div style={{ display: 'grid', gap: 16 }}>
            <IncidentRepairsCard incident={incident} devices={devices} />
            <IncidentTimeline incidentId={incident.id} />
          </div>
        </Col>
      </Row>
    </div>
  );
}
