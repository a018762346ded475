// The mapping part of the sync settings: trackers (incidents, defects, maintenance records), priorities by level,
// statuses both ways, the custom fields, by the names the ticket system shows.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Form, Input, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { incidentStateLabels, incidentStates } from '../../../shared/domain/incidents/incident-lifecycle';
import { slaLevels } from '../../../shared/domain/incidents/sla-levels';
import { useEnglish } from '../incidents/incident-format';

const name = (required: boolean, message: string) => [{ required, whitespace: true, message }, { max: 100 }];

export function SyncMappingFields() {
  const { t } = useTranslation('sync');
  const english = useEnglish();
  const stateLabel = (s: (typeof incidentStates)[number]) => incidentStateLabels[s][english ? 'en' : 'zh'];
  const required = name(true, t('settings.required'));
  return (
    <Card title={t('settings.mapping')}>
      <Typography.Title level={5}>{t('settings.trackers')}</Typography.Title>
      <Row gutter={16}>
        {(['reported', 'alarm', 'defect', 'maintenance'] as const).map((k) => (
          <Col xs={24} md={12} key={k}>
            <Form.Item name={['mapping', 'trackers', k]} label={t(`settings.tracker.${k}`)} rules={required}>
              <Input size="large" />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Typography.Title level={5}>{t('settings.priorities')}</Typography.Title>
      <Row gutter={16}>
        {slaLevels.map((level) => (
          <Col xs={12} md={6} key={level}>
            <Form.Item name={['mapping', 'priorities', level]} label={t('settings.priority', { level })} rules={required}>
              <Input size="large" />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Typography.Title level={5}>{t('settings.outboundStatuses')}</Typography.Title>
      <Row gutter={16}>
        {incidentStates.map((state) => (
          <Col xs={12} md={8} key={state}>
            <Form.Item name={['mapping', 'outboundStatuses', state]} label={stateLabel(state)} rules={required}>
              <Input size="large" />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Typography.Title level={5}>{t('settings.recordStatuses')}</Typography.Title>
      <Row gutter={16}>
        {(['defectReported', 'defectReplied', 'maintenanceFinished'] as const).map((k) => (
          <Col xs={12} md={8} key={k}>
            <Form.Item name={['mapping', 'recordStatuses', k]} label={t(`settings.recordStatus.${k}`)} rules={required}>
              <Input size="large" />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Typography.Title level={5}>{t('settings.inboundStatuses')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('settings.inboundHint')}</Typography.Paragraph>
      <Form.List name={['mapping', 'inboundStatuses']}>
        {(fields, { add, remove }) => (
          <Flex vertical gap={4} style={{ marginBottom: 16 }}>
            {fields.map((field) => (
              <Flex key={field.key} gap={12} align="start" wrap>
                <Form.Item name={[field.name, 'upstream']} label={t('settings.inboundUpstream')} rules={required} style={{ flex: 1, minWidth: 200 }}>
                  <Input size="large" />
                </Form.Item>
                <Form.Item name={[field.name, 'state']} label={t('settings.inboundState')} rules={[{ required: true, message: t('settings.required') }]} style={{ flex: 1, minWidth: 200 }}>
                  <Select size="large" options={incidentStates.map((s) => ({ value: s, label: stateLabel(s) }))} />
                </Form.Item>
                <Button size="large" icon={<DeleteOutlined />} aria-label={t('settings.remove')} onClick={() => remove(field.name)} style={{ marginTop: 30 }} />
              </Flex>
            ))}
            <div>
              <Button size="large" icon={<PlusOutlined />} disabled={fields.length >= 20} onClick={() => add({ upstream: '', state: 'responded' })}>
                {t('settings.addInbound')}
              </Button>
            </div>
          </Flex>
        )}
      </Form.List>
      <Typography.Title level={5}>{t('settings.customFields')}</Typography.Title>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name={['mapping', 'customFields', 'consoleId']} label={t('settings.consoleId')} rules={required}>
            <Input size="large" />
          </Form.Item>
        </Col>
        {(['slaLevel', 'site'] as const).map((k) => (
          <Col xs={24} md={8} key={k}>
            <Form.Item name={['mapping', 'customFields', k]} label={t(`settings.${k}`)} rules={name(false, '')}>
              <Input size="large" placeholder={t('settings.optional')} />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
