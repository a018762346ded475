// One device: everything recorded about it, its parent and children, and its history from the journal.
import { ArrowLeftOutlined, EditOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, type DescriptionsProps, Flex, Result, Row, Spin, Table, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Device } from '../../../shared/contract';
import { alarmColours } from '../app/theme';
import { useErrorMessage } from '../app/use-error-message';
import { useContractQuery } from '../transport/use-contract';
import { formatDate, formatMoment, todayIso, warrantyState } from './device-format';
import { formEntry } from './DeviceFormPage';
import { DeviceTasksCard } from '../maintenance/DeviceTasksCard';
import { DeviceRepairsCard } from '../repairs/DeviceRepairsCard';
import { ReadingHistoryCard } from '../readings/ReadingHistoryCard';
import { DeviceHistory } from './DeviceHistory';
import { DeviceStatusTag, ToneTag } from './DeviceStatusTag';
import { useCatalog } from './use-catalog';

export function DevicePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('assets');
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const detail = useContractQuery('assets.get', { id });
  // Each device opens at its top, wherever the previous screen was scrolled.
  useEffect(() => {
    // A statement, not an arrow's value: Chromium's scrollTo returns a promise, which React would call as a cleanup.
    window.scrollTo({ top: 0 });
  }, [id]);

  if (detail.isPending) return <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />;
  if (detail.error) {
    return (
      <Result
        status={detail.error.code === 'asset_not_found' ? '404' : 'error'}
        title={detail.error.code === 'asset_not_found' ? t('device.notFound') : errorMessage(detail.error)}
        extra={
          <Button size="large" onClick={() => navigate('/assets')}>
            {t('device.backToList')}
          </Button>
        }
      />
    );
  }
  const { device, parent, children } = detail.data;
  return (
    <Flex vertical gap={16}>
      <DeviceHeader device={device} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Flex vertical gap={16}>
            <Card title={t('device.details')}>
              <DeviceDescriptions device={device} parent={parent} />
            </Card>
            <ReadingHistoryCard assetId={device.id} />
            <DeviceChildren device={device} children={children} />
            <DeviceRepairsCard deviceId={device.id} />
            <DeviceTasksCard deviceId={device.id} />
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <Card title={t('device.history')}>
            <DeviceHistory device={device} />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}

function DeviceHeader({ device }: { device: Device }) {
  const { t } = useTranslation('assets');
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  return (
    <Flex align="center" gap={12} wrap>
      <Button size="large" type="text" icon={<ArrowLeftOutlined />} aria-label={t('device.backToList')} onClick={() => navigate('/assets')} />
      <Flex vertical style={{ flex: 1, minWidth: 280 }}>
        <Flex align="center" gap={12} wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {device.name}
          </Typography.Title>
          <DeviceStatusTag status={device.status} large />
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 16 }} copyable={{ text: device.assetTag }}>
          {t('device.tagLine', { tag: device.assetTag })}
        </Typography.Text>
      </Flex>
      <Button type="primary" size="large" icon={<EditOutlined />} onClick={() => navigate(`/assets/${device.id}/edit`, { state: formEntry })}>
        {tc('actions.edit')}
      </Button>
      <Button size="large" icon={<PrinterOutlined />} onClick={() => navigate(`/labels?ids=${encodeURIComponent(device.id)}`)}>
        {t('device.printLabel')}
      </Button>
    </Flex>
  );
}

