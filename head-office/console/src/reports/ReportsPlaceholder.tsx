// REPORTS: the place for head office's reports page. The report routes
// (shared/src/core/http/routes/hq/reports.ts) are being built on another branch; when they land,
// this page calls them through `hq.reports.*` like the other tabs. Nothing is faked here.
import { useText } from '../i18n';

export function ReportsPlaceholder() {
  const { t } = useText();
  return (
    <section data-testid="reports-placeholder">
      <p>{t.reportsSoon}</p>
    </section>
  );
}
