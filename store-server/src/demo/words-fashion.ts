// Fashion vocabulary: garments, their cuts and materials, in French and
// English. French adjectives are written already agreed with their noun.
import type { SubcategoryInfo } from './subcategory';
import { list, pair, pairs, type Localized } from './words-fr-en';

export type Sizing = 'fr-clothing' | 'letters' | 'jeans' | 'eu-shoes' | 'belt-cm' | 'one-size';
export type LookRole = 'top' | 'bottom' | 'dress' | 'outer' | 'shoes' | 'accessory';

export interface FashionSubcategory extends SubcategoryInfo {
  /** "Cette robe" / "This dress": the subject of description sentences. */
  subject: Localized;
  sizing: Sizing;
  role: LookRole;
  priceEuros: readonly [number, number];
  /** Keys of words-fashion-materials.ts. */
  materials: readonly string[];
  /** "Robe portefeuille" / "wrap dress": the French name starts with it, the English one ends with it. */
  cuts: readonly Localized[];
  leads: readonly Localized[];
}

export const SIZES: Record<Sizing, readonly string[]> = {
  'fr-clothing': list('34, 36, 38, 40, 42, 44, 46'),
  letters: list('XS, S, M, L, XL, XXL'),
  jeans: list('W26, W27, W28, W29, W30, W31, W32, W34, W36'),
  'eu-shoes': list('36, 37, 38, 39, 40, 41, 42, 43, 44, 45'),
  'belt-cm': list('80, 85, 90, 95, 100, 105'),
  'one-size': ['TU'],
};

export const FASHION_BRANDS: readonly string[] = list(`
  Maison Lumière, Atelier Brume, Odette & Jules, Rivage, Sillage, Côte Sauvage,
  Les Tisserands, Noé Paris, Marcel & Fils, Baltique, Pampa, Saison Douce, Le Fil Rouge,
  Maison Cévenne, Arpège, Galet, Mistral & Co
`);

export const MODEL_NAMES: readonly string[] = list(`
  Suzanne, Gaspard, Colette, Marius, Simone, Augustin, Jeanne, Félix, Rosalie, Lucien,
  Margot, Victor, Albane, Oscar, Hortense, Basile, Capucine, Émile, Lison, Anatole
`);

export const FIT_AND_CARE: readonly Localized[] = pairs(`
  Coupe fidèle : prenez votre taille habituelle. = True to size: take your usual size.
  Coupe ample : prenez une taille en dessous pour un effet ajusté. = Relaxed fit: size down for a closer fit.
  Lavable en machine à 30 °C, à l’envers. = Machine washable at 30 °C, inside out.
  Confectionné au Portugal dans un atelier familial. = Made in Portugal in a family-run workshop.
  Fabriqué en France, dans nos ateliers de Roubaix. = Made in France, in our Roubaix workshops.
  Nettoyage à sec conseillé pour garder sa tenue. = Dry clean to keep its shape.
`);

