// What every console says when the store server's disk refused a write (HTTP
// 507, docs/operations.md "Disk full and storage faults"), by error code.
import type { ConsoleLang } from '@vitrine/shared/console-kit';

// French typography: a narrow no-break space before : ; ! ?
const NNBSP = '\u202f';

export const STORAGE_REFUSALS: Record<ConsoleLang, Record<string, string>> = {
  fr: {
    storage_full: `Le disque du serveur du magasin est plein${NNBSP}: rien n’a été enregistré. Prévenez l’informatique.`,
    storage_read_only: `Le serveur du magasin ne peut plus écrire sur son disque${NNBSP}: rien n’a été enregistré. Prévenez l’informatique.`,
    storage_io_error: `Le disque du serveur du magasin est en erreur${NNBSP}: rien n’a été enregistré. Prévenez l’informatique.`,
  },
  en: {
    storage_full: "The store server's disk is full: nothing was saved. Tell IT.",
    storage_read_only: 'The store server cannot write to its disk: nothing was saved. Tell IT.',
    storage_io_error: "The store server's disk has failed: nothing was saved. Tell IT.",
  },
};
