// Technical specs arrive keyed by language-neutral slugs ("battery-life"); the
// screen reads them in its own language. A key this table does not know yet
// (a retailer's own attribute) is shown readably, never as a raw slug.
import type { Lang } from './messages';

const SPEC_LABELS: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
  battery: { fr: 'Batterie', en: 'Battery' },
  'battery-life': { fr: 'Autonomie', en: 'Battery life' },
  bluetooth: { fr: 'Bluetooth', en: 'Bluetooth' },
  camera: { fr: 'Appareil photo', en: 'Camera' },
  charging: { fr: 'Recharge', en: 'Charging' },
  codecs: { fr: 'Codecs audio', en: 'Audio codecs' },
  connectivity: { fr: 'Connectivité', en: 'Connectivity' },
  driver: { fr: 'Haut-parleur', en: 'Driver' },
  'drop-test': { fr: 'Résistance aux chutes', en: 'Drop protection' },
  'energy-class': { fr: 'Classe énergétique', en: 'Energy class' },
  gps: { fr: 'GPS', en: 'GPS' },
  hdmi: { fr: 'Entrées HDMI', en: 'HDMI inputs' },
  length: { fr: 'Longueur', en: 'Length' },
  magnetic: { fr: 'Fixation magnétique', en: 'Magnetic mount' },
  material: { fr: 'Matière', en: 'Material' },
  network: { fr: 'Réseau', en: 'Network' },
  output: { fr: 'Sortie', en: 'Output' },
  ports: { fr: 'Connecteurs', en: 'Ports' },
  power: { fr: 'Puissance', en: 'Power' },
  processor: { fr: 'Processeur', en: 'Processor' },
  ram: { fr: 'Mémoire vive', en: 'Memory (RAM)' },
  'refresh-rate': { fr: 'Fréquence d’affichage', en: 'Refresh rate' },
  resolution: { fr: 'Définition', en: 'Resolution' },
  'sar-head': { fr: 'DAS tête', en: 'SAR (head)' },
  screen: { fr: 'Écran', en: 'Screen' },
  sensor: { fr: 'Capteur', en: 'Sensor' },
  sensors: { fr: 'Capteurs', en: 'Sensors' },
  stabilisation: { fr: 'Stabilisation', en: 'Stabilisation' },
  standard: { fr: 'Norme', en: 'Standard' },
  video: { fr: 'Vidéo', en: 'Video' },
  'water-resistance': { fr: 'Étanchéité', en: 'Water resistance' },
  weight: { fr: 'Poids', en: 'Weight' },
};

export function specLabel(key: string, lang: Lang): string {
  const known = SPEC_LABELS[key]?.[lang];
  if (known) return known;
  const words = key.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Whether a spec key has its own words (the demo's keys all should). */
export const hasSpecLabel = (key: string): boolean => key in SPEC_LABELS;
