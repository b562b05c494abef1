"""A method verb or a means in one sentence and the act or time in the next, in all seven languages.

Written with the level the helpdesk needs before the rules were run (also in data/labelled.jsonl). A
level is "at least": "the roof of my building is open. thinking of throwing myself off" was asked
as high and is critical (method + means), an over-estimate we accept.
"""

from __future__ import annotations

import pytest

from core.levels import Level
from escalation.triage import Triage

CRITICAL, HIGH, NORMAL = Level.CRITICAL, Level.HIGH, Level.NORMAL

CASES = [
    ("the bridge is 10 min from my flat. going there tonight to jump", "en", CRITICAL),
    ("i cant do this anymore. tonight i jump", "en", CRITICAL),
    ("got a rope.\ngoing to hang myself when everyone is asleep", "en", CRITICAL),
    ("there is a bridge near the camp. i will jump", "en", CRITICAL),
    ("im going to jump. i mean it", "en", HIGH),
    ("bought razor blades today.\nim going to cut tonight", "en", CRITICAL),
    ("the pills are in the kitchen. going to overdose tonight", "en", CRITICAL),
    ("the roof of my building is open. thinking of throwing myself off", "en", HIGH),
    ("my brother is on the bridge. he says he will jump now", "en", CRITICAL),
    ("i have tablets. gonna take them all rn", "en", CRITICAL),
    ("we jumped on the bus tonight", "en", NORMAL),
    ("I cut my hair today", "en", NORMAL),
    ("the bridge is closed tonight, take the other road", "en", NORMAL),
    ("I'm going to the bridge to meet friends tonight", "en", NORMAL),
    ("the kids want to jump in the pool today. is there one near the camp?", "en", NORMAL),
    ("i will hang the washing on the balcony tonight", "en", NORMAL),
    ("years ago i wanted to jump off a bridge. now im ok", "en", NORMAL),
    ("الجسر قريب من البيت. الليلة رح روح نط", "ar", CRITICAL),
    ("خلص ما عاد فيني. الليلة بنط من الجسر", "ar", CRITICAL),
    ("اشتريت شفرات. رح اجرح حالي الليلة", "ar", CRITICAL),
    ("في حبل بالغرفة. رح اشنق حالي", "ar", CRITICAL),
    ("el jeser 2areeb. ra7 nott el leile", "ar", CRITICAL),
    ("bade nott mn el balcon", "ar", CRITICAL),
    ("الحبوب عندي. رح آخد جرعة زايدة الليلة", "ar", CRITICAL),
    ("صاحبي على السطح وعم يقول رح ينط هلق", "ar", CRITICAL),
    ("نطينا عالباص الليلة", "ar", NORMAL),
    ("قصيت شعري اليوم", "ar", NORMAL),
    ("الجسر مسكر الليلة، خدوا الطريق التاني", "ar", NORMAL),
    ("رايح عالجسر الليلة اشوف رفقاتي", "ar", NORMAL),
    ("міст за 10 хвилин від мого дому. сьогодні ввечері піду туди і стрибну", "uk", CRITICAL),
    ("все. сьогодні вночі стрибну з даху", "uk", CRITICAL),
    ("купила лезо. сьогодні поріжу себе", "uk", CRITICAL),
    ("мотузка в шафі. я повішуся", "uk", CRITICAL),
    ("zibrala tabletky. sohodni vnochi vypyu yikh vsi", "uk", CRITICAL),
    ("dakh vidkrytyi. stribnu zaraz", "uk", CRITICAL),
    ("мій брат на мосту. каже що зараз стрибне", "uk", CRITICAL),
    ("ми сьогодні стрибали на батуті з дітьми", "uk", NORMAL),
    ("сьогодні обрізала волосся", "uk", NORMAL),
    ("міст сьогодні закритий, їдьте іншою дорогою", "uk", NORMAL),
    ("ввечері йду на міст зустрітися з друзями", "uk", NORMAL),
    ("мост в 10 минутах от дома. сегодня ночью пойду туда и прыгну", "ru", CRITICAL),
    ("не могу больше. сегодня прыгну с крыши", "ru", CRITICAL),
    ("купил лезвия. сегодня порежусь", "ru", CRITICAL),
    ("веревка уже есть. я повешусь", "ru", CRITICAL),
    ("nakopila tabletki. segodnya vypyu vse", "ru", CRITICAL),
    ("krysha otkryta. seichas prygnu", "ru", CRITICAL),
    ("подруга на мосту, пишет что сейчас прыгнет", "ru", CRITICAL),
    ("мы сегодня прыгали на батуте", "ru", NORMAL),
    ("сегодня отрезала волосы", "ru", NORMAL),
    ("мост сегодня закрыт, езжайте другой дорогой", "ru", NORMAL),
    ("вечером иду на мост встретиться с друзьями", "ru", NORMAL),
    ("پل ده دقیقه با خونه‌ام فاصله داره. امشب میرم اونجا که بپرم", "fa", CRITICAL),
    ("دیگه نمیتونم. امشب از پشت بوم میپرم", "fa", CRITICAL),
    ("تیغ خریدم. امشب رگمو میزنم", "fa", CRITICAL),
    ("طناب دارم. خودمو دار میزنم", "fa", CRITICAL),
    ("qorsa daram. emshab hamasho mikhoram", "fa", CRITICAL),
    ("pol nazdike. emshab miparam", "fa", CRITICAL),
    ("دوستم رفته روی پل و میگه الان میپره", "fa", CRITICAL),
    ("امشب با بچه‌ها پریدیم تو اتوبوس", "fa", NORMAL),
    ("امروز موهامو کوتاه کردم", "fa", NORMAL),
    ("پل امشب بسته است، از یه راه دیگه برید", "fa", NORMAL),
    ("امشب میرم سر پل دوستامو ببینم", "fa", NORMAL),
    ("le pont est à 10 min de chez moi. j'y vais ce soir pour sauter", "fr", CRITICAL),
    ("j'en peux plus. ce soir je saute du toit", "fr", CRITICAL),
    ("j'ai acheté des lames. ce soir je vais me couper", "fr", CRITICAL),
    ("j'ai une corde. je vais me pendre", "fr", CRITICAL),
    ("j'ai gardé mes cachets. ce soir je les prends tous", "fr", CRITICAL),
    ("le balcon est ouvert. je vais me jeter maintenant", "fr", CRITICAL),
    ("mon frère est sur le pont, il dit qu'il va sauter maintenant", "fr", CRITICAL),
    ("on a sauté dans le bus ce soir", "fr", NORMAL),
    ("je me suis coupé les cheveux aujourd'hui", "fr", NORMAL),
    ("le pont est fermé ce soir, prenez l'autre route", "fr", NORMAL),
    ("je vais au pont ce soir pour voir des amis", "fr", NORMAL),
    ("el puente está a 10 min de mi casa. esta noche voy ahí a saltar", "es", CRITICAL),
    ("ya no puedo más. esta noche salto del techo", "es", CRITICAL),
    ("compré cuchillas. esta noche me voy a cortar", "es", CRITICAL),
    ("tengo una cuerda. me voy a ahorcar", "es", CRITICAL),
    ("guardé las pastillas. esta noche me las tomo todas", "es", CRITICAL),
    ("la azotea está abierta. ahora mismo me tiro", "es", CRITICAL),
    ("mi hermana está en el puente y dice que va a saltar ahora", "es", CRITICAL),
    ("saltamos al autobús esta noche", "es", NORMAL),
    ("hoy me corté el pelo", "es", NORMAL),
    ("el puente está cerrado esta noche, tomen la otra carretera", "es", NORMAL),
    ("voy al puente esta noche a ver a mis amigos", "es", NORMAL),
]


