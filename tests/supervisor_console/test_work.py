"""A liaison's working day over HTTP: statuses and snooze, notes that are never sent, canned replies, away, caseload."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from content.canned import CannedLibrary, get_canned
from content.languages import SUPPORTED_LANGUAGES
from core.models import Conversation, Message, OutboxItem
from tests.supervisor_console.people import conversation_ids, person_writes
from tests.support.console import create_staff, csrf_from, sign_in
from tests.support.live import live_app


async def _conversation(live, conversation_id: int) -> Conversation:  # type: ignore[no-untyped-def]
    async with live.services.sessionmaker() as session:
        return await session.get_one(Conversation, conversation_id)


async def _take_one(live, public, liaison, chat_id: int, text: str = "hello") -> tuple[int, str]:  # type: ignore[no-untyped-def]
    await person_writes(public, text, chat_id=chat_id)
    queue = await liaison.get("/console")
    conversation_id = max(conversation_ids(queue.text))
    csrf = csrf_from(queue.text)
    await liaison.post(f"/console/conversations/{conversation_id}/claim", data={"csrf_token": csrf})
    return conversation_id, csrf


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_pending_snooze_and_resolve_as_a_liaison_sees_them(make_settings):
    settings = make_settings()
    await create_staff(settings, "amira", display_name="Amira")
    async with live_app(settings) as live, live.client() as public, live.client() as liaison:
        await sign_in(liaison, "amira")
        conversation_id, csrf = await _take_one(live, public, liaison, 501)
        url = f"/console/conversations/{conversation_id}"

        # Someone is waiting for an answer: no snoozing them out of sight.
        refused = await liaison.post(
            f"{url}/status", data={"status": "snoozed", "snooze_minutes": "0", "csrf_token": csrf}
        )
        assert refused.status_code == 409 and "waiting for an answer" in refused.text
        await liaison.post(f"{url}/reply", data={"text": "Hello, how can I help?", "csrf_token": csrf})

        pending = await liaison.post(f"{url}/status", data={"status": "pending", "csrf_token": csrf})
        assert pending.status_code == 303
        assert "pending · waiting for the person" in (await liaison.get(url)).text

        snoozed = await liaison.post(
            f"{url}/status", data={"status": "snoozed", "snooze_minutes": "0", "csrf_token": csrf}
        )
        assert snoozed.status_code == 303
        queue = await liaison.get("/console")
        mine = queue.text.split('id="mine"')[1].split("</div>")[0]
        assert url not in mine and "Snoozed (1)" in queue.text and "snoozed until the person writes" in queue.text

        # The person writes: the conversation wakes up among my open ones, with the new message counted.
        await person_writes(public, "I'm back, sorry", chat_id=501)
        woken = await _conversation(live, conversation_id)
        assert (woken.status, woken.snoozed_until) == ("assigned", None)
        queue = await liaison.get("/console")
        mine = queue.text.split('id="mine"')[1].split("</div>")[0]
        assert url in mine and 'aria-label="1 new messages"' in mine

        timed = await liaison.post(
            f"{url}/status", data={"status": "snoozed", "snooze_minutes": "60", "csrf_token": csrf}
        )
        assert timed.status_code == 409, "the person's new message must be answered first"
        await liaison.post(f"{url}/reply", data={"text": "Welcome back.", "csrf_token": csrf})
        timed = await liaison.post(
            f"{url}/status", data={"status": "snoozed", "snooze_minutes": "60", "csrf_token": csrf}
        )
        assert timed.status_code == 303
        assert (await _conversation(live, conversation_id)).snoozed_until is not None

        resolved = await liaison.post(f"{url}/status", data={"status": "resolved", "csrf_token": csrf})
        assert resolved.status_code == 303
        page = await liaison.get(url)
        assert "resolved" in page.text and 'id="reply-text"' not in page.text
        # Writing again after "resolved" starts a new conversation in the queue.
        await person_writes(public, "one more question", chat_id=501)
        assert max(conversation_ids((await liaison.get("/console")).text)) > conversation_id


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_a_note_is_shown_to_staff_as_a_note_and_never_sent(make_settings, fake_telegram):
    settings = make_settings()
    await create_staff(settings, "amira", display_name="Amira")
    async with live_app(settings) as live, live.client() as public, live.client() as liaison:
        await sign_in(liaison, "amira")
        conversation_id, csrf = await _take_one(live, public, liaison, 502)
        url = f"/console/conversations/{conversation_id}"
        saved = await liaison.post(
            f"{url}/note", data={"text": "Mentioned a court date on <Friday>", "csrf_token": csrf}
        )
        assert saved.status_code == 303
        page = await liaison.get(url)
        note = re.search(r'<li class="msg dir-note">(.*?)</li>', page.text, re.S)
        assert note and "Internal note" in note.group(1) and "Note by Amira" in note.group(1)
        assert "Mentioned a court date on &lt;Friday&gt;" in note.group(1)
        async with live.services.sessionmaker() as session:
            notes = list(await session.scalars(select(Message).where(Message.direction == "note")))
            outbox = list(await session.scalars(select(OutboxItem)))
        assert len(notes) == 1 and b"court date" not in (notes[0].body_enc or b""), "encrypted at rest"
        assert all(item.message_id != notes[0].id for item in outbox), "a note never goes to the outbox"
        assert not any("court date" in m.get("text", "") for m in fake_telegram.sent_messages())


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_canned_replies_are_listed_in_the_persons_language_and_warn_about_empty_variables(make_settings):
    settings = make_settings()
    await create_staff(settings, "amira", display_name="Amira")
    async with live_app(settings) as live, live.client() as public, live.client() as liaison:
        await sign_in(liaison, "amira")
        conversation_id, _csrf = await _take_one(live, public, liaison, 503)
        url = f"/console/conversations/{conversation_id}/canned"
        listing = (await liaison.get(url)).json()["replies"]
        assert {"key": "greeting", "title": "Greeting", "language": "en"} in listing
        greeting = (await liaison.get(f"{url}/greeting")).json()
        assert greeting["text"].startswith("Hello, I'm Amira.") and greeting["warnings"] == []
        handover = (await liaison.get(f"{url}/handover_intro")).json()
        assert handover["warnings"] == ["{{ case_owner_name }} would be empty here; fill it in before sending."]
        assert (await liaison.get(f"{url}/no_such_reply")).status_code == 404
        assert (await liaison.get(f"{url}/..%2F..%2Fsettings")).status_code == 404


def test_every_canned_reply_renders_in_every_language_without_warnings():
    library = get_canned()
    values = {"pseudonym": "Blue Heron 42", "liaison_name": "Amira", "case_owner_name": "Dana"}
    assert library.all_keys(), "there are canned replies"
    for language in SUPPORTED_LANGUAGES:
        listed = library.listing(language)
        assert [r.language for r in listed] == [language] * len(listed), f"{language} has every reply"
        for key in library.all_keys():
            rendered = library.render(key, language, values)
            assert rendered is not None and rendered.text and rendered.warnings == (), (language, key)
            assert "{{" not in rendered.text and "{#" not in rendered.text


def test_an_unknown_variable_in_a_canned_reply_is_reported(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "bad.txt").write_text("{# title: Bad #}\nCall {{ phone_number }} now, {{ pseudonym }}.")
    rendered = CannedLibrary(tmp_path).render("bad", "fr", {"pseudonym": "P1"})
    assert rendered is not None and rendered.language == "en", "falls back to the default language"
    assert rendered.text == "Call  now, P1."
    assert rendered.warnings == ("{{ phone_number }} is not a variable the console knows; it would be empty.",)


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_away_and_the_caseload_limit_stop_new_assignments(make_settings):
    settings = make_settings()
    await create_staff(settings, "amira")
    async with live_app(settings) as live, live.client() as public, live.client() as liaison:
        csrf = await sign_in(liaison, "amira")
        await person_writes(public, "first", chat_id=601)
        await person_writes(public, "second", chat_id=602)
        assert (await liaison.post("/console/me/away", data={"away": "on", "csrf_token": csrf})).status_code == 303
        page = await liaison.get("/console")
        assert "you are away" in page.text
        refused = await liaison.post("/console/claim-next", data={"csrf_token": csrf})
        assert refused.status_code == 409 and "away" in refused.text
        first = conversation_ids(page.text)[0]
        assert (
            await liaison.post(f"/console/conversations/{first}/claim", data={"csrf_token": csrf})
        ).status_code == 409
        await liaison.post("/console/me/away", data={"away": "off", "csrf_token": csrf})

        async with live.services.sessionmaker() as session, session.begin():
            from core.models import Staff

            amira = await session.scalar(select(Staff).where(Staff.username == "amira"))
            assert amira is not None
            amira.caseload_limit = 1
        taken = await liaison.post("/console/claim-next", data={"csrf_token": csrf})
        assert taken.status_code == 303 and "/console/conversations/" in taken.headers["location"]
        full = await liaison.post("/console/claim-next", data={"csrf_token": csrf})
        assert full.status_code == 409 and "your limit" in full.text
        assert "1 of 1" in (await liaison.get("/console")).text
