// A photo item: take or pick a picture (a tablet's camera, a file), sent to the core and shown from it.
import { App, Button, Image } from 'antd';
import { type ReactNode, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../app/use-error-message';
import { readFileBase64 } from '../assets/read-file-base64';
import { useContractCommand, useContractQuery } from '../transport/use-contract';

const mimes = ['image/jpeg', 'image/png', 'image/webp'] as const;
type Mime = (typeof mimes)[number];

interface Props { taskId: string; deviceId: string; itemId: string; sha256: string | null; readOnly: boolean; icon: ReactNode }

export function ItemPhoto({ taskId, deviceId, itemId, sha256, readOnly, icon }: Props) {
  const { t } = useTranslation('maintenance');
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const input = useRef<HTMLInputElement>(null);
  const attach = useContractCommand('maintenance.attachPhoto', ['maintenance.']);
  const photo = useContractQuery('maintenance.photo', { taskId, sha256: sha256 ?? '' }, { enabled: sha256 !== null, staleTime: Number.POSITIVE_INFINITY });
  const pick = async (file: File | undefined) => {
    if (!file) return;
    if (!mimes.includes(file.type as Mime)) {
      void message.error(errorMessage(new Error(file.type || file.name)));
      return;
    }
    try {
      await attach.mutateAsync({ taskId, deviceId, itemId, mime: file.type as Mime, contentBase64: await readFileBase64(file) });
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };
  return (
    <>
      {photo.data && <Image width={120} src={`data:${photo.data.mime};base64,${photo.data.contentBase64}`} alt={t('walk.photoAttached')} />}
      <input ref={input} type="file" accept={mimes.join(',')} capture="environment" hidden onChange={(e) => void pick(e.target.files?.[0])} />
      <Button style={{ height: 56, fontSize: 18 }} icon={icon} disabled={readOnly} loading={attach.isPending} onClick={() => input.current?.click()}>
        {t('walk.photo')}
      </Button>
    </>
  );
}
