"""Document type: the paper's own title decides, not the papers its body cites."""

from __future__ import annotations

import pytest
from evidence.extractors.legal import classify_document


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("ПОСТАНОВЛЕНИЕ\nо привлечении в качестве обвиняемого\n\nг. Краснодар", "ru", "indictment"),
        ("محكمة قضايا الإرهاب\nقاضي الإحالة\n\nقرار اتهام\nرقم الأساس: ٥١٢ لعام ٢٠٢٢", "ar", "indictment"),
        (
            "Tribunal de première instance de Tunis\nORDONNANCE DE PLACEMENT EN DÉTENTION PROVISOIRE",
            "fr",
            "detention_order",
        ),
        ("成都市人民检察院\n批准逮捕决定书\n成检刑批捕〔2023〕112号", "zh", "detention_order"),
        ("T.C.\nDİYARBAKIR 2. SULH CEZA HAKİMLİĞİ\n\nTUTUKLAMA MÜZEKKERESİ", "tr", "detention_order"),
        ("ANKARA CUMHURİYET BAŞSAVCILIĞI\nŞÜPHELİYE ÇAĞRI KÂĞIDI (CMK md. 145)", "tr", "summons"),
        ("陈先生：\n你母亲还住在福州，你应该多为她想想。\n不要以为在国外就没人管得了你。", "zh", "threat_letter"),
    ],
)
def test_title_wording_of_each_kind_is_recognised(text: str, language: str, expected: str) -> None:
    assert classify_document(text, language)[0] == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Отдел полиции № 5 УМВД России по г. Казани\nВЫЗОВ\nГр. Хасанову И. М.\n"
            "Вам необходимо прибыть 12 апреля 2024 г. к 11 часам для дачи объяснений.",
            "ru",
        ),
        (
            "ПАВЕДАМЛЕННЕ аб выкліку\nГрамадзяніну Кавалёву І. С. прапануецца з'явіцца ў Следчы камітэт "
            "4 красавіка 2024 г. для допыту ў якасці сведкі.",
            "be",
        ),
        (
            "T.C.\nİSTANBUL CUMHURİYET BAŞSAVCILIĞI\nİFADEYE DAVET\nSayın Elif Demir,\n"
            "15.03.2024 günü saat 10:00'da Başsavcılığımızda hazır bulunmanız, gelmediğiniz takdirde "
            "zorla getirileceğiniz bildirilir.",
            "tr",
        ),
        (
            "دادسرای عمومی و انقلاب شیراز\nبرگ احضار متهم\nآقای رضا کریمی\n"
            "ظرف سه روز جهت ادای توضیح در شعبه ۵ بازپرسی حاضر شوید. در صورت عدم حضور جلب خواهید شد.",
            "fa",
        ),
        (
            "دولة الكويت\nوزارة الداخلية\nطلب حضور\nعلى المواطن عبدالله المطيري مراجعة الإدارة "
            "يوم الأحد الساعة العاشرة صباحاً.",
            "ar",
        ),
        ("香港特別行政區\n九龍城裁判法院\n傳票\n致：黃志明\n現著令你於2024年5月2日親身到本法庭應訊。", "zh"),
        (
            "REPÚBLICA DE NICARAGUA\nPOLICÍA NACIONAL\nCITATORIO\n"
            "Se le cita para que comparezca el día 12 de marzo de 2024 a fin de rendir entrevista.",
            "es",
        ),
        (
            "Tribunal de première instance de Sfax\nCITATION À COMPARAÎTRE\n"
            "Le prévenu est cité à comparaître à l'audience du 12 avril 2024 à 9 heures.",
            "fr",
        ),
        (
            "Istanbul Chief Public Prosecutor's Office\nINVITATION TO GIVE A STATEMENT\n"
            "Ms Elif Demir is requested to be present at 10:00 on 15 March 2024.",
            "en",
        ),
    ],
)
def test_summonses_in_their_many_names_are_summonses(text: str, language: str) -> None:
    assert classify_document(text, language)[0] == "summons"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "ПОСТАНОВЛЕНИЕ\nо приводе\nСвидетель Гаврилов К. П. дважды не явился по вызову.\n"
            "Постановил: подвергнуть приводу Гаврилова К. П. 13 марта 2024 г.",
            "ru",
        ),
        (
            "ПОСТАНОВЛЕНИЕ\nоб объявлении обвиняемого в розыск\nОбвиняемый скрылся от следствия, "
            "его местонахождение не установлено. Постановил: объявить в федеральный розыск.",
            "ru",
        ),
        (
            "УХВАЛА\nпро дозвіл на затримання з метою приводу\nНадати дозвіл на затримання підозрюваного "
            "Гнатюка С. В. з метою його приводу.",
            "uk",
        ),
        (
            "T.C.\nİSTANBUL 5. SULH CEZA HAKİMLİĞİ\nZORLA GETİRME KARARI\n"
            "Şüphelinin CMK 146 uyarınca zorla getirilmesine karar verildi.",
            "tr",
        ),
        (
            "دادسرای عمومی و انقلاب اهواز\nبرگ جلب متهم\nمأمورین محترم انتظامی\n"
            "مأموریت دارید آقای سعید نادری را جلب و به این شعبه تحویل نمایید.",
            "fa",
        ),
        (
            "الجمهورية العربية السورية\nإدارة الأمن الجنائي\nبلاغ بحث\n"
            "يطلب البحث والتحري عن المدعو ماهر العلي وإلقاء القبض عليه.",
            "ar",
        ),
        (
            "新疆维吾尔自治区公安厅\n通 缉 令\n犯罪嫌疑人买买提·艾力，现在逃。发现犯罪嫌疑人立即抓获。",
            "zh",
        ),
        ("香港警務處國家安全處\n懸紅通緝\n警方現懸紅港幣一百萬元通緝羅某。", "zh"),
        (
            "Tribunal judiciaire de Paris\nMANDAT D'AMENER\nNous, juge d'instruction, mandons et ordonnons "
            "à tous agents de la force publique de conduire devant nous le nommé Yacine Belkacem.",
            "fr",
        ),
        (
            "HONG KONG POLICE FORCE\nWANTED\nA reward of HK$1 million is offered for information leading "
            "to the arrest of KWOK Fung-yee, wanted for incitement to secession.",
            "en",
        ),
    ],
)
def test_orders_to_find_or_bring_a_person_are_arrest_warrants(text: str, language: str) -> None:
    assert classify_document(text, language)[0] == "arrest_warrant"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "ПОСТАНОВЛЕНИЕ\nо продлении срока содержания под стражей\nПродлить обвиняемому срок "
            "содержания под стражей на 3 месяца, то есть до 12 июля 2024 г.",
            "ru",
        ),
        (
            "УХВАЛА\nІМЕНЕМ УКРАЇНИ\nПродовжити строк тримання під вартою підозрюваному на 60 днів, тобто до "
            "20 червня 2024 року включно, з утриманням у ДУ «Київський слідчий ізолятор».",
            "uk",
        ),
        (
            "T.C.\nANKARA 4. SULH CEZA HAKİMLİĞİ\nADLİ KONTROL KARARI\n"
            "Şüphelinin yurt dışına çıkış yasağı şeklinde adli kontrol tedbiri uygulanmasına karar verildi.",
            "tr",
        ),
        (
            "دادسرای عمومی و انقلاب تبریز\nقرار تأمین کیفری\nقرار وثیقه صادر و در صورت عجز از تودیع "
            "وثیقه به زندان معرفی می‌گردد.",
            "fa",
        ),
        (
            "الجمهورية التونسية\nبطاقة إيداع\nيأذن قاضي التحقيق لمدير السجن المدني بقبول المظنون فيه "
            "والاحتفاظ به بحالة إيقاف تحفظي.",
            "ar",
        ),
        (
            "北京市公安局\n取保候审决定书\n京公（国）取保字〔2024〕015号\n决定对其取保候审。",
            "zh",
        ),
        (
            "TRIBUNAL TERCERO DE CONTROL\nAUTO\nEste Tribunal DECRETA MEDIDA DE PRIVACIÓN JUDICIAL PREVENTIVA "
            "DE LIBERTAD contra el imputado por existir peligro de fuga.",
            "es",
        ),
        (
            "WEST KOWLOON MAGISTRATES' COURTS\nREMAND WARRANT\n"
            "Receive the defendant into your custody and keep her until 14 June 2024.",
            "en",
        ),
    ],
)
def test_papers_that_hold_or_restrain_a_person_are_detention_orders(text: str, language: str) -> None:
    assert classify_document(text, language)[0] == "detention_order"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "ПОВІДОМЛЕННЯ\nпро підозру\nПовідомляю гр. Сидоренку І. П. про те, що він підозрюється у "
            "вчиненні кримінального правопорушення, передбаченого ч. 2 ст. 111 КК України.",
            "uk",
        ),
        (
            "ПОСТАНОВЛЕНИЕ\nо возбуждении уголовного дела\nВозбудить уголовное дело в отношении Алсынова Ф. Ф. "
            "по признакам преступления, предусмотренного ч. 1 ст. 280.3 УК РФ.",
            "ru",
        ),
        (
            "دادسرای عمومی و انقلاب اصفهان\nقرار جلب به دادرسی\nاتهام وارده محرز است و قرار جلب به دادرسی صادر می‌گردد.",
            "fa",
        ),
        (
            "قاضي التحقيق الثالث بدمشق\nقرار ظني\nنقرر الظن عليه بجنحة المادة ٢٨٦ عقوبات وإحالته إلى "
            "محكمة البداية الجزائية.",
            "ar",
        ),
        ("广州市公安局\n起诉意见书\n现已侦查终结，现将此案移送审查起诉。", "zh"),
        (
            "FISCALÍA PROVINCIAL DE SANTIAGO DE CUBA\nCONCLUSIONES PROVISIONALES\n"
            "El Fiscal acusa al ciudadano de un delito de desacato y solicita se le imponga la sanción.",
            "es",
        ),
        (
            "Cour d'Alger\nChambre d'accusation\nARRÊT DE RENVOI\n"
            "Il existe des charges suffisantes contre l'inculpé; le renvoie devant le tribunal criminel.",
            "fr",
        ),
    ],
)
def test_formal_accusations_at_every_stage_are_indictments(text: str, language: str) -> None:
    assert classify_document(text, language)[0] == "indictment"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "АПЕЛЛЯЦИОННОЕ ОПРЕДЕЛЕНИЕ\nприговор в отношении Орлова О. П. оставить без изменения, "
            "апелляционную жалобу — без удовлетворения.",
            "ru",
        ),
        (
            "T.C.\nİSTANBUL 26. AĞIR CEZA MAHKEMESİ\nTÜRK MİLLETİ ADINA\nKARAR\n"
            "HÜKÜM: Sanığın 6 yıl 3 ay hapis cezası ile cezalandırılmasına, oy birliği ile karar verildi.",
            "tr",
        ),
        (
            "الجمهورية العربية السورية\nمحكمة قضايا الإرهاب\nقرار حكم\n"
            "قررت المحكمة تجريم المتهم ومعاقبته بالأشغال الشاقة مدة عشر سنوات.",
            "ar",
        ),
        ("北京市高级人民法院\n刑事裁定书\n裁定如下：驳回上诉，维持原判。", "zh"),
        (
            "JUZGADO DÉCIMO DISTRITO PENAL DE JUICIO DE MANAGUA\nFALLO\n"
            "Administrando justicia en nombre de la República, se declara culpable al acusado.",
            "es",
        ),
        (
            "IN THE HIGH COURT OF THE HONG KONG SPECIAL ADMINISTRATIVE REGION\nREASONS FOR VERDICT\n"
            "We find the defendant guilty of the charge of conspiracy to commit subversion.",
            "en",
        ),
    ],
)
def test_rulings_on_the_merits_or_on_appeal_are_court_decisions(text: str, language: str) -> None:
    assert classify_document(text, language)[0] == "court_decision"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Слышь, Ахмед.\nТы думаешь, в Германии тебя не достанут? Брат твой в Грозном.\n"
            "Закрой свой канал, иначе пожалеешь.",
            "ru",
        ),
        (
            "Hain Kemal,\nNerede oturduğunu biliyoruz. Yazmaya devam edersen bedelini ailen öder. Bu son uyarı.",
            "tr",
        ),
        ("به تو خائن هشدار می‌دهیم\nما می‌دانیم خانواده‌ات کجا زندگی می‌کنند. این آخرین اخطار است.", "fa"),
        ("Sapo,\nsabemos dónde vive tu mamá en Masaya. Si seguís hablando con la prensa, te va a pesar.", "es"),
        ("Your sister still lives on Hill Road. Delete the videos or she pays for it. Nobody will help you.", "en"),
    ],
)
def test_threats_without_any_title_are_threat_letters(text: str, language: str) -> None:
    assert classify_document(text, language)[0] == "threat_letter"


