// Items the ticket system refused, with the reason: retry (after the mapping is fixed) or skip with a supervisor's
// comment, which the core journals.
import { Alert, App, Button, Card, Empty, Flex, Form, Input, List, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SyncItem } from '../../../shared/contract';
import { useErrorMessage } from '../app/use-error-message';
import { formatTime, useEnglish } from '../incidents/incident-format';
import { useMayCall } from '../operators/use-may-call';
import { useContractCommand, useContractQuery } from '../transport/use-contract';
import { recordPath } from './sync-format';
import { useSyncItemTitle, useSyncReason } from './sync-item-labels';

export function SyncParkedList() {
  const { t } = useTranslation('sync');
  const english = useEnglish();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const itemTitle = useSyncItemTitle();
  const reason = useSyncReason();
  const parked = useContractQuery('sync.parked', {});
  const mayRetry = useMayCall('sync.retry');
  const maySkip = useMayCall('sync.skip');
  const retry = useContractCommand('sync.retry', ['sync.']);
  const [skipping, setSkipping] = useState<SyncItem | null>(null);

  const retryItem = (entryId?: string) =>
    retry.mutate(entryId ? { entryId } : {}, {
      onSuccess: () => void message.success(t('page.retried')),
      onError: (err) => void message.error(errorMessage(err)),
    });
  const items = parked.data ?? [];

  return (
    <Card
      title={t('page.parkedTitle')}
      loading={parked.isPending}
      data-testid="sync-parked"
      extra={
        mayRetry && items.length > 1 ? (
          <Button size="large" loading={retry.isPending} onClick={() => retryItem()}>
            {t('page.retryAll')}
          </Button>
        ) : null
      }
    >
      {parked.isError && <Alert type="error" showIcon title={errorMessage(parked.error)} />}
      {items.length === 0 ? (
        <Empty description={t('page.parkedEmpty')} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('page.parkedIntro')}</Typography.Paragraph>
          <List
            dataSource={items}
            renderItem={(item) => (
              <List.Item
                data-testid="sync-parked-item"
                actions={[
                  mayRetry && (
                    <Button key="retry" size="large" onClick={() => retryItem(item.entryId)} disabled={retry.isPending}>
                      {t('page.retry')}
                    </Button>
                  ),
                  maySkip && (
                    <Button key="skip" size="large" danger onClick={() => setSkipping(item)}>
                      {t('page.skip')}
                    </Button>
                  ),
                ].filter(Boolean)}
              >
                <List.Item.Meta
                  title={
                    <span>
                      {t(`record.${item.recordKind}`)} <Link to={recordPath(item.recordKind, item.recordId)}>{item.recordNumber}</Link> · {itemTitle(item)}
                    </span>
                  }
                  description={
                    <Flex vertical gap={2}>
                      <Typography.Text type="danger" style={{ fontSize: 16 }}>
                        {reason(item.parkedReason)}
                      </Typography.Text>
                      <Typography.Text type="secondary">
                        {formatTime(item.at, english, false)} · {item.operator}
                        {item.parkedAt !== null && ` · ${t('page.parkedAt', { time: formatTime(item.parkedAt, english) })}`}
                      </Typography.Text>
                    </Flex>
                  }
                />
              </List.Item>
            )}
          />
        </>
      )}
      {skipping && <SkipDialog item={skipping} onClose={() => setSkipping(null)} />}
    </Card>
  );
}

function SkipDialog({ item, onClose }: { item: SyncItem; onClose: () => void }) {
  const { t } = useTranslation('sync');
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const itemTitle = useSyncItemTitle();
  const skip = useContractCommand('sync.skip', ['sync.', 'incidents.timeline']);
  const [form] = Form.useForm<{ comment: string }>();
  return (
    <Modal
      open
      title={t('page.skipTitle')}
      okText={t('page.skipConfirm')}
      okButtonProps={{ danger: true, size: 'large', loading: skip.isPending }}
      cancelButtonProps={{ size: 'large' }}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph strong>
        {item.recordNumber} · {itemTitle(item)}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('page.skipHint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={({ comment }) =>
          skip.mutate(
            { entryId: item.entryId, comment },
            {
              onSuccess: () => {
                void message.success(t('page.skipped'));
                onClose();
              },
              onError: (err) => void message.error(errorMessage(err)),
            },
          )
        }
      >
        <Form.Item name="comment" label={t('page.skipComment')} rules={[{ required: true, whitespace: true, message: t('page.skipCommentRequired') }, { max: 1000 }]}>
          <Input.TextArea rows={3} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
