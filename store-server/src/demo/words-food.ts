// Fine-food vocabulary (wine lives in words-wine.ts). Allergens are written as
// short keys of the EU's fourteen (gluten, crustaceans, eggs, fish, peanuts,
// soy, milk, nuts, celery, mustard, sesame, sulphites, lupin, molluscs) and
// stored as the tags Open Food Facts uses (`en:milk`); each must show in the
// item's ingredients (food-facts.test.ts checks it).
import { allergenTag, readAllergenTag } from '@vitrine/shared/core';
import { must } from './random';
import type { SubcategoryInfo } from './subcategory';
import { frenchSpacing, list, pair, pairs, rows, type Localized } from './words-fr-en';

type Range = readonly [number, number];

export interface NutritionRanges {
  energyKcal: Range;
  fat: Range;
  saturatedFat: Range;
  carbohydrates: Range;
  sugars: Range;
  protein: Range;
  salt: Range;
}

interface FoodItem {
  name: Localized;
  origin: Localized;
  composition: Localized;
  /** Open Food Facts tags: `en:milk`, `en:sulphur-dioxide-and-sulphites`… */
  allergens: readonly string[];
  /** "affiné 18 mois" / "aged 18 months"; may be empty. */
  qualifiers: readonly Localized[];
}

export interface FoodSubcategory extends SubcategoryInfo {
  brands: readonly string[];
  formats: readonly string[];
  priceEuros: Range;
  nutrition: NutritionRanges;
  /** Subcategories whose products go well with this one's (food.pairings). */
  pairsWith: readonly string[];
  /** "May contain" allergens of the workshop (tags), beyond each item's own. */
  traces?: readonly string[];
  /** Drinks give their nutrition per 100 ml. */
  nutritionBasis?: '100ml';
  leads: readonly Localized[];
  items: readonly FoodItem[];
}

/** Seven "min-max" ranges: kcal, fat, saturated fat, carbohydrates, sugars, protein, salt. */
export function nutrition(text: string): NutritionRanges {
  const ranges = text.split(' ').map((cell): Range => {
    const [min, max] = cell.split('-').map(Number);
    return [must(min, 'range min'), must(max ?? min, 'range max')];
  });
  const at = (index: number): Range => must(ranges[index], 'nutrition range');
  return {
    energyKcal: at(0),
    fat: at(1),
    saturatedFat: at(2),
    carbohydrates: at(3),
    sugars: at(4),
    protein: at(5),
    salt: at(6),
  };
}

/** Short allergen keys ("milk, soy") as Open Food Facts tags; an unknown key is a typo. */
function allergenTags(keys: string): string[] {
  return list(keys).map((key) => {
    const { code } = readAllergenTag(key);
    if (!code) throw new Error(`demo generator: "${key}" is not one of the 14 allergens`);
    return allergenTag(code);
  });
}

/** A "fr = en" pair with French spacing before : ; ! ? and %. */
const frPair = (text: string): Localized => {
  const both = pair(text);
  return { fr: frenchSpacing(both.fr), en: both.en };
};

/** Rows of "name | origin | composition | allergens | qualifiers (fr = en; fr = en)". */
function items(text: string): FoodItem[] {
  return rows(text).map(([name, origin, composition, allergens, qualifiers]) => ({
    name: frPair(must(name, 'food name')),
    origin: pair(must(origin, 'food origin')),
    composition: frPair(must(composition, 'food composition')),
    allergens: allergenTags(allergens ?? ''),
    qualifiers: (qualifiers ?? '')
      .split(';')
      .filter((q) => q.trim())
      .map(frPair),
  }));
}

