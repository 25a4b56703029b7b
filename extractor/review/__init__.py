"""`extractor review`: a local web app to accept, reject or correct extracted records, each shown with
the page it was read from. Server-rendered pages (Starlette, Jinja2) and one small script; decisions
go to the results store (store.save_review), where leaderboards and exports read them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from extractor.store import open_store

DEFAULT_HOST = "127.0.0.1"  # this machine only: the app has no login, anyone who reaches it can decide
DEFAULT_PORT = 8765


def serve(
    outdir: Path,
    db: str | None = None,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    reviewer: str | None = None,
    on_ready: Callable[[str], None] | None = None,
) -> None:
    """Serve the review app over `outdir` until interrupted; `on_ready` hears the address first.
    Raises StoreError when the results store is not there or cannot be opened."""
    import uvicorn

    from extractor.review.app import create_app

    store = open_store(db, outdir, must_exist=True)
    try:
        app = create_app(outdir, store, reviewer)
        shown = f"[{host}]" if ":" in host else host
        if on_ready:
            on_ready(f"http://{shown}:{port}/")
        uvicorn.run(app, host=host, port=port, log_level="warning")
    finally:
        store.close()
