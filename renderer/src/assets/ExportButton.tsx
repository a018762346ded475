// "导出": the register's current filter to an Excel or CSV file, in the UI's language, saved as a download.
import { DownloadOutlined, DownOutlined, FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchInput } from '../../../shared/contract';
import { useErrorMessage } from '../app/use-error-message';
import { consoleClient } from '../transport';
import { downloadBase64 } from './download-file';

type ExportFormat = 'xlsx' | 'csv';

export function ExportButton({ filter }: { filter: SearchInput }) {
  const { t, i18n } = useTranslation('transfer');
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [working, setWorking] = useState(false);

  const run = async (format: ExportFormat) => {
    setWorking(true);
    try {
      // The whole filtered register, not the page on screen.
      const { offset: _offset, limit: _limit, ...criteria } = filter;
      const file = await consoleClient().invoke('assets.export', { format, filter: criteria, lang: i18n.language === 'en' ? 'en' : 'zh' });
      downloadBase64(file.fileName, file.mime, file.contentBase64);
      if (file.count === 0) void message.warning(t('export.empty', { fileName: file.fileName }));
      else void message.success(t('export.done', { count: file.count, fileName: file.fileName }));
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setWorking(false);
    }
  };

  return (
    <Dropdown
      disabled={working}
      trigger={['click']}
      menu={{
        items: [
          { key: 'xlsx', icon: <FileExcelOutlined />, label: t('export.xlsx'), style: { fontSize: 16, paddingBlock: 10 } },
          { key: 'csv', icon: <FileTextOutlined />, label: t('export.csv'), style: { fontSize: 16, paddingBlock: 10 } },
        ],
        onClick: ({ key }) => void run(key === 'csv' ? 'csv' : 'xlsx'),
        style: { minWidth: 180 },
      }}
    >
      <Button size="large" icon={<DownloadOutlined />} loading={working}>
        {working ? t('export.working') : t('export.button')} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
