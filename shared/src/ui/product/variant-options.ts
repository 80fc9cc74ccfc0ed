// A product's variants as a shopper chooses them: one size and one colour,
// each option with the units here for what is already chosen on the other
// axis. Every size × colour is usually its own variant (30 of them for 10
// sizes in 3 colours): listing variants would be a wall of chips.
import { variantAxes, type Product, type Variant } from '../../core';
import type { Lang } from '../i18n/messages';

export type VariantChoice = { size?: string; colour?: string };

export type VariantOption = {
  /** The catalogue's value (size or colour label), the choice's key. */
  value: string;
  /** What the shopper reads, in the session's language. */
  label: string;
  swatch?: string;
  /** Units here of the variants this option would leave possible. */
  units: number;
  /** False when no variant exists with this option and the other axis's choice. */
  exists: boolean;
};

/** The one variant for a choice, once every axis the product has is chosen. */
export function variantFor(product: Product, choice: VariantChoice): Variant | undefined {
  const { sizes, colours } = variantAxes(product);
  if (sizes.length > 0 && choice.size === undefined) return undefined;
  if (colours.length > 0 && choice.colour === undefined) return undefined;
  return product.variants.find(
    (v) =>
      (sizes.length === 0 || v.size === choice.size) &&
      (colours.length === 0 || v.colour === choice.colour),
  );
}

/** The choice that picks this variant (a scanned one), when the product has it. */
export function choiceOf(
  product: Product,
  variantId: string | undefined,
): VariantChoice | undefined {
  const variant = product.variants.find((v) => v.id === variantId);
  if (!variant) return undefined;
  return {
    ...(variant.size !== undefined ? { size: variant.size } : {}),
    ...(variant.colour !== undefined ? { colour: variant.colour } : {}),
  };
}

/** An axis with a single value needs no choosing: it starts chosen. */
export function initialChoice(product: Product): VariantChoice {
  const { sizes, colours } = variantAxes(product);
  return {
    ...(sizes.length === 1 ? { size: sizes[0] } : {}),
    ...(colours.length === 1 ? { colour: colours[0] } : {}),
  };
}

function optionsOn(
  product: Product,
  axis: 'size' | 'colour',
  values: string[],
  other: string | undefined,
  unitsOf: (variantId: string) => number,
  lang: Lang,
): VariantOption[] {
  const otherAxis = axis === 'size' ? 'colour' : 'size';
  return values.map((value) => {
    const matching = product.variants.filter(
      (v) => v[axis] === value && (other === undefined || v[otherAxis] === other),
    );
    const named = product.variants.find((v) => v[axis] === value);
    return {
      value,
      label: (axis === 'colour' && named?.colourName?.[lang]) || value,
      ...(axis === 'colour' && named?.swatch ? { swatch: named.swatch } : {}),
      units: matching.reduce((sum, v) => sum + unitsOf(v.id), 0),
      exists: matching.length > 0,
    };
  });
}

/** Both axes' options for the current choice, with their units here. */
export function variantOptions(
  product: Product,
  choice: VariantChoice,
  unitsOf: (variantId: string) => number,
  lang: Lang,
): { sizes: VariantOption[]; colours: VariantOption[] } {
  const { sizes, colours } = variantAxes(product);
  return {
    sizes: optionsOn(product, 'size', sizes, choice.colour, unitsOf, lang),
    colours: optionsOn(product, 'colour', colours, choice.size, unitsOf, lang),
  };
}

/** "W28 · Burgundy": a variant as the shopper reads it. */
export function variantName(variant: Variant, lang: Lang): string {
  return [variant.size, variant.colourName?.[lang] ?? variant.colour].filter(Boolean).join(' · ');
}
