"""Demo use cases for the fictional demo community (idempotent): two cycles, use cases in
different phases, demonstrators and lessons learned. Everything here is made up."""

from __future__ import annotations

import datetime
from typing import Any

from carai.accounts.models import User
from carai.community.models import Organisation
from carai.usecases import services
from carai.usecases.models import Cycle, UseCase
from carai.usecases.phases import PHASES

LEAD = "lead@carai.example"

DEMO: list[dict[str, Any]] = [
    {
        "title": "WhatsApp-leercoach voor nieuwe collega's",
        "organisation": "lindehof",
        "by": "zorgmedewerker@lindehof.example",
        "cycle": "Najaar 2026",
        "phases_done": len(PHASES),
        "team": [
            ("student@vakschool.example", "student"),
            ("docent@hogeschool.example", "educator"),
        ],
        "problem": "Nieuwe collega's hebben in hun eerste weken veel vragen over protocollen. "
        "Ervaren collega's hebben weinig tijd om die te beantwoorden.",
        "who_has_it": "Nieuwe verzorgenden en hun werkbegeleiders",
        "expected_value": "Sneller antwoord, minder onderbreking van ervaren collega's",
        "data_and_ai": "Openbare protocollen van de organisatie; een taalmodel in een chat",
        "demonstrator": (
            "Leercoach in de chat",
            "Beantwoordt vragen over protocollen met een "
            "verwijzing naar het protocol; nooit over cliënten",
            "Taalmodel met zoeken in eigen protocollen",
            "pilot",
        ),
        "lessons": {
            "maturity": "innovate",
            "went_well": "Collega's vonden de antwoorden met bronvermelding betrouwbaar.",
            "went_wrong": "In het begin gaf de coach antwoorden zonder bron; dat is aangepast.",
            "advice": "Begin met een klein aantal protocollen en laat collega's meetesten.",
            "time_saved_minutes": 40,
            "work_pleasure_before": 6,
            "work_pleasure_after": 7,
            "quality_effect": "Minder fouten bij het volgen van het valprotocol (eigen telling).",
        },
        "published": True,
    },
    {
        "title": "Administratieve assistent voor de rapportage",
        "organisation": "lindehof",
        "by": "aicoach@lindehof.example",
        "cycle": "Voorjaar 2027",
        "phases_done": 3,
        "team": [("zorgmedewerker@debrug.example", "professional")],
        "problem": "Rapporteren kost per dienst veel tijd, en de rapportages verschillen sterk.",
        "who_has_it": "Verzorgenden en verpleegkundigen in de wijk",
        "expected_value": "Tijd terug voor cliënten; rapportages die beter leesbaar zijn",
        "data_and_ai": "Gepseudonimiseerde rapportages; een taalmodel binnen de eigen omgeving",
        "demonstrator": (
            "Rapportage-assistent",
            "Maakt van steekwoorden een conceptrapportage die de zorgmedewerker zelf controleert",
            "Lokaal taalmodel",
            "prototype",
        ),
        "lessons": {"maturity": "innovate"},
        "published": False,
    },
    {
        "title": "Spraakherkenning bij het rapporteren",
        "organisation": "de-brug",
        "by": "zorgmedewerker@debrug.example",
        "cycle": "Voorjaar 2027",
        "phases_done": 2,
        "team": [("student@vakschool.example", "student")],
        "problem": "Typen na de dienst kost tijd; veel collega's rapporteren liever mondeling.",
        "who_has_it": "Begeleiders in de gehandicaptenzorg",
        "expected_value": "Minder typwerk, vollediger rapportages",
        "data_and_ai": "Spraak van de begeleider; spraakherkenning",
        "demonstrator": None,
        "lessons": {"maturity": "learn"},
        "published": False,
        "looking_for": (
            "We testen spraakherkenning bij het rapporteren in de gehandicaptenzorg. We zoeken "
            "een docent of onderzoeker die helpt meten of het tijd scheelt, en zorgmedewerkers "
            "die willen meedoen met de proef. (demo)"
        ),
        "requests": [
            (
                "docent@hogeschool.example",
                "educator",
                "Ik onderzoek tijdwinst door AI in de zorg en help graag met de meting. (demo)",
            )
        ],
    },
    {
        "title": "Roosterwensen automatisch verwerken",
        "organisation": "lindehof",
        "by": "manager@lindehof.example",
        "cycle": None,
        "phases_done": 0,
        "team": [],
        "problem": "Roosterwensen komen via briefjes, mail en app binnen.",
        "who_has_it": "Planners en teamleiders",
        "expected_value": "Minder tijd aan plannen",
        "data_and_ai": "Roosterwensen van medewerkers",
        "demonstrator": None,
        "lessons": {},
        "published": False,
    },
]


def _cycles() -> dict[str, Cycle]:
    wanted = {
        "Najaar 2026": (datetime.date(2026, 9, 1), datetime.date(2027, 1, 31)),
        "Voorjaar 2027": (datetime.date(2027, 2, 1), datetime.date(2027, 7, 31)),
    }
    cycles = {}
    for name, (starts, ends) in wanted.items():
        cycle = Cycle.objects.filter(name=name).first()
        cycles[name] = cycle or services.cycle_create(name=name, starts_on=starts, ends_on=ends)
    return cycles


def load_demo_use_cases() -> int:
    cycles = _cycles()
    lead = User.objects.get(email=LEAD)
    for item in DEMO:
        if UseCase.objects.filter(title=item["title"]).exists():
            continue
        author = User.objects.get(email=item["by"])
        use_case = services.use_case_submit(
            actor=author,
            organisation=Organisation.objects.get(slug=item["organisation"]),
            data={
                k: item[k]
                for k in ("title", "problem", "who_has_it", "expected_value", "data_and_ai")
            },
        )
        if item["cycle"] is None:
            continue  # waits for the lead's decision
        use_case = services.use_case_triage(
            actor=lead,
            use_case=use_case,
            accept=True,
            cycle=cycles[item["cycle"]],
            criteria={"work_floor": 5, "value": 4, "feasible": 4, "learning": 4, "responsible": 4},
            reason="",
        )
        for email, role in item["team"]:
            services.team_add(actor=author, use_case=use_case, email=email, role=role)
        for step in PHASES[: item["phases_done"]]:
            services.phase_record_save(
                actor=author,
                use_case=use_case,
                checklist={key: True for key, _label in step.checklist},
                notes="",
                deliverables=f"{step.deliverable} (demo)",
            )
            use_case = services.use_case_advance(actor=author, use_case=use_case)
        if item["demonstrator"]:
            name, what, ai, status = item["demonstrator"]
            services.demonstrator_add(
                actor=author,
                use_case=use_case,
                data={"name": name, "what_it_does": what, "ai_used": ai, "status": status},
                file_data=None,
            )
        if item["lessons"]:
            services.lessons_save(actor=author, use_case=use_case, data=item["lessons"])
        for key in ("privacy_dpia", "human_oversight", "involvement"):
            services.rai_item_update(
                actor=author, use_case=use_case, key=key, status="done", note=""
            )
        if item["published"]:
            services.use_case_publish(actor=lead, use_case=use_case, published=True)
        if item.get("looking_for"):
            services.use_case_recruiting_set(
                actor=author, use_case=use_case, open_to_join=True, looking_for=item["looking_for"]
            )
            for email, role, why in item.get("requests", []):
                services.join_request_create(
                    actor=User.objects.get(email=email),
                    use_case=use_case,
                    role=role,
                    motivation=why,
                )
    return UseCase.objects.count()
