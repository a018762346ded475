// First-run setup's hotline numbers (5x8 and 7x24), so a fresh console never leaves a guard without a number to call.
import { PhoneOutlined } from '@ant-design/icons';
import { Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { consoleClient } from '../transport';

export interface SetupHotlineValues {
  staffedNumber: string;
  mobileNumber: string;
}

/** The second step of setup, once the administrator is signed in: the numbers go into the settings, the rest kept. */
export async function saveSetupHotlines(values: SetupHotlineValues): Promise<void> {
  const client = consoleClient();
  const settings = await client.invoke('settings.get', {});
  await client.invoke('settings.set', {
    ...settings,
    hotline: { ...settings.hotline, staffedNumber: values.staffedNumber, mobileNumber: values.mobileNumber },
  });
}

const field = { size: 'large' as const, style: { fontSize: 18, height: 52 }, prefix: <PhoneOutlined />, inputMode: 'tel' as const, maxLength: 40 };

export function SetupHotlineFields() {
  const { t } = useTranslation(['operators', 'hotline']);
  const rules = [{ required: true, whitespace: true, message: t('hotline:required') }];
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 4 }}>{t('hotline:setupSection')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('hotline:setupIntro')}</Typography.Paragraph>
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: 12 }}>
        <Form.Item name="staffedNumber" label={t('settings.staffedNumber')} rules={rules}>
          <Input {...field} />
        </Form.Item>
        <Form.Item name="mobileNumber" label={t('settings.mobileNumber')} rules={rules}>
          <Input {...field} />
        </Form.Item>
      </div>
    </>
  );
}
