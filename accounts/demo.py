"""Demonstration data: realistic cluster organisations and one login per role.

Deterministic (one `random.Random(seed)`) and idempotent: organisations are keyed by slug and
users by e-mail, so a second run with the same arguments creates nothing. Other apps add their own
demo data through a `<app>/demo.py` module with a `seed(rng, organisations, users)` function (see
`demo_seed`); accounts imports no other app.
"""

import importlib
import importlib.util
import math
import random
from dataclasses import dataclass, field
from decimal import Decimal

from allauth.account.models import EmailAddress
from django.apps import apps
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils.text import slugify

from clusterexcellence.notifications import muted

from .choices import LegalForm, MembershipRole, Sector, ServiceCategory
from .models import AssessorProfile, Membership, Organisation, User

DEMO_PASSWORD = "cluster-demo"  # noqa: S105 - printed in the README; seeding is refused in production
BATCH_SIZE = 1000

# (ISO code, weight, [(region, name prefix)]): weights loosely follow where benchmarked cluster
# organisations are; the prefix is what a cluster from there would call itself.
COUNTRIES = [
    ("DE", 14, [("Bavaria", "Bavarian"), ("Baden-Württemberg", "Baden-Württemberg"), ("Saxony", "Saxon"),
                ("North Rhine-Westphalia", "Ruhr"), ("Hesse", "Hessian"), ("Lower Saxony", "Lower Saxony"),
                ("Berlin-Brandenburg", "Berlin-Brandenburg"), ("Hamburg", "Hamburg"), ("Thuringia", "Thuringian")]),
    ("ES", 10, [("Catalonia", "Catalan"), ("Basque Country", "Basque"), ("Andalusia", "Andalusian"),
                ("Valencia", "Valencian"), ("Madrid", "Madrid"), ("Galicia", "Galician"), ("Aragon", "Aragonese")]),
    ("FR", 9, [("Île-de-France", "Paris Region"), ("Auvergne-Rhône-Alpes", "Rhône-Alpes"), ("Occitanie", "Occitan"),
               ("Brittany", "Breton"), ("Grand Est", "Alsace"), ("Hauts-de-France", "Nord"),
               ("Provence-Alpes-Côte d'Azur", "Provence")]),
    ("IT", 8, [("Lombardy", "Lombard"), ("Piedmont", "Piedmont"), ("Emilia-Romagna", "Emilia-Romagna"),
               ("Veneto", "Venetian"), ("Tuscany", "Tuscan"), ("Apulia", "Apulian"), ("Lazio", "Lazio")]),
    ("PL", 6, [("Silesia", "Silesian"), ("Lesser Poland", "Kraków"), ("Greater Poland", "Poznań"),
               ("Masovia", "Warsaw"), ("Pomerania", "Pomeranian"), ("Lower Silesia", "Wrocław")]),
    ("AT", 4, [("Upper Austria", "Upper Austrian"), ("Styria", "Styrian"), ("Vienna", "Vienna"),
               ("Tyrol", "Tyrolean"), ("Carinthia", "Carinthian")]),
    ("BE", 3, [("Flanders", "Flemish"), ("Wallonia", "Walloon"), ("Brussels-Capital", "Brussels")]),
    ("NL", 3, [("North Brabant", "Brabant"), ("South Holland", "Delta"), ("Gelderland", "Gelderland"),
               ("Groningen", "Groningen"), ("Limburg", "Limburg")]),
    ("SE", 3, [("Västra Götaland", "West Sweden"), ("Skåne", "Skåne"), ("Stockholm", "Stockholm"),
               ("Östergötland", "East Sweden")]),
    ("DK", 3, [("Central Denmark", "Central Denmark"), ("Capital Region", "Copenhagen"),
               ("Southern Denmark", "South Denmark"), ("North Denmark", "North Denmark")]),
    ("CZ", 3, [("Prague", "Prague"), ("South Moravia", "Moravian"), ("Moravia-Silesia", "Moravian-Silesian"),
               ("Central Bohemia", "Bohemian")]),
    ("HU", 3, [("Central Hungary", "Budapest"), ("Western Transdanubia", "Pannon"),
               ("Southern Great Plain", "Great Plain"), ("Northern Hungary", "North Hungarian")]),
    ("PT", 3, [("Norte", "Porto"), ("Centro", "Centro"), ("Lisbon", "Lisbon"), ("Algarve", "Algarve")]),
    ("RO", 3, [("North-West", "Transylvanian"), ("Bucharest-Ilfov", "Bucharest"), ("West", "Banat"),
               ("Centru", "Carpathian"), ("North-East", "Moldavian")]),
    ("GR", 3, [("Attica", "Athens"), ("Central Macedonia", "Thessaloniki"), ("Crete", "Cretan")]),
    ("BG", 2, [("Sofia", "Sofia"), ("South Central", "Thracian"), ("North-East", "Black Sea")]),
    ("HR", 2, [("City of Zagreb", "Zagreb"), ("Adriatic Croatia", "Adriatic"), ("Slavonia", "Slavonian")]),
    ("SK", 2, [("Bratislava", "Bratislava"), ("Košice", "East Slovak"), ("Žilina", "Žilina")]),
    ("SI", 2, [("Central Slovenia", "Ljubljana"), ("Eastern Slovenia", "Maribor"), ("Western Slovenia", "Primorska")]),
    ("FI", 2, [("Uusimaa", "Helsinki"), ("Pirkanmaa", "Tampere"), ("North Ostrobothnia", "Oulu")]),
    ("IE", 1, [("Southern Region", "Cork"), ("Eastern and Midland", "Dublin"), ("Northern and Western", "Atlantic")]),
    ("LT", 1, [("Vilnius", "Vilnius"), ("Kaunas", "Kaunas")]),
    ("LV", 1, [("Riga", "Riga"), ("Kurzeme", "Kurzeme")]),
    ("EE", 1, [("Harju", "Tallinn"), ("Tartu", "Tartu")]),
    ("LU", 1, [("Luxembourg", "Luxembourg")]),
    ("CY", 0.5, [("Nicosia", "Cyprus")]),
    ("MT", 0.5, [("Malta", "Maltese")]),
    ("NO", 3, [("Vestland", "Bergen"), ("Trøndelag", "Trondheim"), ("Oslo", "Oslo"), ("Agder", "Agder")]),
    ("CH", 2, [("Zurich", "Zurich"), ("Basel", "Basel"), ("Vaud", "Lake Geneva"), ("Ticino", "Ticino")]),
    ("IS", 0.5, [("Capital Region", "Reykjavík")]),
    ("GB", 3, [("Scotland", "Scottish"), ("Wales", "Welsh"), ("North West England", "Manchester"),
               ("West Midlands", "Midlands"), ("East of England", "Cambridge")]),
    ("TR", 3, [("Istanbul", "Istanbul"), ("Bursa", "Bursa"), ("Izmir", "Aegean"), ("Ankara", "Ankara")]),
    ("RS", 1, [("Belgrade", "Belgrade"), ("Vojvodina", "Vojvodina"), ("Nišava", "Niš")]),
    ("UA", 2, [("Kyiv", "Kyiv"), ("Lviv", "Lviv"), ("Kharkiv", "Kharkiv"), ("Dnipropetrovsk", "Dnipro")]),
]  # fmt: skip

