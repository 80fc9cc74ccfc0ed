// Every string of the remote expert console, in French and English: a typed
// dictionary like the head-office console's, so a key missing in one language
// does not compile.
import type { ExpertPresence, ExpertSkill } from '@vitrine/shared/core';
import type { ExpertPresenceState } from '@vitrine/shared/client';
import type { ConsoleLang } from '@vitrine/shared/console-kit';
import { STORAGE_REFUSALS } from '../common/storage-refusals';

// French typography: a narrow no-break space before : ; ! ?
const NNBSP = '\u202f';

const fr = {
  title: 'Experts à distance',
  noRole: 'Ce compte n’a pas le rôle expert.',
  signOut: 'Déconnexion',
  networkDown: 'Réseau indisponible.',
  /** The server's everyday refusals, by error code. */
  refusals: {
    not_ringing: 'Cet appel ne sonne plus pour vous.',
    no_call: 'Cet appel est terminé.',
    not_your_call: 'Cet appel n’est pas le vôtre.',
    unknown_product: 'Produit inconnu.',
    ...STORAGE_REFUSALS.fr,
  } satisfies Partial<Record<string, string>>,
  skills: {
    wine: 'Vin',
    nutrition: 'Nutrition',
    style: 'Style',
    tech: 'High-tech',
  } satisfies Record<ExpertSkill, string>,
  presence: {
    offline: 'Hors ligne',
    away: 'En pause',
    available: 'Disponible',
    busy: 'En appel',
  } satisfies Record<ExpertPresence, string>,
  link: {
    starting: 'Connexion…',
    connecting: 'Connexion…',
    online: 'Connectée au magasin',
    offline: 'Magasin injoignable',
    refused: 'Session refusée',
    replaced: 'Ouverte ailleurs',
  } satisfies Record<ExpertPresenceState | 'starting', string>,
  /** The shopper's language on a ringing call. */
  languages: { fr: 'Français', en: 'Anglais' } satisfies Record<ConsoleLang, string>,
  sessionRefused: (detail: string) => `Session refusée (${detail})`,
  openedElsewhere: 'Ouverte dans une autre console',
  atLeastOneSkill: 'Choisissez au moins une compétence.',
  // Availability
  availability: 'Disponibilité',
  available: 'Disponible',
  skillsLegend: 'Compétences',
  autoAnswer: 'Décrocher automatiquement',
  // Ringing calls
  incomingCalls: 'Appels entrants',
  noCallYet: `Aucun appel pour l’instant${NNBSP}: les bornes et miroirs vous proposent aux clients.`,
  tickAvailable: 'Cochez «\u202fDisponible\u202f» pour recevoir des appels.',
  generalQuestion: 'Question générale',
  lookedAt: (items: string) => `Vu${NNBSP}: ${items}`,
  /** A call from the assistant: the conversation the shopper had with it. */
  conversation: {
    title: 'Conversation avec l’assistant',
    shopper: `Client${NNBSP}:`,
    assistant: `Assistant${NNBSP}:`,
  },
  takeCall: 'Prendre l’appel',
  decline: 'Refuser',
  // The call
  inCall: 'En ligne',
  hangUp: 'Raccrocher',
  shopperCameraOff: `Caméra du client coupée${NNBSP}: appel audio`,
  shopper: 'Client',
  me: 'Moi',
  lookedAtDuringVisit: (items: string) => `Vu pendant la visite${NNBSP}: ${items}`,
  showProduct: 'Montrer un produit',
  product: 'Produit',
  nameOrBarcode: 'Nom ou code-barres',
  search: 'Chercher',
  shown: 'Montré',
  showShopper: 'Montrer au client',
};

export type Messages = typeof fr;

const en: Messages = {
  title: 'Remote experts',
  noRole: 'This account has no expert role.',
  signOut: 'Sign out',
  networkDown: 'Network down.',
  refusals: {
    not_ringing: 'This call is no longer ringing for you.',
    no_call: 'This call has ended.',
    not_your_call: 'This call is not yours.',
    unknown_product: 'Unknown product.',
    ...STORAGE_REFUSALS.en,
  },
  skills: { wine: 'Wine', nutrition: 'Nutrition', style: 'Style', tech: 'Tech' },
  presence: { offline: 'Offline', away: 'Away', available: 'Available', busy: 'In a call' },
  link: {
    starting: 'Connecting…',
    connecting: 'Connecting…',
    online: 'Connected to the store',
    offline: 'Store unreachable',
    refused: 'Session refused',
    replaced: 'Opened elsewhere',
  },
  languages: { fr: 'French', en: 'English' },
  sessionRefused: (detail) => `Session refused (${detail})`,
  openedElsewhere: 'Opened in another console',
  atLeastOneSkill: 'Choose at least one skill.',
  availability: 'Availability',
  available: 'Available',
  skillsLegend: 'Skills',
  autoAnswer: 'Auto-answer',
  incomingCalls: 'Incoming calls',
  noCallYet: 'No call yet: kiosks and mirrors offer you to shoppers.',
  tickAvailable: 'Tick “Available” to receive calls.',
  generalQuestion: 'General question',
  lookedAt: (items) => `Looked at: ${items}`,
  conversation: {
    title: 'Conversation with the assistant',
    shopper: 'Shopper:',
    assistant: 'Assistant:',
  },
  takeCall: 'Take call',
  decline: 'Decline',
  inCall: 'In call',
  hangUp: 'Hang up',
  shopperCameraOff: 'Shopper’s camera off: audio call',
  shopper: 'Shopper',
  me: 'Me',
  lookedAtDuringVisit: (items) => `Looked at during the visit: ${items}`,
  showProduct: 'Show a product',
  product: 'Product',
  nameOrBarcode: 'Name or barcode',
  search: 'Search',
  shown: 'Shown',
  showShopper: 'Show the shopper',
};

export const messages: Record<ConsoleLang, Messages> = { fr, en };
