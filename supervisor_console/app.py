"""Assembling the console: routes, static files, and the answers for login, CSRF and not-found."""

from __future__ import annotations

from fastapi import FastAPI, Request, Response
from fastapi.responses import PlainTextResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles

from supervisor_console.access import NotFoundError
from supervisor_console.deps import CsrfError, LoginRequiredError
from supervisor_console.routes import admin, auth, events, pages, search, twofactor, work
from supervisor_console.routes import whatsapp as whatsapp_routes
from supervisor_console.routes.audit import router as audit_router
from supervisor_console.routes.caseworker import router as caseworker_router
from supervisor_console.routes.escalation_sharing import router as sharing_router
from supervisor_console.routes.escalations import router as escalations_router
from supervisor_console.templating import STATIC_DIR


def mount_console(app: FastAPI) -> None:
    app.include_router(auth.router)
    app.include_router(twofactor.router)
    app.include_router(pages.router)
    app.include_router(work.router)
    app.include_router(search.router)
    app.include_router(admin.router)
    app.include_router(events.router)
    # The escalation protocol (issue 5): cases, sharing, packets and the audit trail.
    for escalation_router in (escalations_router, sharing_router, caseworker_router, audit_router):
        app.include_router(escalation_router)
    app.include_router(whatsapp_routes.router)
    app.mount("/console/static", StaticFiles(directory=STATIC_DIR), name="console-static")
    app.add_exception_handler(LoginRequiredError, _login_required)
    app.add_exception_handler(CsrfError, _csrf_refused)
    app.add_exception_handler(NotFoundError, _not_found)


async def _login_required(request: Request, _exc: Exception) -> Response:
    if request.method != "GET" or request.headers.get("hx-request") or request.url.path == "/console/events":
        return PlainTextResponse("Sign in again.", status_code=401, headers={"HX-Redirect": "/console/login"})
    return RedirectResponse("/console/login", status_code=303)


async def _csrf_refused(_request: Request, _exc: Exception) -> Response:
    return PlainTextResponse("This form has expired. Reload the page and try again.", status_code=403)


async def _not_found(_request: Request, _exc: Exception) -> Response:
    # The same answer whether the object is missing or simply not yours to see.
    return PlainTextResponse("Not found.", status_code=404)
