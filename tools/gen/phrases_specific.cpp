#include "tools/gen/phrases.hpp"

namespace innov::gen {

const std::vector<Forms>& sector_forms()
{
  static const std::vector<Forms> forms = {
      {"le bâtiment", "le BTP"},
      {"l'hôtellerie-restauration", "les cafés, hôtels et restaurants"},
      {"l'aide à domicile", "les services à la personne"},
      {"le transport et la logistique", "la logistique"},
      {"l'industrie", "les entreprises industrielles"},
      {"le commerce de détail", "les commerces de proximité"},
      {"l'agriculture", "les exploitations agricoles"},
      {"le numérique", "les entreprises du numérique"},
      {"la santé", "les établissements de santé"},
      {"la propreté", "les entreprises de nettoyage"},
      {"la sécurité privée", "les sociétés de sécurité"},
      {"l'automobile", "la réparation automobile"},
      {"l'aéronautique", "la filière aéronautique"},
      {"la grande distribution", "les hypermarchés"},
      {"le tourisme", "les sites touristiques"},
      {"la restauration collective", "les cuisines centrales"},
      {"le spectacle vivant", "les salles de spectacle"},
      {"l'agroalimentaire", "les industries agroalimentaires"},
      {"l'énergie", "les entreprises de l'énergie"},
      {"la banque et l'assurance", "les agences bancaires"},
      {"l'artisanat", "les entreprises artisanales"},
      {"la petite enfance", "les crèches"},
      {"la viticulture", "les domaines viticoles"},
      {"le nautisme", "la filière nautique"},
      {"les télécommunications", "le déploiement de la fibre"},
      {"la pêche", "la filière pêche"},
      {"l'immobilier", "les agences immobilières"},
      {"la coiffure et l'esthétique", "les salons de coiffure"},
      {"le sport et les loisirs", "les centres de loisirs"},
      {"la culture", "les musées"},
      {"l'environnement", "les métiers verts"},
      {"la chimie", "les industries chimiques"},
      {"l'édition et la presse", "les métiers du livre"},
  };
  return forms;
}

const std::vector<Forms>& artefact_forms()
{
  static const std::vector<Forms> forms = {
      {"une grille d'entretien", "une grille d'évaluation des entretiens"},
      {"un modèle de CV par compétences", "un CV type centré sur les compétences"},
      {"une fiche de synthèse d'une page", "un résumé d'une page"},
      {"un annuaire des employeurs locaux", "un carnet d'adresses des entreprises du bassin"},
      {"une carte interactive des offres", "une carte en ligne des offres"},
      {"un agenda partagé", "un calendrier commun"},
      {"un badge numérique de compétences", "un open badge"},
      {"un questionnaire d'auto-évaluation", "un autodiagnostic en ligne"},
      {"une liste de contrôle des pièces", "une check-list des justificatifs"},
      {"un kit d'accueil", "une pochette de bienvenue"},
      {"une vidéo de présentation des entreprises", "des films courts sur les entreprises"},
      {"un formulaire simplifié", "un imprimé allégé"},
      {"un calendrier des recrutements", "un planning des embauches du territoire"},
      {"une mallette pédagogique", "un coffret d'animation"},
      {"un répertoire des formations courtes", "un catalogue des formations courtes"},
      {"une boîte à idées", "un mur d'expression"},
      {"une fiche réflexe", "un aide-mémoire"},
      {"un tableau des compétences transférables", "une matrice des compétences transférables"},
      {"une cartographie des partenaires", "un plan des acteurs locaux"},
      {"une foire aux questions", "une liste de questions fréquentes"},
      {"une charte d'accueil", "un engagement de service"},
      {"un livret du nouvel arrivant", "un guide d'intégration"},
      {"un portfolio numérique", "un book en ligne"},
      {"un jeu de cartes métiers", "des cartes à jouer sur les métiers"},
      {"un carnet de liaison", "un cahier de suivi"},
      {"une vitrine des talents", "une galerie de profils"},
      {"un test oral de français", "une évaluation orale du français"},
      {"une plateforme de covoiturage", "un site de covoiturage"},
      {"un tableau d'affichage dynamique", "un écran d'information"},
      {"une enquête flash", "un sondage rapide"},
      {"un guide des aides locales", "un répertoire des aides du territoire"},
      {"un module de prise de rendez-vous", "une application de rendez-vous"},
      {"un plan de formation personnalisé", "un parcours de formation sur mesure"},
      {"une lettre de recommandation type", "un modèle de recommandation"},
      {"une fiche de poste illustrée", "une description de poste en images"},
      {"un quiz sur les droits", "un questionnaire sur les droits"},
      {"une affiche explicative", "un poster d'information"},
      {"un carnet d'entraînement aux entretiens", "un cahier de préparation aux entretiens"},
      {"une frise du parcours", "un schéma des étapes du parcours"},
      {"un recueil des bonnes pratiques", "un registre des bonnes pratiques"},
  };
  return forms;
}

const std::vector<std::string>& name_prefixes()
{
  static const std::vector<std::string> words = {
      "Cap",         "Pass",    "Objectif",  "Tremplin", "Déclic",      "Boussole",
      "Relais",      "Atout",   "Élan",      "Horizon",  "Escale",      "Passerelle",
      "Trajectoire", "Rebond",  "Booster",   "Clé",      "Défi",        "Agir",
      "Parcours",    "Sésame",  "Envol",     "Boost",    "Étincelle",   "Phare",
      "Levier",      "Ancrage", "Impulsion", "Relance",  "Déclencheur", "Carrefour",
  };
  return words;
}

const std::vector<std::string>& name_suffixes()
{
  static const std::vector<std::string> words = {
      "Emploi",    "Avenir",   "Compétences", "Métiers",     "Jeunes",    "Pro",
      "Réseau",    "Talents",  "Territoire",  "Entreprises", "Formation", "Mobilité",
      "Solidaire", "Express",  "Seniors",     "Quartiers",   "Accueil",   "Projet",
      "Dialogue",  "Ruralité", "Alternance",  "Saison",      "Inclusion", "Horizon",
      "Confiance", "Atelier",  "Numérique",   "Partage",     "Proximité", "Passion",
  };
  return words;
}

} // namespace innov::gen
