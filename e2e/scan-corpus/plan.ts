// Which label presentations a corpus holds. Full: every symbology group through
// every degradation at severities 1–3, two clean labels each, plus the 18 clean
// QR variants (≈ 900 frames). Smoke: one clean label per group, two QR variants
// and three mildly degraded labels (≈ 40 frames), for tests.
import { DEGRADATIONS, SYMBOLOGY_GROUPS, type Degradation, type SymbologyGroup } from './manifest';
import type { Severity } from './degradations';
import { QR_VARIANT_COUNT } from './label-content';

export type CorpusSize = 'smoke' | 'full';
export type PlannedLabel = {
  id: string;
  group: SymbologyGroup;
  /** Which kind within a group (Code 128: loyalty card or GTIN; QR variants: which one). */
  index: number;
  degradation: Degradation;
  severity: Severity;
};

const DEGRADED = DEGRADATIONS.filter((d) => d !== 'clean');
const GROUPS = SYMBOLOGY_GROUPS.filter((g) => g !== 'qr-variants');

const planned = (
  group: SymbologyGroup,
  index: number,
  degradation: Degradation,
  severity: Severity,
): PlannedLabel => ({
  id: `${group}-${degradation}${severity ? `-s${severity}` : ''}-${index}`,
  group,
  index,
  degradation,
  severity,
});

export function planCorpus(size: CorpusSize): PlannedLabel[] {
  if (size === 'smoke') {
    return [
      ...GROUPS.map((group) => planned(group, 0, 'clean', 0)),
      planned('code-128', 1, 'clean', 0),
      planned('qr-variants', 0, 'clean', 0),
      planned('qr-variants', 7, 'clean', 0),
      planned('ean-13', 1, 'defocus', 1),
      planned('gs1-datamatrix', 1, 'glare', 1),
      planned('qr-digital-link', 1, 'webcam', 1),
    ];
  }
  const labels: PlannedLabel[] = [];
  for (const group of GROUPS) {
    let index = 0;
    labels.push(planned(group, index++, 'clean', 0), planned(group, index++, 'clean', 0));
    for (const degradation of DEGRADED)
      for (const severity of [1, 2, 3] as const)
        labels.push(planned(group, index++, degradation, severity));
  }
  for (let i = 0; i < QR_VARIANT_COUNT; i++) labels.push(planned('qr-variants', i, 'clean', 0));
  return labels;
}
