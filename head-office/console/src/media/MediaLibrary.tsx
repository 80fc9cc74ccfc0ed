// Head office's media library: upload a file (head office reads its type from its bytes and
// refuses anything else) and list what is there, a page at a time.
import { useCallback, useState } from 'react';
import { MediaUpload } from '@vitrine/shared/console-kit';
import { failure, hq } from '../api';
import { useText } from '../i18n';
import { Notice, type NoticeState } from '../Notice';
import { PagedTable } from '../PagedTable';
import { usePages } from '../use-pages';
import { when } from '../when';

export function MediaLibrary() {
  const { t, locale, number } = useText();
  const [notice, setNotice] = useState<NoticeState>(null);
  const load = useCallback(async (after: string | undefined) => {
    const answer = await hq.media.list({ query: after ? { after } : {} });
    return { rows: answer.media, next: answer.next };
  }, []);
  const pages = usePages(load, t.unreachable);

  const upload = async (file: File) => {
    setNotice({ kind: 'status', text: t.uploading });
    try {
      const row = await hq.media.upload({
        query: { name: file.name },
        body: file,
        contentType: file.type || 'application/octet-stream',
      });
      setNotice({ kind: 'status', text: t.uploaded(row.name) });
      pages.reload();
    } catch (caught) {
      setNotice({ kind: 'alert', text: `${t.refused} ${failure(caught, t.unreachable)}` });
    }
  };

  return (
    <section aria-label={t.tabs.media}>
      <MediaUpload label={t.upload} onFile={(file) => void upload(file)} />
      <Notice notice={notice} />
      <PagedTable
        pages={pages}
        testId="media"
        empty={t.noMedia}
        columns={[t.mediaName, t.mediaType, t.size, 'SHA-256', t.uploadedAt]}
        row={(row) => (
          <tr key={row.sha256} data-sha256={row.sha256}>
            <td>{row.name}</td>
            <td>{row.type}</td>
            <td>{number(row.size / 1024)} KiB</td>
            <td>
              <code>{row.sha256.slice(0, 16)}…</code>
            </td>
            <td>{when(row.uploadedAt, locale, t.never)}</td>
          </tr>
        )}
      />
    </section>
  );
}
