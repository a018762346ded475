// Adds a device or edits one: loads it, saves it, puts the core's objections on the fields they concern.
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Result, Spin, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BlockerFunction, useBlocker, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { AppError, type Device } from '../../../shared/contract';
import { useErrorMessage } from '../app/use-error-message';
import { useContractCommand, useContractQuery } from '../transport/use-contract';
import { DeviceForm } from './DeviceForm';
import type { RegisterDeviceOption } from './RegisterDevicePicker';
import { type DeviceFormValues, emptyFormValues, fieldProblems, toDeviceFields, toFormValues } from './device-form-values';

/** Navigation state for opening the form from another screen: it goes back there when done. */
export interface FormEntry {
  returnBack: true;
}
export const formEntry: FormEntry = { returnBack: true };

export function DeviceFormPage() {
  const { id } = useParams();
  const [search] = useSearchParams();
  const { t } = useTranslation('assets');
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();

  const detail = useContractQuery('assets.get', { id: id ?? '' }, { enabled: id !== undefined, staleTime: 0 });
  const prefillParentId = id === undefined ? (search.get('parentId') ?? undefined) : undefined;
  const prefillParent = useContractQuery('assets.get', { id: prefillParentId ?? '' }, { enabled: prefillParentId !== undefined });
  useEffect(() => {
    // A statement, not an arrow's value: Chromium's scrollTo returns a promise, which React would call as a cleanup.
    window.scrollTo({ top: 0 });
  }, [id]);

  if (id !== undefined) {
    if (detail.isPending) return <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />;
    if (detail.error) {
      return (
        <Result
          status={detail.error.code === 'asset_not_found' ? '404' : 'error'}
          title={errorMessage(detail.error)}
          extra={
            <Button size="large" onClick={() => navigate('/assets')}>
              {t('device.backToList')}
            </Button>
          }
        />
      );
    }
    const { device, parent } = detail.data;
    return (
      <DeviceEditor
        key={device.id}
        device={device}
        initialValues={toFormValues(device)}
        knownParent={parent}
        title={t('form.editTitle', { name: device.name })}
      />
    );
  }
  if (prefillParentId && prefillParent.isPending) return <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />;
  const parent = prefillParent.data?.device ?? null;
  return (
    <DeviceEditor
      key="new"
      device={null}
      initialValues={emptyFormValues({ systemId: search.get('systemId') ?? parent?.systemId, parentId: parent?.id })}
      knownParent={parent}
      title={t('form.newTitle')}
    />
  );
}

interface DeviceEditorProps {
  device: Device | null;
  initialValues: DeviceFormValues;
  knownParent: RegisterDeviceOption | null;
  title: string;
}

function DeviceEditor({ device, initialValues, knownParent, title }: DeviceEditorProps) {
  const { t } = useTranslation('assets');
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const [form] = Form.useForm<DeviceFormValues>();
  const create = useContractCommand('assets.create', ['assets.', 'spares.']);
  const update = useContractCommand('assets.update', ['assets.', 'spares.']);
  const [failure, setFailure] = useState<string | null>(null);

  // Unsaved input is never lost silently: leaving asks first, unless the form was just saved.
  const dirty = useRef(false);
  const shouldBlock = useCallback<BlockerFunction>(
    ({ currentLocation, nextLocation }) => dirty.current && currentLocation.pathname !== nextLocation.pathname,
    [],
  );
  const blocker = useBlocker(shouldBlock);
  const latestBlocker = useRef(blocker);
  latestBlocker.current = blocker;
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    const { proceed, reset } = latestBlocker.current;
    modal.confirm({
      title: t('form.leaveTitle'),
      content: t('form.leaveContent'),
      okText: t('form.leaveOk'),
      okButtonProps: { danger: true, size: 'large' },
      cancelText: t('form.leaveCancel'),
      cancelButtonProps: { size: 'large' },
      onOk: () => proceed?.(),
      onCancel: () => reset?.(),
    });
  }, [blocker.state, modal, t]);

  const onDirty = () => {
    dirty.current = true;
  };

  // Opened from a screen of the console, the form returns to it, so Back never lands on the form again.
  const openedInApp = (useLocation().state as FormEntry | null)?.returnBack === true;
  const leave = () => (openedInApp ? navigate(-1) : navigate(device ? `/assets/${device.id}` : '/assets'));

  const submit = async (values: DeviceFormValues) => {
    setFailure(null);
    const fields = toDeviceFields(values);
    try {
      const saved = device ? await update.mutateAsync({ id: device.id, fields }) : await create.mutateAsync(fields);
      dirty.current = false;
      void message.success(device ? t('form.saved') : t('form.created'));
      if (device && openedInApp) navigate(-1);
      else navigate(`/assets/${saved.id}`, { replace: true });
    } catch (err) {
      const problems = err instanceof AppError ? fieldProblems(err) : [];
      if (problems.length > 0) {
        const fieldText = (problem: (typeof problems)[number]) => {
          const field = t(`fields.${problem.field}`);
          if (problem.reason === 'required') return t('form.required', { field });
          if (problem.reason === 'too_long') return t('form.tooLong', { field });
          if (problem.reason === 'invalid') return t('form.invalid', { field });
          return errorMessage(err);
        };
        form.setFields(problems.map((p) => ({ name: p.field, errors: [fieldText(p)] })));
        form.scrollToField(problems[0]!.field);
      }
      else setFailure(errorMessage(err));
    }
  };

  return (
    <Flex vertical gap={16} style={{ maxWidth: 1200 }}>
      <Flex align="center" gap={12}>
        <Button size="large" type="text" icon={<ArrowLeftOutlined />} aria-label={t('device.backToList')} onClick={leave} />
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
      </Flex>
      {failure && <Alert type="error" showIcon title={failure} closable={{ onClose: () => setFailure(null) }} />}
      <DeviceForm
        form={form}
        initialValues={initialValues}
        editing={device !== null}
        deviceId={device?.id}
        knownParent={knownParent}
        saving={create.isPending || update.isPending}
        onSubmit={(values) => void submit(values)}
        onCancel={leave}
        onDirty={onDirty}
      />
    </Flex>
  );
}