# Per sector: what the name says, and technologies to list on the profile.
SECTORS = {
    Sector.ENERGY: (["Energy", "Clean Energy", "Renewables", "Hydrogen", "Environment"],
                    ["wind power", "solar thermal", "hydrogen storage", "smart grids", "water treatment"]),
    Sector.AVIATION: (["Aerospace", "Aviation", "Space", "Drone"],
                      ["composite airframes", "satellite data", "avionics", "unmanned aerial systems"]),
    Sector.FOOD: (["Food", "Agri-Food", "Dairy", "Wine"],
                  ["food safety", "precision farming", "packaging", "fermentation"]),
    Sector.MICRO_NANO: (["Photonics", "Nanotech", "Microelectronics", "Optics"],
                        ["lasers", "MEMS sensors", "thin films", "semiconductor packaging"]),
    Sector.HEALTH: (["Health", "MedTech", "Life Sciences", "Medical Devices"],
                    ["diagnostics", "e-health", "implants", "clinical trials"]),
    Sector.TOURISM: (["Tourism", "Sports", "Outdoor", "Leisure"],
                     ["sports equipment", "booking platforms", "sustainable tourism", "wellness"]),
    Sector.PRODUCTION: (["Manufacturing", "Mechatronics", "Engineering", "Automation"],
                        ["robotics", "additive manufacturing", "machine tools", "industrial IoT"]),
    Sector.BIOTECH: (["Biotech", "BioEconomy", "Bio"],
                     ["enzymes", "bioprocessing", "cell therapy", "bio-based plastics"]),
    Sector.MATERIALS: (["Materials", "Chemistry", "Plastics", "Composites"],
                       ["polymers", "coatings", "recycling", "lightweight materials"]),
    Sector.CREATIVE: (["Creative", "Design", "Media", "Games"],
                      ["game development", "animation", "industrial design", "audiovisual production"]),
    Sector.MOBILITY: (["Mobility", "Automotive", "Logistics", "Rail"],
                      ["electric drives", "battery systems", "autonomous driving", "intermodal logistics"]),
    Sector.ICT: (["ICT", "Digital", "Software", "Cybersecurity", "AI"],
                 ["cloud services", "artificial intelligence", "cybersecurity", "embedded software"]),
    Sector.CONSTRUCTION: (["Construction", "Wood", "Building", "Smart Building"],
                          ["timber construction", "building information modelling", "insulation", "smart homes"]),
}  # fmt: skip
SUFFIXES = ["Cluster"] * 6 + ["Network", "Alliance", "Valley", "Hub", "Platform", "Initiative"]
LEGAL_FORMS = [(LegalForm.ASSOCIATION, 55), (LegalForm.LIMITED, 25), (LegalForm.PUBLIC, 10),
               (LegalForm.PROJECT, 5), (LegalForm.OTHER, 5)]  # fmt: skip
