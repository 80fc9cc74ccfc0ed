// Correcting one location's stock of a product after a count: which item
// (size, colour), the counted quantity and why. The server records who did it.
import { useState, type FormEvent } from 'react';
import {
  unitsOfVariant,
  type ProductStock,
  type StockCorrectionReason,
} from '@vitrine/shared/core';
import { client } from '../common/api';
import { refusal } from '../common/refusal';
import { useText } from './i18n';

type Item = { variantId: string; label: string };

export function StockCorrectionForm(props: {
  productId: string;
  items: Item[];
  locationId: string;
  quantities: Record<string, number>;
  onCorrected: (stock: ProductStock) => void;
  onCancel: () => void;
}) {
  const { t } = useText();
  const [variantId, setVariantId] = useState(props.items[0]?.variantId ?? '');
  const [quantity, setQuantity] = useState(String(unitsOfVariant(props.quantities, variantId)));
  const [reason, setReason] = useState<StockCorrectionReason>('count');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const counted = Number(quantity);
    if (!Number.isInteger(counted) || counted < 0) return setError(t.wholeNumber);
    try {
      const answer = await client.stock.correct({
        body: {
          productId: props.productId,
          variantId,
          locationId: props.locationId,
          quantity: counted,
          reason,
          ...(note.trim() ? { note: note.trim() } : {}),
        },
      });
      if (answer.stock) props.onCorrected(answer.stock);
    } catch (caught) {
      setError(refusal(caught, t));
    }
  }

  return (
    <form
      className="correction"
      data-testid="stock-correction"
      onSubmit={(event) => void submit(event)}
    >
      {props.items.length > 1 && (
        <label>
          {t.item}
          <select
            value={variantId}
            onChange={(event) => {
              setVariantId(event.target.value);
              setQuantity(String(unitsOfVariant(props.quantities, event.target.value)));
            }}
          >
            {props.items.map((item) => (
              <option key={item.variantId} value={item.variantId}>
                {item.label}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {t.counted}
        <input
          type="number"
          min={0}
          step={1}
          inputMode="numeric"
          value={quantity}
          onChange={(event) => setQuantity(event.target.value)}
        />
      </label>
      <label>
        {t.reason}
        <select
          value={reason}
          onChange={(event) => setReason(event.target.value as StockCorrectionReason)}
        >
          {Object.entries(t.reasons).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.note}
        <input
          value={note}
          maxLength={200}
          required={reason === 'other'}
          onChange={(event) => setNote(event.target.value)}
        />
      </label>
      <div className="row">
        <button type="submit" className="primary">
          {t.save}
        </button>
        <button type="button" className="action" onClick={props.onCancel}>
          {t.cancel}
        </button>
      </div>
      {error && <p role="alert">{error}</p>}
    </form>
  );
}
