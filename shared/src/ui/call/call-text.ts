// The call UI's words, French and English: a typed dictionary like every
// other screen's (a key missing in one language does not compile).
import type { Lang } from '../../core/i18n';

export type { Lang };

const fr = {
  talk: 'Parler à un expert',
  waiting: 'En attente d’un expert',
  position: 'Position dans la file',
  wait: 'Attente estimée',
  cancel: 'Annuler',
  hangUp: 'Raccrocher',
  cameraOn: 'Activer ma caméra',
  cameraOff: 'Couper ma caméra',
  audioOnly: 'Appel audio',
  rate: 'Comment s’est passé cet appel\u202f?',
  thanks: 'Merci\u202f!',
  noExpert: 'Aucun expert n’est disponible pour ce produit.',
  faq: 'Questions fréquentes',
  callStaff: 'Appeler un vendeur',
  staffCalled: 'Un vendeur arrive.',
  refused: 'L’appel n’a pas pu aboutir',
  nobody: 'Aucun expert ne peut vous répondre pour le moment.',
  with: 'En ligne avec',
  minutes: 'min',
  open: 'Voir',
  backToCall: 'Revenir à l’appel',
  pushed: 'Produits proposés par l’expert',
  /** Between a label and its value: French puts a narrow no-break space before the colon. */
  colon: '\u202f: ',
};

export type CallMessages = { [K in keyof typeof fr]: string };

const en: CallMessages = {
  talk: 'Talk to an expert',
  waiting: 'Waiting for an expert',
  position: 'Place in the queue',
  wait: 'Estimated wait',
  cancel: 'Cancel',
  hangUp: 'Hang up',
  cameraOn: 'Turn my camera on',
  cameraOff: 'Turn my camera off',
  audioOnly: 'Audio call',
  rate: 'How was this call?',
  thanks: 'Thank you!',
  noExpert: 'No expert is available for this product.',
  faq: 'Frequently asked questions',
  callStaff: 'Call a staff member',
  staffCalled: 'A staff member is on the way.',
  refused: 'The call could not be placed',
  nobody: 'No expert can answer you right now.',
  with: 'Talking with',
  minutes: 'min',
  open: 'Open',
  backToCall: 'Back to the call',
  pushed: 'Products the expert suggests',
  /** Between a label and its value: French puts a narrow no-break space before the colon. */
  colon: ': ',
};

export const callMessages: Record<Lang, CallMessages> = { fr, en };

export const callText = (key: keyof CallMessages, lang: Lang) => callMessages[lang][key];
