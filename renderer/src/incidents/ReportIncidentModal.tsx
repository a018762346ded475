// The emergency report a duty guard fills in at 3 a.m.: what, where, which system, the level questions; then what happens next.
import { CameraOutlined } from '@ant-design/icons';
import { App, Button, ConfigProvider, Form, Input, Modal, Select, Typography, Upload, type UploadFile } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { attachmentMimeTypes, type AttachmentMimeType, type Incident, type SlaLevel } from '../../../shared/contract';
import { machineRoomSystemId, unclassifiedSystemId } from '../../../shared/domain/assets/catalog';
import type { IncidentFact } from '../../../shared/domain/incidents/level-suggestion';
import { alarmColours } from '../app/theme';
import { useErrorMessage } from '../app/use-error-message';
import { readFileBase64 } from '../assets/read-file-base64';
import { useSession } from '../operators/use-session';
import { useContractCommand, useContractQuery } from '../transport/use-contract';
import { levelColours } from './incident-format';
import { type Answer, type Answers, factsOf, LevelQuestions, shownLevel } from './LevelQuestions';
import { ReportConfirmation, type ReportOutcome } from './ReportConfirmation';
import { SamePlaceWarning } from './SamePlaceWarning';
import { useSystems } from './use-systems';

interface ReportValues {
  systemId?: string;
  deviceId?: string;
  deviceText?: string;
  location?: string;
  description?: string;
  reporter?: string;
  callbackPhone?: string;
}

/** The fields a report cannot go without, in the order the footer names them. */
const requiredFields = ['description', 'systemId', 'reporter'] as const;
const fieldLabels: Record<(typeof requiredFields)[number], string> = {
  description: 'report.description',
  systemId: 'report.system',
  reporter: 'report.reporter',
};

/** A guard who typed another name on a shared account gets it back next time; otherwise the signed-in name. */
const reporterKey = (operatorId: string) => `duty-console-last-reporter:${operatorId}`;

function isAttachmentMime(mime: string): mime is AttachmentMimeType {
  return (attachmentMimeTypes as readonly string[]).includes(mime);
}

async function photoFiles(photos: UploadFile[]) {
  return Promise.all(
    photos
      .map((p) => p.originFileObj)
      .filter((f): f is NonNullable<typeof f> => f !== undefined && isAttachmentMime(f.type))
      .map(async (f) => ({ fileName: f.name, mime: f.type as AttachmentMimeType, contentBase64: await readFileBase64(f) })),
  );
}

