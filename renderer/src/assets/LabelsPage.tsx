// Printable QR labels for the devices in `?ids=a,b,c`: A4 sheets of 3 × 8, a toolbar only on screen.
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, ConfigProvider, Result, Spin, Typography, theme } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { CatalogSystem, Device } from '../../../shared/contract';
import { consoleTheme } from '../app/theme';
import { useErrorMessage } from '../app/use-error-message';
import { useContractQuery } from '../transport/use-contract';
import { DeviceLabel } from './DeviceLabel';
import { labelSheetCss, labelsPerSheet } from './label-sheet-css';

/** Paper is white: the labels page drops the console's dark theme. */
const paperTheme = { inherit: false, algorithm: theme.defaultAlgorithm, token: { fontFamily: consoleTheme.token?.fontFamily, fontSize: 15, controlHeight: 38 } };

export function LabelsPage() {
  const { t } = useTranslation('transfer');
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const [params] = useSearchParams();
  const ids = useMemo(
    () => [...new Set((params.get('ids') ?? '').split(',').map((s) => s.trim()).filter(Boolean))].slice(0, 2000),
    [params],
  );
  // assets.labels journals the sheet (who printed which tags): asked once per visit, not again on focus.
  const devices = useContractQuery('assets.labels', { ids }, { enabled: ids.length > 0, staleTime: Number.POSITIVE_INFINITY, refetchOnWindowFocus: false, retry: false });
  const catalog = useContractQuery('catalog.list', {});
  const ordered = useMemo(() => orderLike(ids, devices.data ?? []), [ids, devices.data]);
  const qr = useQrCodes(ordered.map((d) => d.assetTag));
  const qrCodes = qr.urls;
  const ready = ordered.length > 0 && qrCodes !== null && catalog.data !== undefined;
  const goBack = () => (window.history.length > 1 ? navigate(-1) : navigate('/assets'));

  let body;
  if (ids.length === 0) body = <Result status="info" title={t('labels.none')} />;
  else if (devices.isError) body = <Result status="error" title={t('labels.loadFailed')} subTitle={errorMessage(devices.error)} />;
  else if (qr.error) body = <Result status="error" title={t('labels.loadFailed')} subTitle={errorMessage(qr.error)} />;
  else if (devices.data && ordered.length === 0) body = <Result status="warning" title={t('labels.missing', { count: ids.length })} />;
  else if (!ready) body = <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />;
  else body = <LabelSheets devices={ordered} qrCodes={qrCodes} catalog={catalog.data} />;

  const missing = devices.data ? ids.length - ordered.length : 0;
  const pages = Math.ceil(ordered.length / labelsPerSheet);
  return (
    <ConfigProvider theme={paperTheme}>
      <style>{labelSheetCss}</style>
      <div className="labels-page" data-ready={ready ? 'true' : 'false'}>
        <div className="labels-toolbar">
          <Button size="large" icon={<ArrowLeftOutlined />} onClick={goBack}>
            {t('labels.back')}
          </Button>
          <Button size="large" type="primary" icon={<PrinterOutlined />} disabled={!ready} onClick={() => window.print()}>
            {t('labels.print')}
          </Button>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('labels.title')}
          </Typography.Title>
          {ready && <Typography.Text style={{ fontSize: 16 }}>{t('labels.count', { count: ordered.length, pages })}</Typography.Text>}
        </div>
        {missing > 0 && ordered.length > 0 && (
          <Alert className="labels-notice" type="warning" showIcon title={t('labels.missing', { count: missing })} style={{ margin: '16px auto 0', maxWidth: '210mm' }} />
        )}
        {body}
      </div>
    </ConfigProvider>
  );
}

function LabelSheets({ devices, qrCodes, catalog }: { devices: Device[]; qrCodes: string[]; catalog: CatalogSystem[] }) {
  const { t, i18n } = useTranslation('transfer');
  const english = i18n.language === 'en';
  const name = (entry: { nameZh: string; nameEn: string } | undefined) => (entry ? (english ? entry.nameEn : entry.nameZh) : '');
  const sheets: Device[][] = [];
  for (let i = 0; i < devices.length; i += labelsPerSheet) sheets.push(devices.slice(i, i + labelsPerSheet));
  return (
    <>
      {sheets.map((sheet, s) => (
        <div className="label-sheet" key={s}>
          {sheet.map((device, i) => {
            const system = catalog.find((c) => c.id === device.systemId);
            const type = system?.types.find((ty) => ty.id === device.typeId);
            const place = [device.building, device.floor, device.room].filter(Boolean).join(' ');
            const location = [place, device.rack ? t('labels.rack', { rack: device.rack }) : ''].filter(Boolean).join(' · ');
            const footer = [name(system) || device.systemId, name(type)].filter(Boolean).join(' · ');
            return <DeviceLabel key={device.id} device={device} qr={qrCodes[s * labelsPerSheet + i]!} location={location} footer={footer} />;
          })}
        </div>
      ))}
    </>
  );
}

/** The devices in the order the ids were given (the order the user selected them in). */
function orderLike(ids: string[], devices: Device[]): Device[] {
  const byId = new Map(devices.map((d) => [d.id, d]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Every label's QR code, made before the sheets show so a print never catches half of them. */
function useQrCodes(texts: string[]): { urls: string[] | null; error: unknown } {
  const key = texts.join('\n');
  const [codes, setCodes] = useState<{ key: string; urls: string[] | null; error: unknown } | null>(null);
  useEffect(() => {
    let current = true;
    const list = key === '' ? [] : key.split('\n');
    // Error correction M survives a scuffed label; a 2-module quiet zone plus the label's padding makes the 4 scanners want.
    Promise.all(list.map((text) => QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, width: 250 })))
      .then((urls) => current && setCodes({ key, urls, error: null }))
      .catch((error: unknown) => current && setCodes({ key, urls: null, error }));
    return () => {
      current = false;
    };
  }, [key]);
  return codes?.key === key ? codes : { urls: null, error: null };
}
