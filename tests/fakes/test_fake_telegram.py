"""The fake Bot API answers the real python-telegram-bot client the way Telegram would."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
import telegram
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest, Forbidden, InvalidToken, NetworkError, RetryAfter

from tests.fakes.telegram_api import Call, FakeTelegramAPI, UploadedFile, fixture_names, load_update

CHAT_ID = 7001002003


@pytest.fixture(autouse=True)
def _ptb_timedelta(monkeypatch: pytest.MonkeyPatch) -> None:
    # PTB 22.8 reads RetryAfter.retry_after inside its own __init__ and, unless this opt-in is set, emits a
    # PTBDeprecationWarning that filterwarnings=error turns into the exception instead of RetryAfter.
    monkeypatch.setenv("PTB_TIMEDELTA", "true")


@pytest.fixture(scope="module")
def server() -> Iterator[FakeTelegramAPI]:
    with FakeTelegramAPI() as fake:
        yield fake


@pytest.fixture
def fake(server: FakeTelegramAPI) -> FakeTelegramAPI:
    server.reset()
    return server


@pytest.fixture
async def bot(fake: FakeTelegramAPI) -> AsyncIterator[telegram.Bot]:
    async with telegram.Bot(fake.token, base_url=fake.base_url) as bot:
        yield bot


async def test_get_me_answers_a_bot_user(fake: FakeTelegramAPI, bot: telegram.Bot) -> None:
    me = await bot.get_me()

    assert me.is_bot
    assert me.username == "liaison_desk_test_bot"
    assert fake.calls[0].method == "getMe"  # PTB's initialize() asks first


async def test_send_message_is_recorded_and_parsed(fake: FakeTelegramAPI, bot: telegram.Bot) -> None:
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("العربية", callback_data="lang:ar")]])

    first = await bot.send_message(CHAT_ID, "Hello — مرحبا", reply_markup=markup)
    second = await bot.send_message(CHAT_ID + 1, "42")

    assert (first.chat.id, first.text) == (CHAT_ID, "Hello — مرحبا")
    assert first.from_user is not None
    assert first.from_user.is_bot
    assert first.reply_markup == markup
    assert second.message_id == first.message_id + 1
    [sent] = fake.sent_messages(CHAT_ID)
    assert sent["chat_id"] == CHAT_ID
    assert sent["reply_markup"] == {"inline_keyboard": [[{"text": "العربية", "callback_data": "lang:ar"}]]}
    assert fake.sent_messages(CHAT_ID + 1)[0]["text"] == "42"  # a numeric text stays text


async def test_send_document_keeps_name_and_bytes(fake: FakeTelegramAPI, bot: telegram.Bot) -> None:
    message = await bot.send_document(CHAT_ID, b"%PDF-1.4 fake", filename="transcript.pdf", caption="Yours")

    assert message.document is not None
    assert message.document.file_name == "transcript.pdf"
    [call] = await fake.wait_for("sendDocument")
    assert call.params["chat_id"] == CHAT_ID
    assert call.params["caption"] == "Yours"
    assert call.params["document"] == UploadedFile("transcript.pdf", b"%PDF-1.4 fake", "application/pdf")


async def test_429_surfaces_as_retry_after(fake: FakeTelegramAPI, bot: telegram.Bot) -> None:
    fake.fail_next("sendMessage", status=429, retry_after=7)

    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(CHAT_ID, "hello")

    assert caught.value.retry_after.total_seconds() == 7  # type: ignore[union-attr]
    await bot.send_message(CHAT_ID, "again")  # the switch is spent
    assert [c.status for c in fake.calls if c.method == "sendMessage"] == [429, 200]
    assert [m["text"] for m in fake.sent_messages()] == ["again"]


@pytest.mark.parametrize(
    ("status", "error", "text"),
    [
        (403, Forbidden, "bot was blocked by the user"),
        (400, BadRequest, "(?i)chat not found"),
        (500, NetworkError, "Internal Server Error"),
        (502, NetworkError, "Bad Gateway"),
    ],
)
async def test_failures_map_to_ptb_errors(
    fake: FakeTelegramAPI, bot: telegram.Bot, status: int, error: type[Exception], text: str
) -> None:
    fake.fail_next("sendMessage", status=status, times=2)

    for _ in range(2):
        with pytest.raises(error, match=text):
            await bot.send_message(CHAT_ID, "hello")

    assert fake.sent_messages() == []


async def test_wrong_token_and_unknown_method(fake: FakeTelegramAPI) -> None:
    with pytest.raises(InvalidToken):
        async with telegram.Bot("999:WRONG", base_url=fake.base_url):
            pass
    async with httpx.AsyncClient() as client:
        response = await client.post(f"{fake.base_url}{fake.token}/sendTelepathy", json={"chat_id": 1})
    assert response.status_code == 404
    assert response.json()["description"] == "Not Found: method not found"


async def test_get_updates_honours_offset(fake: FakeTelegramAPI, bot: telegram.Bot) -> None:
    for update_id in (500, 501, 502):
        fake.push_update(load_update("text_message", update_id=update_id, text=f"n{update_id}"))

    first = await bot.get_updates(timeout=0)
    rest = await bot.get_updates(offset=first[0].update_id + 1, timeout=0)
    fake.long_poll_cap = 0.1
    empty = await bot.get_updates(offset=503, timeout=30)  # capped: returns [] quickly

    assert [u.update_id for u in first] == [500, 501, 502]
    assert [u.message.text for u in rest if u.message] == ["n501", "n502"]
    assert empty == ()


async def test_long_poll_wakes_on_push(fake: FakeTelegramAPI, bot: telegram.Bot) -> None:
    fake.long_poll_cap = 5
    poll = asyncio.create_task(bot.get_updates(timeout=30))
    await asyncio.sleep(0.1)  # let the poll reach the server and start waiting
    fake.push_update(load_update("start_command"))

    updates = await asyncio.wait_for(poll, timeout=2)

    assert [u.message.text for u in updates if u.message] == ["/start"]


async def test_set_webhook_records_secret(fake: FakeTelegramAPI, bot: telegram.Bot) -> None:
    await bot.set_webhook(
        "https://desk.example/telegram", secret_token="s3cret", allowed_updates=["message", "callback_query"]
    )

    info = await bot.get_webhook_info()
    assert fake.webhook["secret_token"] == "s3cret"
    assert fake.webhook["allowed_updates"] == ["message", "callback_query"]
    assert info.url == "https://desk.example/telegram"
    assert await bot.delete_webhook(drop_pending_updates=True)
    assert fake.webhook == {}


async def test_small_methods_answer(fake: FakeTelegramAPI, bot: telegram.Bot) -> None:
    assert await bot.send_chat_action(CHAT_ID, "typing")
    assert await bot.answer_callback_query("3011493827462781925", text="Done")
    edited = await bot.edit_message_text("Chosen: العربية", chat_id=CHAT_ID, message_id=17)
    assert isinstance(edited, telegram.Message)
    assert edited.text == "Chosen: العربية"
    cleared = await bot.edit_message_reply_markup(chat_id=CHAT_ID, message_id=17)
    assert isinstance(cleared, telegram.Message)
    assert [c.method for c in fake.calls][-4:] == [
        "sendChatAction", "answerCallbackQuery", "editMessageText", "editMessageReplyMarkup",
    ]  # fmt: skip


async def test_wait_for_reports_what_it_saw(fake: FakeTelegramAPI, bot: telegram.Bot) -> None:
    await bot.send_chat_action(CHAT_ID, "typing")

    with pytest.raises(AssertionError, match="sendChatAction:200"):
        await fake.wait_for("sendMessage", timeout=0.05)


async def test_json_and_urlencoded_bodies_are_read(fake: FakeTelegramAPI) -> None:
    url = f"{fake.base_url}{fake.token}/sendMessage"
    async with httpx.AsyncClient() as client:
        await client.post(url, json={"chat_id": CHAT_ID, "text": "json"})
        await client.post(url, data={"chat_id": str(CHAT_ID), "text": "form"})

    assert [(m["chat_id"], m["text"]) for m in fake.sent_messages()] == [(CHAT_ID, "json"), (CHAT_ID, "form")]
    assert all(isinstance(c, Call) for c in fake.calls)


@pytest.mark.parametrize("name", fixture_names())
async def test_every_fixture_parses(bot: telegram.Bot, name: str) -> None:
    update = Update.de_json(load_update(name), bot)

    assert update.update_id > 0
    assert update.effective_user is not None
    assert update.effective_chat is not None
    assert update.api_kwargs == {}  # no field PTB does not know, i.e. the shape is current


def test_fixture_overrides() -> None:
    update = load_update("callback_query", chat_id=7009, message_id=3, data="lang:en")

    assert update["callback_query"]["message"]["chat"]["id"] == 7009
    assert update["callback_query"]["from"]["id"] == 7009  # private chat: user id follows chat id
    assert update["callback_query"]["message"]["message_id"] == 3
    assert update["callback_query"]["data"] == "lang:en"
    assert load_update("callback_query")["callback_query"]["data"] == "lang:ar"  # the file is untouched
    assert len(fixture_names()) == 12