@pytest.mark.parametrize(("text", "lang", "wanted"), CASES)
def test_split_thoughts_and_method_verbs(triage: Triage, text: str, lang: str, wanted: Level) -> None:
    level = triage.assess(text, lang).level
    if wanted is NORMAL:
        assert level is NORMAL, text
    else:
        assert level.rank <= wanted.rank, text


def test_an_everyday_phrase_masks_the_method_verb_inside_it(triage: Triage) -> None:
    masked = triage.assess("im going to jump on the bus tonight", "en")
    assert masked.level is NORMAL
    assert "self_harm.verb+now" not in masked.rules
    meant = triage.assess("im going to jump tonight", "en")
    assert meant.level is CRITICAL
    assert {"self_harm.verb+now", "self_harm.future+verb"} <= set(meant.rules)


def test_a_method_verb_keeps_perspective_per_sentence(triage: Triage) -> None:
    # a closed past in its own sentence discounts the verb; the present sentence has no risk phrase
    assert triage.assess("years ago i wanted to jump off a bridge. now im ok", "en").level is NORMAL
    # another person on the bridge is third party, left out for the writer-only evaluation
    text = "my brother is on the bridge. he says he will jump now"
    assert triage.assess(text, "en").level is CRITICAL
    assert triage.assess(text, "en", third_party=False).level is NORMAL
