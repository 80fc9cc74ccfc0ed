// Wine vocabulary: real French appellations with their grapes and a
// plausible shelf-price range; invented estates.
import { must } from './random';
import type { SubcategoryInfo } from './subcategory';
import { list, pair, pairs, rows, type Localized } from './words-fr-en';

type WineColour = 'red' | 'white' | 'rose' | 'sparkling';

export interface Appellation {
  name: string;
  region: string;
  colour: WineColour;
  grapes: readonly string[];
  priceEuros: readonly [number, number];
}

export interface WineSubcategory extends SubcategoryInfo {
  colour: WineColour;
  /** "rouge" / "red" after the appellation; empty for Champagne. */
  colourWord: Localized;
  pairsWith: readonly string[];
  /** Dishes the wine goes with (food.dishes), a few drawn per bottle. */
  dishes: readonly Localized[];
  notes: readonly Localized[];
  serving: Localized;
}

// appellation | region | colour | grapes | price range in euros
export const APPELLATIONS: readonly Appellation[] = rows(`
  Saint-Émilion Grand Cru | Bordeaux | red | Merlot, Cabernet franc | 22-65
  Pauillac | Bordeaux | red | Cabernet-Sauvignon, Merlot | 35-120
  Margaux | Bordeaux | red | Cabernet-Sauvignon, Merlot, Petit Verdot | 30-95
  Pessac-Léognan | Bordeaux | red | Cabernet-Sauvignon, Merlot | 25-70
  Côtes de Bourg | Bordeaux | red | Merlot, Malbec | 9-18
  Gevrey-Chambertin | Bourgogne | red | Pinot noir | 45-110
  Mercurey | Bourgogne | red | Pinot noir | 19-35
  Bourgogne Pinot noir | Bourgogne | red | Pinot noir | 14-26
  Crozes-Hermitage | Vallée du Rhône | red | Syrah | 16-32
  Châteauneuf-du-Pape | Vallée du Rhône | red | Grenache, Syrah, Mourvèdre | 32-80
  Gigondas | Vallée du Rhône | red | Grenache, Syrah | 22-40
  Côtes du Rhône Villages | Vallée du Rhône | red | Grenache, Syrah, Carignan | 8-15
  Chinon | Val de Loire | red | Cabernet franc | 11-24
  Pic Saint-Loup | Languedoc | red | Syrah, Grenache, Mourvèdre | 14-30
  Cahors | Sud-Ouest | red | Malbec, Merlot | 10-28
  Morgon | Beaujolais | red | Gamay | 12-24
  Chablis Premier Cru | Bourgogne | white | Chardonnay | 24-45
  Meursault | Bourgogne | white | Chardonnay | 45-95
  Pouilly-Fuissé | Bourgogne | white | Chardonnay | 22-40
  Sancerre | Val de Loire | white | Sauvignon blanc | 17-32
  Vouvray | Val de Loire | white | Chenin blanc | 12-25
  Muscadet Sèvre et Maine | Val de Loire | white | Melon de Bourgogne | 8-15
  Alsace Riesling Grand Cru | Alsace | white | Riesling | 18-38
  Alsace Gewurztraminer | Alsace | white | Gewurztraminer | 12-26
  Graves | Bordeaux | white | Sauvignon blanc, Sémillon | 12-25
  Jurançon sec | Sud-Ouest | white | Gros Manseng, Petit Manseng | 12-22
  Côtes de Provence | Provence | rose | Grenache, Cinsault, Syrah | 10-25
  Bandol | Provence | rose | Mourvèdre, Grenache, Cinsault | 18-35
  Tavel | Vallée du Rhône | rose | Grenache, Cinsault | 12-22
  Coteaux d’Aix-en-Provence | Provence | rose | Grenache, Syrah | 9-18
  Brut | Champagne | sparkling | Chardonnay, Pinot noir, Pinot meunier | 28-60
  Blanc de Blancs | Champagne | sparkling | Chardonnay | 38-80
  Rosé | Champagne | sparkling | Pinot noir, Chardonnay | 38-85
  Extra Brut | Champagne | sparkling | Pinot noir, Chardonnay | 35-70
  Brut Millésimé | Champagne | sparkling | Chardonnay, Pinot noir | 50-120
`).map(([name, region, colour, grapes, price]) => {
  const [min, max] = (price ?? '').split('-').map(Number);
  return {
    name: must(name, 'appellation'),
    region: must(region, 'region'),
    colour: must(colour, 'colour') as WineColour,
    grapes: list(grapes ?? ''),
    priceEuros: [must(min, 'min price'), must(max, 'max price')] as const,
  };
});

/** The regions' English names, where English has its own. */
export const REGION_NAMES_EN: Readonly<Record<string, string>> = {
  Bourgogne: 'Burgundy',
  'Vallée du Rhône': 'Rhône Valley',
  'Val de Loire': 'Loire Valley',
  'Sud-Ouest': 'South West',
};