def test_a_verdict_that_cites_the_indictment_is_a_verdict() -> None:
    text = (
        "浙江省杭州市中级人民法院\n刑事判决书\n（2023）浙01刑初87号\n\n公诉机关浙江省杭州市人民检察院。\n"
        "被告人陈晓峰，男。\n杭州市人民检察院以杭检刑诉〔2023〕31号起诉书指控被告人犯煽动颠覆国家政权罪，"
        "于2023年4月10日向本院提起公诉。\n判决如下：判处有期徒刑四年。"
    )
    assert classify_document(text, "zh")[0] == "court_decision"


def test_a_verdict_that_keeps_the_accused_in_custody_is_a_verdict() -> None:
    text = (
        "ПРИГОВОР\nИМЕНЕМ РОССИЙСКОЙ ФЕДЕРАЦИИ\nПодсудимый задержан 22.04.2022, мера пресечения — заключение "
        "под стражу.\nПРИГОВОРИЛ: признать виновным и назначить наказание в виде лишения свободы сроком на "
        "25 лет. Меру пресечения оставить без изменения — заключение под стражу."
    )
    assert classify_document(text, "ru")[0] == "court_decision"


def test_incitement_is_not_a_summons() -> None:
    text = (
        "Tribunal Cuarto de Control\n\nEste Tribunal acordó librar ORDEN DE APREHENSIÓN por el delito de "
        "INCITACIÓN AL ODIO."
    )
    assert classify_document(text, "es")[0] == "arrest_warrant"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "ФКУ СИЗО-1 УФСИН России по г. Москве\nМедицинская часть\n\nСПРАВКА\n"
            "Дана в том, что он содержится в учреждении; мера пресечения — заключение под стражу.",
            "ru",
        ),
        ("КВИТАНЦІЯ № 118\nпро оплату правової допомоги\nзахист у справі: тримання під вартою", "uk"),
    ],
)
def test_certificates_and_receipts_that_mention_detention_are_other(text: str, language: str) -> None:
    assert classify_document(text, language)[0] == "other"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "В Басманный районный суд г. Москвы\nот адвоката Петрова П. П.\nАПЕЛЛЯЦИОННАЯ ЖАЛОБА\n"
            "на постановление об избрании меры пресечения в виде заключения под стражу\n"
            "Прошу постановление отменить, избрать меру пресечения в виде домашнего ареста.",
            "ru",
        ),
        (
            "İSTANBUL 26. AĞIR CEZA MAHKEMESİNE\nİTİRAZ DİLEKÇESİ\nMüvekkilim hakkında verilen tutuklama "
            "kararına itiraz ediyoruz; tutuklama kararının kaldırılmasını talep ederiz.",
            "tr",
        ),
        (
            "ریاست محترم دادگاه انقلاب اسلامی تهران\nموضوع: لایحه دفاعیه\nاینجانب وکیل آقای نادر فتحی در "
            "خصوص کیفرخواست صادره به استحضار می‌رساند که اتهام انتسابی فاقد دلیل است.",
            "fa",
        ),
        (
            "السيد المستشار رئيس محكمة جنايات القاهرة\nمذكرة بدفاع\nنلتمس إخلاء سبيل المتهم، إذ إن أمر "
            "الحبس الاحتياطي جاوز المدة القانونية.",
            "ar",
        ),
        ("取保候审申请书\n申请人：张律师。\n申请事项：为犯罪嫌疑人李某申请取保候审。", "zh"),
        (
            "SEÑOR JUEZ DEL TRIBUNAL SEGUNDO DE CONTROL\nRECURSO DE APELACIÓN\nApelo del auto que decretó "
            "la privación judicial preventiva de libertad de mi defendido.",
            "es",
        ),
        (
            "GROUNDS OF APPEAL\n1. The judge erred in finding that the arrest warrant was genuine.\n"
            "2. The judge failed to consider the expert report on the indictment.",
            "en",
        ),
    ],
)
def test_what_the_defence_files_is_other_whatever_it_quotes(text: str, language: str) -> None:
    assert classify_document(text, language)[0] == "other"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "ISTANBUL (Reuters) - A Turkish court on Tuesday ordered the arrest of journalist Elif Demir "
            "pending trial on terrorism charges, her lawyer said.",
            "en",
        ),
        (
            "Суд в Москве арестовал журналиста по делу о «фейках»\nБасманный суд избрал меру пресечения в виде "
            "заключения под стражу на два месяца, сообщает ОВД-Инфо.",
            "ru",
        ),
        (
            "Dear Sir or Madam,\nI write in support of the asylum claim of Ms Tursun. I have seen the summons "
            "issued to her brother and the judgment of the Kashgar court.\nYours sincerely,",
            "en",
        ),
        (
            "Maître Claire Dubois\nAvocate au barreau de Paris\nObjet : demande d'asile de M. Belkacem\n"
            "Je vous transmets la copie du mandat d'arrêt émis contre mon client.",
            "fr",
        ),
    ],
)
def test_news_and_letters_about_a_legal_paper_are_other(text: str, language: str) -> None:
    assert classify_document(text, language)[0] == "other"


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("П О В Е С Т К А\nВам надлежит явиться 5 мая 2024 г. к 9 час.", "ru", "summons"),
        ("ПOВECTKA\nо вызове на допрос", "ru", "summons"),  # Latin O, E, C read into a Cyrillic word
        ("قرار بازداشت موقت\nدر خصوص اتهام آقای آرش محمدی", "fa", "detention_order"),
        ("قرار بازداشت موقت\nدر خصوص اتهام آقاي آرش محمدي", "fa", "detention_order"),  # Arabic yeh
        ("امر احاله\nفي القضية رقم ٢٢١٤ لسنة ٢٠٢١", "ar", "indictment"),  # hamza dropped
        ("T.C.\nANKARA 4. SULH CEZA HAKIMLIGI\nYAKALAMA KARARI", "tr", "arrest_warrant"),  # no Turkish letters
        ("廣東省廣州市中級人民法院\n刑事判決書\n判處有期徒刑四年。", "zh", "court_decision"),  # traditional
    ],
)
def test_spelling_and_ocr_variants_of_a_title_still_count(text: str, language: str, expected: str) -> None:
    assert classify_document(text, language)[0] == expected


