// "View in 3D" for products with a model: three.js is loaded only when asked,
// and a screen without WebGL gets a clear message instead of a blank box.
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import type { ModelScene } from './model-3d-scene';

export function Model3dView({ modelUrl }: { modelUrl: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<'loading' | 'ready' | 'unavailable'>('loading');
  const canvas = useRef<HTMLCanvasElement>(null);
  const scene = useRef<ModelScene | undefined>(undefined);

  useEffect(() => {
    if (!open || !canvas.current) return;
    let cancelled = false;
    const target = canvas.current;
    setState('loading');
    void import('./model-3d-scene')
      .then(async (module) => {
        if (!module.webglAvailable()) throw new Error('no WebGL');
        const opened = await module.openModelScene(target, modelUrl);
        if (cancelled) opened.dispose();
        else {
          scene.current = opened;
          setState('ready');
        }
      })
      .catch(() => !cancelled && setState('unavailable'));
    return () => {
      cancelled = true;
      scene.current?.dispose();
      scene.current = undefined;
    };
  }, [open, modelUrl]);

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t.view3d}
      </button>
    );
  }
  return (
    <section className="panel model3d" aria-label={t.view3d} data-testid="model-3d">
      {state === 'unavailable' ? (
        <p role="status">{t.no3d}</p>
      ) : (
        <>
          <canvas ref={canvas} className="model3d-canvas" aria-label={t.model3dHelp} />
          <p className="muted">{t.model3dHelp}</p>
        </>
      )}
      <div className="actions">
        {state === 'ready' && (
          <button type="button" onClick={() => scene.current?.reset()}>
            {t.reset3d}
          </button>
        )}
        <button type="button" onClick={() => setOpen(false)}>
          {t.close3d}
        </button>
      </div>
    </section>
  );
}
