// The insights tab's text in French and English (kept apart from messages.ts,
// which holds the rest of the staff console).
import { plural, type CounterFlag, type CounterKind } from '@vitrine/shared/core';
import { IMPACT_LABELS, type ConsoleLang } from '@vitrine/shared/console-kit';

const NNBSP = '\u202f';

const fr = {
  title: 'Fréquentation et ventes',
  intro:
    'Les visiteurs comptés aux entrées, les ventes de la caisse, ce que les écrans ont joué et ce que les clients ont dit, heure par heure à l’heure du magasin.',
  day: 'Jour',
  visitors: 'Visiteurs',
  transactions: 'Ventes',
  conversion: 'Taux de transformation',
  basket: 'Panier moyen',
  dwell: 'Temps passé (zones)',
  plays: 'Diffusions devant du monde',
  requests: 'Demandes traitées',
  wait: 'Attente médiane',
  lowRatings: 'Avis négatifs',
  unanswered: 'Questions sans réponse',
  perHour: 'par heure',
  visitorsPerHour: 'Visiteurs par heure',
  salesPerHour: 'Ventes par heure',
  week: 'Visiteurs, 7 derniers jours',
  noSales: 'La caisse n’envoie pas de ventes : le taux de transformation n’est pas calculé.',
  loyaltyOnly: 'Ventes d’après les tickets fidélité seulement (la caisse n’envoie rien).',
  export: 'Exporter en CSV',
  flagsTitle: 'À vérifier sur les compteurs',
  flags: {
    clock: 'horloge fausse',
    negative: 'comptage négatif',
    flood: 'envois en rafale',
    reset: 'compteur remis à zéro',
    refused: 'envoi refusé',
    imbalance: 'entrées et sorties ne s’équilibrent pas',
    silent: 'silencieux',
  } satisfies Record<CounterFlag['kind'], string>,
  seconds: (value: number) => `${Math.round(value)}${NNBSP}s`,
  minutes: (value: number) => `${Math.round(value / 60)}${NNBSP}min`,
  of: (part: number, whole: number) => `${part} sur ${whole}`,
  print: 'Imprimer la semaine',
  weekReport: {
    title: 'La semaine du magasin',
    revenue: 'Chiffre d’affaires',
    needMore: 'Les heures où il manque le plus quelqu’un',
    noPlan: 'Pas assez de comptages, ou aucun planning d’équipe enregistré.',
    hourNeed: (weekday: string, hour: number, visitors: number, staff: number) =>
      staff === 0
        ? `${weekday} ${hour}${NNBSP}h : ${plural('fr', Math.round(visitors), { one: '# visiteur', other: '# visiteurs' })} en moyenne et personne de prévu`
        : `${weekday} ${hour}${NNBSP}h : ${plural('fr', Math.round(visitors / staff), { one: '# visiteur', other: '# visiteurs' })} par personne (${plural('fr', staff, { one: '# prévue', other: '# prévues' })})`,
  },
  impact: {
    title: 'Effet des campagnes',
    intro:
      'Les ventes des produits qu’une campagne montre, avant, pendant et après sa diffusion (autant de jours de chaque côté, 28 au plus).',
    none: 'Aucune campagne ne montre de produit.',
    campaign: 'Campagne',
    ...IMPACT_LABELS.fr,
  },
  plan: {
    title: 'Planning de l’équipe',
    intro: (weeks: number) =>
      `Combien de personnes sont en magasin à chaque heure de la semaine. Sous chaque case : les visiteurs de cette heure, en moyenne sur ${weeks} semaines. En orange : les heures où il manque le plus quelqu’un.`,
    hour: 'Heure',
    hourLabel: (hour: number) => `${hour}${NNBSP}h`,
    cell: (weekday: string, hour: number) => `Personnes prévues le ${weekday} à ${hour}${NNBSP}h`,
    visitors: (average: number) => `${Math.round(average)} vis.`,
    save: 'Enregistrer le planning',
    saved: 'Planning enregistré.',
    invalid: 'Chaque case attend un nombre entier de personnes, de 0 à 200.',
  },
  counters: {
    title: 'Compteurs de personnes',
    intro:
      'Un compteur (Axis, Xovis ou tout autre au format générique) s’enrôle ici ; il ne transmet que des nombres, jamais d’image.',
    empty: 'Aucun compteur pour l’instant.',
    name: 'Nom',
    kind: 'Modèle',
    entrance: 'À une entrée (compte les visiteurs)',
    lastPush: 'Dernier envoi',
    never: 'jamais',
    add: 'Enrôler le compteur',
    kinds: {
      axis: 'Axis People Counter',
      xovis: 'Xovis',
      generic: 'Générique (HTTP ou MQTT)',
    } satisfies Record<CounterKind, string>,
    enrolled: 'Compteur enrôlé. Notez le mot de passe : il ne sera plus affiché.',
    user: 'Utilisateur',
    password: 'Mot de passe',
    pushUrl: 'Adresse d’envoi (HTTP POST)',
    mqttTopic: 'Ou sujet MQTT',
  },
};
type InsightsMessages = typeof fr;

