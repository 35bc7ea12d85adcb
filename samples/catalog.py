"""Catalogue of realistic but entirely fictional legal documents.

Every person, case number and address below is invented. The texts are the
ground truth for OCR, translation and entity-extraction tests, so each line is
short enough to be printed as exactly one physical line (no wrapping).
"""

from __future__ import annotations

from evidence.samples.spec import Entities, SampleSpec

RU_SUMMONS = SampleSpec(
    name="ru_summons_sk",
    language="ru",
    tesseract_lang="rus",
    script="Cyrillic",
    doc_type="summons",
    country="RU",
    title="ПОВЕСТКА",
    lines=(
        "СЛЕДСТВЕННЫЙ КОМИТЕТ РОССИЙСКОЙ ФЕДЕРАЦИИ",
        "Главное следственное управление по г. Москве",
        "Гражданину Смирнову Алексею Викторовичу",
        "проживающему: г. Москва, ул. Профсоюзная, д. 12, кв. 48",
        "На основании ст. 188 УПК РФ Вы вызываетесь к следователю",
        "по уголовному делу № 12402450001000123,",
        "возбуждённому по признакам преступления,",
        "предусмотренного ч. 2 ст. 280 УК РФ,",
        "на «15» марта 2024 г. к 10 час. 00 мин. в качестве подозреваемого",
        "по адресу: г. Москва, Технический пер., д. 2, каб. 415.",
        "В случае неявки без уважительных причин Вы можете быть",
        "подвергнуты приводу (ст. 113 УПК РФ).",
        "Следователь по особо важным делам",
        "майор юстиции Кузнецов Д. А.",
    ),
    description="Russian Investigative Committee summons of a suspect under art. 280 of the Criminal Code.",
    entities=Entities(
        persons=("Смирнову Алексею Викторовичу", "Кузнецов Д. А."),
        authorities=(
            "СЛЕДСТВЕННЫЙ КОМИТЕТ РОССИЙСКОЙ ФЕДЕРАЦИИ",
            "Главное следственное управление по г. Москве",
        ),
        case_numbers=("12402450001000123",),
        legal_refs=("ст. 188 УПК РФ", "ч. 2 ст. 280 УК РФ", "ст. 113 УПК РФ"),
        dates=("«15» марта 2024 г.",),
    ),
)

BY_KGB_SUMMONS = SampleSpec(
    name="by_kgb_summons",
    language="ru",
    tesseract_lang="rus",
    script="Cyrillic",
    doc_type="summons",
    country="BY",
    title="ПОВЕСТКА",
    lines=(
        "КОМИТЕТ ГОСУДАРСТВЕННОЙ БЕЗОПАСНОСТИ РЕСПУБЛИКИ БЕЛАРУСЬ",
        "Управление КГБ по г. Минску и Минской области",
        "Гражданке Ковалевич Ольге Николаевне",
        "г. Минск, ул. Сурганова, д. 43, кв. 17",
        "Вам надлежит явиться «04» апреля 2024 г. к 09 час. 30 мин.",
        "по адресу: г. Минск, пр. Независимости, д. 17, каб. 210,",
        "для допроса в качестве подозреваемой по уголовному делу",
        "№ 23141000127, возбуждённому по ч. 1 ст. 342",
        "Уголовного кодекса Республики Беларусь (организация действий,",
        "грубо нарушающих общественный порядок, либо участие в них).",
        "При неявке без уважительных причин Вы будете подвергнуты",
        "приводу в соответствии со ст. 134 УПК Республики Беларусь.",
        "Дата выдачи: 28.03.2024",
        "Старший следователь капитан Жук В. И.",
    ),
    description="Belarusian KGB summons (in Russian) of a protester under art. 342 of the Criminal Code.",
    entities=Entities(
        persons=("Ковалевич Ольге Николаевне", "Жук В. И."),
        authorities=(
            "КОМИТЕТ ГОСУДАРСТВЕННОЙ БЕЗОПАСНОСТИ РЕСПУБЛИКИ БЕЛАРУСЬ",
            "Управление КГБ по г. Минску и Минской области",
        ),
        case_numbers=("23141000127",),
        legal_refs=("ч. 1 ст. 342", "ст. 134 УПК Республики Беларусь"),
        dates=("«04» апреля 2024 г.", "28.03.2024"),
    ),
    profile="photo",
    page="A5",
)

