// The questions shoppers ask the kiosk most, answered in French and English.
import type { FaqEntry } from '@vitrine/shared/core';
import { must } from './random';
import { list, pair, rows } from './words-fr-en';

// id | tags | question fr = question en | answer fr = answer en
const ENTRIES = `
  returns | returns, policy | Puis-je retourner un article ? = Can I return an item? | Oui, sous 30 jours avec le ticket de caisse, dans n’importe quel magasin ou par courrier. Les articles doivent être non portés et étiquetés. = Yes, within 30 days with your receipt, in any store or by post. Items must be unworn and still tagged.
  exchange-size | fashion, sizes | Comment échanger une taille ? = How do I exchange for another size? | Passez en caisse avec l’article et le ticket : l’échange est immédiat si la taille est en stock, sinon nous la faisons venir d’un autre magasin. = Bring the item and receipt to a till: the exchange is immediate if the size is in stock, otherwise we bring it in from another store.
  size-guide | fashion, sizes | Comment choisir ma taille ? = How do I find my size? | Scannez l’étiquette sur la borne ou le miroir : le guide des tailles et les stocks par taille s’affichent. Un conseiller peut aussi vous apporter une autre taille en cabine. = Scan the label at a kiosk or mirror to see the size guide and stock by size. A sales assistant can also bring another size to your fitting room.
  click-collect | online, collection | Comment fonctionne le retrait en magasin ? = How does click and collect work? | Commandez en ligne et choisissez votre magasin : vous recevez un SMS quand la commande est prête, sous 2 heures si l’article est en stock. = Order online and choose your store: you get a text when it is ready, within 2 hours if the item is in stock.
  other-store | stock | L’article n’est plus en rayon, que faire ? = The item is not on the shelf: what can I do? | La borne indique le stock dans les autres magasins et en ligne. Nous pouvons le réserver pour vous ou le faire livrer chez vous gratuitement. = The kiosk shows stock in other stores and online. We can reserve it for you or deliver it to your home free of charge.
  loyalty-join | loyalty | Comment rejoindre le programme de fidélité ? = How do I join the loyalty programme? | En caisse ou sur l’application, gratuitement : votre carte est active immédiatement et vous gagnez 1 point par euro dépensé. = At any till or in the app, free of charge: your card works straight away and you earn 1 point per euro spent.
  loyalty-tiers | loyalty | Quels sont les niveaux de fidélité ? = What are the loyalty tiers? | Bronze dès l’inscription, Argent à partir de 1 000 points par an, Or à partir de 3 000 points. Chaque niveau débloque de nouveaux avantages. = Bronze when you join, Silver from 1,000 points a year, Gold from 3,000 points. Each tier unlocks new perks.
  loyalty-card-lost | loyalty | J’ai perdu ma carte de fidélité. = I have lost my loyalty card. | Aucun souci : en caisse, nous retrouvons votre compte avec votre nom et vous remettons une nouvelle carte. Vos points sont conservés. = No problem: at the till we find your account by name and give you a new card. Your points are kept.
  allergens | food, allergens | Où trouver les allergènes d’un produit ? = Where can I find a product’s allergens? | Scannez le produit : les allergènes sont mis en évidence dans la fiche, avec la composition complète. En cas de doute, demandez à notre équipe. = Scan the product: allergens are highlighted on its page with the full ingredient list. If in doubt, ask our team.
  wine-advice | food, wine, experts | Pouvez-vous me conseiller un vin ? = Can you recommend a wine? | Oui : la borne propose des accords mets-vins, et notre sommelier répond en vidéo depuis la borne, tous les jours de 10 h à 19 h. = Yes: the kiosk suggests food and wine pairings, and our sommelier answers by video from the kiosk, every day from 10 am to 7 pm.
  age-check | food, wine | Dois-je présenter une pièce d’identité pour acheter de l’alcool ? = Do I need ID to buy alcohol? | La vente d’alcool est interdite aux mineurs : une pièce d’identité peut vous être demandée en caisse. = Alcohol may not be sold to minors: you may be asked for ID at the till.
  warranty | electronics, warranty | Quelle est la garantie des produits électroniques ? = What warranty do electronics come with? | Deux ans de garantie légale de conformité, extensible à cinq ans en caisse. Le service après-vente est assuré dans tous nos magasins. = Two years’ legal guarantee of conformity, extendable to five at the till. After-sales service is available in every store.
  tech-expert | electronics, experts | Puis-je parler à un expert technique ? = Can I talk to a tech expert? | Touchez « Parler à un expert » sur la borne : un conseiller vous répond en vidéo et peut vous montrer le produit en 3D. = Tap "Talk to an expert" on the kiosk: an advisor answers by video and can show you the product in 3D.
  recycling | electronics, environment | Reprenez-vous les anciens appareils ? = Do you take back old devices? | Oui, nous reprenons gratuitement un appareil usagé pour tout appareil équivalent acheté, et les petits appareils même sans achat. = Yes, we take back an old device free of charge when you buy an equivalent one, and small devices even without a purchase.
  payment | payment | Quels moyens de paiement acceptez-vous ? = Which payment methods do you accept? | Cartes bancaires, paiement sans contact et mobile, chèques-cadeaux Vitrine et paiement en trois fois sans frais dès 100 €. = Bank cards, contactless and mobile payment, Vitrine gift cards, and three interest-free instalments from €100.
  gift-card | payment, gifts | Vendez-vous des cartes cadeaux ? = Do you sell gift cards? | Oui, de 10 € à 500 €, valables un an dans tous nos magasins et en ligne. = Yes, from €10 to €500, valid for a year in every store and online.
  photo-privacy | mirror, privacy | Que deviennent les photos prises au miroir ? = What happens to photos taken at the mirror? | Elles ne sont jamais enregistrées sur le miroir : vous les recevez sur votre téléphone par un lien personnel qui expire sous 24 heures. = They are never stored on the mirror: you receive them on your phone through a personal link that expires within 24 hours.
  opening-hours | store | Quels sont les horaires d’ouverture ? = What are the opening hours? | Du lundi au samedi de 10 h à 20 h, le dimanche de 11 h à 19 h dans nos magasins de Paris, Lyon et Marseille. = Monday to Saturday 10 am to 8 pm, and Sunday 11 am to 7 pm in our Paris, Lyon and Marseille stores.
  price-match | prices | Le prix affiché sur la borne est-il le prix payé ? = Is the kiosk price the price I pay? | Oui : la borne affiche le prix en caisse, promotions comprises. Le prix fidélité s’applique sur présentation de votre carte. = Yes: the kiosk shows the till price, promotions included. The members’ price applies when you show your card.
  wifi | store, services | Y a-t-il du wifi gratuit ? = Is there free wifi? | Oui : le réseau « Vitrine-Invités » est gratuit et sans mot de passe, accessible dans tout le magasin. = Yes: the "Vitrine-Guests" network is free, needs no password and covers the whole store.
  toilets | store, services | Où sont les toilettes ? = Where are the toilets? | Au rez-de-chaussée, près des caisses, avec une table à langer et un accès pour fauteuil roulant. = On the ground floor next to the tills, with a baby-changing table and wheelchair access.
  parking | store, services | Où puis-je me garer ? = Where can I park? | Le parking souterrain du centre est gratuit les deux premières heures sur présentation de votre ticket de caisse. = The centre's underground car park is free for the first two hours when you show your receipt.
  home-delivery | online, delivery | Pouvez-vous livrer mes achats à domicile ? = Can you deliver my purchases to my home? | Oui : livraison à domicile sous 48 h, gratuite dès 50 € d’achat, 4,90 € en dessous. Demandez-la en caisse. = Yes: home delivery within 48 hours, free from €50, €4.90 below. Ask at the till.
  alterations | fashion, services | Faites-vous les retouches ? = Do you do alterations? | Oui : ourlets de pantalons et de jeans offerts, autres retouches sur devis, prêtes sous 5 jours. = Yes: hems on trousers and jeans are free, other alterations are quoted, ready within 5 days.
  gift-wrap | gifts, services | Faites-vous des paquets cadeaux ? = Do you gift-wrap? | Oui, gratuitement à l’accueil, avec un ticket cadeau sans prix sur demande. = Yes, free of charge at the service desk, with a gift receipt without the price if you ask.
  accessibility | store, services | Le magasin est-il accessible en fauteuil roulant ? = Is the store wheelchair accessible? | Oui : entrée de plain-pied, ascenseur vers tous les étages, une cabine d’essayage et une caisse adaptées. Un fauteuil est prêté à l’accueil. = Yes: step-free entrance, a lift to every floor, an adapted fitting room and till. A wheelchair can be borrowed at the service desk.
  pets | store | Puis-je venir avec mon chien ? = Can I bring my dog? | Les chiens tenus en laisse sont les bienvenus, sauf au rayon épicerie. Les chiens d’assistance sont acceptés partout. = Dogs on a lead are welcome, except in the grocery aisles. Assistance dogs are welcome everywhere.
  student-discount | prices, loyalty | Avez-vous une réduction étudiante ? = Do you have a student discount? | Oui : 10 % sur la mode et le high-tech sur présentation de votre carte étudiante en cours de validité. = Yes: 10% off fashion and electronics when you show a valid student card.
  reserve | online, stock | Puis-je réserver un article en ligne et l’essayer en magasin ? = Can I reserve an item online and try it in store? | Oui : réservez gratuitement sur le site, l’article vous attend 48 h à l’accueil, sans obligation d’achat. = Yes: reserve it free of charge online, it waits for you at the service desk for 48 hours, with no obligation to buy.
  repairs | electronics, services | Réparez-vous les téléphones et ordinateurs ? = Do you repair phones and computers? | Oui : notre atelier change les écrans et batteries de smartphones en 1 heure et diagnostique gratuitement les ordinateurs. = Yes: our workshop replaces smartphone screens and batteries in an hour and checks computers free of charge.
  lost-property | store, services | J’ai perdu un objet dans le magasin. = I lost something in the store. | Adressez-vous à l’accueil : les objets trouvés y sont gardés un mois. = Ask at the service desk: lost property is kept there for a month.
  customer-service | services | Comment contacter le service client ? = How do I contact customer service? | Par téléphone au 01 23 45 67 89 du lundi au samedi de 9 h à 19 h, ou par le formulaire du site. = By phone on 01 23 45 67 89, Monday to Saturday 9 am to 7 pm, or through the website's form.
  personal-shopper | fashion, experts | Proposez-vous un conseil en style ? = Do you offer styling advice? | Oui : un conseiller vous accompagne gratuitement pendant une heure, sur rendez-vous à l’accueil ou en vidéo depuis la borne. = Yes: an advisor spends an hour with you free of charge, by appointment at the service desk or by video from the kiosk.
  price-drop | prices | Le prix a baissé juste après mon achat, que faire ? = The price dropped right after I bought it: what can I do? | Si le prix baisse dans les 14 jours suivant votre achat, nous vous remboursons la différence en caisse, sur présentation du ticket. = If the price drops within 14 days of your purchase, we refund the difference at the till when you show your receipt.
  online-order-return | online, returns | Puis-je rapporter en magasin un article commandé en ligne ? = Can I return an online order in store? | Oui, sous 30 jours, dans n’importe quel magasin, avec le bon de livraison ou l’e-mail de confirmation. = Yes, within 30 days, in any store, with the delivery note or the confirmation e-mail.
  vegan | food | Avez-vous des produits végans ou sans gluten ? = Do you have vegan or gluten-free products? | Oui : filtrez la recherche de la borne par « végan » ou « sans gluten », et chaque fiche produit indique les allergènes. = Yes: filter the kiosk's search by "vegan" or "gluten-free"; every product page lists its allergens.
  cash | payment | Puis-je retirer de l’argent ? = Can I withdraw cash? | Un distributeur de billets se trouve à l’entrée du centre commercial, à côté de la pharmacie. = There is a cash machine at the shopping centre's entrance, next to the pharmacy.
`;