export const ESTATE_PLACES: readonly string[] = list(`
  Belair, des Tilleuls, de la Garenne, Saint-Roch, Les Aubiers, Fontclair, de Mauvesin,
  du Grand Chêne, La Croix-Blanche, des Sablons, Haut-Rivière, de Peyrelongue,
  des Trois Fontaines, Lescure, Beauséjour, de la Combe, du Moulin Neuf, Les Genêts
`);

export const CHAMPAGNE_HOUSES: readonly string[] = list(`
  Aubriot & Fils, Delvaux-Marchand, Léonce Perrier, Maison Hautvillers, Collet-Brunel,
  Gosset-Laroche, Veuve Amélie Durand, Péters & Fille
`);

const wine = (w: WineSubcategory): WineSubcategory => w;

export const WINE_SUBCATEGORIES: readonly WineSubcategory[] = [
  wine({
    slug: 'wine-red',
    category: 'food',
    label: pair('Vins rouges = Red wines'),
    weight: 9,
    shape: 'bottle',
    colour: 'red',
    colourWord: pair('rouge = red'),
    pairsWith: ['cheese', 'charcuterie', 'chocolate'],
    dishes: pairs(`
      Côte de bœuf grillée = Grilled rib of beef
      Gigot d’agneau rôti = Roast leg of lamb
      Gibier en sauce = Game in a rich sauce
      Magret de canard = Duck breast
      Bœuf bourguignon = Beef bourguignon
      Fromages affinés = Mature cheeses
    `),
    serving: pair(
      'À servir à 16 °C, idéalement après une heure en carafe. = Serve at 16 °C, ideally after an hour in a decanter.',
    ),
    notes: pairs(`
      Nez de fruits noirs et de sous-bois, tanins soyeux. = Black fruit and forest-floor nose, silky tannins.
      Une bouche ample aux notes de cerise, de réglisse et d’épices douces. = A generous palate of cherry, liquorice and sweet spice.
      Un vin tendu et frais, aux arômes de framboise et de violette. = A taut, fresh wine with raspberry and violet aromas.
    `),
  }),
  wine({
    slug: 'wine-white',
    category: 'food',
    label: pair('Vins blancs = White wines'),
    weight: 6,
    shape: 'bottle',
    colour: 'white',
    colourWord: pair('blanc = white'),
    pairsWith: ['cheese', 'olive-oil'],
    dishes: pairs(`
      Huîtres = Oysters
      Poisson grillé = Grilled fish
      Volaille à la crème = Chicken in a cream sauce
      Plateau de fruits de mer = Seafood platter
      Fromage de chèvre frais = Fresh goat’s cheese
      Sushis = Sushi
    `),
    serving: pair('À servir à 10 °C. = Serve at 10 °C.'),
    notes: pairs(`
      Une bouche minérale aux notes d’agrumes et de fleurs blanches. = A mineral palate with citrus and white-flower notes.
      Gras et beurré, avec une finale sur la noisette grillée. = Rich and buttery, finishing on toasted hazelnut.
      Vif et salin, parfait à l’apéritif. = Lively and saline, perfect as an aperitif.
    `),
  }),
  wine({
    slug: 'wine-rose',
    category: 'food',
    label: pair('Vins rosés = Rosé wines'),
    weight: 3,
    shape: 'bottle',
    colour: 'rose',
    colourWord: pair('rosé = rosé'),
    pairsWith: ['charcuterie', 'olive-oil'],
    dishes: pairs(`
      Salades d’été = Summer salads
      Grillades = Barbecue
      Cuisine provençale = Provençal dishes
      Tapas = Tapas
      Tian de légumes = Vegetable tian
    `),
    serving: pair(
      'À servir bien frais, entre 8 et 10 °C. = Serve well chilled, between 8 and 10 °C.',
    ),
    notes: pairs(`
      Une robe pâle, des notes de pêche blanche et d’agrumes. = A pale hue, with white peach and citrus notes.
      Un rosé de gastronomie, structuré et épicé. = A food rosé, structured and spicy.
    `),
  }),
  wine({
    slug: 'champagne',
    category: 'food',
    label: pair('Champagnes = Champagne'),
    weight: 4,
    shape: 'bottle',
    colour: 'sparkling',
    colourWord: { fr: '', en: '' },
    pairsWith: ['biscuits', 'chocolate', 'cheese'],
    dishes: pairs(`
      Apéritif = Aperitif
      Huîtres = Oysters
      Saint-Jacques poêlées = Seared scallops
      Desserts aux fruits rouges = Red-fruit desserts
      Parmesan affiné = Aged Parmesan
    `),
    serving: pair(
      'À servir entre 8 et 10 °C, dans un verre à vin plutôt qu’une flûte. = Serve at 8–10 °C, in a wine glass rather than a flute.',
    ),
    notes: pairs(`
      Une bulle fine, des arômes de brioche et de pomme mûre. = Fine bubbles, with brioche and ripe apple aromas.
      Frais et ciselé, sur les agrumes et la craie. = Fresh and chiselled, with citrus and chalk.
    `),
  }),
];