def test_an_egyptian_judgment_header_survives_a_misread_operative_part() -> None:
    text = "باسم الشعب\nمحكمة جنايات القاهرة\n\nفى القضية رقم ١١٥٦ لسنة ٢٠٢٢\nالفحكمة حضورياً بمعاقبة المتهمين"
    assert classify_document(text, "ar")[0] == "court_decision"


def test_an_arabic_summons_read_with_a_hamza_is_still_a_summons() -> None:
    text = "قطاع الأمن الوطني - فرع الجيزة\n\nأستدعاء\n\nالسيد: مصطفى عادل النجار\nيرجى الحضور إلى مقر الفرع"
    assert classify_document(text, "ar")[0] == "summons"


def test_a_judgment_caption_before_its_title_and_a_remand_keep_it_a_verdict() -> None:
    """A common-law judgment names court, case, parties and coram before "REASONS FOR VERDICT", and
    remanding the convicted defendant does not make it a detention order."""
    text = (
        "DCCC 512/2023\n[2024] HKDC 1187\n\nIN THE DISTRICT COURT OF THE HONG KONG SPECIAL ADMINISTRATIVE REGION\n"
        "CRIMINAL CASE NO 512 OF 2023\n\n" + "-" * 40 + "\nHKSAR\nv\nLAM Wing-sze\n" + "-" * 40 + "\n\n"
        "Before:              His Honour Judge Fung Tak-ming\nDate of Hearing:     4 March 2024\n"
        "Date of Reasons:     27 March 2024\n\n" + "-" * 40 + "\nREASONS FOR VERDICT\n" + "-" * 40 + "\n\n"
        "1. Bail had been refused and the defendant has been remanded in custody throughout.\n"
        "2. The defendant is remanded in custody pending sentence.\n"
    )
    assert classify_document(text, "en")[0] == "court_decision"


def test_a_news_article_about_a_verdict_is_other() -> None:
    text = (
        "POLITIQUE | JUSTICE\n\n"
        "Tunisie : trois ans de prison ferme pour une avocate poursuivie en vertu du décret-loi 54\n\n"
        "Par notre correspondante à Tunis — publié le 18 octobre 2024 à 17h42\n\n"
        "La chambre criminelle du Tribunal de première instance de Tunis a condamné jeudi l'avocate à trois ans "
        "de prison ferme, a indiqué son comité de défense. Le verdict a été rendu jeudi.\n"
    )
    assert classify_document(text, "fr")[0] == "other"
