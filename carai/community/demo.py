"""The fictional demo community. Every organisation and person here is made up.

Names end in "(demo)" and e-mail addresses use the reserved ``.example`` domain, so
nothing can be mistaken for a real organisation or reach a real mailbox.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from carai.accounts.models import User
from carai.community.models import (
    CareBranch,
    Membership,
    Organisation,
    OrganisationKind,
    Role,
    StudentLevel,
)
from carai.core.cache import rows_written_send

DEMO_PASSWORD = "CaraiDemo-2026"  # noqa: S105  (public demo password, development only)
LEAD_GROUP = "Community lead"


@dataclass(frozen=True)
class DemoOrganisation:
    slug: str
    name: str
    kind: str
    branch: str
    region: str
    domain: str


ORGANISATIONS = [
    DemoOrganisation(
        "lindehof",
        "Zorggroep Lindehof (demo)",
        OrganisationKind.CARE,
        CareBranch.ELDERLY_CARE,
        "Oost-Nederland",
        "lindehof.example",
    ),
    DemoOrganisation(
        "de-brug",
        "GGZ De Brug (demo)",
        OrganisationKind.CARE,
        CareBranch.MENTAL_HEALTH,
        "Oost-Nederland",
        "debrug.example",
    ),
    DemoOrganisation(
        "het-anker",
        "Het Anker, zorg voor mensen met een beperking (demo)",
        OrganisationKind.CARE,
        CareBranch.DISABILITY_CARE,
        "Midden-Nederland",
        "hetanker.example",
    ),
    DemoOrganisation(
        "meerzicht",
        "Ziekenhuis Meerzicht (demo)",
        OrganisationKind.CARE,
        CareBranch.HOSPITAL,
        "Midden-Nederland",
        "meerzicht.example",
    ),
    DemoOrganisation(
        "samen-sterk",
        "Welzijn Samen Sterk (demo)",
        OrganisationKind.WELFARE,
        CareBranch.WELFARE,
        "Oost-Nederland",
        "samensterk.example",
    ),
    DemoOrganisation(
        "kompas",
        "Jeugdhulp Het Kompas (demo)",
        OrganisationKind.CARE,
        CareBranch.YOUTH_CARE,
        "Midden-Nederland",
        "kompas.example",
    ),
    DemoOrganisation(
        "hogeschool",
        "Hogeschool Zorg en Technologie (demo)",
        OrganisationKind.EDUCATION,
        "",
        "Oost-Nederland",
        "hogeschool.example",
    ),
    DemoOrganisation(
        "vakschool",
        "Vakschool Zorg en Welzijn, mbo (demo)",
        OrganisationKind.EDUCATION,
        "",
        "Oost-Nederland",
        "vakschool.example",
    ),
    DemoOrganisation(
        "datazorg",
        "DataZorg Diensten (demo)",
        OrganisationKind.SERVICE_PROVIDER,
        "",
        "Landelijk",
        "datazorg.example",
    ),
]


@dataclass(frozen=True)
class DemoPerson:
    email: str
    name: str
    memberships: tuple[tuple[str, str, str, str], ...]  # (org slug, role, level, programme)
    label: str = ""  # shown in the printed list of log-ins
    lead: bool = False


# The named personas: one log-in per role, printed by ``bin/run``.
PERSONAS = [
    DemoPerson(
        "zorgmedewerker@lindehof.example",
        "Sanne Verbeek",
        (("lindehof", Role.PROFESSIONAL, "", ""),),
        "Care worker (Lindehof)",
    ),
    DemoPerson(
        "manager@lindehof.example",
        "Ahmed El Amrani",
        (("lindehof", Role.MANAGER, "", ""),),
        "Manager (Lindehof)",
    ),
    DemoPerson(
        "beheerder@lindehof.example",
        "Marieke de Boer",
        (("lindehof", Role.ORG_ADMIN, "", ""),),
        "Organisation admin (Lindehof)",
    ),
    DemoPerson(
        "privacy@lindehof.example",
        "Joost van der Meulen",
        (("lindehof", Role.PRIVACY_OFFICER, "", ""),),
        "Privacy officer (Lindehof)",
    ),
    DemoPerson(
        "aicoach@lindehof.example",
        "Fatima Yilmaz",
        (("lindehof", Role.AI_COACH, "", ""), ("lindehof", Role.PROFESSIONAL, "", "")),
        "AI coach (Lindehof)",
    ),
    DemoPerson(
        "opleider@lindehof.example",
        "Jeroen de Wit",
        (("lindehof", Role.EDUCATOR, "", ""),),
        "Educator: in-house trainer who makes modules (Lindehof)",
    ),
    DemoPerson(
        "student@vakschool.example",
        "Daan Jansen",
        (
            ("vakschool", Role.STUDENT, StudentLevel.MBO, "Verpleegkunde niveau 4"),
            ("lindehof", Role.STUDENT, StudentLevel.MBO, "Verpleegkunde niveau 4"),
        ),
        "Student (Vakschool, on placement at Lindehof)",
    ),
    DemoPerson(
        "docent@hogeschool.example",
        "Dr. Lotte Hendriks",
        (("hogeschool", Role.EDUCATOR, "", ""),),
        "Educator / researcher (Hogeschool)",
    ),
    DemoPerson(
        "zorgmedewerker@debrug.example",
        "Kevin Smit",
        (("de-brug", Role.PROFESSIONAL, "", ""),),
        "Care worker of another organisation (De Brug)",
    ),
    DemoPerson(
        "vrijwilliger@lindehof.example",
        "Gerrit Hoekstra",
        (("lindehof", Role.VOLUNTEER, "", ""),),
        "Volunteer (Lindehof)",
    ),
    DemoPerson(
        "inhuur@lindehof.example",
        "Priya Ramdin",
        (("lindehof", Role.CONTRACTOR, "", ""),),
        "Contractor: temporary nurse (Lindehof)",
    ),
    DemoPerson(
        "lead@carai.example",
        "Noor Bakker",
        (),
        "Community lead",
        lead=True,
    ),
]

_FIRST = [
    "Anouk",
    "Bram",
    "Chantal",
    "Dewi",
    "Eva",
    "Finn",
    "Gerrit",
    "Hanna",
    "Imane",
    "Jesse",
    "Karin",
    "Lars",
    "Mila",
    "Nadia",
    "Olaf",
    "Priya",
    "Quinten",
    "Rosa",
    "Sem",
    "Tessa",
    "Umut",
    "Vera",
    "Wouter",
    "Yara",
    "Zeynep",
    "Bas",
    "Ilse",
    "Milan",
    "Noa",
    "Ruben",
]
_LAST = [
    "Aalders",
    "Brouwer",
    "Claassen",
    "Dekker",
    "Evers",
    "Franssen",
    "Groen",
    "Hoekstra",
    "Jacobs",
    "Koster",
    "Lammers",
    "Mulder",
    "Nijhuis",
    "Oosterhof",
    "Peeters",
    "Roelofs",
    "Schouten",
    "Timmer",
    "Veenstra",
    "Wijnands",
    "Kaya",
    "Bulut",
    "Pinas",
    "Tjon",
    "Visser",
]

# Extra people per organisation: how many of each role.
_STAFF_MIX = {
    OrganisationKind.CARE: [(Role.PROFESSIONAL, 4), (Role.MANAGER, 1), (Role.ORG_ADMIN, 1)],
    OrganisationKind.WELFARE: [(Role.PROFESSIONAL, 3), (Role.MANAGER, 1), (Role.ORG_ADMIN, 1)],
    OrganisationKind.EDUCATION: [(Role.EDUCATOR, 2), (Role.STUDENT, 3), (Role.ORG_ADMIN, 1)],
    OrganisationKind.SERVICE_PROVIDER: [(Role.PROFESSIONAL, 2), (Role.ORG_ADMIN, 1)],
}


def _generated_people() -> list[DemoPerson]:
    people: list[DemoPerson] = []
    n = 0
    for org in ORGANISATIONS:
        for role, count in _STAFF_MIX[OrganisationKind(org.kind)]:
            for _ in range(count):
                first, last = _FIRST[n % len(_FIRST)], _LAST[(n * 7) % len(_LAST)]
                n += 1
                level, programme = "", ""
                if role == Role.STUDENT:
                    level = StudentLevel.HBO if org.slug == "hogeschool" else StudentLevel.MBO
                    programme = (
                        "HBO-Verpleegkunde"
                        if level == StudentLevel.HBO
                        else "Maatschappelijke zorg"
                    )
                email = f"{first}.{last}.{n}@{org.domain}".lower()
                people.append(
                    DemoPerson(email, f"{first} {last}", ((org.slug, role, level, programme),))
                )
    return people


def all_people() -> list[DemoPerson]:
    return PERSONAS + _generated_people()


def _lead_group() -> Group:
    group, _ = Group.objects.get_or_create(name=LEAD_GROUP)
    codenames = [
        ("community", "organisation", ["add", "change", "view"]),
        ("community", "membership", ["view"]),
        ("community", "invitation", ["view"]),
        ("accounts", "user", ["change", "view"]),
        ("core", "auditevent", ["view"]),
    ]
    permissions = [
        Permission.objects.get(
            content_type__app_label=app, content_type__model=model, codename=f"{action}_{model}"
        )
        for app, model, actions in codenames
        for action in actions
    ]
    group.permissions.set(permissions)
    return group


@transaction.atomic
def load_demo_community() -> list[DemoPerson]:
    """Create or update the demo community; running it twice changes nothing more."""
    organisations: dict[str, Organisation] = {}
    for org in ORGANISATIONS:
        organisations[org.slug], _ = Organisation.objects.update_or_create(
            slug=org.slug,
            defaults={
                "name": org.name,
                "kind": org.kind,
                "care_branch": org.branch,
                "region": org.region,
                "website": f"https://www.{org.domain}/",
                "is_active": True,
            },
        )
    group = _lead_group()
    people = all_people()
    for person in people:
        user, _ = User.objects.update_or_create(
            email=person.email,
            defaults={
                "full_name": person.name,
                "is_active": True,
                "is_community_lead": person.lead,
                "is_staff": person.lead,
                "erased_at": None,
            },
        )
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
        if person.lead:
            user.groups.add(group)
        for slug, role, level, programme in person.memberships:
            Membership.objects.active().update_or_create(
                user=user,
                organisation=organisations[slug],
                role=role,
                defaults={"student_level": level, "programme": programme},
            )
    return people


def load_demo_events() -> int:
    """Past and upcoming community events with sign-ups and attendance (idempotent)."""
    import datetime

    from django.utils import timezone

    from carai.community.events import event_mark_attendance, event_register, event_save
    from carai.community.models import Event, EventRegistration, RegistrationStatus

    lead = User.objects.get(email="lead@carai.example")
    # Events start at 14:00 local time, whatever the hour the demo is loaded.
    now = timezone.localtime().replace(hour=14, minute=0, second=0, microsecond=0)
    plans = [
        ("Kick-off cyclus Voorjaar 2027 (demo)", "community", -30, "Zwolle, Hogeschool (demo)", 40),
        ("Inspiratiesessie: AI in de wijkverpleging (demo)", "inspiration", -10, "", 100),
        (
            "Workshop: veilig prompten met verzonnen casussen (demo)",
            "workshop",
            14,
            "Deventer (demo)",
            3,
        ),
        ("Netwerkbijeenkomst zorg en onderwijs (demo)", "network", 35, "Apeldoorn (demo)", 60),
    ]
    people = list(
        User.objects.filter(email__endswith=".example", is_community_lead=False).order_by("email")
    )
    for index, (title, kind, days, place, capacity) in enumerate(plans):
        if Event.objects.filter(title=title).exists():
            continue
        starts = now + datetime.timedelta(days=days)
        future_start = now + datetime.timedelta(days=abs(days))
        event = event_save(
            actor=lead,
            event=None,
            data={
                "title": title,
                "kind": kind,
                "description": "Een verzonnen bijeenkomst van de demo-community.",
                "starts_at": future_start,
                "ends_at": future_start + datetime.timedelta(hours=2),
                "place": place,
                "online_url": "" if place else "https://meet.example/demo",
                "capacity": capacity,
                "materials": "Dia's en een korte samenvatting (demo)." if days < 0 else "",
            },
        )
        for person in people[index * 5 : index * 5 + capacity + 2]:
            event_register(user=person, event=event)
        if days < 0:  # move it into the past, then mark who came
            Event.objects.filter(pk=event.pk).update(
                starts_at=starts, ends_at=starts + datetime.timedelta(hours=2)
            )
            event.refresh_from_db()
            # One update sends no signal: "upcoming" in Mijn overzicht, the key figures.
            rows_written_send(
                model=Event, instances=[event], update_fields=["starts_at", "ends_at"]
            )
            present = set(
                EventRegistration.objects.filter(
                    event=event, status=RegistrationStatus.REGISTERED
                ).values_list("pk", flat=True)[: max(1, capacity // 2)]
            )
            event_mark_attendance(actor=lead, event=event, present=present)
    return Event.objects.count()
