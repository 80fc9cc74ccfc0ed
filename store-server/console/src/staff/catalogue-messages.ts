// The Catalogue tab's words, in French and English (typed alike, as messages.ts).
import { plural, type EXPORT_FORMATS, type ImportJob } from '@vitrine/shared/core';
import type { ConsoleLang } from '@vitrine/shared/console-kit';
import type { PolicyInputProblem } from './policy-input';

const NNBSP = '\u202f';
const mb = (bytes: number, locale: string, unit: string) =>
  `${(bytes / 1024 / 1024).toLocaleString(locale, { maximumFractionDigits: 1 })}\u00a0${unit}`;

const fr = {
  title: 'Importer le catalogue',
  intro:
    'Flux produits au format Google Merchant Center (TSV, CSV ou RSS XML, compressés ou non), stock local par magasin et informations alimentaires. Les écrans gardent le catalogue actuel jusqu’à la fin de l’import.',
  files: {
    products: 'Produits',
    inventory: 'Stock par magasin',
    food: 'Informations alimentaires',
    stores: 'Magasins (adresse, fuseau, devise)',
  } satisfies Record<ImportJob['files'][number]['kind'], string>,
  mode: 'Type d’import',
  full: `Complet${NNBSP}: le flux est tout le catalogue (ce qui n’y est plus est retiré)`,
  incremental: `Partiel${NNBSP}: seuls les articles du flux changent, rien n’est retiré`,
  language: 'Langue des colonnes sans suffixe (title, description)',
  languages: { fr: 'Français', en: 'Anglais' },
  start: 'Importer',
  pickFile: 'Choisir un fichier',
  noFile: 'Aucun fichier choisi',
  policyTitle: 'Règle de refus des flux',
  policy: (share: string) =>
    `Un fichier est refusé en entier, sans rien changer, si plus de ${share} de ses lignes sont refusées (règle de l’enseigne).`,
  policyFullImport: `Un import complet sans aucune ligne produit valable est toujours refusé${NNBSP}: il retirerait tout le catalogue.`,
  policyField: 'Part maximale de lignes refusées par fichier',
  policySave: 'Enregistrer la règle',
  policySaved: (share: string) =>
    `Règle enregistrée${NNBSP}: au-delà de ${share} de lignes refusées, un fichier est refusé.`,
  policyInvalid: {
    empty: 'Indiquez un pourcentage entre 0 et 100.',
    notNumber: `Ce n’est pas un nombre${NNBSP}: écrivez par exemple 5 ou 2,5.`,
    range: 'Le pourcentage doit être compris entre 0 et 100.',
  } satisfies Record<PolicyInputProblem, string>,
  chooseFile: 'Choisissez au moins un fichier.',
  uploading: (name: string) => `Envoi de ${name}`,
  fileChanged: (name: string) =>
    `${name} ne peut plus être lu${NNBSP}: il a changé ou a été déplacé depuis que vous l’avez choisi. Choisissez-le à nouveau.`,
  phase: {
    waiting: 'En attente',
    reading: 'Lecture du flux',
    building: 'Préparation des fiches',
    applying: 'Mise en ligne',
    done: 'Terminé',
  } satisfies Record<ImportJob['progress']['phase'], string>,
  state: {
    created: 'Créé',
    running: 'En cours',
    applied: 'Appliqué',
    refused: 'Refusé, rien n’a changé',
    failed: 'Échoué, rien n’a changé',
    interrupted: 'Interrompu, rien n’a changé',
  } satisfies Record<ImportJob['state'], string>,
  built: (n: number) => plural('fr', n, { one: '# fiche préparée', other: '# fiches préparées' }),
  read: (done: number, total: number, locale: string) =>
    `${mb(done, locale, 'Mo')} sur ${mb(total, locale, 'Mo')}`,
  lines: (lines: number, rejected: number, warnings: number) =>
    `${plural('fr', lines, { one: '# ligne', other: '# lignes' })}, ${plural('fr', rejected, { one: '# refusée', other: '# refusées' })}, ${plural('fr', warnings, { one: '# avertissement', other: '# avertissements' })}`,
  written: (written: number, withdrawn: number) =>
    `${plural('fr', written, { one: '# écrite', other: '# écrites' })}, ${plural('fr', withdrawn, { one: '# retirée', other: '# retirées' })}`,
  collections: {
    products: 'Produits',
    stock: 'Stock',
    locations: 'Magasins',
    reviews: 'Avis',
  } as Record<string, string>,
  problems: (shown: number, total: number) => `Problèmes (${shown} sur ${total})`,
  noProblem: 'Aucun problème.',
  line: 'Ligne',
  field: 'Colonne',
  action: { rejected: 'refusée', warning: 'avertissement' },
  problem: 'Problème',
  report: 'Télécharger le rapport complet',
  reason: `Motif${NNBSP}:`,
  history: 'Imports récents',
  exportTitle: 'Télécharger le catalogue',
  exportIntro:
    'Le catalogue actuel du magasin dans les flux que l’import lit (les mêmes colonnes, photos par leur adresse d’origine), modifications à la main comprises.',
  exportFormat: 'Format',
  formats: {
    tsv: 'TSV (tabulations)',
    csv: 'CSV',
    xml: 'RSS XML',
  } satisfies Record<(typeof EXPORT_FORMATS)[number], string>,
  exportGzip: 'Compressé (gzip, .gz)',
  exportKind: (kind: string) => `Télécharger${NNBSP}: ${kind}`,
  exporting: (kind: string) => `Préparation du fichier${NNBSP}: ${kind}`,
};

