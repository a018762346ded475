// 维保检查记录 (事后分析报告): the A4 record for the customer's signature, in Chinese layout: site, system, date,
// engineer, every device with every item, readings with their limits, findings and suggestions, signature lines.
// With ?blank=1, the same checklist with empty boxes, for work done on paper and typed in afterwards.
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, ConfigProvider, Result, Spin, theme } from 'antd';
import dayjs from 'dayjs';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { Device, ItemResult, TaskDetail } from '../../../shared/contract';
import { type ChecklistItem, itemApplies, limitsText } from '../../../shared/domain/maintenance/checklist-items';
import { consoleTheme } from '../app/theme';
import { useErrorMessage } from '../app/use-error-message';
import { type CatalogView, useCatalog } from '../assets/use-catalog';
import { useContractQuery } from '../transport/use-contract';
import { recordSheetCss } from './record-sheet-css';
import { useTemplateName } from './template-name';

export const paperTheme = { inherit: false, algorithm: theme.defaultAlgorithm, token: { fontFamily: consoleTheme.token?.fontFamily, fontSize: 15, controlHeight: 38 } };

export function RecordPrintPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const blank = params.get('blank') === '1';
  const { t } = useTranslation('maintenance');
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const detail = useContractQuery('maintenance.task', { id });
  const catalog = useCatalog();
  const ready = detail.data !== undefined && catalog.loaded;
  const goBack = () => (window.history.length > 1 ? navigate(-1) : navigate(`/maintenance/tasks/${id}`));

  let body;
  if (detail.isError) body = <Result status="error" title={t('walk.loadFailed')} subTitle={errorMessage(detail.error)} />;
  else if (!ready) body = <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />;
  else body = <RecordSheet detail={detail.data} blank={blank} catalog={catalog} />;

  return (
    <ConfigProvider theme={paperTheme}>
      <style>{recordSheetCss}</style>
      <div className="record-print-page" data-ready={ready ? 'true' : 'false'}>
        <div className="record-toolbar paper-toolbar">
          <Button size="large" icon={<ArrowLeftOutlined />} onClick={() => void goBack()}>{t('common:actions.back')}</Button>
          <Button size="large" type="primary" icon={<PrinterOutlined />} disabled={!ready} onClick={() => window.print()}>{t('common:actions.print')}</Button>
        </div>
        {body}
      </div>
    </ConfigProvider>
  );
}