// Other ways shoppers put the same question, as a retailer writes them (head office adds more).
// id | variants fr, separated by ";" = variants en
const VARIANTS = `
  returns | rendre un produit ; se faire rembourser ; retour d’un achat ; délai de retour ; rapporter un article qui ne va pas ; combien de jours pour retourner ; ramener un vêtement non porté = give back a product ; get a refund ; send back a purchase ; return policy ; how many days to return ; take something back ; bring back an item I don't want
  exchange-size | changer de taille ; échanger un vêtement trop petit ; trop grand ; la taille au-dessus ; la taille en dessous ; pointure différente = swap for a different size ; exchange clothes that are too small ; too big ; the next size up ; a smaller size ; a different shoe size
  size-guide | guide des tailles ; quelle taille prendre ; tableau des tailles ; correspondance des tailles ; je fais quelle taille = size guide ; what size should I get ; size chart ; which size am I ; size conversion
  click-collect | commander en ligne et retirer en magasin ; retrait de commande ; commande prête ; récupérer ma commande internet ; venir chercher un achat fait sur le site = order online and pick up in store ; collect an order ; pick up my web order ; when is my order ready ; buy online collect in store
  other-store | article introuvable en rayon ; rupture de stock ; plus de stock ; disponible dans un autre magasin ; rayon vide ; le faire venir = cannot find the item on the shelf ; out of stock ; sold out ; available in another store ; empty shelf ; order it in
  loyalty-join | carte de fidélité ; s’inscrire au programme ; devenir membre ; avoir la carte du magasin ; adhésion = loyalty card ; sign up for rewards ; become a member ; get a store card ; join the club ; points card
  loyalty-tiers | avantages fidélité ; niveau or argent bronze ; statut ; combien de points ; paliers = loyalty benefits ; gold silver bronze level ; status ; how many points ; reward tiers
  loyalty-card-lost | carte de fidélité perdue ; remplacer ma carte ; carte volée ; oublié ma carte ; nouvelle carte = lost my loyalty card ; replace my card ; card stolen ; forgot my card ; new card
  allergens | liste des allergènes ; ingrédients d’un produit ; allergie ; contient des noix ; arachides ; lactose = allergen list ; ingredients of a product ; allergy ; contains nuts ; peanuts ; lactose
  wine-advice | conseil vin ; choisir une bouteille ; sommelier ; je n’y connais rien en vin ; quel vin choisir ; caviste = wine advice ; choose a bottle ; sommelier ; I know nothing about wine ; which wine should I pick ; help choosing wine
  age-check | pièce d’identité alcool ; âge minimum pour l’alcool ; carte d’identité ; majeur ; mineur ; papiers = ID for alcohol ; minimum age for alcohol ; identity card ; proof of age ; underage ; over 18
  warranty | garantie ; extension de garantie ; service après-vente ; garanti combien de temps ; panne sous garantie = guarantee ; extended warranty ; after-sales service ; how long is it guaranteed ; cover ; coverage
  tech-expert | conseiller high-tech ; parler à un vendeur informatique ; expert en visio ; spécialiste technique ; quelqu’un qui s’y connaît = tech advisor ; talk to an electronics specialist ; video call with an expert ; technical person ; someone who knows about tech
  recycling | recycler un vieux téléphone ; reprise d’appareil ; ancien appareil ; se débarrasser de ma vieille télé ; déchets électroniques = recycle an old phone ; trade in a device ; old appliance ; get rid of my old TV ; e-waste ; dispose of electronics
  payment | payer par carte ; payer en plusieurs fois ; paiement sans contact ; carte bancaire ; CB ; Apple Pay ; moyens de paiement ; payer en trois fois = pay by card ; pay in instalments ; contactless payment ; bank card ; Apple Pay ; payment methods ; credit card ; debit card
  gift-card | carte cadeau ; bon d’achat ; chèque cadeau ; validité carte cadeau = gift card ; gift voucher ; gift certificate ; gift card expiry
  photo-privacy | photo du miroir ; confidentialité des photos ; le miroir enregistre ; vie privée ; mes photos sont gardées = mirror photo ; photo privacy ; does the mirror record ; privacy ; are my pictures saved
  opening-hours | horaires ; heure d’ouverture ; heure de fermeture ; ouvert le dimanche ; vous fermez à quelle heure ; ouvert le samedi ; jusqu’à quelle heure = opening times ; what time do you open ; closing time ; open on Sunday ; when do you close ; open on Saturday ; until what time ; store hours
  price-match | prix en caisse ; prix affiché ; prix de la borne ; promotion comprise ; le même prix en caisse = price at the till ; displayed price ; kiosk price ; discount included ; same price at checkout ; price on the screen
  wifi | connexion internet ; réseau wifi invité ; mot de passe wifi ; se connecter ; wi-fi gratuit = internet access ; guest wifi network ; wifi password ; connect to the internet ; free wi-fi
  toilets | WC ; sanitaires ; table à langer ; petit coin ; lavabo = restroom ; bathroom ; baby changing ; loo ; ladies ; gents
  parking | stationnement ; parking gratuit ; se garer ; garer la voiture ; parking payant = car park ; free parking ; parking lot ; where to park ; park my car
  home-delivery | livraison à domicile ; se faire livrer ; frais de livraison ; livraison gratuite ; livrer chez moi = home delivery ; have it delivered ; delivery charges ; free delivery ; deliver to my house ; shipping cost
  alterations | ourlet ; faire raccourcir un pantalon ; retouche ; couturière ; ajuster un vêtement = hemming ; shorten trousers ; alteration ; tailor ; take up trousers ; adjust clothes
  gift-wrap | emballage cadeau ; papier cadeau ; ticket cadeau ; emballer pour offrir ; paquet = gift wrapping ; wrapping paper ; gift receipt ; wrap a present ; gift box
  accessibility | accès handicapé ; ascenseur ; fauteuil roulant ; mobilité réduite ; accès PMR = disabled access ; lift ; elevator ; wheelchair ; reduced mobility ; step-free access
  pets | animaux acceptés ; chien en magasin ; chien d’aveugle ; venir avec mon animal = pets allowed ; dog in the store ; guide dog ; bring my pet ; dog friendly
  student-discount | remise étudiant ; tarif étudiant ; carte étudiante ; réduction jeunes = student offer ; student price ; student card ; student discount ; money off for students
  reserve | réservation en ligne ; mettre de côté ; réserver pour essayer ; bloquer un article = reserve online ; put an item aside ; hold an item ; reserve to try on ; keep it for me
  repairs | réparation téléphone ; changer l’écran ; remplacer la batterie ; mon ordinateur ne s’allume plus ; atelier ; écran cassé ; diagnostic = phone repair ; replace a screen ; change the battery ; my computer won't turn on ; workshop ; cracked screen ; fix my laptop
  lost-property | objets trouvés ; oublié mon sac ; perdu mes clés ; j’ai perdu quelque chose ; quelqu’un a rapporté = lost and found ; left my bag ; lost my keys ; I lost something ; has anyone handed in
  customer-service | numéro du service client ; réclamation ; vous appeler ; téléphone du magasin ; contacter ; joindre quelqu’un = customer service number ; complaint ; call you ; store phone number ; contact ; get in touch ; reach you
  personal-shopper | conseil en image ; styliste ; personal shopper ; m’habiller pour un mariage ; composer une tenue ; conseil mode = style advice ; stylist ; personal shopper ; outfit for a wedding ; put an outfit together ; fashion advice
  price-drop | baisse de prix ; remboursement de la différence ; moins cher maintenant ; le prix a baissé ; garantie du prix = price reduction ; refund the difference ; cheaper now ; price went down ; price protection
  online-order-return | retour commande internet ; rapporter un colis ; commande du site en magasin ; renvoyer une commande en ligne = return an internet order ; bring back a parcel ; web order return in store ; return something bought online
  vegan | végétalien ; sans gluten ; produits bio ; végétarien ; intolérance au gluten = plant-based ; gluten-free ; organic products ; vegetarian ; coeliac
  cash | distributeur de billets ; retrait d’espèces ; retirer du liquide ; argent liquide ; DAB = cash machine ; ATM ; withdraw cash ; cash point ; get money out
`;

function variantsOf(): Map<string, { fr: string[]; en: string[] }> {
  const byId = new Map<string, { fr: string[]; en: string[] }>();
  for (const [id, text] of rows(VARIANTS)) {
    const { fr, en } = pair(must(text, 'faq variants'));
    const split = (phrases: string) => phrases.split(';').map((phrase) => phrase.trim());
    byId.set(`faq-${must(id, 'faq id')}`, { fr: split(fr), en: split(en) });
  }
  return byId;
}

export function generateFaq(): FaqEntry[] {
  const variants = variantsOf();
  return rows(ENTRIES).map(([id, tags, question, answer]) => {
    const entryId = `faq-${must(id, 'faq id')}`;
    const more = variants.get(entryId);
    return {
      id: entryId,
      question: pair(must(question, 'faq question')),
      answer: pair(must(answer, 'faq answer')),
      tags: list(tags ?? ''),
      ...(more && { variants: more }),
    };
  });
}