function DevicePicker({ id, value, onChange, systemId }: { id?: string; value?: string; onChange?: (id: string | undefined) => void; systemId?: string }) {
  const { t } = useTranslation('incidents');
  const [q, setQ] = useState('');
  const filterSystem = systemId && systemId !== unclassifiedSystemId ? systemId : undefined;
  const search = useContractQuery('assets.search', { q, systemId: filterSystem, limit: 20 });
  return (
    <Select
      id={id}
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

/** Tighter than antd's default spacing, so the whole report fits a 1366×768 screen without scrolling. */
const compactForm = { components: { Form: { itemMarginBottom: 12, verticalLabelPadding: '0 0 4px' } } };

export function ReportIncidentModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation(['incidents', 'report']);
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const { operator } = useSession();
  const catalog = useSystems();
  const [form] = Form.useForm<ReportValues>();
  const systemId = Form.useWatch('systemId', form);
  const location = Form.useWatch('location', form) ?? '';
  const deviceId = Form.useWatch('deviceId', form);
  const [answers, setAnswers] = useState<Answers>({});
  const [chosenLevel, setChosenLevel] = useState<SlaLevel | null>(null);
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const [missing, setMissing] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<ReportOutcome | null>(null);
  const report = useContractCommand('incidents.report', ['incidents.', 'assets.']);
  const addNote = useContractCommand('incidents.act', ['incidents.']);
  const attach = useContractCommand('incidents.attach', ['incidents.']);

  // "不知道" and the machine room first: they are what a guard at 3 a.m. most often needs.
  const systemOptions = useMemo(() => {
    const first = [unclassifiedSystemId, machineRoomSystemId];
    return [...catalog.systemOptions].sort((a, b) => {
      const rank = (v: string) => (first.includes(v) ? first.indexOf(v) : first.length);
      return rank(a.value) - rank(b.value);
    });
  }, [catalog.systemOptions]);

  const defaultReporter = () => localStorage.getItem(reporterKey(operator.id)) || operator.displayName;
  const reset = () => {
    form.resetFields();
    form.setFieldValue('reporter', defaultReporter());
    setAnswers({});
    setChosenLevel(null);
    setPhotos([]);
    setMissing(null);
    setOutcome(null);
  };
  const close = () => {
    onClose();
    if (outcome) reset();
  };
  const done = (incident: Incident, addedTo: boolean, reporter: string) => {
    localStorage.setItem(reporterKey(operator.id), reporter);
    setOutcome({ incident, addedTo });
  };

  const submit = async (values: ReportValues) => {
    setMissing(null);
    const level = shownLevel(answers, chosenLevel);
    report.mutate(
      {
        systemId: values.systemId ?? '',
        description: values.description ?? '',
        location: values.location ?? '',
        reporter: values.reporter ?? '',
        callbackPhone: values.callbackPhone ?? '',
        deviceIds: values.deviceId ? [values.deviceId] : [],
        deviceText: values.deviceText ?? '',
        facts: factsOf(answers),
        ...(level ? { level } : {}),
        photos: await photoFiles(photos),
      },
      {
        onSuccess: ({ incident }) => done(incident, false, values.reporter ?? ''),
        onError: (err) => message.error(errorMessage(err)),
      },
    );
  };

  /** The same event, already open: the guard's words go onto it as a note (photos as its files) instead of a new incident. */
  const addTo = async (incident: Incident) => {
    let values: ReportValues;
    try {
      values = await form.validateFields(['description', 'reporter'], { recursive: false });
    } catch {
      setMissing(t('report:missing', { fields: [t('report.description'), t('report.reporter')].join('、') }));
      return;
    }
    const all = form.getFieldsValue();
    const lines = [
      t('report:duplicate.note', { reporter: values.reporter, description: values.description }),
      all.location ? t('report:duplicate.notePlace', { place: all.location }) : '',
      all.callbackPhone ? t('report:duplicate.notePhone', { phone: all.callbackPhone }) : '',
    ].filter(Boolean);
    try {
      const updated = await addNote.mutateAsync({ id: incident.id, action: 'add_note', text: lines.join('\n') });
      for (const file of await photoFiles(photos)) await attach.mutateAsync({ id: incident.id, ...file });
      done(updated, true, values.reporter ?? '');
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const footer = outcome ? (
    <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 12 }}>
      <Button size="large" onClick={() => { close(); void navigate(`/incidents/${outcome.incident.id}`); }}>
        {t('report:done.open')}
      </Button>
      <Button size="large" type="primary" onClick={close} autoFocus>
        {t('report:done.close')}
      </Button>
    </div>
  ) : (
    <div style={{ display: 'flex', alignItems: 'center', gap: 16 }}>
      {/* The footer never scrolls away: what is missing, and the same event already open, are always in view. */}
      <div style={{ flex: 1, minWidth: 0, textAlign: 'start', display: 'grid', gap: 6 }}>
        {missing && (
          <Typography.Text role="alert" style={{ color: alarmColours.critical, fontSize: 17, fontWeight: 600 }}>
            {missing}
          </Typography.Text>
        )}
        <SamePlaceWarning location={location} deviceId={deviceId} busy={addNote.isPending || attach.isPending} onAddTo={(i) => void addTo(i)} />
      </div>
      <Button
        type="primary"
        danger
        loading={report.isPending}
        onClick={() => form.submit()}
        style={{ height: 52, minWidth: 240, fontSize: 22, fontWeight: 700 }}
      >
        {t('report.submit')}
      </Button>
    </div>
  );

  return (
    <Modal
      open={open}
      onCancel={close}
      afterOpenChange={(visible) => {
        if (visible && !form.getFieldValue('reporter')) form.setFieldValue('reporter', defaultReporter());
      }}
      title={<span style={{ fontSize: 22, color: levelColours.I }}>{t('report.title')}</span>}
      width="min(1180px, calc(100vw - 32px))"
      style={{ top: 8, paddingBottom: 0 }}
      destroyOnHidden={false}
      footer={footer}
      maskClosable={false}
      // The dialog never grows past the window: header and footer (with the submit button) stay on screen, and only a
      // window shorter than 1366×768 scrolls the body between them.
      styles={{
        container: { display: 'flex', flexDirection: 'column', maxHeight: 'calc(100vh - 16px)', paddingBlock: 16 },
        body: { flex: '1 1 auto', minHeight: 0, overflowY: 'auto', overflowX: 'hidden', paddingInlineEnd: 4 },
        footer: { marginTop: 8 },
      }}
    >
      {outcome ? (
        <ReportConfirmation outcome={outcome} />
      ) : (
        <ConfigProvider theme={compactForm}>
          <Form
            form={form}
            layout="vertical"
            size="large"
            onFinish={(v) => void submit(v)}
            onFinishFailed={({ errorFields }) => {
              const names = new Set(errorFields.map((f) => String(f.name[0])));
              const labels = requiredFields.filter((f) => names.has(f)).map((f) => t(fieldLabels[f]));
              setMissing(t('report:missing', { fields: labels.join('、') }));
            }}
            onValuesChange={() => setMissing(null)}
            scrollToFirstError={{ focus: true, block: 'center' }}
            data-testid="report-form"
          >
            <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1.1fr)', gap: 24, alignItems: 'start' }}>
              <div>
                <Form.Item name="description" label={t('report.description')} rules={[{ required: true, whitespace: true, message: t('report.descriptionPlaceholder') }]}>
                  <Input.TextArea autoFocus autoSize={{ minRows: 2, maxRows: 4 }} placeholder={t('report.descriptionPlaceholder')} maxLength={4000} />
                </Form.Item>
                <Form.Item name="location" label={t('report.location')}>
                  <Input placeholder={t('report.locationPlaceholder')} maxLength={200} />
                </Form.Item>
                <Form.Item name="systemId" label={t('report.system')} rules={[{ required: true, message: t('report.systemPlaceholder') }]}>
                  <Select showSearch={{ optionFilterProp: 'label' }} placeholder={t('report:systemUnknownHint')} options={systemOptions} />
                </Form.Item>
                <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: 12 }}>
                  <Form.Item name="deviceId" label={t('report.device')}>
                    <DevicePicker systemId={systemId} />
                  </Form.Item>
                  <Form.Item name="deviceText" label={t('report.deviceText')}>
                    <Input maxLength={200} />
                  </Form.Item>
                </div>
                <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr) auto', gap: 12, alignItems: 'end' }}>
                  <Form.Item name="reporter" label={t('report.reporter')} rules={[{ required: true, whitespace: true, message: t('report.reporter') }]}>
                    <Input maxLength={100} />
                  </Form.Item>
                  <Form.Item name="callbackPhone" label={t('report.callbackPhone')}>
                    <Input maxLength={50} inputMode="tel" />
                  </Form.Item>
                  <Form.Item label={t('report.photos')}>
                    <Upload
                      accept="image/*"
                      multiple
                      fileList={photos}
                      beforeUpload={() => false}
                      onChange={({ fileList }) => setPhotos(fileList.slice(0, 6))}
                    >
                      {photos.length < 6 && <Button icon={<CameraOutlined />}>{t('report.addPhoto')}</Button>}
                    </Upload>
                  </Form.Item>
                </div>
              </div>
              <LevelQuestions
                answers={answers}
                onAnswer={(fact: IncidentFact, answer: Answer) => setAnswers((a) => ({ ...a, [fact]: answer }))}
                chosenLevel={chosenLevel}
                onChooseLevel={setChosenLevel}
              />
            </div>
          </Form>
        </ConfigProvider>
      )}
    </Modal>
  );
}
