// Electronics vocabulary: invented brands and model lines, the feature that
// leads each name, and which accessories go with which device.
import type { SubcategoryInfo } from './subcategory';
import { list, pair, pairs, type Localized } from './words-fr-en';

/** What a variant of the product differs by, each with its own GTIN. */
type VariantKind = 'storage' | 'case-size' | 'colour' | 'none';

export interface ElectronicsSubcategory extends SubcategoryInfo {
  /** "Casque" / "headphones": the French name starts with it, the English one ends with it. */
  noun: Localized;
  features: readonly Localized[];
  brands: readonly string[];
  /** Model lines; an accessory has none and is named by its brand only. */
  lines: readonly string[];
  priceEuros: readonly [number, number];
  variantKind: VariantKind;
  /** The glTF model in assets/models/ some of these products show in 3D. */
  model3d?: string;
  /** Subcategories of the accessories offered with it (Product.complementary). */
  accessories: readonly string[];
  leads: readonly Localized[];
}

const AUDIO = list('Kestrel Audio, Sonora, Ondéa, Nordvik');
const MOBILE = list('Lumio, Aurel, Pixelia');
const ACCESSORY = list('Voltaïque, Filo, Ampère & Co');
export const MODEL_NUMBERS: readonly string[] = list('200, 300, 500, 700, 900');

export const TECH_COLOURS: readonly Localized[] = pairs(`
  Noir graphite = Graphite black
  Blanc = White
  Argent = Silver
  Bleu nuit = Midnight blue
  Vert sauge = Sage green
  Rose = Pink
  Sable = Sand
`);

export const STORAGE_SIZES: Readonly<Record<string, readonly string[]>> = {
  smartphone: list('128 Go, 256 Go, 512 Go'),
  tablet: list('64 Go, 128 Go, 256 Go'),
  laptop: list('256 Go SSD, 512 Go SSD, 1 To SSD'),
};