const en: InsightsMessages = {
  title: 'Footfall and sales',
  intro:
    'Visitors counted at the entrances, the till’s sales, what the screens played and what shoppers said, hour by hour in the store’s time.',
  day: 'Day',
  visitors: 'Visitors',
  transactions: 'Sales',
  conversion: 'Conversion',
  basket: 'Average basket',
  dwell: 'Dwell (zones)',
  plays: 'Plays with people present',
  requests: 'Requests answered',
  wait: 'Median wait',
  lowRatings: 'Low ratings',
  unanswered: 'Unanswered questions',
  perHour: 'per hour',
  visitorsPerHour: 'Visitors per hour',
  salesPerHour: 'Sales per hour',
  week: 'Visitors, last 7 days',
  noSales: 'The till sends no sales: conversion is not computed.',
  loyaltyOnly: 'Sales from loyalty receipts only (the till sends nothing).',
  export: 'Export as CSV',
  flagsTitle: 'Check these counters',
  flags: {
    clock: 'wrong clock',
    negative: 'negative count',
    flood: 'pushing in floods',
    reset: 'count restarted',
    refused: 'push refused',
    imbalance: 'in and out do not balance',
    silent: 'silent',
  },
  seconds: (value) => `${Math.round(value)} s`,
  minutes: (value) => `${Math.round(value / 60)} min`,
  of: (part, whole) => `${part} of ${whole}`,
  print: 'Print the week',
  weekReport: {
    title: 'The store’s week',
    revenue: 'Revenue',
    needMore: 'The hours that most need another person',
    noPlan: 'Not enough counts yet, or no staffing plan recorded.',
    hourNeed: (weekday, hour, visitors, staff) =>
      staff === 0
        ? `${weekday} ${hour}:00: ${plural('en', Math.round(visitors), { one: '# visitor', other: '# visitors' })} on average and nobody planned`
        : `${weekday} ${hour}:00: ${plural('en', Math.round(visitors / staff), { one: '# visitor', other: '# visitors' })} per person (${staff} planned)`,
  },
  impact: {
    title: 'What the campaigns did',
    intro:
      'Sales of the products a campaign shows, before, during and after it ran (as many days on each side, 28 at most).',
    none: 'No campaign shows a product.',
    campaign: 'Campaign',
    ...IMPACT_LABELS.en,
  },
  plan: {
    title: 'Staffing plan',
    intro: (weeks) =>
      `How many people are on the floor each hour of the week. Under each box: the visitors that hour brought, on average over ${weeks} weeks. In orange: the hours that most need another person.`,
    hour: 'Hour',
    hourLabel: (hour) => `${hour}:00`,
    cell: (weekday, hour) => `People planned on ${weekday} at ${hour}:00`,
    visitors: (average) => `${Math.round(average)} vis.`,
    save: 'Save the plan',
    saved: 'Plan saved.',
    invalid: 'Each box takes a whole number of people, from 0 to 200.',
  },
  counters: {
    title: 'People counters',
    intro:
      'A counter (Axis, Xovis, or any other in the generic shape) is enrolled here; it sends numbers only, never an image.',
    empty: 'No counter yet.',
    name: 'Name',
    kind: 'Model',
    entrance: 'At an entrance (counts visitors)',
    lastPush: 'Last push',
    never: 'never',
    add: 'Enrol the counter',
    kinds: { axis: 'Axis People Counter', xovis: 'Xovis', generic: 'Generic (HTTP or MQTT)' },
    enrolled: 'Counter enrolled. Note the password: it will not be shown again.',
    user: 'User',
    password: 'Password',
    pushUrl: 'Push address (HTTP POST)',
    mqttTopic: 'Or MQTT topic',
  },
};

export const insightsMessages: Record<ConsoleLang, InsightsMessages> = { fr, en };
