"""Words around a name that say "a person comes next" (or came before), in the seven languages."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from escalation.name_data import key

# The word(s) right before a name that introduce it; a word in any script after these is a name.
_NAMING = """
my name is|my name's|i am called|i'm called|call me|his name is|her name is|their name is|named|called|known as|aka
je m'appelle|mon nom est|il s'appelle|elle s'appelle|nommé|nommée|appelé|appelée|dénommé|dénommée|prénommé|prénommée
me llamo|mi nombre es|se llama|llamado|llamada|de nombre
меня зовут|его зовут|её зовут|ее зовут|моё имя|мое имя|по имени|зовут
мене звати|його звати|її звати|моє ім'я|на ім'я|звати
اسمي|انا اسمي|أنا اسمي|اسمه|اسمها|المدعو|المدعوة|يدعى|تدعى|يسمى|تسمى
اسمم|اسم من|نام من|اسمش|نامش|به نام|به اسم
"""

# Relatives and people close to the person: "her husband Taras", "мій чоловік Тарас", "زوجي أحمد", "شوهرم مهدی".
_KIN = """
husband|wife|ex|ex-husband|ex-wife|ex-partner|partner|boyfriend|girlfriend|fiancé|fiance|fiancée|brother|sister|son
daughter|father|mother|dad|mum|mom|stepfather|stepmother|stepson|stepdaughter|uncle|aunt|cousin|nephew|niece
grandson|granddaughter|grandmother|grandfather|grandma|grandad|friend|neighbour|neighbor|boss|employer|landlord
landlady|mother-in-law|father-in-law|brother-in-law|sister-in-law|child|baby|sponsor|flatmate|colleague|pimp
mari|femme|épouse|époux|conjoint|conjointe|compagnon|compagne|ex-compagnon|ex-compagne|ex-mari|copain|copine
frère|sœur|soeur|fils|fille|père|mère|oncle|tante|cousine|ami|amie|voisin|voisine|patron|patronne|propriétaire
beau-père|belle-mère|beau-frère|belle-sœur|enfant|bébé
marido|esposo|esposa|mujer|pareja|expareja|exmarido|novio|novia|hermano|hermana|hijo|hija|padre|madre|tío|tía
primo|prima|amigo|amiga|vecino|vecina|jefe|jefa|suegro|suegra|cuñado|cuñada|padrastro|madrastra|casero|dueño
муж|мужа|мужем|мужу|жена|жену|женой|брат|брата|братом|сестра|сестры|сестру|сестрой|сын|сына|сыном|дочь|дочери
отец|отца|мать|матери|мама|мамы|папа|дядя|тётя|тетя|друг|друга|подруга|подруги|сосед|соседа|соседка|свекровь
свёкор|свекор|тесть|тёща|теща|отчим|парень|начальник|хозяин|работодатель|партнёр|партнер|сожитель
чоловік|чоловіка|чоловіком|дружина|дружину|брат|брата|сестра|сестри|сестру|син|сина|донька|доньку|дочка|дочку
батько|батька|мати|матір|тато|дядько|тітка|друг|друга|подруга|подруги|сусід|сусіда|сусідка|свекруха|свекор
теща|вітчим|хлопець|партнер|роботодавець|господар|співмешканець
زوجي|زوجها|زوجه|زوجتي|زوجته|طليقي|طليقها|طليقتي|طليقته|أخي|أخوها|أخوه|أخته|أختي|أختها|ابني|ابنها|ابنه|ابنتي
ابنتها|ابنته|بنتي|بنتها|أبي|أبوها|أبوه|والدي|والدها|والده|أمي|أمها|أمه|والدتي|والدتها|عمي|عمها|عمه|خالي|خالها
خاله|صديقي|صديقها|صديقه|صديقتي|صديقتها|جاري|جارها|جارتي|جارتها|خطيبي|خطيبها|حماتي|حماتها|حماي|حماها|كفيلي
كفيلها|كفيله|مديري|مديرها|زوج|زوجة|طليق|طليقة|أخت|ابنة|صديق|صديقة|جار|جارة|خطيب|خطيبة|كفيل
شوهرم|شوهرش|شوهرت|همسرم|همسرش|سابقم|سابقش|زنم|زنش|برادرم|برادرش|خواهرم|خواهرش|پسرم|پسرش|دخترم|دخترش
پدرم|پدرش|مادرم|مادرش|عمویم|عمویش|داییم|دایی‌ام|دوستم|دوستش|همسایه‌ام|همسایه‌اش|مادرشوهرم|مادرشوهرش|پسرعمویم
پسرعمویش|کارفرمایم|کارفرمایش|نامزدم|نامزدش
"""

# Titles before a name; the name itself is replaced, the title stays ("Mr [name]").
_HONORIFICS = """
mr|mrs|ms|miss|dr|m|mme|mlle|monsieur|madame|sr|sra|srta|señor|señora|don|doña
пан|пані|господин|госпожа|г-н|г-жа|السيد|السيدة|الأستاذ|الاستاذ|الأستاذة|الحاج|الحاجة|آقای|خانم|آقا
"""

# Verbs right after a capitalised unknown word that make it a person ("Kovalenko said", "Тарас сказав").
_PERSON_VERBS = """
said|says|told|tells|asked|wants|wanted|threatened|threatens|hit|hits|beat|beats|took|takes|phoned|texted|shouted
refuses|refused|controls|controlled|knows|lives|works|left|arrived|insists|insisted|promised|forced|forces
dit|a dit|veut|menace|frappe|prend|refuse|contrôle|habite|travaille|dice|dijo|quiere|amenaza|amenazó|pega|llamó
controla|vive|trabaja|сказал|сказала|говорит|хочет|угрожает|угрожал|бьёт|бьет|забирает|забрал|звонил|звонила
живёт|живет|работает|сказав|сказала|каже|хоче|погрожує|погрожував|б'є|забирає|забрав|телефонував|телефонувала
живе|працює
"""

# Joiners inside a full name: "Ahmed al Hassan", "Ali bin Omar", "María de la Cruz", "أحمد بن علي".
_PARTICLES = "al|el|bin|ben|ibn|bint|abu|abou|de|del|della|da|dos|van|von|بن|ابن|بنت"
# "Abu Ali", "Umm Ahmad", "أبو محمد", "أم أحمد": a parent named after a child identifies both.
_KUNYA = "abu|abou|umm|oum|om|أبو|ابو|أم|ام"
PERSIAN_SURNAME_ENDS = ("زاده", "پور", "نژاد", "نيا", "يان", "وند")
ARABIC_PROCLITICS = "وفبلك"


def _keys(raw: str) -> frozenset[str]:
    out = set()
    for entry in raw.replace("\n", "|").split("|"):
        if entry.strip():
            out.add(" ".join(key(word) for word in entry.split()))
    return frozenset(out)


@dataclass(frozen=True)
class Cues:
    naming: frozenset[str]
    kin: frozenset[str]
    honorifics: frozenset[str]
    person_verbs: frozenset[str]
    particles: frozenset[str]
    kunya: frozenset[str]


@cache
def cues() -> Cues:
    return Cues(_keys(_NAMING), _keys(_KIN), _keys(_HONORIFICS), _keys(_PERSON_VERBS), _keys(_PARTICLES), _keys(_KUNYA))
