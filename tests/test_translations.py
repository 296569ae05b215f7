"""The translation catalogues are complete, compiled and actually used.

Source strings are English. Dutch is the default language and its catalogue must be complete:
a developer who adds or changes a string without translating it gets a failing test that
names the strings. See docs/translations.md for the commands.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

BASE_DIR = Path(settings.BASE_DIR)
LOCALE_DIR = BASE_DIR / "locale"
LANGUAGES = ["nl", "en"]
MAKEMESSAGES_IGNORES = ["--ignore=.venv", "--ignore=static/vendor", "--ignore=tests"]
UPDATE_HINT = (
    "Run: python manage.py makemessages -l nl -l en --no-obsolete "
    + " ".join(MAKEMESSAGES_IGNORES)
    + ", translate locale/nl/LC_MESSAGES/django.po, then "
    "python manage.py compilemessages --ignore=.venv (see docs/translations.md)."
)

# %(name)s, %(count)d, %(value).1f ... and a literal %%.
PYTHON_FORMAT = re.compile(
    r"%(?:\((?P<name>[^)]*)\))?[#0 +-]*(?:\d+|\*)?(?:\.\d+)?[hlL]?(?P<conv>[a-zA-Z%])"
)

Key = tuple[str, str, str]  # (msgctxt, msgid, msgid_plural)


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / "django.po"


def mo_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / "django.mo"


def load_po(path: Path) -> polib.POFile:
    assert path.is_file(), f"{path} is missing. {UPDATE_HINT}"
    return polib.pofile(str(path))


def key(entry: polib.POEntry | polib.MOEntry) -> Key:
    return (entry.msgctxt or "", entry.msgid, entry.msgid_plural or "")


def live_entries(catalogue: polib.POFile) -> list[polib.POEntry]:
    return [entry for entry in catalogue if not entry.obsolete]


def describe(keys: Iterable[Key]) -> str:
    return "\n".join(f"  - {msgid!r}" for _context, msgid, _plural in sorted(keys))


def placeholders(text: str) -> Counter[str]:
    found: Counter[str] = Counter()
    for match in PYTHON_FORMAT.finditer(text):
        if match.group("conv") == "%":
            continue
        found[f"%({match.group('name')}){match.group('conv')}"] += 1
    return found


def translated_map(catalogue: polib.POFile | polib.MOFile) -> dict[Key, tuple[str, ...]]:
    """msgid -> msgstr(s) of every entry that gettext would actually use."""
    result: dict[Key, tuple[str, ...]] = {}
    for entry in catalogue:
        if entry.msgid == "" or getattr(entry, "obsolete", False):
            continue
        if "fuzzy" in entry.flags:
            continue  # msgfmt leaves fuzzy entries out of the .mo
        if entry.msgid_plural:
            values = tuple(entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural))
            if not all(values):
                continue
        else:
            if not entry.msgstr:
                continue
            values = (entry.msgstr,)
        result[key(entry)] = values
    return result


# --- The Dutch catalogue is complete and correct -------------------------------------------


def test_dutch_catalogue_exists_and_is_dutch():
    catalogue = load_po(po_path("nl"))
    assert catalogue.metadata.get("Language") == "nl"
    assert "nplurals=2" in catalogue.metadata.get("Plural-Forms", "")
    assert len(live_entries(catalogue)) > 100, "The Dutch catalogue looks almost empty."


def test_dutch_catalogue_has_no_untranslated_entries():
    catalogue = load_po(po_path("nl"))
    untranslated = [key(entry) for entry in catalogue.untranslated_entries()]
    assert not untranslated, (
        f"{len(untranslated)} string(s) have no Dutch translation:\n"
        f"{describe(untranslated)}\n{UPDATE_HINT}"
    )


def test_dutch_catalogue_has_no_fuzzy_entries():
    catalogue = load_po(po_path("nl"))
    fuzzy = [key(entry) for entry in catalogue.fuzzy_entries()]
    assert not fuzzy, (
        f"{len(fuzzy)} Dutch translation(s) are marked fuzzy (a guess by gettext). Check "
        f"them and remove the '#, fuzzy' line:\n{describe(fuzzy)}"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_placeholders(language):
    problems = []
    for entry in live_entries(load_po(po_path(language))):
        if entry.msgid_plural:
            pairs = [
                (entry.msgid if index == 0 else entry.msgid_plural, text)
                for index, text in sorted(entry.msgstr_plural.items())
            ]
        else:
            pairs = [(entry.msgid, entry.msgstr)]
        for source, text in pairs:
            if text and placeholders(source) != placeholders(text):
                problems.append(
                    f"  - {source!r}: expected {sorted(placeholders(source).elements())}, "
                    f"got {sorted(placeholders(text).elements())} in {text!r}"
                )
    assert not problems, "Placeholders differ between source and translation:\n" + "\n".join(
        problems
    )


def test_placeholder_pattern_understands_django_formats():
    # Guards the helper above, so the placeholder test cannot pass by matching nothing.
    assert placeholders("Hello %(name)s, %(count)d left, 100%% sure") == Counter(
        {"%(name)s": 1, "%(count)d": 1}
    )
    assert placeholders("Hallo %(naam)s") != placeholders("Hello %(name)s")


# --- The committed .mo files are up to date ------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_po_file(language):
    assert mo_path(language).is_file(), f"{mo_path(language)} is missing. {UPDATE_HINT}"
    from_po = translated_map(load_po(po_path(language)))
    from_mo = translated_map(polib.mofile(str(mo_path(language))))
    missing = from_po.keys() - from_mo.keys()
    extra = from_mo.keys() - from_po.keys()
    changed = {k for k in from_po.keys() & from_mo.keys() if from_po[k] != from_mo[k]}
    differences = missing | extra | changed
    assert not differences, (
        f"locale/{language}/LC_MESSAGES/django.mo is out of date with django.po "
        f"(not in .mo: {len(missing)}, only in .mo: {len(extra)}, different: {len(changed)}):\n"
        f"{describe(differences)}\n"
        "Run: python manage.py compilemessages --ignore=.venv"
    )


def test_dutch_is_active_by_default_and_loaded_from_the_project_catalogue():
    assert settings.LANGUAGE_CODE == "nl"
    with translation.override("nl"):
        assert translation.gettext("My overview") == "Mijn overzicht"
        assert translation.ngettext("%(counter)s organisation", "%(counter)s organisations", 2) == (
            "%(counter)s organisaties"
        )
    with translation.override("en"):
        assert translation.gettext("My overview") == "My overview"


# --- The catalogues contain exactly the strings in the source ------------------------------


@pytest.mark.skipif(
    shutil.which("xgettext") is None or shutil.which("msgmerge") is None,
    reason="GNU gettext (xgettext, msgmerge) is not installed; "
    "cannot check the catalogue against the source. Install the gettext package.",
)
def test_catalogue_lists_exactly_the_strings_in_the_source(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ("carai", "templates", "locale"):
        shutil.copytree(BASE_DIR / folder, project / folder, ignore=ignore)
    shutil.copy2(BASE_DIR / "manage.py", project / "manage.py")

    env = {**os.environ, "PYTHONPATH": str(project), "CARAI_ENV": "test"}
    result = subprocess.run(  # noqa: S603 - fixed arguments, no shell
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "-l",
            "nl",
            "--no-obsolete",
            *MAKEMESSAGES_IGNORES,
        ],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, f"makemessages failed:\n{result.stdout}\n{result.stderr}"

    fresh = load_po(project / "locale" / "nl" / "LC_MESSAGES" / "django.po")
    in_source = {key(entry) for entry in live_entries(fresh)}
    committed = {key(entry) for entry in live_entries(load_po(po_path("nl")))}
    not_in_catalogue = in_source - committed
    no_longer_in_source = committed - in_source
    differences = not_in_catalogue | no_longer_in_source
    assert not differences, (
        "locale/nl/LC_MESSAGES/django.po does not match the strings in the source.\n"
        f"New or changed strings, not in the catalogue yet ({len(not_in_catalogue)}):\n"
        f"{describe(not_in_catalogue)}\n"
        f"Strings in the catalogue that the source no longer uses ({len(no_longer_in_source)}):\n"
        f"{describe(no_longer_in_source)}\n{UPDATE_HINT}"
    )


# --- Pages are rendered in the chosen language ---------------------------------------------


@pytest.mark.django_db
def test_login_page_is_dutch_by_default_and_english_on_request():
    client = Client()
    response = client.get("/account/inloggen/")
    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="nl"' in page
    assert "Inloggen" in page
    assert "Wachtwoord vergeten?" in page
    assert "Forgot your password?" not in page
    assert response.headers["Content-Language"] == "nl"

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get("/account/inloggen/")
    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="en"' in page
    assert "Log in" in page
    assert "Forgot your password?" in page
    assert "Wachtwoord vergeten?" not in page
    assert response.headers["Content-Language"] == "en"
