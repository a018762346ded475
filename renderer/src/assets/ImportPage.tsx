// Importing devices from a CSV or Excel file: check every row, show why each bad row is rejected,
// and write nothing until the file is clean or the user accepts skipping the bad rows.
import { ArrowLeftOutlined, DownloadOutlined, InboxOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Flex, Result, Space, Spin, Statistic, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { AppError, type ImportReport } from '../../../shared/contract';
import { alarmColours } from '../app/theme';
import { useErrorMessage } from '../app/use-error-message';
import { consoleClient } from '../transport';
import { useContractCommand } from '../transport/use-contract';
import { downloadText } from './download-file';
import { importTemplateCsv } from './import-columns';
import { ImportReportTable } from './ImportReportTable';
import { maxImportBytes, readFileBase64 } from './read-file-base64';

interface ChosenFile {
  fileName: string;
  contentBase64: string;
}

type Stage =
  | { step: 'choose'; problem?: string }
  | { step: 'checking'; fileName: string }
  | { step: 'report'; file: ChosenFile; report: ImportReport }
  | { step: 'done'; fileName: string; imported: number; skipped: number };

export function ImportPage() {
  const { t, i18n } = useTranslation('transfer');
  const english = i18n.language === 'en';
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const [stage, setStage] = useState<Stage>({ step: 'choose' });

  const describeFailure = (error: unknown): string => {
    if (error instanceof AppError && error.code === 'import_missing_column') {
      return t('import.missingColumn', { column: String(english ? error.params.en : error.params.zh) });
    }
    return errorMessage(error);
  };

  const preview = useMutation<ImportReport, AppError, ChosenFile>({
    mutationFn: (file) => consoleClient().invoke('assets.importPreview', file),
  });

  const check = async (file: File) => {
    if (!/\.(csv|xlsx)$/i.test(file.name)) return setStage({ step: 'choose', problem: t('import.wrongType') });
    if (file.size > maxImportBytes) return setStage({ step: 'choose', problem: t('import.tooLarge', { max: maxImportBytes / 1024 / 1024 }) });
    setStage({ step: 'checking', fileName: file.name });
    try {
      const chosen = { fileName: file.name, contentBase64: await readFileBase64(file) };
      const report = await preview.mutateAsync(chosen);
      setStage({ step: 'report', file: chosen, report });
    } catch (error) {
      setStage({ step: 'choose', problem: describeFailure(error) });
    }
  };

  const downloadTemplate = () =>
    downloadText(t('import.templateFile'), 'text/csv;charset=utf-8', importTemplateCsv(english ? 'en' : 'zh'));

  return (
    <Flex vertical gap={16} style={{ maxWidth: 1200 }}>
      <Flex align="center" justify="space-between" wrap gap={12}>
        <Space size={12} align="center">
          <Link to="/assets">
            <Button size="large" icon={<ArrowLeftOutlined />}>
              {t('import.backToRegister')}
            </Button>
          </Link>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('import.title')}
          </Typography.Title>
        </Space>
        <Button size="large" icon={<DownloadOutlined />} onClick={downloadTemplate}>
          {t('import.template')}
        </Button>
      </Flex>

      {stage.step === 'done' ? (
        <Card>
          <Result
            status="success"
            title={t('import.doneTitle', { imported: stage.imported, skipped: stage.skipped })}
            subTitle={t('import.doneSubtitle', { fileName: stage.fileName })}
            extra={[
              <Button key="register" type="primary" size="large" onClick={() => navigate('/assets')}>
                {t('import.toRegister')}
              </Button>,
              <Button key="more" size="large" onClick={() => setStage({ step: 'choose' })}>
                {t('import.importMore')}
              </Button>,
            ]}
          />
        </Card>
      ) : stage.step === 'report' ? (
        <ImportReportView
          file={stage.file}
          report={stage.report}
          onChooseAnother={() => setStage({ step: 'choose' })}
          onImported={(outcome) => setStage({ step: 'done', fileName: stage.file.fileName, ...outcome })}
        />
      ) : (
        <>
          <Typography.Paragraph style={{ margin: 0, fontSize: 16 }}>{t('import.intro')}</Typography.Paragraph>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('import.templateHint')}
          </Typography.Paragraph>
          {stage.step === 'choose' && stage.problem && (
            <Alert type="error" showIcon title={t('import.fileFailed')} description={stage.problem} />
          )}
          <Spin spinning={stage.step === 'checking'} description={stage.step === 'checking' ? t('import.checking', { fileName: stage.fileName }) : undefined}>
            <Upload.Dragger
              accept=".csv,.xlsx"
              multiple={false}
              showUploadList={false}
              disabled={stage.step === 'checking'}
              beforeUpload={(file) => {
                void check(file);
                return Upload.LIST_IGNORE;
              }}
              style={{ padding: '32px 0' }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text" style={{ fontSize: 18 }}>
                {t('import.dropTitle')}
              </p>
              <p className="ant-upload-hint">{t('import.dropHint')}</p>
            </Upload.Dragger>
          </Spin>
        </>
      )}
    </Flex>
  );
}

