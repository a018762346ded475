// The incident's files: photo thumbnails (fetched as data URLs), other files by name, an upload button, and for
// engineers a download link per file (a saved copy leaves the console, so the core journals it).
import { DownloadOutlined, FileOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Image, Space, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { attachmentMimeTypes, type AttachmentMimeType, type IncidentAttachment } from '../../../shared/contract';
import { useErrorMessage } from '../app/use-error-message';
import { useMayCall } from '../operators/use-may-call';
import { downloadBase64 } from '../assets/download-file';
import { readFileBase64 } from '../assets/read-file-base64';
import { useContractCommand, useContractQuery } from '../transport/use-contract';
import { formatTime, useEnglish } from './incident-format';

function Thumbnail({ incidentId, attachment }: { incidentId: string; attachment: IncidentAttachment }) {
  const content = useContractQuery('incidents.attachment', { id: incidentId, sha256: attachment.sha256 }, { staleTime: Number.POSITIVE_INFINITY });
  const src = content.data ? `data:${content.data.mime};base64,${content.data.contentBase64}` : undefined;
  return (
    <Image
      width={120}
      height={120}
      style={{ objectFit: 'cover', borderRadius: 6 }}
      src={src}
      alt={attachment.fileName}
      placeholder
      data-testid="attachment-thumbnail"
    />
  );
}

function DownloadLink({ incidentId, attachment }: { incidentId: string; attachment: IncidentAttachment }) {
  const { t } = useTranslation('incidents');
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const download = useContractCommand('incidents.downloadAttachment', ['incidents.timeline', 'journal.']);
  const save = () =>
    download.mutate(
      { id: incidentId, sha256: attachment.sha256 },
      {
        onSuccess: (file) => {
          downloadBase64(file.fileName, file.mime, file.contentBase64);
          void message.success(t('detail.downloaded', { fileName: file.fileName }));
        },
        onError: (err) => void message.error(errorMessage(err)),
      },
    );
  return (
    <Button type="link" size="small" icon={<DownloadOutlined />} loading={download.isPending} onClick={save} style={{ paddingInline: 0 }}>
      {t('detail.download')}
    </Button>
  );
}

export function IncidentAttachments({ incidentId, attachments }: { incidentId: string; attachments: IncidentAttachment[] }) {
  const { t } = useTranslation('incidents');
  const english = useEnglish();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const attach = useContractCommand('incidents.attach', ['incidents.', 'journal.']);
  const mayDownload = useMayCall('incidents.downloadAttachment');

  const upload = async (file: File) => {
    const mime = file.type;
    if (!(attachmentMimeTypes as readonly string[]).includes(mime)) return;
    attach.mutate(
      { id: incidentId, fileName: file.name, mime: mime as AttachmentMimeType, contentBase64: await readFileBase64(file) },
      { onError: (err) => message.error(errorMessage(err)) },
    );
  };

  return (
    <Card
      title={t('detail.attachments')}
      extra={
        <Upload accept={attachmentMimeTypes.join(',')} showUploadList={false} beforeUpload={(file) => { void upload(file); return false; }}>
          <Button icon={<UploadOutlined />} loading={attach.isPending}>{t('detail.upload')}</Button>
        </Upload>
      }
    >
      {attachments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noAttachments')} />
      ) : (
        <Image.PreviewGroup>
          <Space wrap size={12}>
            {attachments.map((a) => (
              <div key={a.sha256} style={{ width: 120 }}>
                {a.mime.startsWith('image/') ? <Thumbnail incidentId={incidentId} attachment={a} /> : <FileOutlined style={{ fontSize: 48 }} />}
                <Typography.Text ellipsis style={{ display: 'block', fontSize: 12 }}>{a.fileName}</Typography.Text>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{formatTime(a.addedAt, english, false)}</Typography.Text>
                {mayDownload && <DownloadLink incidentId={incidentId} attachment={a} />}
              </div>
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
    </Card>
  );
}
