"""A throwaway PostgreSQL cluster for the tests: initdb and pg_ctl in a temporary folder.

The server listens only on a Unix socket in that folder (no TCP port, so
nothing can clash with another run), trusts local connections, and is
stopped and its folder removed at the end of the session. initdb and postgres
refuse to run as root: as root (CI), they run as the `postgres` system user
through runuser, in a folder handed to it.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

TEMPLATE = "casebook_template"


def find_bin_dir() -> Path | None:
    """The newest /usr/lib/postgresql/N/bin holding initdb and pg_ctl, else one on PATH."""

    def version(initdb: str) -> int:
        name = Path(initdb).parent.parent.name
        return int(name) if name.isdigit() else 0

    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=version)
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("initdb")
    return Path(on_path).parent if on_path else None


def _run_as() -> list[str]:
    """The prefix running a server program: as root, `runuser -u postgres --`."""
    if os.geteuid() != 0:
        return []
    return ["runuser", "-u", "postgres", "--"]


def unavailable_reason() -> str | None:
    """Why no cluster can be started here, or None if one can."""
    if find_bin_dir() is None:
        return "PostgreSQL's initdb was not found (install Debian's postgresql package)"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no `postgres` system user to run the server"
        if shutil.which("runuser") is None:
            return "running as root and runuser is missing"
    return None


@dataclass
class Cluster:
    folder: Path
    bin_dir: Path
    user: str

    @property
    def socket_dir(self) -> Path:
        return self.folder / "socket"

    def url(self, database: str) -> str:
        """A SQLAlchemy URL for `database` on the cluster's socket."""
        return f"postgresql+psycopg://{self.user}@/{database}?host={self.socket_dir}"

    def conninfo(self, database: str = "postgres") -> str:
        return f"host={self.socket_dir} user={self.user} dbname={database}"

    def stop_server(self) -> None:
        """Stop the server, keeping its folder (a test's outage); `start_server` brings it back."""
        subprocess.run(
            [*_run_as(), str(self.bin_dir / "pg_ctl"), "stop", "-D", str(self.folder / "data"),
             "-m", "fast", "-w", "-s"],
            check=True, capture_output=True,
        )  # fmt: skip

    def start_server(self) -> None:
        """Start the server again on the same socket folder (after `stop_server`)."""
        subprocess.run([*_run_as(), *_start_command(self.bin_dir, self.folder)],
                       check=True, capture_output=True)  # fmt: skip

    def stop(self) -> None:
        subprocess.run(
            [*_run_as(), str(self.bin_dir / "pg_ctl"), "stop", "-D", str(self.folder / "data"),
             "-m", "immediate", "-s"],
            check=False, capture_output=True,
        )  # fmt: skip
        shutil.rmtree(self.folder, ignore_errors=True)


def _start_command(bin_dir: Path, folder: Path) -> list[str]:
    """pg_ctl start for the cluster in `folder`: its Unix socket only, no TCP port."""
    return [str(bin_dir / "pg_ctl"), "start", "-w", "-s", "-D", str(folder / "data"),
            "-l", str(folder / "log"),
            "-o", f"-c listen_addresses='' -c unix_socket_directories='{folder / 'socket'}' "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"]  # fmt: skip


def start_cluster() -> Cluster:
    """initdb and start a server in a new temporary folder; raise RuntimeError on failure."""
    bin_dir = find_bin_dir()
    assert bin_dir is not None
    folder = Path(tempfile.mkdtemp(prefix="casebook-pg-"))
    (folder / "socket").mkdir()
    prefix = _run_as()
    user = "postgres" if prefix else pwd.getpwuid(os.geteuid()).pw_name
    if prefix:
        entry = pwd.getpwnam("postgres")
        for path in (folder, folder / "socket"):
            os.chown(path, entry.pw_uid, entry.pw_gid)
    cluster = Cluster(folder, bin_dir, user)
    data = folder / "data"
    steps = [
        [str(bin_dir / "initdb"), "-D", str(data), "--auth=trust", "-U", user, "-E", "UTF8",
         "--locale=C.UTF-8", "--no-sync"],
        _start_command(bin_dir, folder),
    ]  # fmt: skip
    for step in steps:
        done = subprocess.run([*prefix, *step], capture_output=True, text=True, check=False)
        if done.returncode != 0:
            log = (folder / "log").read_text() if (folder / "log").exists() else ""
            cluster.stop()
            raise RuntimeError(
                f"{Path(step[0]).name} failed: {done.stderr.strip() or done.stdout.strip()} {log}"
            )
    return cluster