export const FOOD_SUBCATEGORIES: readonly FoodSubcategory[] = [
  {
    slug: 'cheese',
    category: 'food',
    label: pair('Fromages = Cheese'),
    weight: 8,
    shape: 'wedge',
    brands: list('Fromagerie des Aravis, Maison Vergnaud, Fromagerie Lemaire, Laiterie du Plateau'),
    formats: list('150 g, 200 g, 250 g, 500 g'),
    priceEuros: [3.5, 24],
    nutrition: nutrition('280-420 22-34 14-23 0-2 0-1 18-30 1.2-2.2'),
    pairsWith: ['wine-red', 'wine-white', 'jam', 'honey'],
    leads: pairs(`
      Affiné dans nos caves et coupé à la commande. = Ripened in our cellars and cut to order.
      Sortez-le du réfrigérateur une heure avant de le servir. = Take it out of the fridge an hour before serving.
      Un fromage de caractère, sélectionné par nos fromagers. = A cheese with character, chosen by our cheesemongers.
    `),
    items: items(`
      Comté AOP = Comté PDO | Jura, France = Jura, France | Lait cru de vache, sel, ferments lactiques, présure = Raw cow’s milk, salt, lactic cultures, rennet | milk | affiné 12 mois = aged 12 months; affiné 18 mois = aged 18 months; affiné 24 mois = aged 24 months
      Brie de Meaux AOP = Brie de Meaux PDO | Seine-et-Marne, France = Seine-et-Marne, France | Lait cru de vache, sel, ferments lactiques, présure = Raw cow’s milk, salt, lactic cultures, rennet | milk
      Camembert de Normandie AOP = Camembert de Normandie PDO | Normandie, France = Normandy, France | Lait cru de vache, sel, ferments lactiques, présure = Raw cow’s milk, salt, lactic cultures, rennet | milk
      Roquefort AOP = Roquefort PDO | Aveyron, France = Aveyron, France | Lait cru de brebis, sel, Penicillium roqueforti, présure = Raw ewe’s milk, salt, Penicillium roqueforti, rennet | milk
      Tomme de Savoie IGP = Tomme de Savoie PGI | Savoie, France = Savoy, France | Lait de vache, sel, ferments, présure = Cow’s milk, salt, cultures, rennet | milk
      Sainte-Maure de Touraine AOP = Sainte-Maure de Touraine PDO | Touraine, France = Touraine, France | Lait cru de chèvre, sel, ferments, présure = Raw goat’s milk, salt, cultures, rennet | milk
      Ossau-Iraty AOP = Ossau-Iraty PDO | Pays basque, France = Basque Country, France | Lait de brebis, sel, ferments, présure = Ewe’s milk, salt, cultures, rennet | milk | affiné 6 mois = aged 6 months; affiné 10 mois = aged 10 months
      Mimolette = Mimolette | Hauts-de-France, France = Hauts-de-France, France | Lait de vache pasteurisé, sel, rocou, ferments, présure = Pasteurised cow’s milk, salt, annatto, cultures, rennet | milk | jeune = young; vieille = aged; extra-vieille = extra-aged
      Beaufort AOP = Beaufort PDO | Savoie, France = Savoy, France | Lait cru de vache, sel, ferments, présure = Raw cow’s milk, salt, cultures, rennet | milk | d’été = summer; chalet d’alpage = alpine chalet
      Époisses AOP = Époisses PDO | Bourgogne, France = Burgundy, France | Lait de vache, sel, ferments, présure, marc de Bourgogne = Cow’s milk, salt, cultures, rennet, marc de Bourgogne | milk
    `),
  },
  {
    slug: 'charcuterie',
    category: 'food',
    label: pair('Charcuterie = Charcuterie'),
    weight: 6,
    shape: 'sausage',
    brands: list('Maison Montalet, Salaisons du Forez, Charcuterie Bertin, Les Fumaisons d’Arrée'),
    formats: list('100 g, 150 g, 200 g, 250 g'),
    priceEuros: [3.9, 19],
    nutrition: nutrition('220-450 12-38 4-14 0-3 0-1.5 18-32 2.8-5.5'),
    pairsWith: ['wine-red', 'wine-rose'],
    leads: pairs(`
      Préparé à l’ancienne par des artisans charcutiers. = Made the traditional way by artisan charcutiers.
      À déguster en fines tranches, à température ambiante. = Best in thin slices, at room temperature.
    `),
    items: items(`
      Jambon de Bayonne IGP = Bayonne ham PGI | Pays basque, France = Basque Country, France | Jambon de porc, sel de Salies-de-Béarn = Pork ham, Salies-de-Béarn salt | | affiné 12 mois = aged 12 months; affiné 16 mois = aged 16 months
      Saucisson sec pur porc = Dry-cured pork saucisson | Auvergne, France = Auvergne, France | Porc, sel, lactose, poivre, ail, ferments, conservateur : nitrite de sodium = Pork, salt, lactose, pepper, garlic, cultures, preservative: sodium nitrite | milk | aux noisettes = with hazelnuts; au poivre = with pepper
      Rosette de Lyon = Rosette de Lyon | Lyon, France = Lyon, France | Porc, sel, poivre, ail, vin rouge (sulfites) = Pork, salt, pepper, garlic, red wine (sulphites) | sulphites
      Rillettes du Mans = Rillettes du Mans | Sarthe, France = Sarthe, France | Viande de porc, graisse de porc, sel, poivre = Pork, pork fat, salt, pepper |
      Pâté de campagne = Country pâté | Bretagne, France = Brittany, France | Viande et foie de porc, œufs, oignons, sel, épices = Pork meat and liver, eggs, onions, salt, spices | eggs
      Terrine de canard au poivre vert = Duck terrine with green peppercorns | Périgord, France = Périgord, France | Canard, porc, foie de volaille, œufs, cognac, poivre vert, sel = Duck, pork, chicken liver, eggs, cognac, green peppercorns, salt | eggs
      Chorizo doux = Mild chorizo | Pays basque, France = Basque Country, France | Porc, paprika, sel, ail, dextrose = Pork, paprika, salt, garlic, dextrose |
      Coppa de Corse AOP = Coppa de Corse PDO | Corse, France = Corsica, France | Échine de porc, sel, poivre = Pork neck, salt, pepper |
    `),
  },
  {
    slug: 'chocolate',
    category: 'food',
    label: pair('Chocolat = Chocolate'),
    weight: 7,
    shape: 'bar',
    brands: list('Chocolaterie du Vercors, Atelier Cabosse, Les Fèves d’Or, Maison Cacao Lyon'),
    formats: list('80 g, 100 g, 200 g'),
    priceEuros: [2.9, 22],
    nutrition: nutrition('500-590 30-46 18-28 25-55 10-50 5-11 0-0.3'),
    pairsWith: ['wine-red', 'coffee', 'champagne'],
    traces: allergenTags('nuts, milk'),
    leads: pairs(`
      Fabriqué de la fève à la tablette dans notre atelier. = Made bean to bar in our workshop.
      Un cacao fin, acheté directement aux coopératives. = Fine cocoa bought directly from the cooperatives.
    `),
    items: items(`
      Chocolat noir 70 % = 70% dark chocolate | Équateur = Ecuador | Fèves de cacao, sucre de canne, beurre de cacao, émulsifiant : lécithine de soja = Cocoa beans, cane sugar, cocoa butter, emulsifier: soya lecithin | soy
      Chocolat noir 85 % = 85% dark chocolate | Pérou = Peru | Fèves de cacao, sucre de canne, beurre de cacao = Cocoa beans, cane sugar, cocoa butter |
      Chocolat au lait 40 % = 40% milk chocolate | Madagascar = Madagascar | Sucre, beurre de cacao, lait entier en poudre, fèves de cacao = Sugar, cocoa butter, whole milk powder, cocoa beans | milk
      Chocolat au lait caramel beurre salé = Salted butter caramel milk chocolate | Bretagne, France = Brittany, France | Chocolat au lait, caramel, beurre, sel de Guérande, lécithine de soja = Milk chocolate, caramel, butter, Guérande salt, soya lecithin | milk, soy
      Chocolat noir aux noisettes du Piémont = Dark chocolate with Piedmont hazelnuts | Italie = Italy | Chocolat noir, noisettes du Piémont (20 %) = Dark chocolate, Piedmont hazelnuts (20%) | nuts
      Pralinés amandes-noisettes = Almond and hazelnut pralines | Lyon, France = Lyon, France | Sucre, amandes, noisettes, chocolat au lait = Sugar, almonds, hazelnuts, milk chocolate | nuts, milk
      Orangettes = Candied orange peel in dark chocolate | Provence, France = Provence, France | Écorces d’orange confites, chocolat noir (lécithine de soja) = Candied orange peel, dark chocolate (soya lecithin) | soy
      Truffes au cacao = Cocoa-dusted truffles | Savoie, France = Savoy, France | Chocolat noir, crème, beurre, cacao en poudre = Dark chocolate, cream, butter, cocoa powder | milk
    `),
  },
  {
    slug: 'biscuits',
    category: 'food',
    label: pair('Biscuits = Biscuits'),
    weight: 6,
    shape: 'biscuit',
    brands: list('Biscuiterie Kerlann, Les Délices de Lucie, Biscuiterie Marelle, Maison Pichon'),
    formats: list('100 g, 125 g, 200 g, 250 g'),
    priceEuros: [2.5, 12],
    nutrition: nutrition('440-520 18-28 10-18 58-70 20-32 5-8 0.4-1.4'),
    pairsWith: ['coffee', 'tea', 'champagne'],
    traces: allergenTags('nuts, sesame'),
    leads: pairs(`
      Cuits chaque matin dans notre four à sole. = Baked every morning in our deck oven.
      Sans huile de palme ni arôme artificiel. = No palm oil, no artificial flavouring.
    `),
    items: items(`
      Galettes pur beurre = All-butter galettes | Bretagne, France = Brittany, France | Farine de blé, beurre (24 %), sucre, œufs, sel de Guérande = Wheat flour, butter (24%), sugar, eggs, Guérande salt | gluten, milk, eggs
      Palets bretons = Breton butter biscuits | Bretagne, France = Brittany, France | Farine de blé, beurre, sucre, jaunes d’œufs, sel = Wheat flour, butter, sugar, egg yolks, salt | gluten, milk, eggs
      Sablés au citron = Lemon shortbread | Vendée, France = Vendée, France | Farine de blé, beurre, sucre, zestes de citron = Wheat flour, butter, sugar, lemon zest | gluten, milk
      Madeleines de Commercy = Commercy madeleines | Lorraine, France = Lorraine, France | Œufs, sucre, farine de blé, beurre, miel = Eggs, sugar, wheat flour, butter, honey | gluten, milk, eggs
      Tuiles aux amandes = Almond tuiles | Provence, France = Provence, France | Amandes (30 %), sucre, blancs d’œufs, farine, beurre = Almonds (30%), sugar, egg whites, flour, butter | nuts, eggs, gluten, milk
      Navettes à la fleur d’oranger = Orange-blossom navettes | Marseille, France = Marseille, France | Farine de blé, sucre, œufs, eau de fleur d’oranger = Wheat flour, sugar, eggs, orange-blossom water | gluten, eggs
      Canistrelli à l’anis = Aniseed canistrelli | Corse, France = Corsica, France | Farine de blé, sucre, vin blanc (sulfites), huile d’olive, anis = Wheat flour, sugar, white wine (sulphites), olive oil, aniseed | gluten, sulphites
      Financiers = Financiers | Paris, France = Paris, France | Poudre d’amandes, blancs d’œufs, sucre, beurre noisette, farine = Ground almonds, egg whites, sugar, brown butter, flour | nuts, eggs, milk, gluten
    `),
  },
  {
    slug: 'olive-oil',
    category: 'food',
    label: pair('Huiles d’olive = Olive oils'),
    weight: 4,
    shape: 'bottle',
    brands: list('Moulin Saint-Rémy, Domaine des Oliviers, Moulin de la Bastide'),
    formats: list('25 cl, 50 cl, 75 cl, 1 l'),
    priceEuros: [7.9, 39],
    nutrition: nutrition('899-900 99.9-100 13-16 0 0 0 0'),
    pairsWith: ['wine-rose', 'wine-white'],
    leads: pairs(`
      Pressée à froid dans les heures qui suivent la récolte. = Cold-pressed within hours of the harvest.
      Récolte de l’année, à consommer dans les dix-huit mois. = This year’s harvest, best within eighteen months.
    `),
    items: items(`
      Huile d’olive de Nyons AOP = Nyons olive oil PDO | Drôme provençale, France = Drôme provençale, France | 100 % olives Tanche = 100% Tanche olives |
      Huile d’olive Vallée des Baux-de-Provence AOP = Vallée des Baux-de-Provence olive oil PDO | Bouches-du-Rhône, France = Bouches-du-Rhône, France | Olives Salonenque, Aglandau, Grossane = Salonenque, Aglandau and Grossane olives | | fruité vert = green fruity; fruité noir = black fruity
      Huile d’olive de Nice AOP = Nice olive oil PDO | Alpes-Maritimes, France = Alpes-Maritimes, France | 100 % olives Cailletier = 100% Cailletier olives |
      Huile d’olive vierge extra bio = Organic extra virgin olive oil | Crète, Grèce = Crete, Greece | 100 % olives Koroneiki = 100% Koroneiki olives |
      Huile d’olive vierge extra = Extra virgin olive oil | Andalousie, Espagne = Andalusia, Spain | Olives Picual = Picual olives | | fruité intense = intense fruity; fruité doux = mild fruity
    `),
  },
  {
    slug: 'coffee',
    category: 'food',
    label: pair('Cafés = Coffee'),
    weight: 5,
    shape: 'cup',
    brands: list('Brûlerie Saint-Pierre, Brûlerie des Canuts, Café Moka Bleu'),
    formats: list('250 g, 500 g, 1 kg'),
    priceEuros: [5.9, 32],
    nutrition: nutrition('1-3 0-0.2 0-0.1 0-0.3 0 0.1-0.3 0-0.01'),
    pairsWith: ['chocolate', 'biscuits'],
    nutritionBasis: '100ml',
    leads: pairs(`
      Torréfié chaque semaine en petits lots. = Roasted every week in small batches.
      Valeurs nutritionnelles pour 100 ml de café préparé. = Nutrition values per 100 ml of brewed coffee.
    `),
    items: items(`
      Café Éthiopie Yirgacheffe = Ethiopia Yirgacheffe coffee | Yirgacheffe, Éthiopie = Yirgacheffe, Ethiopia | 100 % arabica lavé = 100% washed Arabica | | en grains = whole bean; moulu = ground
      Café Colombie Huila = Colombia Huila coffee | Huila, Colombie = Huila, Colombia | 100 % arabica = 100% Arabica | | en grains = whole bean; moulu = ground
      Café Brésil Cerrado = Brazil Cerrado coffee | Minas Gerais, Brésil = Minas Gerais, Brazil | 100 % arabica nature = 100% natural Arabica | | en grains = whole bean; moulu = ground
      Café Guatemala Huehuetenango = Guatemala Huehuetenango coffee | Huehuetenango, Guatemala = Huehuetenango, Guatemala | 100 % arabica = 100% Arabica | | en grains = whole bean; moulu = ground
      Espresso de la maison = House espresso blend | Brésil et Inde = Brazil and India | Arabica 80 %, robusta 20 % = Arabica 80%, Robusta 20% | | en grains = whole bean; moulu = ground
      Café décaféiné Pérou = Peru decaffeinated coffee | Cajamarca, Pérou = Cajamarca, Peru | 100 % arabica décaféiné au CO2 = 100% CO2-decaffeinated Arabica | | en grains = whole bean; moulu = ground
    `),
  },
  {
    slug: 'tea',
    category: 'food',
    label: pair('Thés et infusions = Tea and infusions'),
    weight: 4,
    shape: 'cup',
    brands: list('Maison des Thés Sauvages, Comptoir Kyoto, Les Jardins de Thé'),
    formats: list('50 g, 100 g, 250 g'),
    priceEuros: [4.9, 24],
    nutrition: nutrition('0-2 0 0 0-0.4 0-0.2 0-0.1 0'),
    pairsWith: ['biscuits', 'honey', 'jam'],
    nutritionBasis: '100ml',
    leads: pairs(`
      Des feuilles entières, jamais de poussière de thé. = Whole leaves, never tea dust.
      Valeurs nutritionnelles pour 100 ml d’infusion. = Nutrition values per 100 ml of brewed tea.
    `),
    items: items(`
      Thé vert Sencha = Sencha green tea | Shizuoka, Japon = Shizuoka, Japan | Thé vert = Green tea | | en vrac = loose leaf; en sachets = in tea bags
      Earl Grey = Earl Grey | Sri Lanka = Sri Lanka | Thé noir, huile essentielle de bergamote = Black tea, bergamot essential oil | | en vrac = loose leaf; en sachets = in tea bags
      Thé noir Assam = Assam black tea | Assam, Inde = Assam, India | Thé noir = Black tea | | en vrac = loose leaf; en sachets = in tea bags
      Rooibos vanille = Vanilla rooibos | Afrique du Sud = South Africa | Rooibos, morceaux de vanille, arôme naturel = Rooibos, vanilla pieces, natural flavouring |
      Thé blanc Bai Mu Dan = Bai Mu Dan white tea | Fujian, Chine = Fujian, China | Thé blanc = White tea |
      Infusion verveine-menthe = Verbena and mint infusion | Anjou, France = Anjou, France | Verveine, menthe poivrée = Lemon verbena, peppermint |
      Thé de Noël = Christmas tea | Chine = China | Thé noir, écorces d’orange, cannelle, clou de girofle = Black tea, orange peel, cinnamon, clove |
    `),
  },
  {
    slug: 'honey',
    category: 'food',
    label: pair('Miels = Honey'),
    weight: 3,
    shape: 'jar',
    brands: list('Rucher des Cévennes, Les Abeilles de Flore, Miellerie du Ventoux'),
    formats: list('250 g, 375 g, 500 g'),
    priceEuros: [6.5, 19],
    nutrition: nutrition('300-330 0 0 80-83 78-82 0.3-0.5 0-0.02'),
    pairsWith: ['cheese', 'tea'],
    leads: pairs(`
      Récolté et mis en pot par l’apiculteur. = Harvested and jarred by the beekeeper.
      Un miel non chauffé, qui cristallise naturellement. = An unheated honey that crystallises naturally.
    `),
    items: items(`
      Miel de lavande = Lavender honey | Provence, France = Provence, France | Miel de lavande = Lavender honey |
      Miel d’acacia = Acacia honey | Bourgogne, France = Burgundy, France | Miel d’acacia = Acacia honey |
      Miel de châtaignier = Chestnut honey | Cévennes, France = Cévennes, France | Miel de châtaignier = Chestnut honey |
      Miel de montagne = Mountain honey | Pyrénées, France = Pyrenees, France | Miel de fleurs de montagne = Mountain wildflower honey |
      Miel de sapin des Vosges AOP = Vosges fir honey PDO | Vosges, France = Vosges, France | Miel de sapin = Fir honeydew honey |
      Miel crémeux de printemps = Creamy spring honey | Anjou, France = Anjou, France | Miel de fleurs = Wildflower honey |
    `),
  },
  {
    slug: 'jam',
    category: 'food',
    label: pair('Confitures = Jams'),
    weight: 4,
    shape: 'jar',
    brands: list('Confiturerie du Verger, Maison Lucie Petit, Vergers de Provence'),
    formats: list('220 g, 340 g, 370 g'),
    priceEuros: [3.5, 11],
    nutrition: nutrition('200-260 0-0.3 0-0.1 48-62 45-60 0.3-0.8 0-0.05'),
    pairsWith: ['cheese', 'tea', 'biscuits'],
    leads: pairs(`
      Cuite en chaudron de cuivre, 60 g de fruits pour 100 g. = Cooked in a copper pan, 60 g of fruit per 100 g.
      Des fruits cueillis à maturité, sans colorant. = Fruit picked ripe, no colouring.
    `),
    items: items(`
      Confiture d’abricots du Roussillon = Roussillon apricot jam | Roussillon, France = Roussillon, France | Abricots, sucre de canne, jus de citron, pectine de fruits = Apricots, cane sugar, lemon juice, fruit pectin |
      Confiture de fraises de Plougastel = Plougastel strawberry jam | Bretagne, France = Brittany, France | Fraises, sucre de canne, jus de citron = Strawberries, cane sugar, lemon juice |
      Confiture de figues violettes = Purple fig jam | Provence, France = Provence, France | Figues, sucre de canne, jus de citron = Figs, cane sugar, lemon juice |
      Marmelade d’oranges amères = Seville orange marmalade | Andalousie, Espagne = Andalusia, Spain | Oranges amères, sucre de canne = Seville oranges, cane sugar |
      Confiture de mirabelles de Lorraine = Lorraine mirabelle plum jam | Lorraine, France = Lorraine, France | Mirabelles, sucre de canne, pectine = Mirabelle plums, cane sugar, pectin |
      Crème de marrons de l’Ardèche = Ardèche chestnut spread | Ardèche, France = Ardèche, France | Marrons, sucre, vanille = Chestnuts, sugar, vanilla |
      Confiture de lait = Dulce de leche | Normandie, France = Normandy, France | Lait entier, sucre, vanille = Whole milk, sugar, vanilla | milk
    `),
  },
];