export const FASHION_SUBCATEGORIES: readonly FashionSubcategory[] = [
  {
    slug: 'dress',
    category: 'fashion',
    label: pair('Robes = Dresses'),
    subject: pair('Cette robe = This dress'),
    weight: 10,
    shape: 'dress',
    sizing: 'fr-clothing',
    role: 'dress',
    priceEuros: [45, 189],
    materials: list('linen, organicCotton, silk, viscose, jersey, crepe'),
    cuts: pairs(`
      Robe portefeuille = wrap dress
      Robe chemise = shirt dress
      Robe midi = midi dress
      Robe longue = maxi dress
      Robe trapèze = A-line dress
      Robe à bretelles = slip dress
    `),
    leads: pairs(`
      Une robe facile qui passe du bureau au dîner. = An easy dress that goes from desk to dinner.
      Une silhouette fluide, taille marquée, qui flatte toutes les morphologies. = A fluid silhouette with a defined waist that flatters every shape.
    `),
  },
  {
    slug: 'shirt',
    category: 'fashion',
    label: pair('Chemises = Shirts'),
    subject: pair('Cette chemise = This shirt'),
    weight: 9,
    shape: 'top',
    sizing: 'letters',
    role: 'top',
    priceEuros: [35, 110],
    materials: list('organicCotton, linen, poplin, oxford, flannel'),
    cuts: pairs(`
      Chemise oversize = oversized shirt
      Chemise ajustée = fitted shirt
      Chemise col Mao = grandad-collar shirt
      Chemise rayée = striped shirt
      Chemise manches courtes = short-sleeved shirt
    `),
    leads: pairs(`
      La chemise qu’on rentre dans un jean comme sous une veste. = The shirt you tuck into jeans or wear under a blazer.
      Boutons en corozo, coutures anglaises : les finitions d’une chemise sur mesure. = Corozo buttons and French seams: the finish of a made-to-measure shirt.
    `),
  },
  {
    slug: 'tshirt',
    category: 'fashion',
    label: pair('T-shirts = T-shirts'),
    subject: pair('Ce t-shirt = This T-shirt'),
    weight: 10,
    shape: 'top',
    sizing: 'letters',
    role: 'top',
    priceEuros: [15, 49],
    materials: list('organicCotton, jersey, linen'),
    cuts: pairs(`
      T-shirt col rond = crew-neck T-shirt
      T-shirt col V = V-neck T-shirt
      T-shirt oversize = oversized T-shirt
      Marinière = Breton-stripe top
      T-shirt à poche = pocket T-shirt
    `),
    leads: pairs(`
      Un basique au col qui ne se déforme pas. = A basic whose collar never loses its shape.
      Le t-shirt parfait, ni trop court ni trop long. = The perfect T-shirt, neither too short nor too long.
    `),
  },
  {
    slug: 'sweater',
    category: 'fashion',
    label: pair('Pulls = Sweaters'),
    subject: pair('Ce pull = This sweater'),
    weight: 8,
    shape: 'top',
    sizing: 'letters',
    role: 'top',
    priceEuros: [49, 229],
    materials: list('merino, cashmere, organicCotton, lambswool, alpaca'),
    cuts: pairs(`
      Pull col roulé = roll-neck sweater
      Pull col rond = crew-neck sweater
      Pull col V = V-neck sweater
      Pull torsadé = cable-knit sweater
      Pull camionneur = half-zip sweater
    `),
    leads: pairs(`
      Une maille douce qui se superpose sans épaissir. = A soft knit that layers without bulk.
      Tricoté en côtes anglaises pour une tenue impeccable. = Knitted in a full-cardigan rib so it keeps its shape.
    `),
  },
  {
    slug: 'jeans',
    category: 'fashion',
    label: pair('Jeans = Jeans'),
    subject: pair('Ce jean = These jeans'),
    weight: 8,
    shape: 'trousers',
    sizing: 'jeans',
    role: 'bottom',
    priceEuros: [59, 159],
    materials: list('rawDenim, stretchDenim, organicCotton'),
    cuts: pairs(`
      Jean droit = straight-leg jeans
      Jean slim = slim-fit jeans
      Jean large = wide-leg jeans
      Jean flare = flared jeans
      Jean mom = mom jeans
      Jean fuselé = tapered jeans
    `),
    leads: pairs(`
      Taille haute, rivets cuivrés et cinq poches : un classique. = High rise, copper rivets and five pockets: a classic.
      Un délavé doux obtenu à l’ozone, sans pierre ponce. = A soft wash achieved with ozone, no pumice stones.
    `),
  },
  {
    slug: 'trousers',
    category: 'fashion',
    label: pair('Pantalons = Trousers'),
    subject: pair('Ce pantalon = These trousers'),
    weight: 7,
    shape: 'trousers',
    sizing: 'fr-clothing',
    role: 'bottom',
    priceEuros: [45, 149],
    materials: list('organicCotton, linen, wool, corduroy, twill'),
    cuts: pairs(`
      Pantalon chino = chinos
      Pantalon à pinces = pleated trousers
      Pantalon cargo = cargo trousers
      Pantalon large = wide-leg trousers
      Pantalon cigarette = cigarette trousers
    `),
    leads: pairs(`
      Un pantalon qui tombe juste, avec ou sans ceinture. = Trousers that hang just right, with or without a belt.
      Pli permanent et ourlet à reprendre gratuitement en magasin. = A permanent crease, with free hemming in store.
    `),
  },
  {
    slug: 'skirt',
    category: 'fashion',
    label: pair('Jupes = Skirts'),
    subject: pair('Cette jupe = This skirt'),
    weight: 5,
    shape: 'skirt',
    sizing: 'fr-clothing',
    role: 'bottom',
    priceEuros: [39, 129],
    materials: list('linen, silk, viscose, corduroy, wool'),
    cuts: pairs(`
      Jupe plissée = pleated skirt
      Jupe midi = midi skirt
      Jupe portefeuille = wrap skirt
      Jupe crayon = pencil skirt
      Jupe trapèze = A-line skirt
    `),
    leads: pairs(`
      Une jupe qui bouge joliment à chaque pas. = A skirt that moves beautifully with every step.
      Taille élastiquée au dos pour un confort toute la journée. = An elasticated back waist for all-day comfort.
    `),
  },
  {
    slug: 'jacket',
    category: 'fashion',
    label: pair('Vestes = Jackets'),
    subject: pair('Cette veste = This jacket'),
    weight: 6,
    shape: 'outerwear',
    sizing: 'letters',
    role: 'outer',
    priceEuros: [79, 329],
    materials: list('wool, linen, organicCotton, corduroy, suede, leather'),
    cuts: pairs(`
      Veste de tailleur = tailored jacket
      Veste courte = cropped jacket
      Veste matelassée = quilted jacket
      Veste de travail = chore jacket
      Veste saharienne = safari jacket
    `),
    leads: pairs(`
      La pièce qui structure une tenue en un instant. = The piece that pulls an outfit together in a second.
      Épaules naturelles et doublure en cupro respirant. = Natural shoulders and a breathable cupro lining.
    `),
  },
  {
    slug: 'coat',
    category: 'fashion',
    label: pair('Manteaux = Coats'),
    subject: pair('Ce manteau = This coat'),
    weight: 5,
    shape: 'outerwear',
    sizing: 'letters',
    role: 'outer',
    priceEuros: [129, 489],
    materials: list('wool, boiledWool, cashmere, recycledPolyester'),
    cuts: pairs(`
      Manteau long = long coat
      Manteau croisé = double-breasted coat
      Caban = pea coat
      Manteau à capuche = hooded coat
      Manteau droit = straight coat
    `),
    leads: pairs(`
      Un manteau d’hiver pensé pour durer des années. = A winter coat made to last for years.
      Col à revers et poches passepoilées, dans la pure tradition tailleur. = Notched lapels and jetted pockets, in the best tailoring tradition.
    `),
  },
  {
    slug: 'sneakers',
    category: 'fashion',
    label: pair('Baskets = Sneakers'),
    subject: pair('Ces baskets = These sneakers'),
    weight: 7,
    shape: 'shoe',
    sizing: 'eu-shoes',
    role: 'shoes',
    priceEuros: [59, 179],
    materials: list('leather, suede, canvas, appleLeather, recycledMesh'),
    cuts: pairs(`
      Baskets basses = low-top sneakers
      Baskets montantes = high-top sneakers
      Baskets rétro = retro sneakers
      Baskets de running = running shoes
    `),
    leads: pairs(`
      Semelle en caoutchouc naturel cousue, ressemelable. = A stitched natural-rubber sole that can be resoled.
      Une première de propreté amovible en liège. = A removable cork insole.
    `),
  },
  {
    slug: 'boots',
    category: 'fashion',
    label: pair('Bottines = Ankle boots'),
    subject: pair('Ces bottines = These boots'),
    weight: 4,
    shape: 'shoe',
    sizing: 'eu-shoes',
    role: 'shoes',
    priceEuros: [89, 249],
    materials: list('leather, suede, patent'),
    cuts: pairs(`
      Bottines à talon = heeled ankle boots
      Bottines chelsea = Chelsea boots
      Bottines à lacets = lace-up boots
      Bottines western = western boots
    `),
    leads: pairs(`
      Montage Goodyear pour des années de marche. = Goodyear-welted for years of walking.
      Un talon de 4 cm, stable et confortable. = A stable, comfortable 4 cm heel.
    `),
  },
  {
    slug: 'bag',
    category: 'fashion',
    label: pair('Sacs = Bags'),
    subject: pair('Ce sac = This bag'),
    weight: 5,
    shape: 'bag',
    sizing: 'one-size',
    role: 'accessory',
    priceEuros: [39, 349],
    materials: list('leather, canvas, suede, appleLeather, recycledNylon'),
    cuts: pairs(`
      Sac cabas = tote bag
      Sac bandoulière = crossbody bag
      Sac seau = bucket bag
      Besace = messenger bag
    `),
    leads: pairs(`
      Assez grand pour un ordinateur 14 pouces. = Big enough for a 14-inch laptop.
      Une poche intérieure zippée et une attache pour les clés. = An inside zip pocket and a key clip.
    `),
  },
  {
    slug: 'scarf',
    category: 'fashion',
    label: pair('Écharpes = Scarves'),
    subject: pair('Cette écharpe = This scarf'),
    weight: 3,
    shape: 'scarf',
    sizing: 'one-size',
    role: 'accessory',
    priceEuros: [25, 159],
    materials: list('merino, cashmere, lambswool, alpaca'),
    cuts: pairs(`
      Écharpe longue = long scarf
      Écharpe à franges = fringed scarf
      Écharpe à carreaux = checked scarf
      Écharpe côtelée = ribbed scarf
    `),
    leads: pairs(`
      190 × 35 cm : de quoi faire deux tours. = 190 × 35 cm: long enough to wrap twice.
    `),
  },
  {
    slug: 'belt',
    category: 'fashion',
    label: pair('Ceintures = Belts'),
    subject: pair('Cette ceinture = This belt'),
    weight: 3,
    shape: 'belt',
    sizing: 'belt-cm',
    role: 'accessory',
    priceEuros: [25, 95],
    materials: list('leather, appleLeather, canvas'),
    cuts: pairs(`
      Ceinture tressée = braided belt
      Ceinture réversible = reversible belt
      Ceinture fine = slim belt
      Ceinture à boucle dorée = gold-buckle belt
    `),
    leads: pairs(`
      Boucle en laiton massif, garantie à vie. = A solid brass buckle with a lifetime guarantee.
    `),
  },
];
