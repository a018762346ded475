// The driver's own settings as typed form fields (heartbeat timeout, poll period, Modbus address and model, OSDP PDs, NX-584 PIN).
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Flex, Form, Input, InputNumber, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import type { DriverKind } from '../../../shared/contract/links';
import { isJsonObjectText, osdpKeyPattern, type OsdpPdRow, type ProtocolField, protocolFields, secretPlaceholder } from './driver-settings';

/** A secret field accepts what the core sent back (the placeholder: keep the stored one), empty, or a new valid value. */
function secretRule(pattern: RegExp, message: string): Rule {
  return {
    validator: async (_, value: unknown) => {
      if (value === undefined || value === null || value === '' || value === secretPlaceholder) return;
      if (typeof value !== 'string' || !pattern.test(value)) throw new Error(message);
    },
  };
}

/** Optional fields (empty = the core's or the model's default) need nothing; the others must be filled. */
function fieldRules(field: ProtocolField, t: (key: string) => string): Rule[] {
  switch (field.kind) {
    case 'secret':
      return [secretRule(field.pattern, t(`protocol.${field.key}Format`))];
    case 'json':
      return [
        {
          validator: async (_, value: unknown) => {
            if (!isJsonObjectText(value)) throw new Error(t(`protocol.${field.key}Format`));
          },
        },
      ];
    case 'seconds':
      return field.defaultMs === null ? [] : [{ required: true, message: t('form.required') }];
    case 'integer':
      return field.defaultValue === null ? [] : [{ required: true, message: t('form.required') }];
    default:
      return [];
  }
}

function FieldInput({ field }: { field: ProtocolField }) {
  const { t } = useTranslation('devices');
  switch (field.kind) {
    case 'seconds':
      return <InputNumber min={field.min} max={field.max} step={0.5} style={{ width: 200 }} />;
    case 'integer':
      return <InputNumber min={field.min} max={field.max} precision={0} style={{ width: 200 }} />;
    case 'choice':
      return <Select style={{ width: 200 }} options={field.choices.map((c) => ({ value: c, label: t(`protocol.${field.key}Name.${c}`) }))} />;
    case 'text':
      return <AutoComplete style={{ width: 320 }} options={(field.suggestions ?? []).map((s) => ({ value: s }))} />;
    case 'secret':
      return <Input.Password autoComplete="new-password" style={{ width: 320 }} />;
    case 'json':
      return <Input.TextArea rows={4} spellCheck={false} style={{ fontFamily: 'monospace', fontSize: 13 }} placeholder={t(`protocol.${field.key}Placeholder`)} />;
    case 'osdpPds':
      return null;
  }
}

export function ProtocolSettingsFields({ driver }: { driver: DriverKind }) {
  const { t, i18n } = useTranslation('devices');
  return (
    <>
      {protocolFields[driver].map((field) => {
        if (field.kind === 'osdpPds') return <OsdpPdList key={field.key} />;
        const helpKey = `protocol.${field.key}Help`;
        const rules = fieldRules(field, t);
        return (
          <Form.Item
            key={field.key}
            name={['protocol', field.key]}
            label={t(`protocol.${field.key}`)}
            extra={i18n.exists(helpKey, { ns: 'devices' }) ? t(helpKey) : undefined}
            rules={rules}
          >
            <FieldInput field={field} />
          </Form.Item>
        );
      })}
    </>
  );
}

/** Several PDs share one RS-485 bus: each has an address (0–126) and may have its own Secure Channel key. */
function OsdpPdList() {
  const { t } = useTranslation('devices');
  const form = Form.useFormInstance();
  return (
    <Form.Item label={t('protocol.pds')} extra={t('protocol.pdKeyHelp')}>
      <Form.List name={['protocol', 'pds']}>
        {(rows, { add, remove }) => (
          <Flex vertical gap={8}>
            {rows.map((row) => (
              <Flex key={row.key} gap={8} align="flex-end" data-testid="osdp-pd-row">
                <Form.Item
                  name={[row.name, 'address']}
                  label={t('protocol.pdAddress')}
                  style={{ marginBottom: 0 }}
                  rules={[
                    { required: true, message: t('protocol.pdDuplicate') },
                    {
                      validator: async (_, value: number) => {
                        const rowsNow = (form.getFieldValue(['protocol', 'pds']) ?? []) as OsdpPdRow[];
                        if (rowsNow.filter((r) => r?.address === value).length > 1) throw new Error(t('protocol.pdDuplicate'));
                      },
                    },
                  ]}
                >
                  <InputNumber min={0} max={126} precision={0} style={{ width: 120 }} />
                </Form.Item>
                <Form.Item
                  name={[row.name, 'scbk']}
                  label={t('protocol.pdKey')}
                  style={{ marginBottom: 0, flex: 1 }}
                  rules={[secretRule(osdpKeyPattern, t('protocol.pdKeyFormat'))]}
                >
                  <Input.Password autoComplete="new-password" style={{ fontFamily: 'monospace' }} />
                </Form.Item>
                <Button
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('protocol.pdRemove')}
                  disabled={rows.length === 1}
                  onClick={() => remove(row.name)}
                />
              </Flex>
            ))}
            <Button
              icon={<PlusOutlined />}
              style={{ alignSelf: 'flex-start' }}
              onClick={() => {
                const used = new Set(((form.getFieldValue(['protocol', 'pds']) ?? []) as OsdpPdRow[]).map((r) => r?.address));
                let next = 0;
                while (used.has(next)) next += 1;
                add({ address: next, scbk: '' });
              }}
            >
              {t('protocol.pdAdd')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}
