// The import report's rows: each with its line in the file, what it holds, and why it was rejected.
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Table, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ImportRowReport } from '../../../shared/contract';
import { alarmColours } from '../app/theme';
import { columnLabel } from './import-columns';

type RowError = ImportRowReport['errors'][number];

/** One rejected field as a sentence naming the column as the user's file (and language) names it. */
export function rowErrorSentence(t: TFunction<'transfer'>, error: RowError, english: boolean): string {
  const values = { ...error.params, field: columnLabel(error.field, english ? 'en' : 'zh'), code: error.code };
  const key = `rowErrors.${error.code}`;
  return t(key, { ...values, defaultValue: t('rowErrors.unknown', values) });
}

export function ImportReportTable({ rows }: { rows: ImportRowReport[] }) {
  const { t, i18n } = useTranslation('transfer');
  const english = i18n.language === 'en';
  return (
    <Table<ImportRowReport>
      rowKey="row"
      size="middle"
      dataSource={rows}
      pagination={{ defaultPageSize: 50, showSizeChanger: true, showTotal: (total) => t('import.pageTotal', { count: total }) }}
      rowClassName={(r) => (r.ok ? 'import-row-ok' : 'import-row-bad')}
      columns={[
        {
          title: t('import.col.status'),
          key: 'status',
          width: 96,
          render: (_, r) =>
            r.ok ? (
              <span style={{ color: alarmColours.normal, whiteSpace: 'nowrap' }}>
                <CheckCircleFilled /> {t('import.rowOk')}
              </span>
            ) : (
              <span style={{ color: alarmColours.critical, whiteSpace: 'nowrap' }}>
                <CloseCircleFilled /> {t('import.rowBad')}
              </span>
            ),
        },
        { title: t('import.col.row'), dataIndex: 'row', width: 80, align: 'right' },
        { title: t('import.col.name'), dataIndex: 'name', width: '24%', render: (name: string) => name || '—' },
        {
          title: t('import.col.assetTag'),
          dataIndex: 'assetTag',
          width: 160,
          render: (tag: string) =>
            tag ? <Typography.Text code>{tag}</Typography.Text> : <Typography.Text type="secondary">{t('import.autoTag')}</Typography.Text>,
        },
        {
          title: t('import.col.problems'),
          key: 'problems',
          render: (_, r) =>
            r.errors.length === 0 ? (
              <Typography.Text type="secondary">{t('import.noProblems')}</Typography.Text>
            ) : (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {r.errors.map((e, i) => (
                  <li key={`${e.field}-${e.code}-${i}`} style={{ color: alarmColours.critical }}>
                    {rowErrorSentence(t, e, english)}
                  </li>
                ))}
              </ul>
            ),
        },
      ]}
    />
  );
}
