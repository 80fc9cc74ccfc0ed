// Without a free expert: the questions shoppers ask most about this kind of
// product (from the local copy), and calling a staff member (an outbox event:
// it reaches the staff queue exactly once, even offline).
import { useEffect, useState } from 'react';
import type { FaqEntry } from '../../core';
import type { DeviceHandle } from '../../client';
import { callText, type Lang } from './call-text';

export function HelpFallback(props: {
  device: DeviceHandle;
  /** The product's department: FAQ entries tagged with it come first. */
  department: string;
  productId?: string;
  lang: Lang;
}) {
  const { device, department, lang } = props;
  const [faq, setFaq] = useState<FaqEntry[]>([]);
  const [called, setCalled] = useState(false);
  useEffect(() => {
    let live = true;
    void device.db.faq.toArray().then((entries) => {
      if (!live) return;
      const matching = entries.filter((entry) => entry.tags.includes(department));
      setFaq((matching.length > 0 ? matching : entries).slice(0, 3));
    });
    return () => {
      live = false;
    };
  }, [device, department]);

  async function callStaff() {
    await device.outbox.record({
      kind: 'request',
      payload: { type: 'help', ...(props.productId ? { productId: props.productId } : {}) },
    });
    setCalled(true);
  }

  return (
    <aside data-testid="help-fallback">
      <p>{callText('noExpert', lang)}</p>
      {faq.length > 0 && (
        <details>
          <summary>{callText('faq', lang)}</summary>
          {faq.map((entry) => (
            <p key={entry.id}>
              <strong>{entry.question[lang]}</strong>
              <br />
              {entry.answer[lang]}
            </p>
          ))}
        </details>
      )}
      {called ? (
        <p role="status">{callText('staffCalled', lang)}</p>
      ) : (
        <button type="button" onClick={() => void callStaff()}>
          {callText('callStaff', lang)}
        </button>
      )}
    </aside>
  );
}
