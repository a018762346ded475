// The form for one step of a defect: its own fields; the sign-off asks the supervisor's password again.
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { consultationChannels, type DefectAction, type DefectActInput } from '../../../shared/contract';
import { useErrorMessage } from '../app/use-error-message';
import { useSession } from '../operators/use-session';
import { useContractCommand } from '../transport/use-contract';

type StepValues = Record<string, unknown>;

const required = [{ required: true, whitespace: true }];

function StepFields({ action }: { action: DefectAction }) {
  const { t } = useTranslation('problems');
  const area = (name: string, label: string) => (
    <Form.Item key={name} name={name} label={label} rules={required}>
      <Input.TextArea rows={3} maxLength={4000} />
    </Form.Item>
  );
  switch (action) {
    case 'analyse':
      return (
        <>
          <Form.Item name="classification" label={t('fields.classification')} rules={[{ required: true }]}>
            <Radio.Group optionType="button" options={(['technical', 'business'] as const).map((c) => ({ value: c, label: t(`classification.${c}`) }))} />
          </Form.Item>
          {area('analysis', t('fields.analysis'))}
        </>
      );
    case 'convert':
      return (
        <>
          {area('analysis', t('fields.analysis'))}
          <Form.Item name="askedBy" label={t('consultation.askedBy')} rules={required}><Input maxLength={100} /></Form.Item>
          <Form.Item name="channel" label={t('consultation.channel')} rules={[{ required: true }]}>
            <Radio.Group optionType="button" options={consultationChannels.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
          </Form.Item>
          {area('answer', t('consultation.answer'))}
          <Form.Item name="answeredBy" label={t('consultation.answeredBy')} rules={required}><Input maxLength={100} /></Form.Item>
        </>
      );
    case 'propose':
      return area('proposal', t('fields.proposal'));
    case 'refuse':
      return area('reason', t('fields.reason'));
    case 'implement':
      return area('implementation', t('fields.implementation'));
    case 'confirm':
      return area('method', t('fields.method'));
    case 'report':
      return (
        <Form.Item name="note" label={t('fields.note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      );
    case 'sign_off':
      return (
        <>
          <Alert type="warning" showIcon title={t('fields.passwordHelp')} style={{ marginBottom: 16 }} />
          <Form.Item name="note" label={t('fields.note')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
          <Form.Item name="password" label={t('fields.password')} rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
        </>
      );
    case 'reply':
      return (
        <>
          {area('analysis', t('fields.replyAnalysis'))}
          {area('cause', t('fields.cause'))}
          <ChangeRecordFields />
        </>
      );
  }
}

function ChangeRecordFields() {
  const { t } = useTranslation('problems');
  const cols = ['target', 'what', 'before', 'after', 'versionBefore', 'versionAfter'] as const;
  return (
    <Form.List name="changes" initialValue={[{}]}>
      {(fields, { add, remove }) => (
        <div style={{ display: 'grid', gap: 8 }}>
          <strong>{t('fields.changes')}</strong>
          {fields.map((field) => (
            <Flex key={field.key} gap={8} wrap align="start" data-testid="change-record-row">
              {cols.map((c) => (
                <Form.Item key={c} name={[field.name, c]} label={t(`fields.${c}`)} rules={c === 'target' || c === 'what' ? required : []} style={{ flex: '1 1 140px', marginBottom: 8 }}>
                  <Input maxLength={c.startsWith('version') ? 100 : 1000} />
                </Form.Item>
              ))}
              {fields.length > 1 && <Button size="large" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} style={{ marginTop: 30 }} />}
            </Flex>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({})} style={{ justifySelf: 'start' }}>{t('fields.addChange')}</Button>
        </div>
      )}
    </Form.List>
  );
}

export function DefectStepForm({ defectId, action, onDone }: { defectId: string; action: DefectAction; onDone(): void }) {
  const { t } = useTranslation('problems');
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const { operator } = useSession();
  const [form] = Form.useForm<StepValues>();
  const act = useContractCommand('defects.act', ['defects.', 'consultations.']);
  const signOff = useContractCommand('defects.signOff', ['defects.']);
  const run = async (values: StepValues) => {
    try {
      if (action === 'sign_off') await signOff.mutateAsync({ id: defectId, password: String(values.password ?? ''), note: String(values.note ?? '') });
      else await act.mutateAsync({ ...values, id: defectId, action } as DefectActInput);
      form.resetFields();
      onDone();
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };
  return (
    <Form<StepValues>
      form={form}
      layout="vertical"
      size="large"
      onFinish={(v) => void run(v)}
      initialValues={action === 'convert' ? { channel: 'on_site', answeredBy: operator.displayName } : {}}
      data-testid={`defect-step-${action}`}
    >
      <StepFields action={action} />
      <Button type="primary" htmlType="submit" size="large" danger={action === 'refuse'} loading={act.isPending || signOff.isPending} style={{ minWidth: 160 }}>
        {action === 'sign_off' ? t('signOff.button') : t(`step.${action}`)}
      </Button>
    </Form>
  );
}
