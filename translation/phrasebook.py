"""The small Spanish/English/French legal phrase table the project's test packages are built from.

Each row is one unit that translates monotonically (word or fixed phrase → word or phrase), so a
hand-built transformer can translate it position by position. Phrases carry the cases where
Spanish word order or idiom differs from English ("orden de detención" → "arrest warrant").
"""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    es: str
    en: str
    fr: str | None = None


ENTRIES: tuple[Entry, ...] = (
    # phrases first: they win over their words when the text matches them whole
    Entry("orden de detención", "arrest warrant", "mandat d'arrêt"),
    Entry("dicta orden de detención", "issues an arrest warrant", "délivre un mandat d'arrêt"),
    Entry("código penal", "criminal code", "code pénal"),
    Entry("derechos humanos", "human rights", "droits humains"),
    Entry("los derechos humanos", "human rights", "les droits humains"),
    Entry("acusa a", "accuses", "accuse"),
    Entry("por participar", "for taking part", "pour avoir participé"),
    Entry("por la policía", "by the police", "par la police"),
    Entry("años de prisión", "years in prison", "ans de prison"),
    Entry("según el artículo", "under article", "selon l'article"),
    Entry("en la fecha", "on the date", "à la date"),
    Entry("se encuentra", "is", "se trouve"),
    Entry("será el", "will be on", "aura lieu le"),
    Entry("abogado de la defensa", "defence lawyer", "avocat de la défense"),
    Entry("debe comparecer", "must appear", "doit comparaître"),
    Entry("fue detenido", "was detained", "a été détenu"),
    Entry("fue detenida", "was detained", "a été détenue"),
    Entry("fue condenado", "was sentenced", "a été condamné"),
    Entry("fue condenada", "was sentenced", "a été condamnée"),
    Entry("un artículo", "an article", "un article"),
    Entry("un recurso", "an appeal", "un recours"),
    # function words
    Entry("el", "the", "le"),
    Entry("la", "the", "la"),
    Entry("los", "the", "les"),
    Entry("las", "the", "les"),
    Entry("del", "of the", "du"),
    Entry("al", "to the", "au"),
    Entry("de", "of", "de"),
    Entry("a", "to", "à"),
    Entry("en", "in", "en"),
    Entry("con", "with", "avec"),
    Entry("contra", "against", "contre"),
    Entry("ante", "before", "devant"),
    Entry("por", "for", "pour"),
    Entry("para", "for", "pour"),
    Entry("sin", "without", "sans"),
    Entry("sobre", "about", "sur"),
    Entry("y", "and", "et"),
    Entry("o", "or", "ou"),
    Entry("un", "a", "un"),
    Entry("una", "a", "une"),
    Entry("su", "his", "son"),
    Entry("este", "this", "ce"),
    Entry("esta", "this", "cette"),
    Entry("es", "is", "est"),
    Entry("está", "is", "est"),
    Entry("número", "number", "numéro"),
    # institutions and people
    Entry("juzgado", "court", "tribunal"),
    Entry("tribunal", "tribunal", "juridiction"),
    Entry("juez", "judge", "juge"),
    Entry("jueza", "judge", "juge"),
    Entry("fiscal", "prosecutor", "procureur"),
    Entry("fiscalía", "prosecutor's office", "parquet"),
    Entry("policía", "police", "police"),
    Entry("gobierno", "government", "gouvernement"),
    Entry("acusado", "accused", "accusé"),
    Entry("acusada", "accused", "accusée"),
    Entry("testigo", "witness", "témoin"),
    Entry("abogado", "lawyer", "avocat"),
    Entry("abogada", "lawyer", "avocate"),
    Entry("periodista", "journalist", "journaliste"),
    Entry("ciudadano", "citizen", "citoyen"),
    Entry("ciudadana", "citizen", "citoyenne"),
    Entry("partido", "party", "parti"),
    Entry("oposición", "opposition", "opposition"),
    # proceedings
    Entry("orden", "order", "ordre"),
    Entry("detención", "detention", "détention"),
    Entry("arresto", "arrest", "arrestation"),
    Entry("causa", "case", "affaire"),
    Entry("expediente", "file", "dossier"),
    Entry("artículo", "article", "article"),
    Entry("código", "code", "code"),
    Entry("ley", "law", "loi"),
    Entry("delito", "crime", "délit"),
    Entry("cargos", "charges", "charges"),
    Entry("pena", "sentence", "peine"),
    Entry("prisión", "prison", "prison"),
    Entry("audiencia", "hearing", "audience"),
    Entry("sentencia", "judgment", "jugement"),
    Entry("defensa", "defence", "défense"),
    Entry("fecha", "date", "date"),
    Entry("día", "day", "jour"),
    Entry("año", "year", "année"),
    Entry("años", "years", "ans"),
    Entry("manifestación", "demonstration", "manifestation"),
    Entry("protesta", "protest", "protestation"),
    Entry("domicilio", "address", "domicile"),
    Entry("ciudad", "city", "ville"),
    Entry("país", "country", "pays"),
    # offences
    Entry("traición", "treason", "trahison"),
    Entry("terrorismo", "terrorism", "terrorisme"),
    Entry("rebelión", "rebellion", "rébellion"),
    Entry("sedición", "sedition", "sédition"),
    Entry("difamación", "defamation", "diffamation"),
    Entry("desacato", "contempt", "outrage"),
    # verbs and predicates
    Entry("ordena", "orders", "ordonne"),
    Entry("cita", "summons", "convoque"),
    Entry("publicó", "published", "a publié"),
    Entry("presentó", "filed", "a déposé"),
    Entry("firmó", "signed", "a signé"),
    Entry("buscado", "wanted", "recherché"),
    Entry("buscada", "wanted", "recherchée"),
    Entry("grave", "serious", "grave"),
    Entry("indicada", "indicated", "indiquée"),
    # months
    Entry("enero", "January", "janvier"),
    Entry("febrero", "February", "février"),
    Entry("marzo", "March", "mars"),
    Entry("abril", "April", "avril"),
    Entry("mayo", "May", "mai"),
    Entry("junio", "June", "juin"),
    Entry("julio", "July", "juillet"),
    Entry("agosto", "August", "août"),
    Entry("septiembre", "September", "septembre"),
    Entry("octubre", "October", "octobre"),
    Entry("noviembre", "November", "novembre"),
    Entry("diciembre", "December", "décembre"),
)

