// Baud rate, data bits, parity and stop bits, with a button back to the driver's defaults.
import { UndoOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DriverKind } from '../../../shared/contract/links';
import { serialSettingsSchema } from '../../../shared/contract/links';
import { baudRates, driverSerialDefaults } from './driver-settings';

const parities = serialSettingsSchema.shape.parity.options;

export function SerialSettingsFields({ driver }: { driver: DriverKind }) {
  const { t } = useTranslation('devices');
  const form = Form.useFormInstance();
  // A device stored with an unusual rate keeps it on offer.
  const current = Form.useWatch(['serial', 'baudRate'], form) as number | undefined;
  const rates = current !== undefined && !(baudRates as readonly number[]).includes(current) ? [...baudRates, current].sort((a, b) => a - b) : baudRates;
  return (
    <>
      <Flex gap={16} wrap>
        <Form.Item name={['serial', 'baudRate']} label={t('form.baudRate')}>
          <Select style={{ width: 160 }} options={rates.map((b) => ({ value: b, label: String(b) }))} />
        </Form.Item>
        <Form.Item name={['serial', 'dataBits']} label={t('form.dataBits')}>
          <Select style={{ width: 100 }} options={[5, 6, 7, 8].map((b) => ({ value: b, label: String(b) }))} />
        </Form.Item>
        <Form.Item name={['serial', 'parity']} label={t('form.parity')}>
          <Select style={{ width: 120 }} options={parities.map((p) => ({ value: p, label: t(`form.parityName.${p}`) }))} />
        </Form.Item>
        <Form.Item name={['serial', 'stopBits']} label={t('form.stopBits')}>
          <Select style={{ width: 100 }} options={[1, 1.5, 2].map((b) => ({ value: b, label: String(b) }))} />
        </Form.Item>
      </Flex>
      <Button icon={<UndoOutlined />} onClick={() => form.setFieldValue('serial', driverSerialDefaults[driver])}>
        {t('form.resetSerial')}
      </Button>
    </>
  );
}