FIRST_NAMES = ["Anna", "Lukas", "Marta", "Jan", "Sofia", "Pierre", "Elena", "Mikkel", "Ioana", "Tomás",
               "Katarzyna", "Giulia", "Erik", "Zeynep", "Olena", "Nikos", "Eva", "Matej", "Inês", "Aino"]  # fmt: skip
LAST_NAMES = ["Müller", "García", "Rossi", "Nowak", "Dubois", "Jensen", "Popescu", "Novák", "Silva",
              "Kovačić", "Virtanen", "Papadopoulos", "Andersson", "Horvat", "Yılmaz", "Petrović", "Murphy"]  # fmt: skip

# The two organisations the demo logins belong to: fixed, so the README can name them.
SHOWCASE = [
    {
        "name": "Bavarian Mobility Cluster", "country": "DE", "region": "Bavaria", "sector": Sector.MOBILITY,
        "legal_form": LegalForm.ASSOCIATION, "year_founded": 2006, "staff_fte": Decimal("6.5"),
        "participants_sme": 112, "participants_large": 14, "participants_research": 11,
        "participants_university": 4, "participants_public": 3, "participants_financial": 1,
        "technologies": "electric drives, battery systems, autonomous driving", "contact_name": "Maria Huber",
        "services": [ServiceCategory.INNOVATION, ServiceCategory.NETWORKING, ServiceCategory.INTERNATIONAL,
                     ServiceCategory.SKILLS],
    },
    {
        "name": "Catalan Food Cluster", "country": "ES", "region": "Catalonia", "sector": Sector.FOOD,
        "legal_form": LegalForm.ASSOCIATION, "year_founded": 2011, "staff_fte": Decimal("3.0"),
        "participants_sme": 58, "participants_large": 6, "participants_research": 5,
        "participants_university": 2, "participants_public": 1, "participants_financial": 0,
        "technologies": "food safety, packaging, fermentation", "contact_name": "Núria Puig",
        "services": [ServiceCategory.INNOVATION, ServiceCategory.MARKET, ServiceCategory.NETWORKING],
    },
]  # fmt: skip


@dataclass(frozen=True)
class DemoUser:
    email: str
    first_name: str
    last_name: str
    role: str  # what the README's logins table says
    flags: dict = field(default_factory=dict)
    organisation: int | None = None  # index into the demo organisations
    membership_role: str | None = None


