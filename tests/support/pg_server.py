"""A throwaway PostgreSQL server for tests: initdb into a temporary folder, pg_ctl start on a free port
with a unix socket there, stopped and removed afterwards.

initdb refuses to run as root, so as root the server runs as the `postgres` user (Debian's package
makes it) or `nobody`, through runuser. Where no server can start, `start()` says why; the tests
skip with that reason. `.ci/run` installs Debian's postgresql where it is missing.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


class Unavailable(Exception):
    pass


def _binary(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
        key=lambda p: int(p.split("/")[4]) if p.split("/")[4].isdigit() else 0,
    )
    return candidates[-1] if candidates else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_user() -> tuple[list[str], str | None]:
    """The command prefix that runs the server as a non-root user (empty when we are not root)."""
    if os.geteuid() != 0:
        return [], None
    runuser = shutil.which("runuser")
    for user in ("postgres", "nobody"):
        try:
            pwd.getpwnam(user)
        except KeyError:
            continue
        if runuser:
            return [runuser, "-u", user, "--"], user
    raise Unavailable(
        "running as root (initdb refuses root) and no runuser or non-root user to run PostgreSQL as"
    )


def _run(cmd: list[str], what: str) -> None:
    done = subprocess.run(cmd, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    if done.returncode != 0:
        tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
        raise Unavailable(f"{what} failed: {' | '.join(tail)}")


class Server:
    def __init__(self) -> None:
        self.base = Path(tempfile.mkdtemp(prefix="extractor-pg-"))
        self.port = _free_port()
        self.prefix: list[str] = []
        self.pg_ctl = ""

    @property
    def url(self) -> str:
        return f"postgresql://extractor@/postgres?host={self.base}&port={self.port}"

    def start(self) -> None:
        initdb, pg_ctl = _binary("initdb"), _binary("pg_ctl")
        if not initdb or not pg_ctl:
            raise Unavailable(
                "PostgreSQL is not installed (no initdb/pg_ctl on PATH or in /usr/lib/postgresql/*/bin)"
            )
        self.pg_ctl = pg_ctl
        self.prefix, user = _as_user()
        if user:
            shutil.chown(self.base, user)
        data = self.base / "data"
        _run(
            [
                *self.prefix,
                initdb,
                "-D",
                str(data),
                "-U",
                "extractor",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
            ],
            "initdb",
        )
        options = f"-k {self.base} -p {self.port} -c listen_addresses='' -c fsync=off"
        _run(
            [
                *self.prefix,
                pg_ctl,
                "-D",
                str(data),
                "-l",
                str(self.base / "log"),
                "-w",
                "-o",
                options,
                "start",
            ],
            "pg_ctl start",
        )

    def stop(self) -> None:
        if self.pg_ctl and (self.base / "data" / "postmaster.pid").exists():
            subprocess.run(
                [*self.prefix, self.pg_ctl, "-D", str(self.base / "data"), "-m", "immediate", "stop"],
                capture_output=True,
                stdin=subprocess.DEVNULL,
            )
        shutil.rmtree(self.base, ignore_errors=True)