UK_SUMMONS = SampleSpec(
    name="uk_summons_sbu",
    language="uk",
    tesseract_lang="ukr",
    script="Cyrillic",
    doc_type="summons",
    country="UA",
    title="ПОВІСТКА ПРО ВИКЛИК",
    lines=(
        "СЛУЖБА БЕЗПЕКИ УКРАЇНИ",
        "Головне слідче управління",
        "Громадянину Петренку Олегу Івановичу",
        "м. Київ, вул. Січових Стрільців, буд. 27, кв. 9",
        "Відповідно до ст. 133 КПК України Вас викликано",
        "«22» лютого 2024 р. о 10 год. 00 хв. до слідчого",
        "за адресою: м. Київ, вул. Володимирська, 33, каб. 312,",
        "для допиту як підозрюваного у кримінальному провадженні",
        "№ 22024000000000152 від 05.02.2024 за ознаками",
        "кримінального правопорушення, передбаченого",
        "ч. 1 ст. 436-2 Кримінального кодексу України.",
        "У разі неприбуття без поважних причин до Вас може бути",
        "застосовано привід (ст. 140 КПК України).",
        "Слідчий в ОВС майор юстиції Шевчук Т. М.",
    ),
    description="Ukrainian SBU summons of a suspect under art. 436-2 of the Criminal Code.",
    entities=Entities(
        persons=("Петренку Олегу Івановичу", "Шевчук Т. М."),
        authorities=("СЛУЖБА БЕЗПЕКИ УКРАЇНИ", "Головне слідче управління"),
        case_numbers=("22024000000000152",),
        legal_refs=("ст. 133 КПК України", "ч. 1 ст. 436-2", "ст. 140 КПК України"),
        dates=("«22» лютого 2024 р.", "05.02.2024"),
    ),
)

ES_ARREST_WARRANT = SampleSpec(
    name="es_arrest_warrant_ni",
    language="es",
    tesseract_lang="spa",
    script="Latin",
    doc_type="arrest_warrant",
    country="NI",
    title="ORDEN DE CAPTURA",
    lines=(
        "REPÚBLICA DE NICARAGUA - PODER JUDICIAL",
        "Juzgado Décimo Distrito Penal de Audiencias de Managua",
        "Número de causa: 004527-ORM4-2023-PN",
        "Managua, 22 de noviembre de 2023, las diez de la mañana.",
        "Vista la acusación presentada por el Ministerio Público,",
        "se ordena la captura del ciudadano Javier Ernesto Morales Castillo,",
        "cédula de identidad 001-150885-0023K, por la presunta comisión",
        "de los delitos de conspiración para cometer menoscabo a la",
        "integridad nacional (artículo 410 del Código Penal) y propagación",
        "de noticias falsas (artículo 30 de la Ley 1042), con las",
        "consecuencias previstas en la Ley 1055.",
        "Se ordena a la Policía Nacional su inmediata detención",
        "y puesta a la orden de esta autoridad judicial.",
        "Jueza: Dra. Rosa Elena Díaz Zamora",
    ),
    description="Nicaraguan arrest warrant for 'undermining national integrity' (art. 410 Penal Code, Law 1055).",
    entities=Entities(
        persons=("Javier Ernesto Morales Castillo", "Rosa Elena Díaz Zamora"),
        authorities=("Juzgado Décimo Distrito Penal de Audiencias de Managua", "Policía Nacional"),
        case_numbers=("004527-ORM4-2023-PN",),
        legal_refs=("artículo 410 del Código Penal", "artículo 30 de la Ley 1042", "Ley 1055"),
        dates=("22 de noviembre de 2023",),
    ),
)

FA_COURT_NOTICE = SampleSpec(
    name="fa_revolutionary_court_notice",
    language="fa",
    tesseract_lang="fas",
    script="Arabic",
    doc_type="summons",
    country="IR",
    title="احضاریه متهم",
    lines=(
        "جمهوری اسلامی ایران - قوه قضاییه",
        "دادگاه انقلاب اسلامی تهران - شعبه ۲۶",
        "کلاسه پرونده: ۱۴۰۲۰۹۹۸۰۲۶۰۰۴۵۶",
        "شماره ابلاغیه: ۱۴۰۲۱۰۱۰۰۲۶۰۰۷۸۹",
        "نام و نام خانوادگی: سارا نیک‌پور فرزند حسن",
        "اتهام: فعالیت تبلیغی علیه نظام",
        "موضوع ماده ۵۰۰ قانون مجازات اسلامی",
        "به شما ابلاغ می‌شود که در تاریخ ۱۴۰۲/۰۸/۰۱ ساعت ۹ صبح",
        "جهت پاسخگویی به اتهام انتسابی در این شعبه حاضر شوید.",
        "در صورت عدم حضور، دستور جلب شما صادر خواهد شد.",
        "نشانی: تهران، مجتمع قضایی شهید مقدس",
        "تاریخ صدور: ۱۴۰۲/۰۷/۱۵",
        "مدیر دفتر شعبه ۲۶: علی صادقی",
    ),
    description="Iranian Revolutionary Court (Tehran, branch 26) summons for 'propaganda against the system'.",
    entities=Entities(
        persons=("سارا نیک‌پور", "علی صادقی"),
        authorities=("دادگاه انقلاب اسلامی تهران", "قوه قضاییه"),
        case_numbers=("۱۴۰۲۰۹۹۸۰۲۶۰۰۴۵۶", "۱۴۰۲۱۰۱۰۰۲۶۰۰۷۸۹"),
        legal_refs=("ماده ۵۰۰ قانون مجازات اسلامی",),
        dates=("۱۴۰۲/۰۸/۰۱", "۱۴۰۲/۰۷/۱۵"),
    ),
)

