// On a chain store, the head-office page says where campaigns are written (head office's
// console, from the store's hq-link file) instead of offering authoring the store refuses
// (409 managed_by_head_office).
import { useText } from './i18n';

export function ManagedByHeadOffice(props: { url: string | null }) {
  const { t } = useText();
  const consoleUrl = props.url ? new URL('/console/', props.url).href : null;
  return (
    <section role="note" data-testid="managed-by-head-office" className="managed">
      <p>{t.managedByHeadOffice}</p>
      <p>
        {consoleUrl ? (
          <a href={consoleUrl}>
            {t.headOfficeConsole}: {consoleUrl}
          </a>
        ) : (
          t.headOfficeUnknown
        )}
      </p>
    </section>
  );
}
