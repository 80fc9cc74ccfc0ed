// What the shopper sees after a scan that does not open a product: why, and a
// way forward (search, or staff for a loyalty card).
import type { RejectReason } from '../../scan';
import { useI18n } from '../i18n/i18n';

/** `scanner-unreadable`: a USB scanner's keys no layout reads (staff see why). */
export type ScanProblem = RejectReason | 'unknown-product' | 'loyalty-card' | 'scanner-unreadable';

export function ScanNotice(props: { problem: ScanProblem; onSearch: () => void }) {
  const { t } = useI18n();
  const text: Record<ScanProblem, string> = {
    checksum: t.invalidCode,
    'in-store-code': t.inStoreCode,
    unrecognised: t.unrecognisedCode,
    'unknown-product': t.unknownProduct,
    'loyalty-card': t.loyaltyCard,
    'scanner-unreadable': t.scanNotRecognised,
  };
  return (
    <div role="alert" className="notice" data-testid="scan-notice" data-problem={props.problem}>
      <p>
        <strong>{text[props.problem]}</strong>
      </p>
      {props.problem === 'loyalty-card' ? (
        <p>{t.loyaltyCardHelp}</p>
      ) : (
        <>
          {/* "Scan non reconnu, réessayez." says it all; staff see why in their overlay. */}
          {props.problem !== 'scanner-unreadable' && <p>{t.tryAgainOrSearch}</p>}
          <button type="button" onClick={props.onSearch}>
            {t.browse}
          </button>
        </>
      )}
    </div>
  );
}
