// While the device's first copy of the catalogue is still coming in (a big
// store), search covers only part of it: a calm line says how far it is.
// Scans meanwhile are answered by the store server (loadScannedView).
import { useEffect, useState } from 'react';
import { copyFillPercent, isCopyComplete, type DeviceReplicator } from '../../client';
import { useI18n } from '../i18n';

/** The copy's fill percentage while incomplete, null once complete. */
function useCopyFill(replicator: DeviceReplicator): number | null {
  const [percent, setPercent] = useState<number | null>(null);
  useEffect(
    () =>
      replicator.subscribe((state) =>
        setPercent(isCopyComplete(state) ? null : copyFillPercent(state)),
      ),
    [replicator],
  );
  return percent;
}

export function CatalogueFilling({ replicator }: { replicator: DeviceReplicator }) {
  const { t } = useI18n();
  const percent = useCopyFill(replicator);
  if (percent === null) return null;
  return (
    <p className="catalogue-filling" role="status" data-testid="catalogue-filling">
      {t.catalogueLoading(percent)}
    </p>
  );
}
