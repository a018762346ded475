// Recording the customer's choice among a quote's options: which one, and who chose it at the customer.
import { Alert, App, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReplacementQuote } from '../../../shared/contract';
import { useErrorMessage } from '../app/use-error-message';
import { useContractCommand } from '../transport/use-contract';
import { formatYuan } from './money';

interface ChoiceFields {
  optionId: string;
  chosenBy: string;
  note?: string;
}

export function ChooseQuoteModal({ quote, onClose }: { quote: ReplacementQuote; onClose(): void }) {
  const { t } = useTranslation('repairs');
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [form] = Form.useForm<ChoiceFields>();
  const choose = useContractCommand('repairs.chooseQuote', ['repairs.', 'incidents.', 'assets.']);
  const submit = (f: ChoiceFields) =>
    choose.mutate(
      { quoteId: quote.id, optionId: f.optionId, chosenBy: f.chosenBy, note: f.note ?? '' },
      {
        onSuccess: () => {
          void message.success(t('quotes.chosenSaved'));
          onClose();
        },
      },
    );
  return (
    <Modal
      open
      title={t('quotes.choose')}
      okText={t('quotes.chooseSubmit')}
      okButtonProps={{ size: 'large', loading: choose.isPending }}
      cancelButtonProps={{ size: 'large' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={600}
    >
      {choose.isError && <Alert type="error" showIcon title={errorMessage(choose.error)} style={{ marginBottom: 16 }} />}
      <Form<ChoiceFields> form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="optionId" label={t('quotes.chooseTitle')} rules={[{ required: true, message: t('parts.required') }]}>
          <Radio.Group style={{ display: 'grid', gap: 8 }}>
            {quote.options.map((o) => (
              <Radio key={o.id} value={o.id} style={{ fontSize: 16 }}>
                {t(`quotes.kind.${o.kind}`)} · {[o.brand, o.model].filter(Boolean).join(' ')} · ¥{formatYuan(o.priceFen)} · {o.supplier}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="chosenBy" label={t('quotes.chosenBy')} rules={[{ required: true, whitespace: true, message: t('parts.required') }]}>
          <Input size="large" maxLength={200} placeholder={t('quotes.chosenByPlaceholder')} />
        </Form.Item>
        <Form.Item name="note" label={t('quotes.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
