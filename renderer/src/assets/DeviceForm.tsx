// The device form's fields, grouped as people fill them in: basic information, location, maintenance.
import { Button, Card, Col, DatePicker, Flex, Form, type FormInstance, Input, Row, Select, AutoComplete, theme } from 'antd';
import type { KeyboardEvent } from 'react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useContractQuery } from '../transport/use-contract';
import { RegisterDevicePicker, type RegisterDeviceOption } from './RegisterDevicePicker';
import { useStatusOptions } from './DeviceStatusTag';
import type { DeviceFormValues } from './device-form-values';
import { useCatalog } from './use-catalog';

export interface DeviceFormProps {
  form: FormInstance<DeviceFormValues>;
  initialValues: DeviceFormValues;
  editing: boolean;
  /** The device being edited, which cannot be its own parent. */
  deviceId?: string;
  knownParent: RegisterDeviceOption | null;
  saving: boolean;
  onSubmit(values: DeviceFormValues): void;
  onCancel(): void;
  onDirty(): void;
}

/** Distinct non-empty values, in first-seen order, as AutoComplete options. */
function choices(values: string[]): { value: string }[] {
  return [...new Set(values.filter((v) => v !== ''))].map((value) => ({ value }));
}

/** Enter in a one-line field must not send a half-filled form: saving is the Save button's job. */
function holdEnter(event: KeyboardEvent<HTMLFormElement>) {
  if (event.key === 'Enter' && event.target instanceof HTMLInputElement) event.preventDefault();
}

