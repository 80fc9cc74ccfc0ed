// Fashion materials: how a name says it ("en lin" / "linen"), the tag it
// adds, and one sentence a description can use.
import { must } from './random';
import { pair, type Localized } from './words-fr-en';

export interface Material {
  fr: string;
  en: string;
  tag: string;
  blurb: Localized;
}

// key | in a French name | in an English name | tag | blurb fr = blurb en
const TABLE = `
  linen | en lin | linen | linen | Le lin lavé reste frais même au cœur de l’été. = Washed linen stays cool even in the height of summer.
  organicCotton | en coton bio | organic cotton | organic | Coton biologique certifié GOTS, doux dès le premier porter. = GOTS-certified organic cotton, soft from the first wear.
  merino | en laine mérinos | merino wool | wool | La laine mérinos régule la chaleur et ne gratte pas. = Merino wool regulates warmth and never itches.
  cashmere | en cachemire | cashmere | cashmere | Un cachemire de Mongolie intérieure, tricoté en Écosse. = Inner Mongolian cashmere, knitted in Scotland.
  silk | en soie | silk | silk | Une soie lavée au toucher fluide et à l’éclat discret. = Washed silk with a fluid hand and a subtle sheen.
  viscose | en viscose | viscose | viscose | Viscose issue de forêts gérées durablement, au tombé fluide. = Viscose from sustainably managed forests, with a fluid drape.
  jersey | en jersey de coton | cotton jersey | cotton | Un jersey épais qui garde sa forme lavage après lavage. = A heavyweight jersey that keeps its shape wash after wash.
  crepe | en crêpe | crêpe | crepe | Un crêpe infroissable qui se glisse dans une valise. = A crease-resistant crêpe that travels well.
  poplin | en popeline de coton | cotton poplin | cotton | Une popeline serrée, nette et légèrement brillante. = A tightly woven poplin, crisp with a slight sheen.
  oxford | en coton Oxford | Oxford cotton | cotton | La toile Oxford, robuste, se patine joliment avec le temps. = Sturdy Oxford cloth that softens beautifully over time.
  flannel | en flanelle | flannel | flannel | Une flanelle brossée, chaude et douce. = Brushed flannel, warm and soft.
  lambswool | en laine d’agneau | lambswool | wool | Une laine d’agneau légère, filée en Italie. = Light lambswool, spun in Italy.
  alpaca | en alpaga | alpaca | alpaca | L’alpaga, plus chaud que la laine, reste d’une grande légèreté. = Alpaca is warmer than wool and remarkably light.
  rawDenim | en denim brut | raw denim | denim | Denim 13 oz tissé au Japon, qui se patine à votre façon. = 13 oz denim woven in Japan that fades your way.
  stretchDenim | en denim stretch | stretch denim | denim | Un denim stretch qui accompagne chaque mouvement. = A stretch denim that moves with you.
  wool | en laine | wool | wool | Laine vierge tissée dans un lanificio de Biella. = Virgin wool woven at a mill in Biella.
  boiledWool | en laine bouillie | boiled wool | wool | La laine bouillie coupe le vent tout en restant légère. = Boiled wool blocks the wind yet stays light.
  corduroy | en velours côtelé | corduroy | corduroy | Un velours à larges côtes, doux au toucher. = A wide-wale corduroy, soft to the touch.
  twill | en twill de coton | cotton twill | cotton | Un twill résistant, taillé pour le quotidien. = A hard-wearing twill cut for every day.
  suede | en daim | suede | suede | Daim velours traité contre les taches et la pluie. = Velvety suede treated against stains and rain.
  leather | en cuir | leather | leather | Cuir pleine fleur tanné au végétal en France. = Full-grain, vegetable-tanned French leather.
  patent | en cuir verni | patent leather | leather | Un cuir verni miroir qui se nettoie d’un geste. = Mirror-finish patent leather that wipes clean.
  appleLeather | en cuir de pomme | apple leather | vegan | Une alternative au cuir fabriquée à partir de résidus de pommes. = A leather alternative made from apple-juice waste.
  canvas | en toile | canvas | canvas | Une toile de coton épaisse et déperlante. = A heavy, water-repellent cotton canvas.
  recycledMesh | en mesh recyclé | recycled mesh | recycled | Un mesh respirant en fils recyclés. = Breathable mesh made from recycled yarn.
  recycledNylon | en nylon recyclé | recycled nylon | recycled | Nylon recyclé issu de filets de pêche récupérés. = Recycled nylon from reclaimed fishing nets.
  recycledPolyester | en polyester recyclé | recycled polyester | recycled | Polyester recyclé déperlant, doublure ouatinée. = Water-repellent recycled polyester with a padded lining.
`;

const MATERIALS: ReadonlyMap<string, Material> = new Map(
  TABLE.split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line): [string, Material] => {
      const [key, fr, en, tag, blurb] = line.split('|').map((cell) => cell.trim());
      return [
        must(key, 'material key'),
        {
          fr: must(fr, 'material fr'),
          en: must(en, 'material en'),
          tag: must(tag, 'material tag'),
          blurb: pair(must(blurb, 'material blurb')),
        },
      ];
    }),
);

export function materialOf(key: string): Material {
  return must(MATERIALS.get(key), `material "${key}"`);
}
