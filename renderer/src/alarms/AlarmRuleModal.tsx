// Creating or editing an alarm rule: the event pattern it matches, whether it opens an incident, at which level, under which system.
import { App, Form, Input, Modal, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AlarmRule, AlarmRuleInput } from '../../../shared/contract/alarms';
import { slaLevels } from '../../../shared/domain/incidents/sla-levels';
import { useErrorMessage } from '../app/use-error-message';
import { useLevelName } from '../incidents/incident-format';
import { useSystems } from '../incidents/use-systems';
import { useContractCommand } from '../transport/use-contract';

/** The contract's pattern: an event code, or a prefix ending in `*`. */
const patternFormat = /^[a-z0-9-]+(\.[A-Za-z0-9-]+)*\*?$|^[a-z0-9-]+\.\*$/;

const blankRule: AlarmRuleInput = {
  eventPattern: '',
  label: { zh: '', en: '' },
  openIncident: true,
  level: 'I',
  systemId: '',
  enabled: true,
};

/** `rule` undefined: a new one; null: closed. */
export function AlarmRuleModal({ rule, onClose }: { rule: AlarmRule | null | undefined; onClose: () => void }) {
  const { t } = useTranslation('alarms');
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const levelName = useLevelName();
  const systems = useSystems();
  const create = useContractCommand('alarmRules.create', ['alarmRules.', 'journal.']);
  const update = useContractCommand('alarmRules.update', ['alarmRules.', 'journal.']);
  const [form] = Form.useForm<AlarmRuleInput>();
  const open = rule !== null;

  const submit = async () => {
    const values = await form.validateFields();
    try {
      if (rule) await update.mutateAsync({ id: rule.id, fields: values });
      else await create.mutateAsync(values);
      void message.success(t('rules.saved'));
      onClose();
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  return (
    <Modal
      open={open}
      title={rule ? t('rules.edit') : t('rules.add')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common:actions.save')}
      cancelText={t('common:actions.cancel')}
      okButtonProps={{ size: 'large', loading: create.isPending || update.isPending }}
      cancelButtonProps={{ size: 'large' }}
      width={560}
      destroyOnHidden
    >
      <Form<AlarmRuleInput> form={form} layout="vertical" requiredMark={false} initialValues={rule ?? blankRule}>
        <Form.Item
          name="eventPattern"
          label={t('rules.form.pattern')}
          extra={t('rules.form.patternHelp')}
          rules={[
            { required: true, whitespace: true, message: t('rules.form.patternRequired') },
            { pattern: patternFormat, message: t('rules.form.patternFormat') },
          ]}
        >
          <Input autoFocus placeholder="cid.11*" style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item name={['label', 'zh']} label={t('rules.form.labelZh')} rules={[{ required: true, whitespace: true, message: t('rules.form.labelRequired') }]}>
          <Input maxLength={100} placeholder="火警" />
        </Form.Item>
        <Form.Item name={['label', 'en']} label={t('rules.form.labelEn')} rules={[{ required: true, whitespace: true, message: t('rules.form.labelRequired') }]}>
          <Input maxLength={100} placeholder="Fire" />
        </Form.Item>
        <Form.Item name="openIncident" label={t('rules.form.openIncident')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="level" label={t('rules.form.level')}>
          <Select options={slaLevels.map((l) => ({ value: l, label: levelName(l) }))} />
        </Form.Item>
        <Form.Item name="systemId" label={t('rules.form.system')} rules={[{ required: true, message: t('rules.form.systemRequired') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={systems.systemOptions} loading={!systems.loaded} />
        </Form.Item>
        <Form.Item name="enabled" label={t('rules.form.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
