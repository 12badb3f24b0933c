"""Who may do what in a team catalogue: PostgreSQL roles and grants, enforced by the server.

Each team catalogue (one database) has three group roles, named after it:

- reader: browse, search and export (SELECT on every table);
- editor: also annotate and edit: add, change and delete cases, figures, notes,
  highlights, saved searches, and put tags on cases (which may create a tag);
- admin: also manage the vocabularies: rename, recolour, merge and delete tags
  and places.

A member is a login role that belongs to exactly one of them
(`casebook team add-member`, run by the database's owner, who can create
roles). Whatever a member's Casebook does, the server refuses what the role
does not allow; the window and the command line say so in words.
"""

from __future__ import annotations

import re
from typing import Literal

from sqlalchemy import Connection, text

Role = Literal["reader", "editor", "admin"]
ROLES: tuple[Role, ...] = ("reader", "editor", "admin")

# Tables whose rows only an admin may change or delete (an editor may add a tag).
ADMIN_TABLES = ("tag", "place")


class RoleError(ValueError):
    """A member or role name that cannot be used; the message is for the user."""


def group_role(database: str, role: Role) -> str:
    """The group role of `role` in the catalogue `database` (at most 63 characters)."""
    base = re.sub(r"[^a-z0-9_]", "_", database.lower())[:40]
    return f"casebook_{base}_{role}"


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def member_name(name: str) -> str:
    """A member's login name as given, or RoleError: letters, digits, _ . - only."""
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.\-]{0,62}", name):
        raise RoleError(
            f"{name!r} cannot be a member's name: use letters, digits, '_', '.' or '-', "
            "starting with a letter, at most 63 characters."
        )
    return name


def _ensure_group(conn: Connection, name: str) -> None:
    exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).first()
    if exists is None:
        conn.exec_driver_sql(f"CREATE ROLE {_quoted(name)} NOLOGIN")


def grant_roles(conn: Connection, database: str) -> dict[Role, str]:
    """Create the catalogue's three group roles if missing and grant each what it may do,
    on every table now there and every one a later migration adds. Returns their names."""
    names = {role: group_role(database, role) for role in ROLES}
    for name in names.values():
        _ensure_group(conn, name)
    reader, editor, admin = (_quoted(names[r]) for r in ROLES)
    everyone = f"{reader}, {editor}, {admin}"
    statements = [
        f"GRANT CONNECT ON DATABASE {_quoted(database)} TO {everyone}",
        f"GRANT USAGE ON SCHEMA public TO {everyone}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {everyone}",
        f"GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {editor}, {admin}",
        f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {editor}, {admin}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO {everyone}",
        "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT INSERT, UPDATE, DELETE ON TABLES "
        f"TO {editor}, {admin}",
        "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES "
        f"TO {editor}, {admin}",
        f"REVOKE UPDATE, DELETE ON {', '.join(ADMIN_TABLES)} FROM {editor}",
    ]
    for statement in statements:
        conn.exec_driver_sql(statement)
    return names


def add_member(conn: Connection, database: str, name: str, role: Role) -> bool:
    """Make `name` a member with `role` (a login role, created if new; any other role of
    this catalogue taken away). Returns whether the login role was new."""
    member = member_name(name)
    names = grant_roles(conn, database)
    found = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": member}).first()
    if found is None:
        conn.exec_driver_sql(f"CREATE ROLE {_quoted(member)} LOGIN")
    for other in ROLES:
        if other != role:
            conn.exec_driver_sql(f"REVOKE {_quoted(names[other])} FROM {_quoted(member)}")
    conn.exec_driver_sql(f"GRANT {_quoted(names[role])} TO {_quoted(member)}")
    return found is None


def members(conn: Connection, database: str) -> list[tuple[str, Role]]:
    """Every member and their role, by name."""
    found: list[tuple[str, Role]] = []
    for role in ROLES:
        rows = conn.execute(
            text(
                "SELECT m.rolname FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid "
                "JOIN pg_roles m ON m.oid = a.member WHERE g.rolname = :g"
            ),
            {"g": group_role(database, role)},
        )
        found += [(str(name), role) for (name,) in rows]
    return sorted(found)


def may_write(conn: Connection) -> bool:
    """Whether the connected user may change the catalogue's cases (an editor, an admin,
    the owner), as the server would judge it."""
    allowed = conn.execute(
        text("SELECT has_table_privilege(current_user, 'case_study', 'INSERT')")
    ).scalar()
    return bool(allowed)
