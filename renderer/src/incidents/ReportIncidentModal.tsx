// The emergency report a duty guard fills in at 3 a.m.: system, device, place, what is happening, who, call-back, photos, level.
import { CameraOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Radio, Select, Space, Typography, Upload, type UploadFile } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { attachmentMimeTypes, type AttachmentMimeType, type SlaLevel } from '../../../shared/contract';
import { levelQuestions, suggestLevel, type IncidentFact, type IncidentFacts } from '../../../shared/domain/incidents/level-suggestion';
import { slaLevelDefinitions, slaLevels } from '../../../shared/domain/incidents/sla-levels';
import { useErrorMessage } from '../app/use-error-message';
import { readFileBase64 } from '../assets/read-file-base64';
import { useSystems } from './use-systems';
import { useContractCommand, useContractQuery } from '../transport/use-contract';
import { levelColours, LevelTag, useEnglish } from './incident-format';

const reporterKey = 'duty-console-last-reporter';

interface ReportValues {
  systemId?: string;
  deviceId?: string;
  deviceText?: string;
  location?: string;
  description?: string;
  reporter?: string;
  callbackPhone?: string;
}

function isAttachmentMime(mime: string): mime is AttachmentMimeType {
  return (attachmentMimeTypes as readonly string[]).includes(mime);
}

function DevicePicker({ id, value, onChange, systemId }: { id?: string; value?: string; onChange?: (id: string | undefined) => void; systemId?: string }) {
  const { t } = useTranslation('incidents');
  const [q, setQ] = useState('');
  const search = useContractQuery('assets.search', { q, systemId, limit: 20 });
  return (
    <Select
      id={id}
      size="large"
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      value={value}
      onChange={(id) => onChange?.(id)}
      placeholder={t('report.devicePlaceholder')}
      loading={search.isFetching}
      options={(search.data?.items ?? []).map((d) => ({
        value: d.id,
        label: `${d.name} · ${d.assetTag}${d.room ? ` · ${[d.building, d.floor, d.room].filter(Boolean).join(' ')}` : ''}`,
      }))}
    />
  );
}

