// The serial ports this machine offers now, as the engineer chooses one: path, stable by-id path, maker, VID:PID, serial number.
import { CheckOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AppError, type PortInfo } from '../../../shared/contract';
import { useErrorMessage } from '../app/use-error-message';
import { useContractQuery } from '../transport/use-contract';
import { vidPid } from './port-choice';

export function PortList({ chosenPath, onChoose }: { chosenPath: string | undefined; onChoose: (port: PortInfo) => void }) {
  const { t } = useTranslation('devices');
  const errorMessage = useErrorMessage();
  const ports = useContractQuery('links.ports', {}, { staleTime: 0 });
  const warning = ports.data?.warning;
  return (
    <Flex vertical gap={8}>
      <Flex justify="space-between" align="center">
        <Typography.Text strong>{t('form.portsTitle')}</Typography.Text>
        <Button icon={<ReloadOutlined />} loading={ports.isFetching} onClick={() => void ports.refetch()}>
          {t('form.portsRefresh')}
        </Button>
      </Flex>
      {warning && <Alert type="warning" showIcon data-testid="ports-warning" title={t('form.portsWarning')} description={errorMessage(AppError.fromData(warning))} />}
      {ports.isError && <Alert type="error" showIcon title={errorMessage(ports.error)} />}
      <Table<PortInfo>
        rowKey="path"
        size="small"
        loading={ports.isPending}
        dataSource={ports.data?.ports ?? []}
        pagination={false}
        locale={{ emptyText: t('form.portsEmpty') }}
        rowClassName={(p) => (p.path === chosenPath || p.byIdPath === chosenPath ? 'ant-table-row-selected' : '')}
        columns={[
          { key: 'path', title: t('form.col.path'), render: (_, p) => <Typography.Text code>{p.path}</Typography.Text> },
          {
            key: 'byId',
            title: t('form.col.byId'),
            render: (_, p) => (p.byIdPath ? <Typography.Text style={{ fontSize: 13, wordBreak: 'break-all' }}>{p.byIdPath}</Typography.Text> : '—'),
          },
          { key: 'manufacturer', title: t('form.col.manufacturer'), width: 140, render: (_, p) => p.manufacturer ?? '—' },
          { key: 'vidPid', title: t('form.col.vidPid'), width: 110, render: (_, p) => vidPid(p) ?? '—' },
          { key: 'serialNumber', title: t('form.col.serialNumber'), width: 140, render: (_, p) => p.serialNumber ?? '—' },
          {
            key: 'choose',
            width: 140,
            render: (_, p) =>
              p.path === chosenPath || p.byIdPath === chosenPath ? (
                <Tag color="blue" icon={<CheckOutlined />}>
                  {t('form.portChosen')}
                </Tag>
              ) : (
                <Button onClick={() => onChoose(p)}>{t('form.portChoose')}</Button>
              ),
          },
        ]}
      />
    </Flex>
  );
}
