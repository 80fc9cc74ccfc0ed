// The remote experts shoppers can call from a kiosk: sommeliers,
// nutritionists, stylists and tech advisors, each with their languages.
import { must } from './random';
import type { ExpertSkill, RemoteExpert } from './server-schemas';
import { list, pair, rows } from './words-fr-en';

// id | name | skills | languages | bio fr = bio en
const EXPERTS = `
  claire-fontaine | Claire Fontaine | wine | fr, en | Sommelière, quinze ans de cave en Bourgogne. = Sommelier with fifteen years in Burgundy cellars.
  thomas-girard | Thomas Girard | wine | fr, de | Caviste, spécialiste des vins d’Alsace et du Rhône. = Wine merchant specialising in Alsace and Rhône wines.
  nadia-benali | Nadia Benali | nutrition, wine | fr, ar, en | Diététicienne et passionnée d’accords mets-vins. = Dietitian with a passion for food and wine pairing.
  amina-haddad | Amina Haddad | nutrition | fr, en | Diététicienne-nutritionniste, allergies et intolérances. = Registered dietitian, allergies and intolerances.
  mathieu-roussel | Mathieu Roussel | nutrition | fr | Ingénieur agronome, conseil en alimentation sportive. = Food engineer advising on sports nutrition.
  julie-mercier | Julie Mercier | style | fr, en, it | Styliste, ancienne acheteuse pour une maison parisienne. = Stylist and former buyer for a Paris fashion house.
  sofia-garcia | Sofía García | style | es, fr, en | Conseillère en image, spécialiste des morphologies. = Image consultant specialising in body shapes.
  lea-nguyen | Léa Nguyen | style, tech | fr, en | Styliste et fan de montres connectées. = Stylist and smartwatch enthusiast.
  hugo-lambert | Hugo Lambert | tech | fr, en | Technicien audio-vidéo, installation et réglages. = Audio-video technician, set-up and calibration.
  ben-walker | Ben Walker | tech | en, fr | Conseiller informatique, ordinateurs et tablettes. = Computing advisor for laptops and tablets.
  karim-faure | Karim Faure | tech | fr, ar | Spécialiste photo et vidéo. = Photo and video specialist.
  emma-blanc | Emma Blanc | wine, style | fr, en | Sommelière et conseillère en art de recevoir. = Sommelier and entertaining consultant.
`;

export function generateExperts(): RemoteExpert[] {
  return rows(EXPERTS).map(([id, name, skills, languages, bio]) => ({
    id: `expert-${must(id, 'expert id')}`,
    name: must(name, 'expert name'),
    skills: list(skills ?? '') as ExpertSkill[],
    languages: list(languages ?? ''),
    bio: pair(must(bio, 'expert bio')),
  }));
}