function ImportReportView({
  file,
  report,
  onChooseAnother,
  onImported,
}: {
  file: ChosenFile;
  report: ImportReport;
  onChooseAnother: () => void;
  onImported: (outcome: { imported: number; skipped: number }) => void;
}) {
  const { t } = useTranslation('transfer');
  const errorMessage = useErrorMessage();
  const [skipAccepted, setSkipAccepted] = useState(false);
  const [onlyInvalid, setOnlyInvalid] = useState(report.invalid > 0);
  const commit = useContractCommand('assets.importCommit', ['assets.', 'spares.']);
  const rows = useMemo(() => (onlyInvalid ? report.rows.filter((r) => !r.ok) : report.rows), [onlyInvalid, report.rows]);

  const hasInvalid = report.invalid > 0;
  const canImport = report.valid > 0 && (!hasInvalid || skipAccepted) && !commit.isPending;
  const runImport = () =>
    commit.mutate({ file, skipInvalid: hasInvalid && skipAccepted }, { onSuccess: (outcome) => onImported(outcome) });

  return (
    <>
      <Card title={t('import.summaryTitle', { fileName: report.fileName })}>
        <Flex vertical gap={16}>
          <Flex gap={48} wrap>
            <Statistic title={t('import.total')} value={report.total} />
            <Statistic title={t('import.valid')} value={report.valid} styles={{ content: { color: alarmColours.normal } }} />
            <Statistic
              title={t('import.invalid')}
              value={report.invalid}
              styles={{ content: { color: hasInvalid ? alarmColours.critical : undefined } }}
            />
          </Flex>
          {report.ignoredColumns.length > 0 && (
            <Alert type="info" showIcon title={t('import.ignoredColumns', { columns: report.ignoredColumns.join(t('import.listSeparator')) })} />
          )}
          {hasInvalid ? (
            <Alert
              type="error"
              showIcon
              title={<span style={{ fontSize: 17, fontWeight: 600 }}>{t('import.invalidWarning', { count: report.invalid })}</span>}
              description={report.valid > 0 ? t('import.invalidHint') : t('import.nothingValid')}
            />
          ) : (
            <Alert type="success" showIcon title={t('import.allValid')} />
          )}
          {commit.isError && <Alert type="error" showIcon title={errorMessage(commit.error)} />}
          {hasInvalid && report.valid > 0 && (
            <Checkbox checked={skipAccepted} onChange={(e) => setSkipAccepted(e.target.checked)} style={{ fontSize: 16 }}>
              {t('import.skipInvalid', { count: report.valid })}
            </Checkbox>
          )}
          <Flex gap={12} wrap>
            <Button type="primary" size="large" disabled={!canImport} loading={commit.isPending} onClick={runImport}>
              {commit.isPending ? t('import.importing') : t('import.importButton', { count: report.valid })}
            </Button>
            <Button size="large" icon={<ReloadOutlined />} onClick={onChooseAnother} disabled={commit.isPending}>
              {t('import.chooseAnother')}
            </Button>
          </Flex>
        </Flex>
      </Card>
      <Card
        title={t('import.rowsTitle')}
        extra={
          <Checkbox checked={onlyInvalid} disabled={!hasInvalid} onChange={(e) => setOnlyInvalid(e.target.checked)}>
            {t('import.onlyInvalid')}
          </Checkbox>
        }
      >
        <ImportReportTable rows={rows} />
      </Card>
    </>
  );
}
