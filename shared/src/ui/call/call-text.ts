// The call UI's words, French and English.
export type Lang = 'fr' | 'en';

export const CALL_TEXT = {
  talk: { fr: 'Parler à un expert', en: 'Talk to an expert' },
  waiting: { fr: 'En attente d’un expert', en: 'Waiting for an expert' },
  position: { fr: 'Position dans la file', en: 'Place in the queue' },
  wait: { fr: 'Attente estimée', en: 'Estimated wait' },
  cancel: { fr: 'Annuler', en: 'Cancel' },
  hangUp: { fr: 'Raccrocher', en: 'Hang up' },
  cameraOn: { fr: 'Activer ma caméra', en: 'Turn my camera on' },
  cameraOff: { fr: 'Couper ma caméra', en: 'Turn my camera off' },
  audioOnly: { fr: 'Appel audio', en: 'Audio call' },
  rate: { fr: 'Comment s’est passé cet appel\u202f?', en: 'How was this call?' },
  thanks: { fr: 'Merci\u202f!', en: 'Thank you!' },
  noExpert: {
    fr: 'Aucun expert n’est disponible pour ce produit.',
    en: 'No expert is available for this product.',
  },
  faq: { fr: 'Questions fréquentes', en: 'Frequently asked questions' },
  callStaff: { fr: 'Appeler un vendeur', en: 'Call a staff member' },
  staffCalled: { fr: 'Un vendeur arrive.', en: 'A staff member is on the way.' },
  refused: { fr: 'L’appel n’a pas pu aboutir', en: 'The call could not be placed' },
  nobody: {
    fr: 'Aucun expert ne peut vous répondre pour le moment.',
    en: 'No expert can answer you right now.',
  },
  with: { fr: 'En ligne avec', en: 'Talking with' },
  minutes: { fr: 'min', en: 'min' },
  open: { fr: 'Voir', en: 'Open' },
  backToCall: { fr: 'Revenir à l’appel', en: 'Back to the call' },
  pushed: { fr: 'Produits proposés par l’expert', en: 'Products the expert suggests' },
  /** Between a label and its value: French puts a narrow no-break space before the colon. */
  colon: { fr: '\u202f: ', en: ': ' },
} as const;

export const callText = (key: keyof typeof CALL_TEXT, lang: Lang) => CALL_TEXT[key][lang];