TR_ARREST_WARRANT = SampleSpec(
    name="tr_arrest_warrant",
    language="tr",
    tesseract_lang="tur",
    script="Latin",
    doc_type="arrest_warrant",
    country="TR",
    title="YAKALAMA KARARI",
    lines=(
        "T.C.",
        "İSTANBUL 25. AĞIR CEZA MAHKEMESİ",
        "Esas No: 2023/145",
        "Karar Tarihi: 12.03.2024",
        "Sanık: Mehmet Can Yıldırım, baba adı Ahmet, doğum tarihi 05.06.1988",
        "Suç: Silahlı terör örgütüne üye olmak (TCK 314/2) ve",
        "terör örgütünün propagandasını yapmak (TMK 7/2)",
        "Sanığın yapılan tüm aramalara rağmen bulunamadığı ve",
        "duruşmalara katılmadığı anlaşıldığından, CMK 98. maddesi",
        "uyarınca hakkında YAKALAMA KARARI verilmesine, yakalandığında",
        "en yakın ağır ceza mahkemesine çıkarılmasına",
        "oybirliğiyle karar verildi.",
        "Başkan: Ayşe Demir - Üye: Murat Kaya - Üye: Zeynep Arslan",
    ),
    description="Turkish arrest warrant (Istanbul 25th High Criminal Court) for terrorism charges, TCK 314.",
    entities=Entities(
        persons=("Mehmet Can Yıldırım", "Ayşe Demir", "Murat Kaya", "Zeynep Arslan"),
        authorities=("İSTANBUL 25. AĞIR CEZA MAHKEMESİ",),
        case_numbers=("2023/145",),
        legal_refs=("TCK 314/2", "TMK 7/2", "CMK 98. maddesi"),
        dates=("12.03.2024", "05.06.1988"),
    ),
    rotation=90,
)

AR_STATE_SECURITY = SampleSpec(
    name="ar_state_security_summons",
    language="ar",
    tesseract_lang="ara",
    script="Arabic",
    doc_type="summons",
    country="EG",
    title="استدعاء للتحقيق",
    lines=(
        "جمهورية مصر العربية - النيابة العامة",
        "نيابة أمن الدولة العليا",
        "القضية رقم ١٢٣٤ لسنة ٢٠٢٣ حصر أمن دولة عليا",
        "السيد/ كريم محمود عبد الرحمن",
        "المقيم في: ١٤ شارع النيل، الجيزة",
        "مطلوب حضوركم أمام نيابة أمن الدولة العليا بالتجمع الخامس",
        "يوم الأحد الموافق ٢٠٢٤/٠٣/١٠ في تمام الساعة العاشرة صباحا",
        "وذلك للتحقيق معكم فيما هو منسوب إليكم من اتهامات:",
        "الانضمام إلى جماعة إرهابية مع العلم بأغراضها",
        "ونشر أخبار وبيانات كاذبة (المادة ٨٠ د من قانون العقوبات)",
        "والقانون رقم ٩٤ لسنة ٢٠١٥ بشأن مكافحة الإرهاب",
        "تحريرا في ٢٠٢٤/٠٣/٠٣",
        "رئيس النيابة: أحمد سامي فؤاد",
    ),
    description="Egyptian Supreme State Security Prosecution summons on terrorism and 'false news' charges.",
    entities=Entities(
        persons=("كريم محمود عبد الرحمن", "أحمد سامي فؤاد"),
        authorities=("نيابة أمن الدولة العليا", "النيابة العامة"),
        case_numbers=("١٢٣٤ لسنة ٢٠٢٣",),
        legal_refs=("المادة ٨٠ د من قانون العقوبات", "القانون رقم ٩٤ لسنة ٢٠١٥"),
        dates=("٢٠٢٤/٠٣/١٠", "٢٠٢٤/٠٣/٠٣"),
    ),
    profile="photo",
)

