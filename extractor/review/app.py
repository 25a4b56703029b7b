"""The review app's routes: server-rendered pages over an output folder and its results store.

Safe by default, as a local tool any page in the reviewer's browser could reach: every POST carries a
per-server random token (a cross-site form cannot know it) and is refused with 403 without it;
documents are named by doc_id and looked up among the folder's files, page images are served from
the cache only (for a page one of the document's tables is printed on), static files from the
package only; a response may not be framed and runs only the app's own script.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

import jinja2
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from extractor.model.record import RECORD_FLAGS
from extractor.model.report import DocumentResult
from extractor.review.decisions import (
    CSRF_FIELD,
    KEY,
    DecisionError,
    build_review,
    default_reviewer,
    form_value,
    new_secret,
    token_ok,
)
from extractor.review.folder import ANY_FLAG, UNDECIDED, Filters, ReviewFolder, progress, record_key
from extractor.review.pages import CACHE_FOLDER, PageUnavailable, page_image, table_pages
from extractor.store import Store

PACKAGE = Path(__file__).parent
# Only the app's own files: no inline script or style can run, no other site's page may frame ours.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
DECISIONS = ("accept", "reject", "correct")


class _SecurityHeaders(BaseHTTPMiddleware):
    async def dispatch(self, request, call_next):
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response


def create_app(
    outdir: Path, store: Store, reviewer: str | None = None, secret: str | None = None
) -> Starlette:
    """The app over `outdir` and its open `store`; decisions are signed `reviewer` (default: the OS user)."""
    folder = ReviewFolder(outdir, store)
    who = reviewer or default_reviewer()
    token = secret or new_secret()
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(PACKAGE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    env.globals.update(csrf_field=CSRF_FIELD, csrf_token=token, reviewer=who, form_value=form_value)
    env.globals.update(flag_texts=RECORD_FLAGS, decisions=DECISIONS, undecided=UNDECIDED, any_flag=ANY_FLAG)
    templates = Jinja2Templates(env=env)

    def page(request: Request, name: str, context: dict[str, object], status: int = 200) -> Response:
        return templates.TemplateResponse(request, name, context, status_code=status)

    def message(request: Request, status: int, text: str) -> Response:
        return page(request, "message.html", {"status": status, "text": text}, status)

    def known(request: Request) -> DocumentResult | None:
        return folder.document(request.path_params["doc_id"])

    async def index(request: Request) -> Response:
        filters = Filters.of(dict(request.query_params))
        decisions = folder.decisions()
        rows, flags = [], set()
        for doc in folder.documents():
            if filters.document and filters.document.lower() not in (doc.doc_id + (doc.title or "")).lower():
                continue
            views = folder.record_views(doc, decisions)
            flags.update(f for v in views for f in v.record.flags)
            kept = [v for v in views if filters.keeps(v)]
            rows.append((doc, progress(kept), sum(bool(v.record.flags) for v in kept)))
        done = sum(p[0] for _, p, _ in rows), sum(p[1] for _, p, _ in rows)
        context = {
            "rows": rows,
            "done": done,
            "filters": filters,
            "query": _query(filters),
            "flags": sorted(flags),
            "unreadable": folder.unreadable,
        }
        return page(request, "index.html", context)

    async def document(request: Request) -> Response:
        doc = known(request)
        if doc is None:
            return message(request, 404, "no such document in this output folder")
        filters = Filters.of(dict(request.query_params))
        tables = folder.table_views(doc, filters)
        shown = [v for t in tables for v in t.records]
        pages = {
            t.table.index: table_pages(
                outdir, doc.doc_id, doc.source, doc.sha256, t.table, {v.cell for v in t.records}
            )
            for t in tables
        }
        after = {v.key: shown[i + 1].key if i + 1 < len(shown) else v.key for i, v in enumerate(shown)}
        all_views = folder.record_views(doc, folder.decisions(doc.source))
        context = {
            "doc": doc,
            "tables": tables,
            "pages": pages,
            "after": after,
            "filters": filters,
            "query": _query(filters),
            "done": progress(all_views),
            "flags": sorted({f for v in all_views for f in v.record.flags}),
        }
        return page(request, "document.html", context)

    async def decide(request: Request) -> Response:
        form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
        if not token_ok(token, form.get(CSRF_FIELD)):
            return message(
                request, 403, "refused: the form's security token is missing or wrong; reload the page"
            )
        doc = known(request)
        if doc is None:
            return message(request, 404, "no such document in this output folder")
        key = form.get("key", "")
        original = (
            next((r for r in doc.records if record_key(r) == key), None) if KEY.fullmatch(key) else None
        )
        if original is None:
            return message(request, 400, f"no record {key!r} in {doc.doc_id}")
        try:
            review = build_review(form, original, doc.sha256, who)
        except DecisionError as e:
            return message(request, 400, f"not stored: {e}")
        store.save_review(review)
        following = form.get("next", "")
        anchor = following if KEY.fullmatch(following) else key
        query = urlencode(Filters.of(dict(request.query_params)).query())
        return RedirectResponse(
            f"/doc/{doc.doc_id}{'?' + query if query else ''}#r-{anchor}", status_code=303
        )

    async def page_png(request: Request) -> Response:
        doc = known(request)
        number = request.path_params["page"]
        if doc is None or number not in {p.page for t in doc.tables for p in t.provenance}:
            return message(request, 404, "no such page image")
        try:
            image = page_image(outdir, doc.doc_id, doc.source, doc.sha256, number)
        except PageUnavailable as e:
            return message(request, 404, str(e))
        cache = (outdir / CACHE_FOLDER).resolve()
        if not image.path.resolve().is_relative_to(cache):
            return message(request, 403, "refused: outside the page cache")
        return FileResponse(image.path, media_type="image/png")

    routes = [
        Route("/", index),
        Route("/doc/{doc_id}", document),
        Route("/doc/{doc_id}/decide", decide, methods=["POST"]),
        Route("/pages/{doc_id}/{page:int}.png", page_png),
        Mount("/static", StaticFiles(directory=PACKAGE / "static"), name="static"),
    ]
    return Starlette(routes=routes, middleware=[Middleware(_SecurityHeaders)])


def _query(filters: Filters) -> str:
    """The filters as a query string to carry on links and forms ('' or '?...')."""
    query = urlencode(filters.query())
    return f"?{query}" if query else ""