export function ReportIncidentModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('incidents');
  const english = useEnglish();
  const lang = english ? 'en' : 'zh';
  const { message, notification } = App.useApp();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const catalog = useSystems();
  const [form] = Form.useForm<ReportValues>();
  const systemId = Form.useWatch('systemId', form);
  const [facts, setFacts] = useState<IncidentFacts>({});
  const [chosenLevel, setChosenLevel] = useState<SlaLevel | null>(null);
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const report = useContractCommand('incidents.report', ['incidents.', 'assets.']);
  const suggestion = useMemo(() => suggestLevel(facts), [facts]);
  const level = chosenLevel ?? suggestion.level;

  const reset = () => {
    form.resetFields();
    form.setFieldValue('reporter', localStorage.getItem(reporterKey) ?? '');
    setFacts({});
    setChosenLevel(null);
    setPhotos([]);
  };

  const submit = async (values: ReportValues) => {
    const files = await Promise.all(
      photos
        .map((p) => p.originFileObj)
        .filter((f): f is NonNullable<typeof f> => f !== undefined && isAttachmentMime(f.type))
        .map(async (f) => ({ fileName: f.name, mime: f.type as AttachmentMimeType, contentBase64: await readFileBase64(f) })),
    );
    report.mutate(
      {
        systemId: values.systemId ?? '',
        description: values.description ?? '',
        location: values.location ?? '',
        reporter: values.reporter ?? '',
        callbackPhone: values.callbackPhone ?? '',
        deviceIds: values.deviceId ? [values.deviceId] : [],
        deviceText: values.deviceText ?? '',
        facts,
        level,
        photos: files,
      },
      {
        onSuccess: ({ incident }) => {
          localStorage.setItem(reporterKey, values.reporter ?? '');
          notification.success({
            key: incident.id,
            title: t('report.saved', { number: incident.number }),
            description: incident.title,
            duration: 8,
            actions: (
              <Button type="primary" onClick={() => { notification.destroy(incident.id); void navigate(`/incidents/${incident.id}`); }}>
                {t('report.open')}
              </Button>
            ),
          });
          onClose();
          reset();
        },
        onError: (err) => message.error(errorMessage(err)),
      },
    );
  };

  const setFact = (fact: IncidentFact, answer: boolean) => setFacts((f) => ({ ...f, [fact]: answer }));

  return (
    <Modal
      open={open}
      onCancel={onClose}
      afterOpenChange={(visible) => {
        if (visible && !form.getFieldValue('reporter')) form.setFieldValue('reporter', localStorage.getItem(reporterKey) ?? '');
      }}
      title={<span style={{ fontSize: 22, color: levelColours.I }}>{t('report.title')}</span>}
      width={820}
      destroyOnHidden={false}
      footer={null}
      maskClosable={false}
      styles={{ body: { maxHeight: 'calc(100vh - 180px)', overflowY: 'auto', paddingInlineEnd: 8 } }}
    >
      <Form form={form} layout="vertical" size="large" onFinish={(v) => void submit(v)} requiredMark={false} data-testid="report-form">
        <Form.Item name="systemId" label={t('report.system')} rules={[{ required: true, message: t('report.systemPlaceholder') }]}>
          <Select
            aria-label={t('report.system')}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('report.systemPlaceholder')}
            options={catalog.systemOptions}
            autoFocus
          />
        </Form.Item>
        <Space.Compact block style={{ gap: 12 }}>
          <Form.Item name="deviceId" label={t('report.device')} style={{ flex: 1 }}>
            <DevicePicker systemId={systemId} />
          </Form.Item>
          <Form.Item name="deviceText" label={t('report.deviceText')} style={{ flex: 1 }}>
            <Input maxLength={200} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="location" label={t('report.location')}>
          <Input placeholder={t('report.locationPlaceholder')} maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label={t('report.description')} rules={[{ required: true, whitespace: true, message: t('report.descriptionPlaceholder') }]}>
          <Input.TextArea rows={3} placeholder={t('report.descriptionPlaceholder')} maxLength={4000} />
        </Form.Item>

        <Typography.Title level={5} style={{ marginTop: 0 }}>{t('report.questions')}</Typography.Title>
        <div style={{ display: 'grid', gap: 8, marginBottom: 16 }}>
          {levelQuestions.map((q) => (
            <div key={q.fact} style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 12 }}>
              <Typography.Text style={{ fontSize: 16 }}>{q.question[lang]}</Typography.Text>
              <Radio.Group
                aria-label={q.question[lang]}
                optionType="button"
                buttonStyle="solid"
                value={facts[q.fact]}
                onChange={(e) => setFact(q.fact, e.target.value as boolean)}
                options={[
                  { value: true, label: t('report.yes') },
                  { value: false, label: t('report.no') },
                ]}
              />
            </div>
          ))}
        </div>
        <div
          data-testid="level-suggestion"
          style={{ border: `2px solid ${levelColours[level]}`, borderRadius: 8, padding: 12, marginBottom: 16 }}
        >
          <Space wrap align="center" style={{ marginBottom: 8 }}>
            <Typography.Text strong>{t('report.suggested')}:</Typography.Text>
            <LevelTag level={suggestion.level} large />
            <Typography.Text>{suggestion.reason[lang]}</Typography.Text>
          </Space>
          <div style={{ marginBottom: 8 }}>
            <Typography.Text type="secondary">{slaLevelDefinitions[level].meaning[lang]}</Typography.Text>
          </div>
          <Space wrap align="center">
            <Typography.Text strong>{t('report.level')}:</Typography.Text>
            <Radio.Group
              aria-label={t('report.level')}
              optionType="button"
              value={level}
              onChange={(e) => setChosenLevel(e.target.value as SlaLevel)}
              options={slaLevels.map((l) => ({
                value: l,
                label: <span style={{ color: l === level ? levelColours[l] : undefined, fontWeight: 700 }}>{t('level.tag', { level: l, name: slaLevelDefinitions[l].name[lang] })}</span>,
              }))}
            />
            {chosenLevel && chosenLevel !== suggestion.level && (
              <Typography.Text type="warning">{t('report.levelChanged', { level: chosenLevel, suggested: suggestion.level })}</Typography.Text>
            )}
          </Space>
        </div>

        <Space.Compact block style={{ gap: 12 }}>
          <Form.Item name="reporter" label={t('report.reporter')} style={{ flex: 1 }} rules={[{ required: true, whitespace: true, message: t('report.reporter') }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="callbackPhone" label={t('report.callbackPhone')} style={{ flex: 1 }}>
            <Input maxLength={50} inputMode="tel" />
          </Form.Item>
        </Space.Compact>
        <Form.Item label={t('report.photos')}>
          <Upload
            listType="picture-card"
            accept="image/*"
            multiple
            fileList={photos}
            beforeUpload={() => false}
            onChange={({ fileList }) => setPhotos(fileList.slice(0, 6))}
          >
            {photos.length < 6 && (
              <div>
                <CameraOutlined style={{ fontSize: 22 }} />
                <div>{t('report.addPhoto')}</div>
              </div>
            )}
          </Upload>
        </Form.Item>
        <Button
          type="primary"
          danger
          htmlType="submit"
          block
          loading={report.isPending}
          style={{ height: 60, fontSize: 22, fontWeight: 700 }}
        >
          {t('report.submit')}
        </Button>
      </Form>
    </Modal>
  );
}
