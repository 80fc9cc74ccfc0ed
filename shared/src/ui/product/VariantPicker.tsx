// Sizes as one row of chips and colours as named swatches; a size and a colour
// together choose the variant. Each option says in words when it is out here
// (not only by its look), and the chosen variant's units here are read out.
import { useEffect, useState } from 'react';
import { unitsOfVariant, type Product } from '../../core';
import { useI18n } from '../i18n/i18n';
import {
  choiceOf,
  initialChoice,
  variantFor,
  variantName,
  variantOptions,
  type VariantChoice,
  type VariantOption,
} from './variant-options';
import './variant-picker.css';

export function VariantPicker(props: {
  product: Product;
  /** Units here per variant id; undefined when the stock is not known (nothing is shown as out). */
  quantities: Record<string, number> | undefined;
  /** Told the chosen variant's id, or undefined while a size or colour is missing. */
  onChange: (variantId: string | undefined) => void;
  /** The variant to start with (a scanned one), instead of the first choice. */
  initialVariantId?: string;
}) {
  const { t, lang } = useI18n();
  const { product, quantities, onChange } = props;
  const start = () => choiceOf(product, props.initialVariantId) ?? initialChoice(product);
  const [choice, setChoice] = useState<VariantChoice>(start);
  const variant = variantFor(product, choice);
  const unitsOf = (variantId: string) => (quantities ? unitsOfVariant(quantities, variantId) : 0);
  const options = variantOptions(product, choice, unitsOf, lang);

  // The holder learns the starting variant once per product (chosen already
  // when there is one size and one colour); later choices are told as made.
  useEffect(() => {
    onChange(variantFor(product, start())?.id);
  }, [product.id]);

  const choose = (axis: keyof VariantChoice, value: string) => {
    const other = axis === 'size' ? 'colour' : 'size';
    let next: VariantChoice = { ...choice, [axis]: value };
    // A size that is not made in the chosen colour (or the reverse) keeps the
    // new choice and lets the shopper choose the other again.
    if (
      next[other] !== undefined &&
      !product.variants.some((v) => v[axis] === value && v[other] === next[other])
    )
      next = { [axis]: value };
    setChoice(next);
    onChange(variantFor(product, next)?.id);
  };

  const axis = (name: keyof VariantChoice, list: VariantOption[]) =>
    list.length > 0 && (
      <fieldset className="variant-axis" data-axis={name}>
        <legend>{name === 'size' ? t.size : t.colour}</legend>
        <div className="variant-chips">
          {list.map((option) => {
            const note = !option.exists
              ? name === 'size'
                ? t.notInThisColour
                : t.notInThisSize
              : quantities && option.units === 0
                ? t.soldOutHere
                : undefined;
            return (
              <button
                key={option.value}
                type="button"
                className={note ? 'variant-chip variant-chip--out' : 'variant-chip'}
                data-value={option.value}
                data-units={quantities ? option.units : undefined}
                aria-pressed={choice[name] === option.value}
                onClick={() => choose(name, option.value)}
              >
                {option.swatch && (
                  <span
                    className="variant-swatch"
                    style={{ backgroundColor: option.swatch }}
                    aria-hidden="true"
                  />
                )}
                <span className="variant-chip-text">
                  <span className="variant-chip-label">{option.label}</span>
                  {note && <span className="variant-chip-note">{note}</span>}
                </span>
              </button>
            );
          })}
        </div>
      </fieldset>
    );

  const here = variant ? unitsOf(variant.id) : 0;
  return (
    <div className="variant-picker" role="group" aria-label={t.variants}>
      {axis('size', options.sizes)}
      {axis('colour', options.colours)}
      <p
        className={`variant-status${variant && quantities && here === 0 ? ' variant-status--out' : ''}`}
        data-testid="variant-stock"
        data-variant={variant?.id}
        data-gtin={variant?.gtin}
        aria-live="polite"
      >
        {!variant
          ? choice.size === undefined && options.sizes.length > 0
            ? t.chooseSize
            : t.chooseColour
          : quantities
            ? `${variantName(variant, lang)} · ${t.labelled(here > 0 ? t.inStockHere : t.notInStockHere, here)}`
            : variantName(variant, lang)}
      </p>
    </div>
  );
}
