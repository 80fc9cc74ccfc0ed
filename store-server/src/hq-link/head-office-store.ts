// A chain store's time zone and currency are head office's (its `stores` record): enrolment
// writes them into the link file, every hello says them again, and the store server starts
// with them whatever its own flags say (logged when they differ). A change at head office is
// kept in the link file at once and applies at the next start: the time zone and currency are
// read in many places at start (screen profiles, imports, the store's own page).
import { renameSync, writeFileSync } from 'node:fs';
import type { Logger } from '@vitrine/shared/node';
import type { StoreServerConfig } from '../config';
import { HqLinkFile, type HqLink } from './link-file';

export type HeadOfficeStore = { timeZone?: string; currency?: string };

/** The configuration a chain store runs with: head office's time zone and currency. */
export function withHeadOfficeStore(
  config: StoreServerConfig,
  link: HqLink | null,
  log: Logger,
): StoreServerConfig {
  const kept = link?.store;
  if (!kept) return config;
  for (const key of ['timeZone', 'currency'] as const)
    if (kept[key] !== undefined && config[key] !== undefined && kept[key] !== config[key])
      log.info(
        { [key]: kept[key], local: config[key] },
        `head office's ${key} for this store is used, not the local setting`,
      );
  return {
    ...config,
    ...(kept.timeZone !== undefined && { timeZone: kept.timeZone }),
    ...(kept.currency !== undefined && { currency: kept.currency }),
  };
}

/**
 * Keeps what head office said of the store in the link file (written whole, then renamed); says
 * so, and that a restart applies it, when it is not what this server runs with.
 */
export function keepHeadOfficeStore(
  link: HqLink,
  said: Required<HeadOfficeStore>,
  running: { timeZone: string; currency: string | undefined },
  log: Logger,
): void {
  const kept = link.store ?? {};
  if (kept.timeZone !== said.timeZone || kept.currency !== said.currency) {
    // Parsing keeps the file's own fields only (not the seed reader nor the path).
    const next = HqLinkFile.parse({ ...link, store: said });
    const temporary = `${link.path}.new`;
    writeFileSync(temporary, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
    renameSync(temporary, link.path);
    link.store = said;
  }
  if (said.timeZone !== running.timeZone || said.currency !== running.currency)
    log.warn(
      { said, running },
      "head office changed this store's time zone or currency: restart the store server to apply it",
    );
}