DEMO_USERS = [
    DemoUser("manager@example.org", "Maria", "Huber", "Cluster manager, owner of Bavarian Mobility Cluster",
             organisation=0, membership_role=MembershipRole.OWNER),
    DemoUser("viewer@example.org", "Viktor", "Lang", "Colleague with read access to Bavarian Mobility Cluster",
             organisation=0, membership_role=MembershipRole.VIEWER),
    DemoUser("manager2@example.org", "Núria", "Puig", "Cluster manager, owner of Catalan Food Cluster",
             organisation=1, membership_role=MembershipRole.OWNER),
    DemoUser("assessor@example.org", "Anna", "Kowalska", "Assessor", flags={"is_assessor": True}),
    DemoUser("assessor2@example.org", "Luca", "Bianchi", "Second assessor (for Gold)", flags={"is_assessor": True}),
    DemoUser("board@example.org", "Birgit", "Nielsen", "Label board member", flags={"is_board_member": True}),
    DemoUser("staff@example.org", "Stefan", "Claes", "Secretariat (staff, Django admin)",
             flags={"is_staff": True, "is_superuser": True}),
    # The club makes this login an approved member with a profile (club/demo.py): membership is the club's data.
    DemoUser("member@example.org", "Mehmet", "Yılmaz", "Managers' club member"),
]  # fmt: skip
ASSESSOR_PROFILES = {
    "assessor@example.org": {"languages": ["en", "de", "pl"], "countries": ["PL", "DE"]},
    # National for Spain: with assessor@ (foreign there) the showcase Gold application of Catalan
    # Food Cluster gets the one national and one foreign assessor the scheme asks for.
    "assessor2@example.org": {"languages": ["en", "it", "es"], "countries": ["IT", "ES"]},
}


@dataclass
class DemoResult:
    organisations: list[Organisation]
    users: dict[str, User]
    organisations_created: int = 0
    users_created: int = 0
    hooks: list[str] = field(default_factory=list)


def _lognormal(rng: random.Random, median: float, sigma: float, low: float, high: float) -> float:
    return min(high, max(low, rng.lognormvariate(math.log(median), sigma)))


def _participants(rng: random.Random) -> dict[str, int]:
    """Around 60 participants (some under the 15 the eligibility rule asks), mostly SMEs."""
    total = round(_lognormal(rng, 60, 0.7, 4, 900))
    shares = {
        "large": max(0.0, rng.gauss(0.093, 0.04)),
        "research": max(0.0, rng.gauss(0.085, 0.04)),
        "university": max(0.0, rng.gauss(0.015, 0.02)),
        "public": max(0.0, rng.gauss(0.01, 0.015)),
        "financial": max(0.0, rng.gauss(0.004, 0.01)),
    }
    counts = {key: round(total * share) for key, share in shares.items()}
    counts["sme"] = max(0, total - sum(counts.values()))
    return {f"participants_{key}": value for key, value in counts.items()}


def _unique_slug(name: str, used: set[str]) -> str:
    base = slug = slugify(name)
    number = 2
    while slug in used:  # the same name twice: the later one gets -2, -3, … (deterministic)
        slug, number = f"{base}-{number}", number + 1
    used.add(slug)
    return slug


def _organisation_specs(count: int, rng: random.Random) -> list[dict]:
    """Field values of the showcase organisations and `count - 2` generated ones.

    The first ones are the same whatever the count, so a larger --orgs only adds organisations.
    """
    used_slugs: set[str] = set()
    specs = [{**spec, "slug": _unique_slug(spec["name"], used_slugs)} for spec in SHOWCASE]
    country_weights = [weight for _code, weight, _regions in COUNTRIES]
    sectors = list(SECTORS)
    for _ in range(count - len(specs)):
        code, _weight, regions = rng.choices(COUNTRIES, weights=country_weights)[0]
        region, prefix = rng.choice(regions)
        sector = rng.choice(sectors)
        nouns, technologies = SECTORS[sector]
        noun, suffix = rng.choice(nouns), rng.choice(SUFFIXES)
        name = f"{prefix} {noun} {suffix}" if rng.random() < 0.8 else f"{noun} {suffix} {region}"
        specs.append(dict(
            name=name, slug=_unique_slug(name, used_slugs), country=code, region=region, sector=sector,
            legal_form=rng.choices([form for form, _w in LEGAL_FORMS], weights=[w for _f, w in LEGAL_FORMS])[0],
            year_founded=rng.randint(1990, 2024),
            staff_fte=Decimal(str(round(_lognormal(rng, 2.5, 0.8, 0.3, 12), 1))),
            technologies=", ".join(rng.sample(technologies, rng.randint(1, 3))),
            services=rng.sample(list(ServiceCategory.values), rng.randint(2, 6)),
            contact_name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
            **_participants(rng),
        ))  # fmt: skip
    for spec in specs:
        total = sum(value for key, value in spec.items() if key.startswith("participants_"))
        spec["website"] = f"https://{spec['slug']}.example.eu"
        spec["contact_email"] = f"office@{spec['slug']}.example.org"
        spec["description"] = (
            f"{spec['name']} brings together {total} companies, research organisations and public bodies "
            f"in {spec['region']} working on {spec['technologies']}."
        )
    return specs