function DeviceDescriptions({ device, parent }: { device: Device; parent: Device | null }) {
  const { t, i18n } = useTranslation('assets');
  const catalog = useCatalog();
  const empty = t('device.empty');
  const date = (value: string | null) => (value ? formatDate(value, t('dateFormat'), i18n.language) : empty);
  const text = (value: string) => (value === '' ? empty : value);
  const now = Date.now();
  const at = (ms: number) => {
    const m = formatMoment(ms, t('dateTimeFormat'), i18n.language, now);
    return t('device.atTime', { absolute: m.absolute, relative: m.relative });
  };
  const warranty = warrantyState(device.warrantyEnd, todayIso(now));
  const warrantyTag =
    warranty.kind === 'expired' ? (
      <ToneTag colour={alarmColours.critical}>{t('device.warrantyExpired', { date: date(warranty.end) })}</ToneTag>
    ) : warranty.kind === 'ends_soon' ? (
      <ToneTag colour={alarmColours.major}>{t('device.warrantyEndsSoon', { date: date(warranty.end), days: warranty.daysLeft })}</ToneTag>
    ) : warranty.kind === 'valid' ? (
      <Typography.Text style={{ color: alarmColours.normal }}>{t('device.warrantyUntil', { date: date(warranty.end) })}</Typography.Text>
    ) : (
      <Typography.Text type="secondary">{t('device.warrantyUnknown')}</Typography.Text>
    );

  const items: DescriptionsProps['items'] = [
    { key: 'systemId', label: t('fields.systemId'), children: catalog.systemName(device.systemId) },
    { key: 'typeId', label: t('fields.typeId'), children: text(catalog.typeName(device.systemId, device.typeId)) },
    { key: 'brand', label: t('fields.brand'), children: text(device.brand) },
    { key: 'model', label: t('fields.model'), children: text(device.model) },
    { key: 'serialNo', label: t('fields.serialNo'), children: text(device.serialNo) },
    { key: 'address', label: t('fields.address'), children: text(device.address) },
    { key: 'building', label: t('fields.building'), children: text(device.building) },
    { key: 'floor', label: t('fields.floor'), children: text(device.floor) },
    { key: 'room', label: t('fields.room'), children: text(device.room) },
    { key: 'rack', label: t('fields.rack'), children: text(device.rack) },
    { key: 'softwareVersion', label: t('fields.softwareVersion'), children: text(device.softwareVersion) },
    { key: 'firmwareVersion', label: t('fields.firmwareVersion'), children: text(device.firmwareVersion) },
    { key: 'installDate', label: t('fields.installDate'), children: date(device.installDate) },
    { key: 'warrantyEnd', label: t('fields.warrantyEnd'), children: warrantyTag },
    {
      key: 'parentId',
      label: t('fields.parentId'),
      span: 2,
      children: parent ? <Link to={`/assets/${parent.id}`}>{`${parent.assetTag} · ${parent.name}`}</Link> : empty,
    },
    {
      key: 'notes',
      label: t('fields.notes'),
      span: 2,
      children: <span style={{ whiteSpace: 'pre-wrap' }}>{text(device.notes)}</span>,
    },
    { key: 'createdAt', label: t('device.createdAt'), children: at(device.createdAt) },
    { key: 'updatedAt', label: t('device.updatedAt'), children: at(device.updatedAt) },
  ];
  return <Descriptions bordered column={{ xs: 1, sm: 1, md: 2 }} size="middle" items={items} styles={{ label: { width: '16%', minWidth: 110 }, content: { width: '34%' } }} />;
}

function DeviceChildren({ device, children }: { device: Device; children: Device[] }) {
  const { t } = useTranslation('assets');
  const catalog = useCatalog();
  const navigate = useNavigate();
  const addChild = () =>
    navigate(`/assets/new?parentId=${encodeURIComponent(device.id)}&systemId=${encodeURIComponent(device.systemId)}`, { state: formEntry });
  return (
    <Card
      title={t('device.children', { count: children.length })}
      extra={
        <Button size="large" icon={<PlusOutlined />} onClick={addChild}>
          {t('device.addChild')}
        </Button>
      }
    >
      {children.length === 0 ? (
        <Typography.Text type="secondary">{t('device.noChildren')}</Typography.Text>
      ) : (
        <Table<Device>
          rowKey="id"
          size="middle"
          pagination={false}
          dataSource={children}
          onRow={(child) => ({ onClick: () => navigate(`/assets/${child.id}`), style: { cursor: 'pointer' } })}
          columns={[
            {
              key: 'assetTag',
              title: t('fields.assetTag'),
              width: 140,
              render: (_v, child) => (
                <Link to={`/assets/${child.id}`} onClick={(e) => e.stopPropagation()}>
                  {child.assetTag}
                </Link>
              ),
            },
            {
              key: 'name',
              title: t('fields.name'),
              render: (_v, child) => (
                <Link to={`/assets/${child.id}`} onClick={(e) => e.stopPropagation()}>
                  {child.name}
                </Link>
              ),
            },
            { key: 'typeId', title: t('fields.typeId'), render: (_v, child) => catalog.typeName(child.systemId, child.typeId) },
            {
              key: 'brandModel',
              title: t('columns.brandModel'),
              render: (_v, child) => [child.brand, child.model].filter((s) => s !== '').join(' '),
            },
            { key: 'status', title: t('fields.status'), width: 110, render: (_v, child) => <DeviceStatusTag status={child.status} /> },
          ]}
        />
      )}
    </Card>
  );
}
