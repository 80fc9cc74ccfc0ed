// One reply of the assistant on the screen: the answer (a FAQ entry's text, a shelf's or a
// dish's product tiles, a size's stock here), up to two alternatives to tap, or "not sure" with
// "did you mean"; a refusal is a fixed text, never an echo.
import { useEffect, useState } from 'react';
import type { DeviceHandle, StoredProduct } from '../../client';
import type { AssistantAnswer, AssistantReply } from '../../core/assistant';
import { unitsOfVariant, type ProductStock, type Promotion } from '../../core';
import { useI18n } from '../i18n/i18n';
import { ProductTiles } from '../product/ProductTiles';

type AnswerProps = {
  reply: AssistantReply;
  products: Map<string, StoredProduct>;
  device: DeviceHandle;
  promotions: readonly Promotion[];
  onOpenProduct: (productId: string, variantId?: string) => void;
};

export function AnswerView(props: AnswerProps) {
  const { t } = useI18n();
  const { reply } = props;
  // A tap on an alternative or on "did you mean" shows that answer instead.
  const [chosen, setChosen] = useState<AssistantAnswer | undefined>(undefined);
  if (reply.outcome === 'refused') return <p className="assistant-answer">{t.assistant.refused}</p>;
  if (reply.outcome === 'cooling-down')
    return <p className="assistant-answer">{t.assistant.coolingDown}</p>;
  const shown = chosen ?? (reply.outcome === 'answered' ? reply.answers[0] : undefined);
  if (!shown)
    return (
      <div className="assistant-answer" data-testid="assistant-unsure">
        <p>{t.assistant.unsure}</p>
        {reply.suggestions && (
          <p className="assistant-alternatives" data-testid="assistant-suggestions">
            {t.assistant.didYouMean}{' '}
            {reply.suggestions.map((answer) => (
              <button key={answer.id} type="button" onClick={() => setChosen(answer)}>
                {answer.title[reply.lang]}
              </button>
            ))}
          </p>
        )}
      </div>
    );
  const others = reply.answers.filter((answer) => answer !== shown).slice(0, 2);
  return (
    <div className="assistant-answer" data-testid="assistant-answer" data-answer-id={shown.id}>
      <AnswerBody answer={shown} {...props} />
      {others.length > 0 && (
        <p className="assistant-alternatives">
          {t.assistant.alternatives}{' '}
          {others.map((answer) => (
            <button key={answer.id} type="button" onClick={() => setChosen(answer)}>
              {answer.title[reply.lang]}
            </button>
          ))}
        </p>
      )}
    </div>
  );
}

function AnswerBody(props: AnswerProps & { answer: AssistantAnswer }) {
  const { t } = useI18n();
  const { answer } = props;
  const lang = props.reply.lang;
  if (answer.kind === 'faq')
    return (
      <>
        <h3>{answer.title[lang]}</h3>
        <p>{answer.text?.[lang]}</p>
      </>
    );
  if (answer.kind === 'size') return <SizeAnswer {...props} />;
  const found = (answer.productIds ?? []).flatMap((id) => props.products.get(id) ?? []);
  return (
    <ProductTiles
      id={`assistant-products-${answer.id.replace(/[^\w-]/g, '-')}`}
      title={(answer.kind === 'dish' ? t.assistant.winesFor : t.assistant.productsFor)(
        answer.title[lang],
      )}
      products={found}
      promotions={props.promotions}
      onOpenProduct={(id) => props.onOpenProduct(id)}
    />
  );
}

/** "In W30: 3 in stock here", per colour asked for, each opening the product in that variant. */
function SizeAnswer(props: AnswerProps & { answer: AssistantAnswer }) {
  const { t, lang } = useI18n();
  const productId = props.answer.productIds?.[0] ?? '';
  const product = props.products.get(productId);
  const [stock, setStock] = useState<ProductStock | undefined>();
  useEffect(() => {
    let live = true;
    void props.device.db.stock.get(productId).then((found) => live && setStock(found));
    return () => {
      live = false;
    };
  }, [props.device, productId]);
  const here = stock?.levels.find((level) => level.locationId === props.device.storeId);
  return (
    <>
      <h3>{product?.name[lang] ?? props.answer.title[lang]}</h3>
      <ul className="assistant-sizes">
        {(props.answer.variantIds ?? []).map((variantId) => {
          const variant = product?.variants.find((v) => v.id === variantId);
          const label = [variant?.size, variant?.colourName?.[lang]].filter(Boolean).join(' · ');
          const count = here ? unitsOfVariant(here.quantities, variantId) : 0;
          return (
            <li key={variantId}>
              {t.assistant.inSize(label, count)}{' '}
              <button type="button" onClick={() => props.onOpenProduct(productId, variantId)}>
                {t.assistant.seeProduct}
              </button>
            </li>
          );
        })}
      </ul>
    </>
  );
}
