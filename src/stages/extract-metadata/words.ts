// Word lists of extract-metadata, as data: wire and desk credits, roles, author-box labels and the conjunctions of
// multi-author bylines, in English, German, French, Spanish, Italian, Portuguese, Dutch and Polish (and a few more
// where the word is the same). Matching is on the folded form (lowercase, no diacritics, single spaces).
// These belong with the pipeline's vocabulary (issue 9: one vocabulary kept as data in pipelines/); until that
// exists they live here.

/**
 * News agencies and wire services: a byline or JSON-LD author naming one of them credits the agency, which is the
 * publisher when none is known, never an author. Long forms are the publisher's name for the abbreviation.
 */
export const WIRE_AGENCIES: Record<string, string> = {
  reuters: 'Reuters',
  'thomson reuters': 'Reuters',
  ap: 'Associated Press',
  'the associated press': 'Associated Press',
  'associated press': 'Associated Press',
  afp: 'AFP',
  'agence france-presse': 'AFP',
  'agence france presse': 'AFP',
  dpa: 'dpa',
  'deutsche presse-agentur': 'dpa',
  'deutsche presse agentur': 'dpa',
  efe: 'EFE',
  'agencia efe': 'EFE',
  'europa press': 'Europa Press',
  ansa: 'ANSA',
  adnkronos: 'Adnkronos',
  agi: 'AGI',
  lusa: 'Lusa',
  'agencia lusa': 'Lusa',
  'agencia brasil': 'Agência Brasil',
  anp: 'ANP',
  belga: 'Belga',
  pap: 'PAP',
  'polska agencja prasowa': 'PAP',
  apa: 'APA',
  kna: 'KNA',
  epd: 'epd',
  sda: 'SDA',
  'keystone-sda': 'Keystone-SDA',
  ats: 'ATS',
  upi: 'United Press International',
  'united press international': 'United Press International',
  xinhua: 'Xinhua',
  kyodo: 'Kyodo',
  'kyodo news': 'Kyodo',
  yonhap: 'Yonhap',
  tass: 'TASS',
  interfax: 'Interfax',
  'ria novosti': 'RIA Novosti',
  anadolu: 'Anadolu',
  'anadolu agency': 'Anadolu',
  aap: 'AAP',
  'australian associated press': 'AAP',
  'the canadian press': 'The Canadian Press',
  'canadian press': 'The Canadian Press',
  pti: 'PTI',
  ians: 'IANS',
  ani: 'ANI',
  notimex: 'Notimex',
  telam: 'Télam',
  'prensa latina': 'Prensa Latina',
  ntb: 'NTB',
  tt: 'TT',
  ritzau: 'Ritzau',
  stt: 'STT',
  ctk: 'ČTK',
  'bloomberg news': 'Bloomberg',
  bloomberg: 'Bloomberg',
};

/** Desk credits: the newsroom rather than a person. A byline of only these names nobody. */
export const DESK_CREDITS: string[] = [
  // en
  'staff', 'staff writer', 'staff writers', 'staff reporter', 'staff reporters', 'staff report', 'staff reports', 'news staff',
  'newsroom', 'news desk', 'newsdesk', 'desk', 'web desk', 'digital desk', 'online desk', 'editorial staff', 'editorial team',
  'editorial board', 'the editors', 'editors', 'wire services', 'wire reports', 'wire service', 'news services', 'news service',
  'news service reports', 'agencies', 'news agencies', 'press release', 'sponsored', 'admin',
  // de
  'redaktion', 'die redaktion', 'online-redaktion', 'onlineredaktion', 'nachrichtenredaktion', 'agenturen', 'red', 'red.',
  // fr
  'redaction', 'la redaction', 'redaction web', 'redaction numerique', 'agences', 'avec agences', 'avec afp',
  // es
  'redaccion', 'la redaccion', 'redaccion web', 'redaccion digital', 'agencias', 'agencia',
  // it
  'redazione', 'la redazione', 'redazione web', 'agenzie',
  // pt
  'redacao', 'da redacao', 'agencias', 'equipe editorial',
  // nl
  'redactie', 'de redactie', 'persbureaus',
  // pl
  'redakcja', 'agencje', 'oprac',
];