LANGUAGE_NAMES = {"es": "Spanish", "en": "English", "fr": "French"}


def phrase_pairs(source: str, target: str) -> list[tuple[str, str]]:
    """(source, target) phrase pairs for one direction; the first row wins when a source repeats."""
    pairs: dict[str, str] = {}
    for entry in ENTRIES:
        src, tgt = getattr(entry, source), getattr(entry, target)
        if src is None or tgt is None or src in pairs:
            continue
        pairs[src] = tgt
    return list(pairs.items())


_NAMES = ("Juan Pérez", "María López", "Ahmad Karimi", "Elena Sánchez", "Olga Ivanova", "Luis Romero")
_SUBJECTS = (
    ("El juzgado", "The court"),
    ("El tribunal", "The tribunal"),
    ("La fiscalía", "The prosecutor's office"),
    ("El juez", "The judge"),
)
_CRIMES = (
    ("traición", "treason"),
    ("terrorismo", "terrorism"),
    ("rebelión", "rebellion"),
    ("sedición", "sedition"),
    ("difamación", "defamation"),
    ("desacato", "contempt"),
)


def sample_sentences(count: int, seed: int = 7) -> list[tuple[str, str]]:
    """``count`` generated (Spanish, expected English) legal sentences, reproducible for a seed."""
    rng = random.Random(seed)
    out: list[tuple[str, str]] = []
    while len(out) < count:
        name = rng.choice(_NAMES)
        es_subj, en_subj = rng.choice(_SUBJECTS)
        es_crime, en_crime = rng.choice(_CRIMES)
        number = f"{rng.randint(1, 999)}/{rng.randint(2015, 2024)}"
        date = f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(2019, 2024)}"
        years = rng.randint(2, 20)
        templates = (
            (f"{es_subj} ordena la detención de {name}.", f"{en_subj} orders the detention of {name}."),
            (f"{es_subj} acusa a {name} de {es_crime}.", f"{en_subj} accuses {name} of {en_crime}."),
            (f"El juez dicta orden de detención contra {name}.", f"The judge issues an arrest warrant against {name}."),
            (
                f"{name} debe comparecer ante el juzgado en la fecha {date}.",
                f"{name} must appear before the court on the date {date}.",
            ),
            (f"La causa número {number} se encuentra en el juzgado.", f"The case number {number} is in the court."),
            (
                f"{name} fue detenido por participar en una manifestación contra el gobierno.",
                f"{name} was detained for taking part in a demonstration against the government.",
            ),
            (
                f"El acusado fue condenado a {years} años de prisión.",
                f"The accused was sentenced to {years} years in prison.",
            ),
            (f"{name} es buscado por la policía.", f"{name} is wanted by the police."),
            (
                f"Según el artículo {years} del código penal, el delito es grave.",
                f"Under article {years} of the criminal code, the crime is serious.",
            ),
            (
                "El periodista publicó un artículo sobre los derechos humanos.",
                "The journalist published an article about human rights.",
            ),
            (f"La audiencia será el {date}.", f"The hearing will be on {date}."),
            ("El abogado de la defensa presentó un recurso.", "The defence lawyer filed an appeal."),
        )
        out.append(rng.choice(templates))
    return out
