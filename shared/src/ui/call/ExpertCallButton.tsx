// "Talk to an expert" for one product, self-contained: shown only while an
// expert whose skill matches the product is free; otherwise the FAQ and a
// staff call. Then the queue (position, wait, cancel), the call, the rating.
// Inside an ExpertLineProvider the call belongs to the session and outlives
// this product's page; alone, it lives as long as this button.
import { useEffect } from 'react';
import { skillForProduct, type Product } from '../../core';
import type { DeviceHandle } from '../../client';
import type { DeviceEnvironment } from '../device-environment';
import { useStoreSettings } from '../screen/use-store-settings';
import { callText, type Lang } from './call-text';
import { CallView } from './CallView';
import { HelpFallback } from './HelpFallback';
import { SmileyRating } from './SmileyRating';
import { useSessionLine, type CallPlace } from './expert-line-context';
import { useExpertLine, type ExpertLine } from './use-expert-line';
import { noteViewedProduct, viewedProducts } from './viewed-products';

type ExpertCallProps = {
  device: DeviceHandle;
  product: Pick<Product, 'id' | 'department'>;
  lang: Lang;
  /** Products the shopper looked at in this session (default: the pages this button was on). */
  viewed?: string[];
  environment?: DeviceEnvironment;
  /** Opens a product card the expert pushed during the call. */
  onOpenProduct?: (productId: string) => void;
};

export function ExpertCallButton(props: ExpertCallProps) {
  const session = useSessionLine();
  return session ? (
    <SessionCallPanel {...props} showing={session.showing} line={session.line} />
  ) : (
    <OwnExpertLine {...props} />
  );
}

/** A panel on the session's line, which tells the session it is on screen. */
function SessionCallPanel(
  props: ExpertCallProps & { line: ExpertLine; showing: (place: CallPlace) => () => void },
) {
  const { showing, lang, onOpenProduct } = props;
  const productId = props.product.id;
  useEffect(
    () => showing({ lang, productId, open: onOpenProduct }),
    [showing, lang, productId, onOpenProduct],
  );
  return <ExpertCallPanel {...props} />;
}

function OwnExpertLine(props: ExpertCallProps) {
  const line = useExpertLine(props.device, props.environment);
  return <ExpertCallPanel {...props} line={line} />;
}

function ExpertCallPanel(props: ExpertCallProps & { line: ExpertLine }) {
  const { device, product, lang, line } = props;
  // The store's settings say which skill each department calls for; none: no expert call.
  const skill = skillForProduct(
    product,
    useStoreSettings(device.db, device.storeId)?.skillsByDepartment,
  );
  const { call } = line;
  useEffect(() => noteViewedProduct(product.id), [product.id]);

  if (call.phase === 'connected') {
    return (
      <CallView
        line={line}
        device={device}
        expertName={call.expertName}
        lang={lang}
        onOpenProduct={props.onOpenProduct}
      />
    );
  }
  if (call.phase === 'rating')
    return <SmileyRating lang={lang} onRate={(value) => void line.rate(value)} />;
  if (call.phase === 'queued' || call.phase === 'requesting') {
    return (
      <section data-testid="call-queue" role="status">
        <p>{callText('waiting', lang)}</p>
        {call.phase === 'queued' && (
          <p>
            {callText('position', lang)}
            {callText('colon', lang)}
            <span data-testid="queue-position">{call.position}</span> · {callText('wait', lang)}
            {callText('colon', lang)}
            {Math.ceil(call.waitSeconds / 60)}
            {'\u00a0'}
            {callText('minutes', lang)}
          </p>
        )}
        <button type="button" onClick={() => void line.hangUp()}>
          {callText('cancel', lang)}
        </button>
      </section>
    );
  }
  const available = skill !== undefined && (line.availability?.[skill]?.available ?? 0) > 0;
  // Which skills the screen knows to be free now (from the store's MQTT summary).
  // Not known (link connecting, or the store server down): nobody is free, and
  // the FAQ and the staff call, which both work from the local copy, show.
  const free = Object.entries(line.availability ?? {})
    .filter(([, counts]) => counts.available > 0)
    .map(([name]) => name)
    .join(' ');
  if (
    skill === undefined ||
    !available ||
    (call.phase === 'refused' && call.reason === 'no-expert')
  ) {
    return (
      <div data-testid="expert-line" data-free={free} style={{ display: 'contents' }}>
        {call.phase === 'refused' && <p role="status">{callText('nobody', lang)}</p>}
        <HelpFallback
          device={device}
          department={product.department}
          productId={product.id}
          lang={lang}
        />
      </div>
    );
  }
  return (
    <div data-testid="expert-line" data-free={free}>
      {call.phase === 'refused' && (
        <p role="alert">
          {callText('refused', lang)} ({call.reason})
        </p>
      )}
      <button
        type="button"
        data-testid="talk-to-expert"
        data-skill={skill}
        onClick={() =>
          void line.request({
            skill,
            productId: product.id,
            viewed: (props.viewed ?? viewedProducts()).filter((id) => id !== product.id),
            lang,
          })
        }
      >
        {callText('talk', lang)}
      </button>
    </div>
  );
}