def _chunks(items: list, size: int = 500):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _organisations_by_slug(slugs: list[str]) -> dict[str, Organisation]:
    found = {}
    for chunk in _chunks(slugs):  # SQLite limits the number of query parameters
        found.update({org.slug: org for org in Organisation.objects.filter(slug__in=chunk)})
    return found


def demo_organisations_create(*, count: int, rng: random.Random) -> tuple[list[Organisation], int]:
    """Create the demo organisations that do not exist yet; return all of them and how many were new."""
    specs = _organisation_specs(count, rng)
    slugs = [spec["slug"] for spec in specs]
    existing = _organisations_by_slug(slugs)
    missing = [Organisation(**spec) for spec in specs if spec["slug"] not in existing]
    Organisation.objects.bulk_create(missing, batch_size=BATCH_SIZE)
    by_slug = _organisations_by_slug(slugs)
    return [by_slug[slug] for slug in slugs], len(missing)


def demo_users_create(*, organisations: list[Organisation]) -> tuple[dict[str, User], int]:
    """One login per role (password DEMO_PASSWORD, verified address); existing users are left alone."""
    users, created = {}, 0
    password_hash = None  # hashed once: the hasher is deliberately slow and every demo user shares it
    for demo in DEMO_USERS:
        user = User.objects.filter(email=demo.email).first()
        if user is None:
            password_hash = password_hash or make_password(DEMO_PASSWORD)
            user = User.objects.create(
                email=demo.email, password=password_hash, first_name=demo.first_name, last_name=demo.last_name,
                **demo.flags,
            )  # fmt: skip
            created += 1
        EmailAddress.objects.get_or_create(user=user, email=demo.email, defaults={"verified": True, "primary": True})
        if demo.organisation is not None:
            organisation = organisations[demo.organisation]
            if not Membership.objects.active().filter(user=user, organisation=organisation).exists():
                Membership.objects.create(user=user, organisation=organisation, role=demo.membership_role)
        if demo.email in ASSESSOR_PROFILES:
            AssessorProfile.objects.get_or_create(user=user, defaults=ASSESSOR_PROFILES[demo.email])
        users[demo.email] = user
    return users, created


def _demo_hooks():
    """(module name, seed function) of every installed app's `demo.py` that offers `seed`."""
    for app_config in apps.get_app_configs():
        name = f"{app_config.name}.demo"
        if name == __name__ or importlib.util.find_spec(name) is None:
            continue
        seed = getattr(importlib.import_module(name), "seed", None)
        if callable(seed):
            yield name, seed


@transaction.atomic
def demo_seed(*, orgs: int, seed: int, hooks: bool = True) -> DemoResult:
    """Create `orgs` organisations, the demo logins, then (unless `hooks` is False) each app's demo data.

    Each app hook gets its own `random.Random` derived from the seed, so adding one app's data
    never changes another's.
    """
    organisations, organisations_created = demo_organisations_create(count=orgs, rng=random.Random(seed))
    users, users_created = demo_users_create(organisations=organisations)
    result = DemoResult(organisations, users, organisations_created, users_created)
    with muted():  # demo events are not news: nobody is notified of them
        for name, hook in _demo_hooks() if hooks else ():
            hook(random.Random(f"{seed}:{name}"), organisations, users)
            result.hooks.append(name)
    return result


def demo_logins() -> list[tuple[str, str, str]]:
    """(e-mail, password, role) rows for the logins table printed by `make run`."""
    return [(demo.email, DEMO_PASSWORD, demo.role) for demo in DEMO_USERS]
