#include "tools/gen/phrases.hpp"

namespace innov::gen {

const std::vector<RegionBank>& region_banks()
{
  static const std::vector<RegionBank> banks = {
      {"ara",
       "Auvergne-Rhône-Alpes",
       12,
       {{"lyon-part-dieu", "Lyon Part-Dieu"},
        {"villeurbanne", "Villeurbanne"},
        {"grenoble", "Grenoble"},
        {"saint-etienne", "Saint-Étienne"},
        {"clermont-ferrand", "Clermont-Ferrand"},
        {"annecy", "Annecy"},
        {"valence", "Valence"},
        {"chambery", "Chambéry"}}},
      {"bfc",
       "Bourgogne-Franche-Comté",
       4,
       {{"dijon", "Dijon"},
        {"besancon", "Besançon"},
        {"belfort", "Belfort"},
        {"chalon-sur-saone", "Chalon-sur-Saône"},
        {"auxerre", "Auxerre"},
        {"nevers", "Nevers"}}},
      {"bre",
       "Bretagne",
       5,
       {{"rennes", "Rennes"},
        {"brest", "Brest"},
        {"quimper", "Quimper"},
        {"lorient", "Lorient"},
        {"vannes", "Vannes"},
        {"saint-brieuc", "Saint-Brieuc"}}},
      {"cvl",
       "Centre-Val de Loire",
       4,
       {{"orleans", "Orléans"},
        {"tours", "Tours"},
        {"bourges", "Bourges"},
        {"blois", "Blois"},
        {"chartres", "Chartres"},
        {"chateauroux", "Châteauroux"}}},
      {"cor",
       "Corse",
       1,
       {{"ajaccio", "Ajaccio"}, {"bastia", "Bastia"}, {"porto-vecchio", "Porto-Vecchio"}}},
      {"ges",
       "Grand Est",
       8,
       {{"strasbourg", "Strasbourg"},
        {"metz", "Metz"},
        {"nancy", "Nancy"},
        {"reims", "Reims"},
        {"mulhouse", "Mulhouse"},
        {"troyes", "Troyes"},
        {"colmar", "Colmar"}}},
      {"hdf",
       "Hauts-de-France",
       10,
       {{"lille-centre", "Lille Centre"},
        {"roubaix", "Roubaix"},
        {"tourcoing", "Tourcoing"},
        {"amiens", "Amiens"},
        {"douai", "Douai"},
        {"valenciennes", "Valenciennes"},
        {"calais", "Calais"},
        {"dunkerque", "Dunkerque"},
        {"beauvais", "Beauvais"}}},
      {"idf",
       "Île-de-France",
       18,
       {{"paris-13", "Paris 13e"},
        {"paris-19", "Paris 19e"},
        {"saint-denis", "Saint-Denis"},
        {"montreuil", "Montreuil"},
        {"creteil", "Créteil"},
        {"nanterre", "Nanterre"},
        {"argenteuil", "Argenteuil"},
        {"evry", "Évry"},
        {"cergy", "Cergy"},
        {"versailles", "Versailles"},
        {"aubervilliers", "Aubervilliers"}}},
      {"nor",
       "Normandie",
       5,
       {{"rouen", "Rouen"},
        {"caen", "Caen"},
        {"le-havre", "Le Havre"},
        {"cherbourg", "Cherbourg"},
        {"evreux", "Évreux"},
        {"dieppe", "Dieppe"}}},
      {"naq",
       "Nouvelle-Aquitaine",
       9,
       {{"bordeaux-bastide", "Bordeaux Bastide"},
        {"limoges", "Limoges"},
        {"poitiers", "Poitiers"},
        {"pau", "Pau"},
        {"la-rochelle", "La Rochelle"},
        {"bayonne", "Bayonne"},
        {"merignac", "Mérignac"}}},
      {"occ",
       "Occitanie",
       9,
       {{"toulouse-minimes", "Toulouse Minimes"},
        {"montpellier", "Montpellier"},
        {"nimes", "Nîmes"},
        {"perpignan", "Perpignan"},
        {"beziers", "Béziers"},
        {"albi", "Albi"},
        {"tarbes", "Tarbes"}}},
      {"pdl",
       "Pays de la Loire",
       6,
       {{"nantes-est", "Nantes Est"},
        {"angers", "Angers"},
        {"le-mans", "Le Mans"},
        {"saint-nazaire", "Saint-Nazaire"},
        {"la-roche-sur-yon", "La Roche-sur-Yon"},
        {"laval", "Laval"}}},
      {"pac",
       "Provence-Alpes-Côte d'Azur",
       9,
       {{"marseille-joliette", "Marseille Joliette"},
        {"nice", "Nice"},
        {"toulon", "Toulon"},
        {"avignon", "Avignon"},
        {"aix-en-provence", "Aix-en-Provence"},
        {"cannes", "Cannes"}}},
  };
  return banks;
}

const std::vector<std::string>& comment_texts()
{
  static const std::vector<std::string> texts = {
      "Très bonne idée, nous aimerions la tester à {city}.",
      "Nous faisons quelque chose d'approchant à {city} depuis l'an dernier.",
      "Attention à la charge de travail supplémentaire pour les conseillers.",
      "Les demandeurs d'emploi que je reçois en parlent souvent, ce serait utile.",
      "Il faudrait associer les partenaires dès le départ.",
      "Quel budget faut-il prévoir ?",
      "Idée simple et efficace, bravo à l'équipe.",
      "Est-ce compatible avec les outils actuels ?",
      "À généraliser rapidement !",
      "Nous avons testé une version proche : les usagers ont apprécié.",
      "Pensez aux personnes qui n'ont pas d'accès à internet.",
      "La direction régionale pourrait soutenir un test.",
      "Je suis volontaire pour participer au test.",
      "Cela rejoint une demande forte des employeurs de notre bassin.",
      "Il faudrait mesurer l'effet sur le retour à l'emploi.",
      "Bonne piste, mais le calendrier me paraît serré.",
      "Nous avons un partenaire local intéressé à {city}.",
      "Cela simplifierait vraiment le quotidien des conseillers.",
      "Attention au respect des données personnelles.",
      "Le genre d'initiative qui donne envie, merci.",
      "Déjà en place dans notre agence, voir avec l'équipe de {city}.",
      "Pourquoi ne pas l'ouvrir aussi aux employeurs ?",
      "Une formation des conseillers serait nécessaire au lancement.",
      "Retour très positif des collègues de {city}.",
      "Faut-il une validation juridique avant de lancer ?",
      "Pourrait s'articuler avec les services de l'Emploi Store.",
      "Les équipes indemnisation seraient intéressées.",
      "Excellente initiative, surtout pour les publics fragiles.",
      "Il faudrait prévoir un bilan après trois mois.",
      "Soutien total de notre équipe de {city}.",
      "Comment éviter que cela rallonge les entretiens ?",
      "On pourrait mutualiser avec l'agence voisine.",
      "Les managers sont partants chez nous.",
      "Une version papier serait utile pour certains publics.",
      "Testé à {city}, très bon accueil.",
      "Je relaie auprès de notre directeur d'agence.",
  };
  return texts;
}

const std::vector<std::string>& rationale_texts(const std::string& decision)
{
  static const std::vector<std::string> go = {
      "Valeur forte pour les demandeurs d'emploi et mise en œuvre simple.",
      "Projet solide, à tester en démonstrateur.",
      "Coût faible, potentiel de généralisation élevé.",
      "Répond à un irritant bien connu des conseillers.",
      "Bonne idée, déjà éprouvée localement.",
      "Pratique remarquable à diffuser après évaluation.",
  };
  static const std::vector<std::string> reject = {
      "Existe déjà au niveau national.",
      "Hors du champ d'action de Pôle emploi.",
      "Coût disproportionné au regard de la valeur attendue.",
      "Contraintes juridiques trop fortes.",
      "Doublon d'un dispositif existant.",
      "Valeur trop limitée pour les usagers.",
  };
  static const std::vector<std::string> hold = {
      "Intéressant mais à revoir après le déploiement du nouveau système d'information.",
      "En attente d'un arbitrage budgétaire.",
      "À reprendre lors du prochain appel à projets.",
      "Dépend d'une évolution réglementaire.",
  };
  static const std::vector<std::string> needs_info = {
      "Préciser le public visé et le coût.",
      "Merci de détailler la mise en œuvre concrète.",
      "Quels partenaires sont déjà d'accord ?",
      "Chiffrer le temps de conseiller économisé.",
  };
  if (decision == "go") {
    return go;
  }
  if (decision == "reject") {
    return reject;
  }
  return decision == "hold" ? hold : needs_info;
}

const std::vector<std::string>& lesson_texts(const std::string& outcome)
{
  static const std::vector<std::string> success = {
      "Le démonstrateur confirme l'intérêt : les conseillers se sont approprié le dispositif en "
      "deux semaines.",
      "Résultats au-dessus de la cible ; prévoir un kit de déploiement pour les autres agences.",
      "Très bonne adhésion des demandeurs d'emploi ; la communication en agence a été décisive.",
      "Les objectifs sont atteints sur tous les sites ; le coût de fonctionnement reste faible.",
  };
  static const std::vector<std::string> partial = {
      "Effet positif mais plus faible qu'attendu ; revoir le ciblage.",
      "L'adhésion des conseillers est inégale selon les sites.",
      "Les résultats dépendent fortement de l'animation locale.",
  };
  static const std::vector<std::string> failure = {
      "Les usagers n'ont pas adopté le dispositif.",
      "Coût de fonctionnement trop élevé au regard des résultats.",
      "Les contraintes techniques n'ont pas pu être levées.",
  };
  if (outcome == "success") {
    return success;
  }
  return outcome == "partial" ? partial : failure;
}

const std::vector<std::string>& decision_texts(const std::string& decision)
{
  static const std::vector<std::string> go = {
      "Résultats probants du démonstrateur : généralisation par vagues.",
      "Gain de temps démontré, déploiement dans toutes les régions.",
      "Pratique simple à diffuser, kit de déploiement prêt.",
  };
  static const std::vector<std::string> go_regional = {
      "Résultats probants : déploiement dans la région, bilan dans un an.",
      "Gain démontré localement, extension aux agences de la région.",
  };
  static const std::vector<std::string> kill = {
      "Résultats insuffisants, arrêt du projet.",
      "Le coût de généralisation dépasse la valeur attendue.",
  };
  static const std::vector<std::string> hold = {
      "Décision reportée après l'arbitrage budgétaire.",
      "Attendre la refonte du système d'information.",
  };
  static const std::vector<std::string> recycle = {
      "Revoir le ciblage et relancer un démonstrateur.",
      "Nouveau test nécessaire sur un autre territoire.",
  };
  if (decision == "go") {
    return go;
  }
  if (decision == "go-regional") {
    return go_regional;
  }
  if (decision == "kill") {
    return kill;
  }
  return decision == "hold" ? hold : recycle;
}

const std::vector<std::string>& override_texts()
{
  static const std::vector<std::string> texts = {
      "Priorité stratégique de la direction générale malgré une évaluation incomplète.",
      "Les indicateurs obligatoires sont presque atteints et le bénéfice attendu est élevé.",
      "Urgence liée à la nouvelle convention d'assurance chômage.",
      "Demande forte des régions, risque jugé faible par le comité.",
  };
  return texts;
}

const std::vector<KpiBank>& kpi_banks()
{
  static const std::vector<KpiBank> banks = {
      {"placement_rate", "Taux de retour à l'emploi à 6 mois", "percent", "up", 30, 45, 4, 10},
      {"waiting_time", "Temps d'attente moyen à l'accueil", "minutes", "down", 20, 45, 5, 15},
      {"satisfaction", "Satisfaction des usagers", "percent", "up", 60, 75, 5, 15},
      {"advisor_hours", "Heures de conseiller par dossier", "h", "down", 3, 8, 1, 2},
      {"offers_filled", "Offres pourvues en moins de 30 jours", "percent", "up", 40, 60, 5, 15},
      {"no_show_rate", "Taux d'absence aux rendez-vous", "percent", "down", 15, 30, 3, 10},
      {"online_share", "Part des démarches faites en ligne", "percent", "up", 30, 60, 10, 20},
      {"overpayments", "Indus détectés après paiement", "count", "down", 100, 400, 20, 100},
      {"training_entries", "Entrées en formation", "people", "up", 50, 300, 10, 80},
      {"employer_visits", "Visites d'entreprises par conseiller et par mois", "count", "up", 2, 6,
       1, 4},
      {"processing_days", "Délai de traitement des dossiers", "days", "down", 10, 30, 3, 10},
  };
  return banks;
}

const std::vector<ChallengeBank>& challenge_banks()
{
  static const std::vector<ChallengeBank> banks = {
      {"mobilite",
       "Challenge données mobilité professionnelle et géographique",
       "data",
       "Imaginer, à partir des données de Pôle emploi, des services qui aident les demandeurs "
       "d'emploi\n"
       "à envisager une mobilité professionnelle ou géographique.\n",
       {"École 42", "École Centrale"},
       {"mobilite", "numerique"},
       "Trois semaines d'incubation au Lab"},
      {"startups-recrutement",
       "Appel aux startups : recruter autrement",
       "startup-pitch",
       "Des jeunes entreprises présentent leurs solutions de recrutement sans CV devant un jury\n"
       "de conseillers et d'employeurs.\n",
       {"CapDigital"},
       {"recrutement"},
       "Un démonstrateur dans trois agences"},
      {"agence-de-demain",
       "Consultation citoyenne : l'agence de demain",
       "citizen",
       "Les usagers proposent leurs idées pour un accueil plus simple et plus humain en agence.\n",
       {},
       {"organisation", "accompagnement"},
       "Présentation au comité national de l'innovation"},
      {"zero-papier",
       "Défi interne zéro papier",
       "internal",
       "Chaque équipe propose une façon de supprimer un formulaire papier de son quotidien.\n",
       {},
       {"organisation", "indemnisation"},
       "Journée au Lab pour l'équipe lauréate"},
      {"services-emploi-store",
       "Appel à services pour l'Emploi Store",
       "startup-pitch",
       "Des services en ligne conçus avec des partenaires pour enrichir le catalogue de l'Emploi "
       "Store.\n",
       {"CapDigital", "French Tech"},
       {"numerique"},
       "Référencement dans l'Emploi Store"},
      {"presentation-candidat",
       "Challenge présentation dynamique du candidat",
       "data",
       "Une présentation du candidat qui s'adapte en temps réel au marché du travail.\n",
       {"CapDigital"},
       {"recrutement", "numerique"},
       "Dix jours d'incubation au Lab"},
      {"jeunes-pour-l-emploi",
       "Idées de jeunes pour l'emploi des jeunes",
       "citizen",
       "Des jeunes inscrits et des missions locales proposent des idées pour le premier emploi.\n",
       {"Missions locales"},
       {"accompagnement", "insertion"},
       "Un atelier de co-conception au Lab"},
      {"formation-plus-simple",
       "Défi : entrer en formation en un mois",
       "internal",
       "Comment réduire à un mois le délai entre le projet de formation et l'entrée en stage ?\n",
       {},
       {"formation"},
       "Accompagnement de la direction des opérations"},
  };
  return banks;
}

const std::vector<std::string>& team_names()
{
  static const std::vector<std::string> names = {
      "Centrale et École 42", "TalentMap",         "Les Passeurs", "Data Emploi", "JobRoute",
      "Clic Emploi",          "Équipe Horizon",    "Mobilis",      "Kaléido",     "Les Défricheurs",
      "Skillbridge",          "Agence Lab Nantes",
  };
  return names;
}

} // namespace innov::gen
