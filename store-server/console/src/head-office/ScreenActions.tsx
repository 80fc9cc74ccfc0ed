// Per-screen actions: a screenshot on demand (shown once the screen has sent a
// newer one) and a remote reload.
import { useEffect, useState } from 'react';
import { ApiCallError, client } from '../common/api';
import { fetchScreenshot } from './head-office-api';
import { useText } from './i18n';

const SHOT_WAIT_MS = 15_000;

export function ScreenActions(props: { deviceId: string; canReload: boolean }) {
  const { t } = useText();
  const [shot, setShot] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => () => void (shot && URL.revokeObjectURL(shot)), [shot]);

  const screenshot = async () => {
    try {
      const before = await fetchScreenshot(props.deviceId);
      await client.fleet.requestScreenshot({ params: { id: props.deviceId } });
      setNote(t.screenshotWaiting);
      const deadline = Date.now() + SHOT_WAIT_MS;
      while (Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        const after = await fetchScreenshot(props.deviceId);
        if (after && after.modified !== before?.modified) {
          setShot(URL.createObjectURL(after.blob));
          setNote(null);
          return;
        }
      }
      setNote(t.screenshotNone);
    } catch (error) {
      setNote(error instanceof ApiCallError ? error.message : t.unreachable);
    }
  };
  const reload = async () => {
    try {
      await client.fleet.reload({ params: { id: props.deviceId } });
      setNote(t.reloadSent);
    } catch (error) {
      setNote(error instanceof ApiCallError ? error.message : t.unreachable);
    }
  };

  return (
    <div className="screen-actions">
      <button type="button" className="action" onClick={() => void screenshot()}>
        {t.screenshot}
      </button>
      {props.canReload && (
        <button type="button" className="action" onClick={() => void reload()}>
          {t.reload}
        </button>
      )}
      {note && <small role="status">{note}</small>}
      {shot && <img className="screenshot" src={shot} alt={`${t.screenshot} ${props.deviceId}`} />}
    </div>
  );
}