export function RecordSheet({ detail, blank, catalog }: { detail: TaskDetail; blank: boolean; catalog: CatalogView }) {
  const { t } = useTranslation('maintenance');
  const templateName = useTemplateName();
  const { task, template, devices } = detail;
  const results = new Map(detail.results.map((r) => [`${r.deviceId}/${r.itemId}`, r]));
  const systemName = task.systemId ? catalog.systemName(task.systemId) : '';
  const date = task.finishedAt ? dayjs(task.finishedAt).format('YYYY-MM-DD') : task.startedAt ? dayjs(task.startedAt).format('YYYY-MM-DD') : task.dueOn;
  const rows = devices.map((d) => ({ device: d, items: template.items.filter((i) => itemApplies(i, d.typeId)) }));
  const itemCount = rows.reduce((n, r) => n + r.items.length, 0);
  const failed = detail.results.filter((r) => r.outcome === 'fail').length;
  const { i18n } = useTranslation();
  const colon = i18n.language === 'en' ? ': ' : '：';
  const detailLines = Object.entries(task.details).filter(([, v]) => v);

  return (
    <article className="record-sheet paper-sheet" data-testid="maintenance-record">
      <table className="items">
        <thead>
          <tr>
            <th colSpan={5} className="head">
              <h1>{blank ? t('print.blankTitle') : t('print.title')}</h1>
              <p className="subtitle">{t('print.subtitle')}</p>
              <table className="meta">
                <tbody>
                  <tr>
                    <td>{t('print.site')}{colon}{task.site}</td>
                    <td>{t('print.system')}{colon}{systemName}</td>
                    <td>{t('print.number')}{colon}{task.number}</td>
                  </tr>
                  <tr>
                    <td>{t('print.date')}{colon}{blank ? '' : date}</td>
                    <td>{t('print.engineer')}{colon}{task.engineer}</td>
                    <td>{t('print.template')}{colon}{templateName(template)} v{template.version}</td>
                  </tr>
                </tbody>
              </table>
            </th>
          </tr>
          {rows.length > 0 && (
            <tr className="columns">
              <th style={{ width: '7mm' }}>#</th>
              <th>{t('print.item')}</th>
              <th style={{ width: '26mm' }}>{t('print.limits')}</th>
              <th style={{ width: blank ? '40mm' : '20mm' }}>{t('print.result')}</th>
              <th style={{ width: '52mm' }}>{t('print.remark')}</th>
            </tr>
          )}
        </thead>
        <tbody>
          {rows.map(({ device, items }, n) => (
            <Fragment key={device.id}>
              <tr className="device" data-testid="record-device">
                <td>{n + 1}</td>
                <td colSpan={4}>{deviceLine(device, catalog)}</td>
              </tr>
              {items.map((item, j) => (
                <ItemRow key={item.id} index={`${n + 1}.${j + 1}`} item={item} result={blank ? undefined : results.get(`${device.id}/${item.id}`)} blank={blank} />
              ))}
            </Fragment>
          ))}
          {/* The closing sits in the table too, so a page holding only it still carries the header. */}
          <tr className="closing-row">
            <td colSpan={5} className="closing">
              {detailLines.length > 0 && (
                <>
                  <h2>{t(`kind.${task.kind}`)}</h2>
                  {detailLines.map(([k, v]) => <p key={k} className="text" style={{ minHeight: 0 }}>{t(`create.${k}`)}{colon}{v}</p>)}
                </>
              )}
              {!blank && rows.length > 0 && <p>{t('print.summary', { devices: rows.length, items: itemCount, failed })}</p>}
              <h2>{t('print.findings')}</h2>
              {blank ? <div className="blank-lines" /> : <p className="text">{task.findings || t('print.none')}</p>}
              <h2>{t('print.suggestions')}</h2>
              {blank ? <div className="blank-lines" /> : <p className="text">{task.suggestions || t('print.none')}</p>}
              <div className="signatures" aria-label="signatures">
                <div className="signature"><span>{t('print.engineerSign')}{colon}</span><span /></div>
                <div className="signature"><span>{t('print.signDate')}{colon}</span><span /></div>
                <div className="signature"><span>{t('print.customerSign')}{colon}</span><span /></div>
                <div className="signature"><span>{t('print.signDate')}{colon}</span><span /></div>
              </div>
            </td>
          </tr>
        </tbody>
      </table>
    </article>
  );
}

function deviceLine(d: Device, catalog: CatalogView): string {
  const place = [d.building, d.floor, d.room, d.rack].filter(Boolean).join(' ');
  return [`${d.assetTag} ${d.name}`, catalog.typeName(d.systemId, d.typeId), [d.brand, d.model].filter(Boolean).join(' '), place].filter(Boolean).join(' · ');
}

function ItemRow({ index, item, result, blank }: { index: string; item: ChecklistItem; result: ItemResult | undefined; blank: boolean }) {
  const { t } = useTranslation('maintenance');
  const v = result?.value;
  const limits = item.kind === 'reading' ? limitsText(item) : '';
  let remark = '';
  if (v) {
    const parts: string[] = [];
    if (item.kind === 'reading' && v.reading !== undefined && v.reading !== null) parts.push(`${v.reading}${item.unit ? ` ${item.unit}` : ''}`);
    if (item.kind === 'backup' && (v.backupWhat || v.backupWhere)) parts.push(`${v.backupWhat ?? ''} → ${v.backupWhere ?? ''}`);
    if (item.kind === 'version' && (v.versionBefore || v.versionAfter)) parts.push(`${v.versionBefore || '—'} → ${v.versionAfter ?? ''}`);
    if (item.kind === 'text' && v.text) parts.push(v.text);
    if (item.kind === 'photo' && v.photoSha256) parts.push(t('print.photo'));
    if (v.note) parts.push(v.note);
    if (result?.incidentNumber) parts.push(t('print.incident', { number: result.incidentNumber }));
    remark = parts.join(';');
  }
  const outcome = result?.outcome;
  return (
    <tr>
      <td>{index}</td>
      <td>{item.labelZh}</td>
      <td>{limits}</td>
      {blank ? (
        <td className="box">{item.kind === 'check' || item.kind === 'backup' ? '□合格 □不合格 □不适用' : '□不适用'}</td>
      ) : (
        <td className={outcome === 'fail' ? 'fail' : undefined}>{outcome ? t(`outcome.${outcome}`) : ''}</td>
      )}
      <td>{item.kind === 'version' && blank ? '→' : remark}</td>
    </tr>
  );
}