ZH_SUMMONS = SampleSpec(
    name="zh_summons_psb",
    language="zh",
    tesseract_lang="chi_sim",
    script="Han",
    doc_type="summons",
    country="CN",
    title="传唤通知书",
    lines=(
        "成都市公安局锦江区分局",
        "锦公（国保）传字〔2024〕第0315号",
        "王建华：",
        "根据《中华人民共和国刑事诉讼法》第一百一十九条之规定，",
        "因你涉嫌煽动颠覆国家政权罪",
        "（《中华人民共和国刑法》第一百零五条），",
        "现传唤你于2024年3月20日9时",
        "到成都市公安局锦江区分局接受讯问。",
        "无正当理由拒不到案的，可以依法拘传。",
        "地址：成都市锦江区红星路三段88号",
        "办案民警：李明、张伟",
        "成都市公安局锦江区分局（印）",
        "2024年3月15日",
    ),
    description="Chinese public security bureau summons for 'inciting subversion' (art. 105 Criminal Law).",
    entities=Entities(
        persons=("王建华", "李明", "张伟"),
        authorities=("成都市公安局锦江区分局",),
        case_numbers=("锦公（国保）传字〔2024〕第0315号",),
        legal_refs=("《中华人民共和国刑法》第一百零五条", "《中华人民共和国刑事诉讼法》第一百一十九条"),
        dates=("2024年3月20日", "2024年3月15日"),
    ),
)

FR_ARREST_WARRANT = SampleSpec(
    name="fr_arrest_warrant_gn",
    language="fr",
    tesseract_lang="fra",
    script="Latin",
    doc_type="arrest_warrant",
    country="GN",
    title="MANDAT D'ARRÊT",
    lines=(
        "RÉPUBLIQUE DE GUINÉE - Travail, Justice, Solidarité",
        "Tribunal de Première Instance de Conakry III",
        "Cabinet du Juge d'instruction",
        "Procédure n° RP 2024/0317 - RI 2024/052",
        "Nous, Bernard Camara, juge d'instruction,",
        "mandons et ordonnons à tous agents de la force publique",
        "de rechercher, arrêter et conduire à la maison centrale",
        "de Conakry le nommé Mamadou Sow Baldé, né le 14/07/1991,",
        "inculpé de participation à un attroupement non autorisé",
        "et d'atteinte à la sûreté de l'État (art. 318 du Code pénal).",
        "Requérons tout dépositaire de la force publique",
        "de prêter main-forte à l'exécution du présent mandat.",
        "Fait à Conakry, le 9 octobre 2024.",
        "Le Juge d'instruction",
    ),
    description="Guinean arrest warrant for an opposition protester (art. 318 of the Penal Code).",
    entities=Entities(
        persons=("Bernard Camara", "Mamadou Sow Baldé"),
        authorities=("Tribunal de Première Instance de Conakry III",),
        case_numbers=("RP 2024/0317", "RI 2024/052"),
        legal_refs=("art. 318 du Code pénal",),
        dates=("14/07/1991", "9 octobre 2024"),
    ),
    page="A5",
    rotation=180,
)

EN_THREAT_LETTER = SampleSpec(
    name="en_threat_letter",
    language="en",
    tesseract_lang="eng",
    script="Latin",
    doc_type="threat_letter",
    country="UG",
    title="FINAL WARNING",
    lines=(
        "To Samuel K. Mensah, 14 Palm Grove Road, Kampala",
        "We know what you said at the rally on 3 March 2024.",
        "We know where you live and where your children go to school.",
        "You were warned once by the officers at Kira Road police station.",
        "Your complaint, case number CRB 412/2024, will not protect you.",
        "Withdraw it before 30 March 2024",
        "or you will disappear like the others.",
        "Do not go to the press. Do not leave the country.",
        "This is your last warning.",
        "Patriotic Youth Brigade",
    ),
    description="Anonymous threat letter to an opposition activist who filed a police complaint.",
    entities=Entities(
        persons=("Samuel K. Mensah",),
        authorities=("Kira Road police station", "Patriotic Youth Brigade"),
        case_numbers=("CRB 412/2024",),
        dates=("3 March 2024", "30 March 2024"),
    ),
    profile="photo",
    page="A5",
)

_CATALOG: tuple[SampleSpec, ...] = (
    RU_SUMMONS,
    BY_KGB_SUMMONS,
    UK_SUMMONS,
    ES_ARREST_WARRANT,
    FA_COURT_NOTICE,
    TR_ARREST_WARRANT,
    AR_STATE_SECURITY,
    ZH_SUMMONS,
    FR_ARREST_WARRANT,
    EN_THREAT_LETTER,
)


def catalog() -> list[SampleSpec]:
    """All sample documents, in a stable order."""
    return list(_CATALOG)


def get_spec(name: str) -> SampleSpec:
    """Look a document up by its slug; KeyError lists the valid names."""
    for spec in _CATALOG:
        if spec.name == name:
            return spec
    raise KeyError(f"unknown sample {name!r}; known: {', '.join(s.name for s in _CATALOG)}")
