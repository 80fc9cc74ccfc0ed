// Upload media and see what is there. The store server reads each file's
// type from its bytes and refuses anything else; its message is shown as it is.
import { useCallback, useEffect, useState } from 'react';
import { MediaUpload } from '@vitrine/shared/console-kit';
import { ApiCallError } from '../common/api';
import { listMedia, mediaUrl, uploadMedia, type MediaRow } from './head-office-api';
import { useText } from './i18n';

export function MediaLibrary(props: { canUpload: boolean }) {
  const { t, locale } = useText();
  const [media, setMedia] = useState<MediaRow[]>([]);
  const [message, setMessage] = useState<{ role: 'status' | 'alert'; text: string } | null>(null);
  const load = useCallback(() => {
    listMedia().then(setMedia, () => setMessage({ role: 'alert', text: t.unreachable }));
  }, [t]);
  useEffect(load, [load]);

  const upload = async (file: File) => {
    setMessage({ role: 'status', text: t.uploading });
    try {
      const row = await uploadMedia(file);
      setMessage({ role: 'status', text: t.uploaded(row.name) });
      load();
    } catch (error) {
      const text = error instanceof ApiCallError ? error.message : t.unreachable;
      setMessage({ role: 'alert', text: `${t.refused} ${text}` });
    }
  };

  return (
    <section>
      {props.canUpload && <MediaUpload label={t.upload} onFile={(file) => void upload(file)} />}
      {message && <p role={message.role}>{message.text}</p>}
      {media.length === 0 ? (
        <p>{t.noMedia}</p>
      ) : (
        <ul className="media-grid">
          {media.map((row) => (
            <li key={row.sha256} data-sha256={row.sha256}>
              {row.type.startsWith('image/') ? (
                <img src={mediaUrl(row.sha256)} alt={row.name} />
              ) : (
                <video src={mediaUrl(row.sha256)} muted preload="metadata" />
              )}
              <span>{row.name}</span>
              <small>
                {row.type} ·{' '}
                {(row.size / 1024).toLocaleString(locale, { maximumFractionDigits: 1 })} KiB
              </small>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
