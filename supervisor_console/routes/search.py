"""`GET /console/search`: conversations by pseudonym, and for supervisors by what was written."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse

from core.audit import AuditCode, record_audit
from supervisor_console.access import NotFoundError, sees_conversations
from supervisor_console.deps import CurrentViewer, DbSession, get_services
from supervisor_console.search import by_pseudonym, by_text, may_search_text
from supervisor_console.templating import templates

router = APIRouter()


@router.get("/console/search", response_class=HTMLResponse)
async def search(request: Request, session: DbSession, viewer: CurrentViewer, q: str = "") -> Response:
    if not sees_conversations(viewer.staff):
        raise NotFoundError
    query = q.strip()[:100]
    services = get_services(request)
    async with session.begin():
        rows = await by_pseudonym(session, services, viewer.staff, query)
        hits, scanned = await by_text(session, services, viewer.staff, query)
        if query:
            # The query itself is never stored: it may be something a person wrote.
            record_audit(session, AuditCode.SEARCH_RUN, actor_id=viewer.staff.id, data={"count": len(rows) + len(hits)})
    context = {
        "viewer": viewer,
        "q": query,
        "rows": rows,
        "hits": hits,
        "scanned": scanned,
        "text_search": may_search_text(viewer.staff),
    }
    return templates().TemplateResponse(request, "search.html", context)