export function DeviceForm(props: DeviceFormProps) {
  const { form } = props;
  const { t } = useTranslation('assets');
  const { t: tc } = useTranslation();
  const { token } = theme.useToken();
  const catalog = useCatalog();
  const statusOptions = useStatusOptions();
  const locations = useContractQuery('assets.locations', {}, { staleTime: 30_000 });

  const systemId = Form.useWatch('systemId', form);
  const building = Form.useWatch('building', form);
  const floor = Form.useWatch('floor', form);
  const installDate = Form.useWatch('installDate', form);

  const places = useMemo(() => {
    const all = locations.data ?? [];
    const inBuilding = all.filter((l) => l.building === (building ?? '').trim());
    return {
      buildings: choices(all.map((l) => l.building)),
      floors: choices(inBuilding.map((l) => l.floor)),
      rooms: choices(inBuilding.filter((l) => !floor || l.floor === floor.trim()).map((l) => l.room)),
    };
  }, [locations.data, building, floor]);

  const brandOptions = catalog.brandNames(systemId).map((value) => ({ value }));
  const label = (field: keyof DeviceFormValues) => t(`fields.${field}`);
  const required = (field: keyof DeviceFormValues, select = false) => ({
    required: true,
    whitespace: true,
    message: t(select ? 'form.requiredSelect' : 'form.required', { field: label(field) }),
  });
  const max = (field: keyof DeviceFormValues, length: number) => ({ max: length, message: t('form.tooLong', { field: label(field) }) });
  const filterByLabel = { optionFilterProp: 'label' };

  return (
    <Form<DeviceFormValues>
      form={form}
      layout="vertical"
      size="large"
      initialValues={props.initialValues}
      onFinish={props.onSubmit}
      onValuesChange={(changed: Partial<DeviceFormValues>) => {
        props.onDirty();
        // A type belongs to one system: choosing another system clears it.
        if ('systemId' in changed) form.setFieldValue('typeId', undefined);
      }}
      onKeyDown={holdEnter}
      scrollToFirstError
      requiredMark
    >
      <Flex vertical gap={16}>
        <Card title={t('form.groupBasic')}>
          <Row gutter={24}>
            <Col xs={24} lg={12}>
              <Form.Item name="name" label={label('name')} rules={[required('name'), max('name', 200)]}>
                <Input placeholder={t('form.namePlaceholder')} />
              </Form.Item>
            </Col>
            <Col xs={24} lg={12}>
              <Form.Item name="assetTag" label={label('assetTag')} rules={[max('assetTag', 64)]}>
                <Input placeholder={props.editing ? undefined : t('form.assetTagAuto')} />
              </Form.Item>
            </Col>
            <Col xs={24} lg={12}>
              <Form.Item name="systemId" label={label('systemId')} rules={[required('systemId', true)]}>
                <Select showSearch={filterByLabel} placeholder={t('form.systemPlaceholder')} options={catalog.systemOptions} />
              </Form.Item>
            </Col>
            <Col xs={24} lg={12}>
              <Form.Item name="typeId" label={label('typeId')}>
                <Select
                  showSearch={filterByLabel}
                  allowClear
                  disabled={!systemId}
                  placeholder={t('form.typePlaceholder')}
                  options={catalog.typeOptions(systemId)}
                />
              </Form.Item>
            </Col>
            <Col xs={24} lg={8}>
              <Form.Item name="brand" label={label('brand')} rules={[max('brand', 100)]}>
                <AutoComplete
                  options={brandOptions}
                  placeholder={t('form.brandPlaceholder')}
                  showSearch={{
                    filterOption: (input, option) => String(option?.value ?? '').toLowerCase().includes(input.toLowerCase()),
                  }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} lg={8}>
              <Form.Item name="model" label={label('model')} rules={[max('model', 100)]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} lg={8}>
              <Form.Item name="serialNo" label={label('serialNo')} rules={[max('serialNo', 100)]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} lg={8}>
              <Form.Item name="status" label={label('status')} rules={[required('status', true)]}>
                <Select options={statusOptions} />
              </Form.Item>
            </Col>
            <Col xs={24} lg={8}>
              <Form.Item name="address" label={label('address')} rules={[max('address', 200)]}>
                <Input placeholder={t('form.addressPlaceholder')} />
              </Form.Item>
            </Col>
            <Col xs={24} lg={8}>
              <Form.Item name="parentId" label={label('parentId')}>
                <RegisterDevicePicker
                  excludeId={props.deviceId}
                  known={props.knownParent}
                  placeholder={t('form.parentPlaceholder')}
                  notFoundText={t('form.noParentResults')}
                />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card title={t('form.groupLocation')}>
          <Row gutter={24}>
            <Col xs={12} lg={6}>
              <Form.Item name="building" label={label('building')} rules={[max('building', 100)]}>
                <AutoComplete options={places.buildings} placeholder={t('form.buildingPlaceholder')} showSearch={{ filterOption: true }} />
              </Form.Item>
            </Col>
            <Col xs={12} lg={6}>
              <Form.Item name="floor" label={label('floor')} rules={[max('floor', 50)]}>
                <AutoComplete options={places.floors} placeholder={t('form.floorPlaceholder')} showSearch={{ filterOption: true }} />
              </Form.Item>
            </Col>
            <Col xs={12} lg={6}>
              <Form.Item name="room" label={label('room')} rules={[max('room', 100)]}>
                <AutoComplete options={places.rooms} placeholder={t('form.roomPlaceholder')} showSearch={{ filterOption: true }} />
              </Form.Item>
            </Col>
            <Col xs={12} lg={6}>
              <Form.Item name="rack" label={label('rack')} rules={[max('rack', 50)]}>
                <Input placeholder={t('form.rackPlaceholder')} />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card title={t('form.groupMaintenance')}>
          <Row gutter={24}>
            <Col xs={12} lg={6}>
              <Form.Item name="installDate" label={label('installDate')}>
                <DatePicker style={{ width: '100%' }} placeholder={t('form.datePlaceholder')} />
              </Form.Item>
            </Col>
            <Col xs={12} lg={6}>
              <Form.Item
                name="warrantyEnd"
                label={label('warrantyEnd')}
                dependencies={['installDate']}
                rules={[
                  {
                    validator: (_rule, value: DeviceFormValues['warrantyEnd']) =>
                      value && installDate && value.isBefore(installDate, 'day')
                        ? Promise.reject(new Error(t('form.warrantyBeforeInstall')))
                        : Promise.resolve(),
                  },
                ]}
              >
                <DatePicker style={{ width: '100%' }} placeholder={t('form.datePlaceholder')} />
              </Form.Item>
            </Col>
            <Col xs={24} lg={12}>
              <Form.Item name="notes" label={label('notes')} rules={[max('notes', 2000)]}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} placeholder={t('form.notesPlaceholder')} />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Flex
          gap={12}
          style={{
            position: 'sticky',
            bottom: 0,
            zIndex: 2,
            padding: '12px 0',
            background: token.colorBgLayout,
            borderTop: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <Button type="primary" htmlType="submit" size="large" loading={props.saving} style={{ minWidth: 140 }}>
            {tc('actions.save')}
          </Button>
          <Button size="large" onClick={props.onCancel} style={{ minWidth: 120 }}>
            {tc('actions.cancel')}
          </Button>
        </Flex>
      </Flex>
    </Form>
  );
}