/** Roles and titles after a name ("Jane Roe, Chief Technology Officer"): a part made of these is no name. */
export const ROLE_WORDS: string[] = [
  // en
  'chief', 'officer', 'director', 'president', 'vice', 'ceo', 'cto', 'cfo', 'coo', 'cmo', 'founder', 'co-founder', 'cofounder',
  'manager', 'professor', 'editor', 'editors', 'writer', 'writers', 'reporter', 'reporters', 'correspondent', 'columnist',
  'journalist', 'analyst', 'consultant', 'executive', 'engineer', 'scientist', 'researcher', 'economist', 'strategist',
  'contributor', 'producer', 'photographer', 'intern', 'student', 'specialist', 'coordinator', 'chairman', 'chairwoman',
  'secretary', 'spokesperson', 'spokesman', 'spokeswoman', 'attorney', 'lawyer', 'head', 'lead', 'senior', 'associate',
  'assistant', 'deputy', 'partner', 'fellow', 'author', 'host', 'anchor', 'expert', 'advisor', 'adviser', 'owner',
  // de
  'redakteur', 'redakteurin', 'chefredakteur', 'chefredakteurin', 'korrespondent', 'korrespondentin', 'autorin', 'autor',
  'reporterin', 'journalistin', 'leiter', 'leiterin', 'geschaftsfuhrer', 'geschaftsfuhrerin', 'vorstand', 'sprecher', 'sprecherin',
  'volontar', 'volontarin', 'ressortleiter', 'ressortleiterin', 'gastautor', 'gastautorin',
  // fr
  'redacteur', 'redactrice', 'journaliste', 'correspondant', 'correspondante', 'envoye', 'envoyee', 'directeur', 'directrice',
  'chroniqueur', 'chroniqueuse', 'auteur', 'auteure', 'autrice', 'fondateur', 'fondatrice', 'president', 'presidente',
  // es
  'redactor', 'redactora', 'periodista', 'corresponsal', 'enviado', 'enviada', 'director', 'directora', 'columnista',
  'fundador', 'fundadora', 'presidenta', 'jefe', 'jefa', 'editora', 'autora',
  // it
  'giornalista', 'corrispondente', 'inviato', 'inviata', 'direttore', 'direttrice', 'redattore', 'redattrice', 'fondatore',
  'fondatrice', 'caporedattore', 'editorialista',
  // pt
  'jornalista', 'reporter', 'correspondente', 'diretor', 'diretora', 'colunista', 'redator', 'redatora',
  // nl
  'verslaggever', 'verslaggeefster', 'redacteur', 'correspondent', 'hoofdredacteur', 'columnist', 'oprichter',
  // pl
  'dziennikarz', 'dziennikarka', 'redaktor', 'redaktorka', 'korespondent', 'korespondentka', 'prezes', 'dyrektor', 'publicysta',
];

/** Organisations a name may be followed by: "Jane Roe, University of Michigan". */
export const AFFILIATION_WORDS: string[] = [
  'university', 'universitat', 'universite', 'universidad', 'universita', 'universidade', 'universiteit', 'uniwersytet',
  'institute', 'institut', 'instituto', 'istituto', 'instytut', 'college', 'school', 'hochschule', 'ecole', 'escuela', 'scuola',
  'foundation', 'stiftung', 'fondation', 'fundacion', 'fondazione', 'fundacao', 'stichting', 'fundacja', 'inc', 'ltd', 'llc',
  'gmbh', 'corporation', 'company', 'group', 'network', 'media', 'news', 'times', 'post', 'herald', 'tribune', 'gazette',
];

/** Labels of author boxes and widgets that are never a name ("About the Author", "Follow Author"). */
export const AUTHOR_BOX_LABELS: string[] = [
  'about the author', 'about the authors', 'about author', 'author bio', 'author details', 'author profile', 'more by',
  'more by this author', 'more from this author', 'follow author', 'follow', 'view all posts', 'view profile', 'all posts',
  'see all', 'posts by', 'contact the author', 'written by', 'authors', 'author',
  'uber den autor', 'uber die autorin', 'uber die autoren', 'zum autor', 'zur autorin', 'mehr vom autor', 'alle artikel',
  'a propos de l auteur', 'a propos de l autrice', 'l auteur', 'suivre', 'tous ses articles',
  'sobre el autor', 'sobre la autora', 'acerca del autor', 'mas del autor', 'seguir', 'el autor',
  'sull autore', 'l autore', 'chi e l autore', 'altri articoli',
  'sobre o autor', 'sobre a autora', 'o autor',
  'over de auteur', 'over de schrijver', 'de auteur', 'volg',
  'o autorze', 'autor', 'obserwuj',
];

/** Words joining the names of a multi-author byline, besides commas, "&", ";" and " / ". */
export const NAME_CONJUNCTIONS: string[] = ['and', 'und', 'et', 'y', 'e', 'og', 'och'];

/**
 * Conjunctions that are also prepositions ("Jane Doe en Madrid", "a Roma"): Dutch "en", Polish "i", Czech "a",
 * Finnish "ja", Hungarian "és". They join names only between two full names (two words or more each).
 */
export const WEAK_CONJUNCTIONS: string[] = ['en', 'i', 'a', 'ja', 'és'];
