"""Sectors and forms of assistance: one value whatever the spelling, rename and merge with undo."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.case_edit import CaseDraft, save_case
from app.case_filter import FACET_SECTOR, CaseFilter
from app.cli import main
from app.service import CatalogueService
from app.store import Catalogue
from app.vocab import (
    FORM,
    SECTOR,
    TermError,
    list_terms,
    merge_terms,
    normalise_term,
    rename_term,
    term_key,
)
from tests.annotate_helpers import case_id


@pytest.fixture
def service(small_catalogue: Catalogue) -> CatalogueService:
    return CatalogueService(small_catalogue)


def _terms(service: CatalogueService, kind: str) -> dict[str, int]:
    return {t.name: t.count for t in service.read(list_terms, kind)}  # type: ignore[arg-type]


def _sector_facet(service: CatalogueService) -> dict[str, int]:
    return {v.key: v.count for v in service.facets(CaseFilter()).groups[FACET_SECTOR]}


def test_typing_an_existing_sector_in_any_spelling_uses_it(service) -> None:
    new = service.write(
        save_case, None, CaseDraft(title="New", sector="  Agriculture   AND food ")
    )[0]
    assert service.draft(new).sector == "agriculture and food"
    assert _sector_facet(service) == {"agriculture and food": 2, "energy": 1}


def test_a_new_sector_keeps_its_spelling_and_forms_are_stored_once(service) -> None:
    draft = CaseDraft(
        title="New", sector=" Health  care", forms=["Funds", " funds", "Micro credit"]
    )
    new, _ = service.write(save_case, None, draft)
    assert service.draft(new).sector == "Health care"
    assert service.draft(new).forms == ["Micro credit", "funds"]
    assert _terms(service, FORM)["Micro credit"] == 1


def test_rename_merge_and_undo(service, small_catalogue) -> None:
    alpha, beta = case_id(small_catalogue, "alpha"), case_id(small_catalogue, "beta")
    changed, renamed = service.write(rename_term, SECTOR, "ENERGY", "Power")
    assert changed == 1 and _terms(service, SECTOR) == {"Power": 1, "agriculture and food": 1}
    changed, merged = service.write(merge_terms, SECTOR, ["power"], "Agriculture and Food")
    assert changed == 1 and _terms(service, SECTOR) == {"agriculture and food": 2}
    assert service.draft(beta).sector == "agriculture and food"
    service.replay(merged, undo=True)
    service.replay(renamed, undo=True)
    assert service.draft(beta).sector == "energy" and service.draft(alpha).sector != "energy"
    with pytest.raises(TermError):
        service.write(rename_term, SECTOR, "no such sector", "x")


def test_renaming_a_form_onto_another_merges_and_undo_restores(service, small_catalogue) -> None:
    alpha = case_id(small_catalogue, "alpha")
    draft = service.draft(alpha)
    draft.forms = ["funds", "talent"]
    service.write(save_case, alpha, draft)
    before = _terms(service, FORM)
    changed, merged = service.write(rename_term, FORM, "Funds", "TALENT")
    assert changed == 2  # alpha keeps one "talent"; beta's "funds" becomes "talent"
    assert service.draft(alpha).forms == ["talent"]
    assert "funds" in _terms(service, FORM)  # a built-in form stays on the list, unused
    assert _terms(service, FORM)["funds"] == 0
    service.replay(merged, undo=True)
    assert service.draft(alpha).forms == ["funds", "talent"]
    assert _terms(service, FORM) == before


def test_rename_only_the_spelling(service) -> None:
    service.write(rename_term, SECTOR, "energy", "Energy")
    assert _terms(service, SECTOR)["Energy"] == 1


@given(st.text(max_size=90))
def test_every_spelling_of_a_value_has_one_key(text: str) -> None:
    try:
        display, key = normalise_term(SECTOR, text)
    except TermError as exc:
        assert not text.split() or len(" ".join(text.split())) > 80 or "control" in str(exc)
        return
    assert display == " ".join(display.split()) and display
    assert normalise_term(SECTOR, "  " + display.replace(" ", " \t ") + "\n")[1] == key
    if display.isascii():
        assert term_key(display.upper()) == term_key(display.lower()) == key


def _listed(db: str, capsys: pytest.CaptureFixture[str]) -> dict[str, int]:
    assert main(["--db", db, "vocab", "list", "sectors", "--json"]) == 0
    return {t["name"]: t["cases"] for t in json.loads(capsys.readouterr().out)["sectors"]}


def test_cli_vocab_list_rename_merge(small_catalogue, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(small_catalogue.path)
    before = _listed(db, capsys)
    assert main(["--db", db, "vocab", "rename", "sector", "ENERGY ", "Power"]) == 0
    assert f"on {before['energy']} case stud" in capsys.readouterr().out
    after = _listed(db, capsys)
    assert "energy" not in after and after["Power"] == before["energy"]
    into = ["--into", "agriculture and food", "--db", db]
    assert main(["vocab", "merge", "sector", "power", *into]) == 0
    capsys.readouterr()
    merged = _listed(db, capsys)
    assert "Power" not in merged
    assert merged["agriculture and food"] == before["agriculture and food"] + before["energy"]
    assert main(["--db", db, "vocab", "list"]) == 0
    out = capsys.readouterr().out
    assert ("Forms of assistance" in out and "1 case\n" in out) or "cases" in out
    assert main(["--db", db, "vocab", "merge", "sector", "x", "--into", "nowhere"]) == 1
    assert "no sector “nowhere”" in capsys.readouterr().err


def test_migration_8_brings_an_older_catalogue_s_spellings_together(tmp_path) -> None:
    import sqlite3

    from models.engine import make_engine
    from models.migrations import migrate

    path = tmp_path / "v7.sqlite3"
    engine = make_engine(path)
    migrate(engine, target=7)
    with engine.begin() as conn:
        for n, sector in enumerate(["Education", "education ", "Education", "energy", ""]):
            conn.exec_driver_sql(
                "INSERT INTO case_study (slug, title, summary, narrative, sector, ongoing, "
                "created_at, updated_at, uuid) VALUES (?, 'T', '', '', ?, 0, "
                "'2024-01-01 00:00:00', '2024-01-01 00:00:00', ?)",
                (f"c{n}", sector, f"u{n}"),
            )
        forms = [(1, "Funds"), (1, "funds"), (2, "funds"), (3, "market  access"), (3, "talent")]
        for case, form in forms:
            conn.exec_driver_sql("INSERT INTO case_assistance VALUES (?, ?)", (case, form))
    assert migrate(engine, target=8) == [8]
    engine.dispose()
    with sqlite3.connect(path) as conn:
        sectors = conn.execute("SELECT slug, sector FROM case_study ORDER BY slug").fetchall()
        rows = conn.execute("SELECT case_id, form FROM case_assistance ORDER BY 1, 2").fetchall()
    assert [s for _, s in sectors] == ["Education", "Education", "Education", "energy", ""]
    # "funds" is on two cases, "Funds" on one; case 1 had both and keeps one.
    assert rows == [(1, "funds"), (2, "funds"), (3, "market access"), (3, "talent")]


def test_a_newer_seed_s_case_takes_the_spelling_the_user_chose(
    service, small_catalogue, tmp_path
) -> None:
    import shutil

    from seed import load_seed_files, seed_catalogue
    from tests.conftest import FIXTURE_SEED

    service.write(rename_term, SECTOR, "energy", "Solar Energy")
    service.write(rename_term, FORM, "funds", "Funds")  # respelt, the same value
    folder = tmp_path / "newer-seed"
    shutil.copytree(FIXTURE_SEED, folder)
    beta = (folder / "cases" / "beta.toml").read_text(encoding="utf-8")
    gamma = beta.replace('slug = "beta"', 'slug = "gamma"').replace(
        'sector = "energy"', 'sector = "SOLAR  energy"'
    )
    (folder / "cases" / "gamma.toml").write_text(gamma, encoding="utf-8")
    with small_catalogue.sessions.begin() as session:
        seed_catalogue(session, load_seed_files(folder))
    gamma_id = case_id(small_catalogue, "gamma")
    assert service.draft(gamma_id).sector == "Solar Energy"
    assert service.draft(gamma_id).forms == ["Funds", "technology"]


def test_an_import_lists_a_new_form_and_uses_the_catalogue_s_spellings(
    service, small_catalogue, tmp_path
) -> None:
    from tests.exchange_helpers import apply, edit_cells, export, preview

    service.write(rename_term, SECTOR, "energy", "Solar Energy")
    workbook = export(small_catalogue, tmp_path / "out.xlsx")
    cells = {"Sector": "solar ENERGY", "Forms of assistance": "TALENT, micro  credit, Micro Credit"}
    edit_cells(workbook, "Case studies", ("Slug", "alpha"), cells)
    plan = preview(small_catalogue, workbook)
    assert plan.new_values == ["form of assistance “micro credit”"]
    apply(small_catalogue, plan)
    alpha = service.draft(case_id(small_catalogue, "alpha"))
    assert alpha.sector == "Solar Energy" and alpha.forms == ["micro credit", "talent"]


def test_the_window_s_names_of_the_vocabularies_are_app_vocab_s() -> None:
    from app.vocab import KINDS
    from views.vocab_actions import FORM as VIEW_FORM
    from views.vocab_actions import SECTOR as VIEW_SECTOR

    assert (VIEW_SECTOR, VIEW_FORM) == (SECTOR, FORM) and set(KINDS) == {SECTOR, FORM}