type CatalogueMessages = typeof fr;

const en: CatalogueMessages = {
  title: 'Import the catalogue',
  intro:
    'Product feeds in Google Merchant Center format (TSV, CSV or RSS XML, gzipped or not), local stock per store and food facts. Screens keep the current catalogue until the import ends.',
  files: {
    products: 'Products',
    inventory: 'Stock per store',
    food: 'Food facts',
    stores: 'Stores (address, time zone, currency)',
  },
  mode: 'Kind of import',
  full: 'Full: the feed is the whole catalogue (what it lacks is withdrawn)',
  incremental: 'Incremental: only the items in the feed change; nothing is withdrawn',
  language: 'Language of the plain columns (title, description)',
  languages: { fr: 'French', en: 'English' },
  start: 'Import',
  pickFile: 'Choose a file',
  noFile: 'No file chosen',
  policyTitle: 'When a feed is refused',
  policy: (share) =>
    `A file is refused whole, changing nothing, when more than ${share} of its lines are refused (the chain's rule).`,
  policyFullImport:
    'A full import without a single valid product line is always refused: it would withdraw the whole catalogue.',
  policyField: 'Most refused lines allowed per file',
  policySave: 'Save the rule',
  policySaved: (share) => `Rule saved: a file with more than ${share} of refused lines is refused.`,
  policyInvalid: {
    empty: 'Give a percentage from 0 to 100.',
    notNumber: 'This is not a number: write for instance 5 or 2.5.',
    range: 'The percentage must be from 0 to 100.',
  },
  chooseFile: 'Choose at least one file.',
  uploading: (name) => `Uploading ${name}`,
  fileChanged: (name) =>
    `${name} can no longer be read: it changed or moved after you chose it. Choose it again.`,
  phase: {
    waiting: 'Waiting',
    reading: 'Reading the feed',
    building: 'Preparing products',
    applying: 'Going live',
    done: 'Done',
  },
  state: {
    created: 'Created',
    running: 'Running',
    applied: 'Applied',
    refused: 'Refused, nothing changed',
    failed: 'Failed, nothing changed',
    interrupted: 'Interrupted, nothing changed',
  },
  built: (n) => plural('en', n, { one: '# product prepared', other: '# products prepared' }),
  read: (done, total, locale) => `${mb(done, locale, 'MB')} of ${mb(total, locale, 'MB')}`,
  lines: (lines, rejected, warnings) =>
    `${plural('en', lines, { one: '# line', other: '# lines' })}, ${rejected} refused, ${plural('en', warnings, { one: '# warning', other: '# warnings' })}`,
  written: (written, withdrawn) => `${written} written, ${withdrawn} withdrawn`,
  collections: { products: 'Products', stock: 'Stock', locations: 'Stores', reviews: 'Reviews' },
  problems: (shown, total) => `Problems (${shown} of ${total})`,
  noProblem: 'No problem.',
  line: 'Line',
  field: 'Column',
  action: { rejected: 'refused', warning: 'warning' },
  problem: 'Problem',
  report: 'Download the full report',
  reason: 'Reason:',
  history: 'Recent imports',
  exportTitle: 'Download the catalogue',
  exportIntro:
    "The store's current catalogue as the feeds the import reads (the same columns, pictures by their source address), hand edits included.",
  exportFormat: 'Format',
  formats: { tsv: 'TSV (tabs)', csv: 'CSV', xml: 'RSS XML' },
  exportGzip: 'Compressed (gzip, .gz)',
  exportKind: (kind) => `Download: ${kind}`,
  exporting: (kind) => `Preparing the file: ${kind}`,
};

export const catalogueMessages: Record<ConsoleLang, CatalogueMessages> = { fr, en };
