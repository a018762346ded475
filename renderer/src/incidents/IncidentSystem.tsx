// The incident's system on its page; a report the guard could not classify ("不知道") offers the engineer a picker.
import { App, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../../../shared/contract';
import { unclassifiedSystemId } from '../../../shared/domain/assets/catalog';
import { useErrorMessage } from '../app/use-error-message';
import { useMayCall } from '../operators/use-may-call';
import { useContractCommand } from '../transport/use-contract';
import { useSystems } from './use-systems';

export function IncidentSystem({ incident }: { incident: Incident }) {
  const { t } = useTranslation('report');
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const catalog = useSystems();
  const engineer = useMayCall('incidents.classify');
  const classify = useContractCommand('incidents.classify', ['incidents.']);
  const name = <Typography.Text type={incident.systemId === unclassifiedSystemId ? 'warning' : 'secondary'}>{catalog.systemName(incident.systemId)}</Typography.Text>;
  if (incident.systemId !== unclassifiedSystemId || !engineer || incident.state === 'closed') return name;
  return (
    <Space size={8}>
      {name}
      <Select
        aria-label={t('classify')}
        placeholder={t('classify')}
        style={{ minWidth: 220 }}
        loading={classify.isPending}
        showSearch={{ optionFilterProp: 'label' }}
        options={catalog.systemOptions.filter((o) => o.value !== unclassifiedSystemId)}
        onChange={(systemId: string) =>
          classify.mutate({ id: incident.id, systemId }, { onError: (err) => message.error(errorMessage(err)) })
        }
      />
    </Space>
  );
}
