"""The allauth pages speak formal German ("Sie"), through the locale_allauth override catalogue."""

import ast
import gettext
import re
from html.parser import HTMLParser
from pathlib import Path

import allauth
import pytest
from django.conf import settings
from django.core import mail
from django.utils import translation

OVERRIDES = settings.BASE_DIR / "locale_allauth" / "de" / "LC_MESSAGES"
ALLAUTH_PO = Path(allauth.__file__).parent / "locale" / "de" / "LC_MESSAGES" / "django.po"
INFORMAL = re.compile(r"\b(du|dich|dir|dein\w*)\b", re.IGNORECASE)
# Informal imperatives without a pronoun ("Bitte wähle ..."); the articles are not verbs.
INFORMAL_IMPERATIVE = re.compile(r"\bbitte (?!(?:die|eine|keine|diese)\b)\w+e\b", re.IGNORECASE)
PLACEHOLDER = re.compile(r"%(?:\(\w+\))?[sdif]|\{\w*\}")


class _MainText(HTMLParser):
    """Collects the visible text inside <main>, leaving out scripts and styles."""

    def __init__(self):
        super().__init__()
        self.in_main = False
        self.hidden = 0
        self.parts = []

    def handle_starttag(self, tag, attrs):
        self.in_main = self.in_main or tag == "main"
        self.hidden += tag in ("script", "style", "template")

    def handle_endtag(self, tag):
        self.in_main = self.in_main and tag != "main"
        self.hidden -= tag in ("script", "style", "template")

    def handle_data(self, data):
        if self.in_main and not self.hidden:
            self.parts.append(data)


def main_text(response) -> str:
    parser = _MainText()
    parser.feed(response.content.decode())
    return " ".join(" ".join(parser.parts).split())


def read_po(path: Path) -> list[dict]:
    """Just enough of a .po reader for these checks: references, flags and strings per entry."""
    entries, entry, key = [], None, None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            entry = None
            continue
        if entry is None:
            entry = {"refs": [], "flags": set()}
            entries.append(entry)
        if line.startswith("#:"):
            entry["refs"] += line[2:].split()
        elif line.startswith("#,"):
            entry["flags"] |= {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#"):
            continue  # translator comments, previous msgids and obsolete (#~) entries
        elif line.startswith('"'):
            entry[key] += ast.literal_eval(line)
        else:
            key, value = line.split(" ", 1)
            entry[key] = ast.literal_eval(value)
    for entry in entries:
        entry["msgstr"] = [entry.pop(k) for k in sorted(k for k in entry if k.startswith("msgstr"))]
    return [e for e in entries if "msgid" in e and e["msgid"]]


def is_informal(entry: dict) -> bool:
    return any(INFORMAL.search(text) or INFORMAL_IMPERATIVE.search(text) for text in entry["msgstr"])


def is_used_by_installed_app(entry: dict) -> bool:
    """allauth references read "account/forms.py" or "templates/mfa/...": the first folder is its app."""
    apps = {ref.removeprefix("templates/").split("/")[0] for ref in entry["refs"]}
    return any(app == "allauth" or f"allauth.{app}" in settings.INSTALLED_APPS for app in apps)


@pytest.fixture(scope="module")
def overrides():
    return read_po(OVERRIDES / "django.po")


@pytest.mark.parametrize("path", ["/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"])
def test_entrance_pages_address_the_user_formally_in_german(client, db, path):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="de")
    text = main_text(response)
    assert response.status_code == 200
    assert not INFORMAL.search(text), text
    assert re.search(r"\bSie\b", text), text


@pytest.mark.parametrize(
    "path", ["/accounts/email/", "/accounts/password/change/", "/accounts/2fa/", "/accounts/logout/"]
)
def test_account_pages_address_the_user_formally_in_german(client_as, outsider, path):
    response = client_as(outsider).get(path, HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 200
    assert not INFORMAL.search(main_text(response))


def test_the_sign_in_page_offers_sign_up_in_formal_german(client, db):
    text = main_text(client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="de"))
    assert "Sie haben noch kein Konto? Dann registrieren Sie sich bitte zunächst." in text


def test_sign_up_errors_address_the_user_formally(client, db):
    response = client.post(
        "/accounts/signup/",
        {"email": "new@example.test", "password1": "Quality-label-2026", "password2": "Quality-label-2027"},
        HTTP_ACCEPT_LANGUAGE="de",
    )
    text = main_text(response)
    assert response.status_code == 200
    assert "Sie müssen zweimal dasselbe Passwort eingeben." in text
    assert not INFORMAL.search(text)


def test_the_password_reset_email_addresses_the_user_formally(client, owner_a):
    client.post("/accounts/password/reset/", {"email": owner_a.email}, HTTP_ACCEPT_LANGUAGE="de")
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "Sie erhalten diese E-Mail" in body
    assert not INFORMAL.search(body), body


def test_the_override_catalogue_has_no_empty_or_fuzzy_entries(overrides):
    assert overrides
    for entry in overrides:
        assert all(entry["msgstr"]), entry["msgid"]
        assert "fuzzy" not in entry["flags"], entry["msgid"]


def test_the_override_catalogue_is_itself_formal_and_keeps_every_placeholder(overrides):
    for entry in overrides:
        assert not is_informal(entry), entry["msgstr"]
        expected = set(PLACEHOLDER.findall(entry["msgid"] + entry.get("msgid_plural", "")))
        for text in entry["msgstr"]:
            assert set(PLACEHOLDER.findall(text)) == expected, entry["msgid"]


def translated(catalogue, entry: dict) -> list[str]:
    """The entry looked up in a gettext catalogue (Python's or Django's), one string per plural form."""
    ctxt, msgid, plural = entry.get("msgctxt"), entry["msgid"], entry.get("msgid_plural")
    if plural and ctxt:
        return [catalogue.npgettext(ctxt, msgid, plural, n) for n in (1, 2)]
    if plural:
        return [catalogue.ngettext(msgid, plural, n) for n in (1, 2)]
    return [catalogue.pgettext(ctxt, msgid) if ctxt else catalogue.gettext(msgid)]


def test_the_compiled_catalogue_matches_the_po_file(overrides):
    with open(OVERRIDES / "django.mo", "rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    for entry in overrides:
        assert translated(compiled, entry) == entry["msgstr"], "run compilemessages"


def test_django_serves_the_overrides_ahead_of_allauths_own_german(overrides):
    with translation.override("de"):
        for entry in overrides:
            assert translated(translation, entry) == entry["msgstr"]


def test_every_informal_allauth_string_the_portal_uses_is_overridden(overrides):
    """Fails after an allauth upgrade that brings new "du" strings: add them to locale_allauth."""
    overridden = {(e.get("msgctxt"), e["msgid"]) for e in overrides}
    informal = [e for e in read_po(ALLAUTH_PO) if is_informal(e) and is_used_by_installed_app(e)]
    assert informal
    missing = [e["msgid"] for e in informal if (e.get("msgctxt"), e["msgid"]) not in overridden]
    assert not missing
