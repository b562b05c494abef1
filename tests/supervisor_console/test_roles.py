"""Each role reaches exactly what it should; what it may not see answers 404, like what does not exist."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from core.models import Conversation, Staff
from tests.supervisor_console.people import conversation_ids, person_writes
from tests.support.console import create_staff, csrf_from, sign_in
from tests.support.live import live_app

ROLES = ("liaison", "supervisor", "caseworker", "admin")


async def _setup(live, make_client):  # type: ignore[no-untyped-def]
    clients = {}
    for role in ROLES:
        clients[role] = make_client()
        await sign_in(clients[role], role)
    clients["other"] = make_client()
    await sign_in(clients["other"], "other")
    return clients


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_every_role_sees_what_it_should_and_nothing_else(make_settings):
    settings = make_settings()
    for role in ROLES:
        await create_staff(settings, role, role=role, display_name=role.title())
    await create_staff(settings, "other", role="liaison", display_name="Other")
    async with live_app(settings) as live, live.client() as public:
        await person_writes(public, "I need help with my papers", chat_id=111)
        await person_writes(public, "Is anyone there?", chat_id=222)
        async with live.services.sessionmaker() as session:
            first, second = list(await session.scalars(select(Conversation.id).order_by(Conversation.id)))
        clients = {}
        try:
            for name in (*ROLES, "other"):
                clients[name] = live.client()
                await sign_in(clients[name], name)
            liaison, supervisor, caseworker, admin, other = (clients[n] for n in (*ROLES, "other"))

            # The queue: liaisons and supervisors see both people waiting; caseworkers and admins see none.
            for client in (liaison, supervisor):
                assert set(conversation_ids((await client.get("/console")).text)) >= {first, second}
            assert conversation_ids((await caseworker.get("/console")).text) == []
            assert (await admin.get("/console")).headers["location"] == "/console/admin/staff"

            # "other" takes the first conversation: now it is theirs, and gone from our liaison's reach.
            page = await other.get(f"/console/conversations/{first}")
            taken = await other.post(f"/console/conversations/{first}/claim", data={"csrf_token": csrf_from(page.text)})
            assert taken.status_code == 303
            assert (await other.get(f"/console/conversations/{first}")).status_code == 200
            assert (await liaison.get(f"/console/conversations/{first}")).status_code == 404
            assert (await liaison.get(f"/console/conversations/{second}")).status_code == 200, "the queue is open"
            assert (await supervisor.get(f"/console/conversations/{first}")).status_code == 200

            # Caseworkers and admins see no conversation; a missing one looks exactly the same.
            for client in (caseworker, admin):
                for conversation_id in (first, second, 999_999):
                    denied = await client.get(f"/console/conversations/{conversation_id}")
                    assert (denied.status_code, denied.text) == (404, "Not found.")
                    partial = await client.get(f"/console/partials/conversations/{conversation_id}/transcript")
                    assert partial.status_code == 404
            missing = await liaison.get("/console/conversations/999999")
            hidden = await liaison.get(f"/console/conversations/{first}")
            assert (missing.status_code, missing.text) == (hidden.status_code, hidden.text)

            # Writing to someone else's conversation is refused even with a valid token.
            csrf = csrf_from((await liaison.get("/console")).text)
            post = await liaison.post(f"/console/conversations/{first}/reply", data={"text": "hi", "csrf_token": csrf})
            assert post.status_code == 404
            note = await liaison.post(f"/console/conversations/{first}/note", data={"text": "x", "csrf_token": csrf})
            assert note.status_code == 404

            # Staff administration is the admin's alone.
            assert (await admin.get("/console/admin/staff")).status_code == 200
            for client in (liaison, supervisor, caseworker):
                assert (await client.get("/console/admin/staff")).status_code == 404
                token = csrf_from((await client.get("/console/account")).text)
                add = await client.post(
                    "/console/admin/staff", data={"username": "x", "role": "admin", "csrf_token": token}
                )
                assert add.status_code == 404
            # Search is for those who work conversations; only supervisors search message text.
            assert (await caseworker.get("/console/search?q=help")).status_code == 404
            assert (await admin.get("/console/search?q=help")).status_code == 404
            assert "help with my papers" not in (await liaison.get("/console/search?q=papers")).text
            assert "help with my papers" in (await supervisor.get("/console/search?q=papers")).text
        finally:
            for client in clients.values():
                await client.aclose()


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_admin_adds_re_roles_and_disables_staff(make_settings):
    settings = make_settings()
    await create_staff(settings, "root", role="admin")
    async with live_app(settings) as live, live.client() as admin, live.client() as newcomer:
        csrf = await sign_in(admin, "root")
        added = await admin.post(
            "/console/admin/staff",
            data={
                "username": "Noor",
                "display_name": "Noor",
                "role": "liaison",
                "languages": "ar en",
                "csrf_token": csrf,
            },
        )
        assert added.status_code == 200 and "One-time password for <strong>noor</strong>" in added.text
        one_time = added.text.split('id="issued"')[1].split("<code>")[1].split("</code>")[0]

        # The newcomer signs in with the one-time password and must choose their own first.
        await sign_in_first_time(newcomer, "noor", one_time)
        async with live.services.sessionmaker() as session:
            noor = await session.scalar(select(Staff).where(Staff.username == "noor"))
        assert noor is not None and noor.role == "liaison" and noor.languages == ["ar", "en"]

        # Made a supervisor: the open session ends (a new role needs a new sign-in, with 2FA this time).
        changed = await admin.post(
            f"/console/admin/staff/{noor.id}", data={"action": "role", "role": "supervisor", "csrf_token": csrf}
        )
        assert changed.status_code == 303
        assert (await newcomer.get("/console")).headers["location"] == "/console/login"

        disabled = await admin.post(f"/console/admin/staff/{noor.id}", data={"action": "disable", "csrf_token": csrf})
        assert disabled.status_code == 303
        page = await admin.get("/console/admin/staff")
        assert "noor · supervisor" in page.text and "· disabled" in page.text

        # The last admin cannot lock everyone out.
        async with live.services.sessionmaker() as session:
            root = await session.scalar(select(Staff).where(Staff.username == "root"))
        assert root is not None
        refused = await admin.post(
            f"/console/admin/staff/{root.id}", data={"action": "role", "role": "liaison", "csrf_token": csrf}
        )
        assert refused.status_code == 400 and "last active admin" in refused.text


async def sign_in_first_time(client, username: str, password: str) -> None:  # type: ignore[no-untyped-def]
    form = await client.get("/console/login")
    response = await client.post(
        "/console/login", data={"username": username, "password": password, "csrf_token": csrf_from(form.text)}
    )
    assert response.headers["location"] == "/console/password"
    page = await client.get("/console/password")
    changed = await client.post(
        "/console/password",
        data={"current_password": password, "new_password": "my own long password", "csrf_token": csrf_from(page.text)},
    )
    assert changed.status_code == 303
    assert (await client.get("/console")).status_code == 200
