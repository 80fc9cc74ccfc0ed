// The insights tab's text in French and English (apart from messages.ts, which holds the rest).
import type { ConsoleLang } from '@vitrine/shared/console-kit';

const fr = {
  title: 'Fréquentation et ventes des magasins',
  intro:
    'Les chiffres que chaque magasin calcule à son heure (visiteurs comptés aux entrées, ventes de la caisse, diffusions devant du monde), comparés sur une période.',
  from: 'Du',
  to: 'Au',
  region: 'Région',
  allRegions: 'Toutes',
  show: 'Afficher',
  regions: 'Régions',
  stores: 'Magasins',
  store: 'Magasin',
  days: 'Jours reçus',
  visitors: 'Visiteurs',
  transactions: 'Ventes',
  revenue: 'Chiffre d’affaires',
  conversion: 'Transformation',
  basket: 'Panier moyen',
  plays: 'Diffusions devant du monde',
  lowRatings: 'Avis négatifs',
  unanswered: 'Questions sans réponse',
  visitorsByStore: 'Visiteurs par magasin',
  storeDay: 'Journée d’un magasin',
  day: 'Jour',
  visitorsPerHour: 'Visiteurs par heure',
  noDay: 'Ce magasin n’a pas envoyé de chiffres pour ce jour.',
  export: 'Exporter en CSV',
  more: 'Magasins suivants',
  none: 'Aucun chiffre reçu sur la période.',
};
type Text = typeof fr;

const en: Text = {
  title: 'Stores’ footfall and sales',
  intro:
    'The figures each store computes in its own time (visitors counted at the entrances, the till’s sales, plays with people present), compared over a range.',
  from: 'From',
  to: 'To',
  region: 'Region',
  allRegions: 'All',
  show: 'Show',
  regions: 'Regions',
  stores: 'Stores',
  store: 'Store',
  days: 'Days received',
  visitors: 'Visitors',
  transactions: 'Sales',
  revenue: 'Revenue',
  conversion: 'Conversion',
  basket: 'Average basket',
  plays: 'Plays with people present',
  lowRatings: 'Low ratings',
  unanswered: 'Unanswered questions',
  visitorsByStore: 'Visitors by store',
  storeDay: 'One store’s day',
  day: 'Day',
  visitorsPerHour: 'Visitors per hour',
  noDay: 'This store sent no figures for that day.',
  export: 'Export as CSV',
  more: 'Next stores',
  none: 'No figures received over the range.',
};

export const insightsText: Record<ConsoleLang, Text> = { fr, en };