export const ELECTRONICS_SUBCATEGORIES: readonly ElectronicsSubcategory[] = [
  {
    slug: 'headphones',
    category: 'electronics',
    label: pair('Casques audio = Headphones'),
    noun: pair('Casque = headphones'),
    weight: 8,
    shape: 'headphones',
    features: pairs(`
      sans fil à réduction de bruit = noise-cancelling wireless
      Bluetooth = Bluetooth
      de studio = studio
      pliable = foldable
    `),
    brands: AUDIO,
    lines: list('Aria, Nomad, Halo, Pulse'),
    priceEuros: [49, 449],
    variantKind: 'colour',
    model3d: 'headphones',
    accessories: ['cable'],
    leads: pairs(`
      Coussinets à mémoire de forme pour de longues écoutes. = Memory-foam cushions for long listening sessions.
      Un son équilibré, des basses profondes sans excès. = Balanced sound, with deep but controlled bass.
    `),
  },
  {
    slug: 'earbuds',
    category: 'electronics',
    label: pair('Écouteurs = Earbuds'),
    noun: pair('Écouteurs = earbuds'),
    weight: 7,
    shape: 'earbuds',
    features: pairs(`
      sans fil = true wireless
      de sport = sports
      à réduction de bruit = noise-cancelling
    `),
    brands: AUDIO,
    lines: list('Buds, Air, Flow'),
    priceEuros: [29, 279],
    variantKind: 'colour',
    accessories: ['charger'],
    leads: pairs(`
      Trois tailles d’embouts fournies pour un maintien parfait. = Three ear-tip sizes included for a perfect fit.
      Boîtier de charge compatible Qi. = Qi-compatible charging case.
    `),
  },
  {
    slug: 'speaker',
    category: 'electronics',
    label: pair('Enceintes = Speakers'),
    noun: pair('Enceinte = speaker'),
    weight: 6,
    shape: 'speaker',
    features: pairs(`
      Bluetooth portable = portable Bluetooth
      connectée = smart
      étanche = waterproof
      Wi-Fi multiroom = Wi-Fi multi-room
    `),
    brands: AUDIO,
    lines: list('Boom, Totem, Cube, Galet'),
    priceEuros: [39, 599],
    variantKind: 'colour',
    model3d: 'speaker',
    accessories: ['cable'],
    leads: pairs(`
      Un son à 360° qui remplit la pièce. = 360° sound that fills the room.
      Jumelez-en deux pour une stéréo sans fil. = Pair two of them for wireless stereo.
    `),
  },
  {
    slug: 'smartphone',
    category: 'electronics',
    label: pair('Smartphones = Smartphones'),
    noun: pair('Smartphone = smartphone'),
    weight: 6,
    shape: 'phone',
    features: pairs(`
      5G = 5G
      reconditionné = refurbished
      photo = camera
    `),
    brands: MOBILE,
    lines: list('Nova, Edge, Vega, Mini'),
    priceEuros: [199, 1299],
    variantKind: 'storage',
    model3d: 'smartphone',
    accessories: ['case', 'charger', 'cable', 'powerbank', 'earbuds'],
    leads: pairs(`
      Cinq ans de mises à jour de sécurité garantis. = Five years of security updates guaranteed.
      Un écran lumineux, lisible même en plein soleil. = A bright screen, readable even in full sun.
    `),
  },
  {
    slug: 'smartwatch',
    category: 'electronics',
    label: pair('Montres connectées = Smartwatches'),
    noun: pair('Montre connectée = smartwatch'),
    weight: 4,
    shape: 'watch',
    features: pairs(`
      GPS = GPS
      sport = sports
      élégante = classic
    `),
    brands: MOBILE,
    lines: list('Fit, Active, Classic'),
    priceEuros: [99, 499],
    variantKind: 'case-size',
    model3d: 'smartwatch',
    accessories: ['charger'],
    leads: pairs(`
      Suivi du sommeil, du rythme cardiaque et de plus de 100 sports. = Tracks sleep, heart rate and more than 100 sports.
      Étanche jusqu’à 50 mètres. = Water-resistant to 50 metres.
    `),
  },
  {
    slug: 'laptop',
    category: 'electronics',
    label: pair('Ordinateurs portables = Laptops'),
    noun: pair('Ordinateur portable = laptop'),
    weight: 5,
    shape: 'laptop',
    features: pairs(`
      ultrafin = ultra-thin
      2-en-1 = 2-in-1
      gaming = gaming
      professionnel = business
    `),
    brands: list('Aurel, Nordvik, Calyx'),
    lines: list('Air, Book, Studio, Forge'),
    priceEuros: [499, 2499],
    variantKind: 'storage',
    model3d: 'laptop',
    accessories: ['charger', 'cable'],
    leads: pairs(`
      Clavier rétroéclairé et pavé tactile en verre. = Backlit keyboard and glass touchpad.
      Une journée d’autonomie, et 50 % en 30 minutes. = All-day battery, and 50% in 30 minutes.
    `),
  },
  {
    slug: 'tablet',
    category: 'electronics',
    label: pair('Tablettes = Tablets'),
    noun: pair('Tablette = tablet'),
    weight: 4,
    shape: 'phone',
    features: pairs(`
      tactile = touchscreen
      dessin = drawing
      enfant = kids’
    `),
    brands: MOBILE,
    lines: list('Tab, Slate, Pad'),
    priceEuros: [149, 999],
    variantKind: 'storage',
    accessories: ['case', 'charger', 'cable'],
    leads: pairs(`
      Compatible avec le stylet et le clavier de la gamme. = Works with the range’s stylus and keyboard.
      Un écran aux couleurs fidèles pour lire, dessiner et regarder. = A colour-accurate screen for reading, drawing and watching.
    `),
  },
  {
    slug: 'television',
    category: 'electronics',
    label: pair('Téléviseurs = TVs'),
    noun: pair('Téléviseur = TV'),
    weight: 4,
    shape: 'screen',
    features: pairs(`
      OLED 4K = 4K OLED
      QLED 4K = 4K QLED
      LED Full HD = Full HD LED
    `),
    brands: list('Pixelia, Lumio, Orbis'),
    lines: list('Vision, Cinema, Lumen'),
    priceEuros: [349, 2999],
    variantKind: 'none',
    model3d: 'television',
    accessories: ['speaker', 'cable'],
    leads: pairs(`
      Des noirs profonds et un mode cinéma calibré. = Deep blacks and a calibrated cinema mode.
      Quatre ports HDMI 2.1 pour les consoles de jeu. = Four HDMI 2.1 ports for games consoles.
    `),
  },
  {
    slug: 'camera',
    category: 'electronics',
    label: pair('Appareils photo = Cameras'),
    noun: pair('Appareil photo = camera'),
    weight: 3,
    shape: 'camera',
    features: pairs(`
      hybride = mirrorless
      compact expert = premium compact
    `),
    brands: list('Hélion, Calyx'),
    lines: list('Alpha, Zeta, Iris'),
    priceEuros: [449, 2499],
    variantKind: 'none',
    accessories: ['powerbank', 'cable'],
    leads: pairs(`
      Un autofocus qui suit les yeux, même en basse lumière. = Eye-tracking autofocus, even in low light.
      Stabilisation sur cinq axes pour la vidéo à main levée. = Five-axis stabilisation for handheld video.
    `),
  },
  {
    slug: 'charger',
    category: 'electronics',
    label: pair('Chargeurs = Chargers'),
    noun: pair('Chargeur = charger'),
    weight: 4,
    shape: 'plug',
    features: pairs(`
      USB-C 30 W = 30 W USB-C
      USB-C 65 W GaN = 65 W GaN USB-C
      sans fil 15 W = 15 W wireless
      double USB-C 45 W = 45 W dual USB-C
    `),
    brands: ACCESSORY,
    lines: [],
    priceEuros: [15, 79],
    variantKind: 'none',
    accessories: ['cable'],
    leads: pairs(`
      Protection contre les surtensions et la surchauffe. = Protected against surges and overheating.
    `),
  },
  {
    slug: 'cable',
    category: 'electronics',
    label: pair('Câbles = Cables'),
    noun: pair('Câble = cable'),
    weight: 4,
    shape: 'plug',
    features: pairs(`
      USB-C vers USB-C 1 m = 1 m USB-C to USB-C
      USB-C vers USB-C 2 m = 2 m USB-C to USB-C
      HDMI 2.1 2 m = 2 m HDMI 2.1
      jack 3,5 mm 1,5 m = 1.5 m 3.5 mm jack
    `),
    brands: ACCESSORY,
    lines: [],
    priceEuros: [9, 39],
    variantKind: 'none',
    accessories: [],
    leads: pairs(`
      Gaine tressée testée pour 10 000 pliages. = Braided sleeve tested for 10,000 bends.
    `),
  },
  {
    slug: 'case',
    category: 'electronics',
    label: pair('Coques et étuis = Cases'),
    noun: pair('Coque = case'),
    weight: 4,
    shape: 'phone',
    features: pairs(`
      antichoc = shockproof
      folio = folio
      transparente = clear
      en silicone = silicone
    `),
    brands: ACCESSORY,
    lines: [],
    priceEuros: [15, 59],
    variantKind: 'colour',
    accessories: [],
    leads: pairs(`
      Bords surélevés pour protéger l’écran et l’objectif. = Raised edges protect the screen and the camera lens.
    `),
  },
  {
    slug: 'powerbank',
    category: 'electronics',
    label: pair('Batteries externes = Power banks'),
    noun: pair('Batterie externe = power bank'),
    weight: 3,
    shape: 'battery',
    features: pairs(`
      10 000 mAh = 10,000 mAh
      20 000 mAh = 20,000 mAh
      magnétique 5 000 mAh = 5,000 mAh magnetic
    `),
    brands: ACCESSORY,
    lines: [],
    priceEuros: [19, 89],
    variantKind: 'none',
    accessories: ['cable'],
    leads: pairs(`
      Accepté en cabine d’avion. = Allowed in aircraft cabins.
    `),
  },
];
