// Phrases that shoppers' reviews are assembled from, by star rating and by
// category. Each line is a French phrase and its English counterpart; a
// review uses one language only.
import type { Category } from './subcategory';
import { pairs, type Localized } from './words-fr-en';

export type Sentiment = 'negative' | 'mixed' | 'positive';

export function sentimentOf(rating: number): Sentiment {
  return rating >= 4 ? 'positive' : rating === 3 ? 'mixed' : 'negative';
}

/** Titles for 1★ to 5★. */
export const TITLES: readonly (readonly Localized[])[] = [
  pairs(`
    Très déçu = Very disappointed
    À éviter = Avoid
    Ne correspond pas à la description = Not as described
    Retourné dès le lendemain = Returned the next day
  `),
  pairs(`
    Bof = Meh
    Pas convaincu = Not convinced
    Peut mieux faire = Could do better
    Qualité moyenne pour le prix = Average quality for the price
  `),
  pairs(`
    Correct sans plus = Fine, nothing more
    Des qualités et des défauts = Pros and cons
    Dans la moyenne = Average
    Bien, mais… = Good, but…
  `),
  pairs(`
    Très bon produit = Very good product
    Satisfait de mon achat = Happy with my purchase
    Bon rapport qualité-prix = Good value for money
    Je recommande = Recommended
  `),
  pairs(`
    Parfait ! = Perfect!
    Un coup de cœur = Love it
    Excellent, je rachèterai = Excellent, will buy again
    Exactement ce que je cherchais = Exactly what I was looking for
    Superbe qualité = Superb quality
  `),
];

export const OPENERS: Readonly<Record<Sentiment, readonly Localized[]>> = {
  negative: pairs(`
    Je m’attendais à beaucoup mieux. = I expected much better.
    Franchement décevant. = Frankly disappointing.
    Acheté sur les conseils d’un vendeur, je le regrette. = Bought on a sales assistant’s advice, and I regret it.
  `),
  mixed: pairs(`
    Produit correct dans l’ensemble. = A decent product overall.
    Quelques points positifs, mais pas tout. = Some good points, but not everything.
    Avis partagé après quelques semaines. = Mixed feelings after a few weeks.
  `),
  positive: pairs(`
    Très content de cet achat. = Very pleased with this purchase.
    Acheté en magasin après l’avoir vu sur la borne. = Bought in store after seeing it on the kiosk.
    Offert à ma mère, elle est ravie. = A gift for my mother, who loves it.
    Deuxième achat, toujours aussi satisfait. = Second time buying it, still just as happy.
  `),
};

/** What a review talks about: a product's category, with wine apart from other food. */
export type ReviewTopic = Category | 'wine';

export const REMARKS: Readonly<
  Record<ReviewTopic, Readonly<Record<Sentiment, readonly Localized[]>>>
> = {
  fashion: {
    negative: pairs(`
      La taille est beaucoup trop petite et la matière bouloche déjà. = It runs far too small and the fabric is already pilling.
      La couleur ne ressemble pas du tout à la photo. = The colour looks nothing like the photo.
      Les coutures ont lâché après deux lavages. = The seams gave way after two washes.
    `),
    mixed: pairs(`
      Belle matière, mais la coupe taille un peu grand. = Nice fabric, but the cut runs a little large.
      Joli, mais froisse très vite. = Pretty, but creases very quickly.
      La couleur est fidèle, les finitions un peu moins. = The colour is true, the finish less so.
    `),
    positive: pairs(`
      La coupe est parfaite et la matière très agréable. = The fit is perfect and the fabric lovely.
      Taille normalement, j’ai pris ma taille habituelle. = True to size, I took my usual size.
      Tient très bien au lavage, aucune déformation. = Washes very well, no loss of shape.
    `),
  },
  food: {
    negative: pairs(`
      Aucun goût, rien à voir avec le produit artisanal annoncé. = No flavour, nothing like the artisanal product promised.
      Date de consommation trop courte à l’achat. = The best-before date was too close when I bought it.
      Beaucoup trop salé à mon goût. = Far too salty for my taste.
    `),
    mixed: pairs(`
      Bon, mais un peu cher pour la quantité. = Good, but a little pricey for the amount.
      Correct, sans l’intensité espérée. = Decent, without the intensity I hoped for.
      Bien pour le quotidien, pas pour recevoir. = Fine for every day, not for guests.
    `),
    positive: pairs(`
      Un vrai délice, toute la famille a adoré. = A real treat, the whole family loved it.
      Le conseil d’accord de la borne était parfait. = The kiosk’s pairing suggestion was spot on.
      Des saveurs authentiques, on sent la qualité. = Authentic flavours, you can taste the quality.
    `),
  },
  wine: {
    negative: pairs(`
      Bouchonné, et le magasin n’en avait plus pour l’échanger. = Corked, and the store had none left to swap it.
      Très acide, rien à voir avec la description. = Very sharp, nothing like the description.
      Trop boisé, le fruit a disparu. = Far too oaky, the fruit has gone.
    `),
    mixed: pairs(`
      Agréable, mais un peu court en bouche. = Pleasant, but a little short on the finish.
      Il gagne à être carafé, fermé à l’ouverture. = Better decanted, it was closed when opened.
      Correct pour le prix, sans émotion. = Fine for the price, but no thrill.
    `),
    positive: pairs(`
      Superbe avec le fromage conseillé par la borne. = Superb with the cheese the kiosk suggested.
      Un vin élégant qui a fait l’unanimité à table. = An elegant wine everyone at the table loved.
      Belle complexité, il mérite encore quelques années de cave. = Lovely complexity, it deserves a few more years in the cellar.
    `),
  },
  electronics: {
    negative: pairs(`
      L’autonomie est très loin de ce qui est annoncé. = The battery life is nowhere near what is claimed.
      Tombé en panne au bout de trois semaines. = It broke down after three weeks.
      Le Bluetooth décroche sans arrêt. = The Bluetooth keeps dropping out.
    `),
    mixed: pairs(`
      Fait le travail, mais l’application est peu intuitive. = Does the job, but the app is not very intuitive.
      Bonne qualité, un peu lourd au quotidien. = Good quality, a bit heavy for daily use.
      Correct, mais la concurrence fait mieux au même prix. = Decent, but rivals do better for the price.
    `),
    positive: pairs(`
      Installation en cinq minutes, tout fonctionne. = Set up in five minutes, everything works.
      L’autonomie tient largement la journée. = The battery easily lasts all day.
      Finitions soignées et très bonne qualité sonore. = Neat finish and excellent sound.
    `),
  },
};

/** Closing lines for 1★ to 5★. */
export const CLOSERS: readonly (readonly Localized[])[] = [
  pairs(`
    Je ne recommande pas. = I would not recommend it.
    Remboursé sans problème par le magasin, au moins. = At least the store refunded me without fuss.
  `),
  pairs(`
    Je ne le rachèterai pas. = I won’t buy it again.
    Dommage. = A shame.
  `),
  pairs(`
    À voir en promotion. = Worth it on sale.
    Ni bon ni mauvais. = Neither good nor bad.
  `),
  pairs(`
    Je recommande. = I recommend it.
    Bon achat. = A good buy.
  `),
  pairs(`
    Je recommande les yeux fermés ! = I recommend it without hesitation!
    Merci à l’équipe du magasin pour les conseils. = Thanks to the store team for their advice.
    Cinq étoiles bien méritées. = A well-deserved five stars.
  `),
];
