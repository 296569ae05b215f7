"""Round 14b: organisations of more shapes (insurers, compound kinds, kinds that stay in the
span in lower case, a team or kind joined to a found organisation, a place ending a name of
capitalised words). A positive and a hard negative test for each rule, on made-up text:
every organisation, name and place here is invented or a real place used as a place."""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine
from tests.privacy.helpers import labelled


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        # a name before an insurer's kind or "Basisschool"
        ("Verzekering: Dalmeerse Zorgverzekering, 100298371.", "Dalmeerse Zorgverzekering"),
        ("Zorgverzekeraar: ZorgVast Verzekeringen, polis ZV 12.", "ZorgVast Verzekeringen"),
        ("School (Al-Noor Basisschool, intern begeleider) weet ervan.", "Al-Noor Basisschool"),
        # compound kinds in "-centrale", "-winkel", "-college"
        ("Ik ga navragen bij Vrijwilligerscentrale Oosthoek.", "Vrijwilligerscentrale Oosthoek"),
        ("De stoel ophalen bij Thuiszorgwinkel Dalmeer in Roermond.", "Thuiszorgwinkel Dalmeer"),
        ("School (Zuiderlichtcollege Vught) wil een gesprek.", "Zuiderlichtcollege Vught"),
        # new kinds; lower-case ones that stay in the span
        ("Intake bij RIBW Zuidrand / komt uit Utrecht.", "RIBW Zuidrand"),
        ("Hij komt van het Gasthuis Oosterpoort, heupfractuur.", "Gasthuis Oosterpoort"),
        ("Hij werkt bij de kringloop De Oude Schuur sinds maart.", "kringloop De Oude Schuur"),
        ("Aanvraag via de woningstichting Berkenhuis. Verder niets.", "woningstichting Berkenhuis"),
        ("Ingediend bij de rechtbank Oost-Brabant. De zitting volgt.", "rechtbank Oost-Brabant"),
        # a team joined to the kind before a found organisation, a lower-case kind after it
        ("Behandeling bij het FACT-team Rijnoord-Zuid, start 2 april.", "FACT-team Rijnoord-Zuid"),
        ("Afspraak in het Dommelhof ziekenhuis en vervoer.", "Dommelhof ziekenhuis"),
        # a firm by its legal form, by its trade after a surname, a trade before its name
        ("Zij werkt sinds mei bij Kuipers & Zn B.V. in Delft.", "Kuipers & Zn B.V."),
        ("Werkgever: Dalmeer Installaties BV, contact via HR.", "Dalmeer Installaties BV"),
        ("werkgever | Henk Bouwman (Bouwman Metaal) | 0512-53 08 41", "Bouwman Metaal"),
        ("Bus via Taxi Verhoef. Daarna naar huis.", "Taxi Verhoef"),
        ("Hij werkt bij Bakkerij De Korenschoof.", "Bakkerij De Korenschoof"),
        # national bodies by their own name; sports clubs
        ("De uitkering loopt via het UWV.", "UWV"),
        ("Eigen bijdrage via het CAK, vanaf mei.", "CAK"),
        ("Het onderzoek van de IND bevestigde dat.", "IND"),
        ("Moet dat naar de Raad voor de Kinderbescherming?", "Raad voor de Kinderbescherming"),
        ("Hij speelt bij voetbalclub De Zwaluwen.", "voetbalclub De Zwaluwen"),
        ("Zij traint bij vv Nieuwland op dinsdag.", "vv Nieuwland"),
        ("Lid van Sportvereniging Oranje Wit sinds 2019.", "Sportvereniging Oranje Wit"),
        # the house a department belongs to
        ("ovd late, De Wingerd afd 3 / - Teun: aanval om 19.40", "De Wingerd"),
        ("Verslag vrijwilligersoverleg De Zonnewende afdeling Venlo", "De Zonnewende"),
        ("19.50 uur, afdeling Gesloten 1, De Wingerd / Cliënt dhr. P. Zwaneveld", "De Wingerd"),
        # after a word for a place of care the house outranks a person's name
        ("Betrokkene: dhr. Wim Fransen, locatie De Hooge Bongerd, kamer 4", "De Hooge Bongerd"),
        # a place ending a name of two or more capitalised words
        (
            "Intakeverslag \u2013 Praktijk voor Psychologie Noorderhaven / Datum: 3 april",
            "Praktijk voor Psychologie Noorderhaven",
        ),
    ],
)
def test_an_organisation_of_round_14b(engine: PrivacyEngine, text: str, organisation: str) -> None:
    assert organisation in labelled(engine, text, "instelling")


@pytest.mark.parametrize(
    "text",
    [
        "Dit valt onder de Aanvullende Verzekering van mevrouw.",  # a kind of policy
        "Uw Collectieve Zorgverzekering vergoedt dit niet.",
        "Uw Wettelijke Verzekering en de Basis Verzekering.",
        "De Openbare Basisschool is dicht. Een Christelijke Basisschool in de buurt.",
        "Het Hoorcollege Anatomie begint om negen uur.",  # a lecture
        "De rechtbank heeft besloten. Het gerechtshof in hoger beroep.",  # the kind alone
        "Het ziekenhuis belde. De huisarts komt morgen. De gemeente betaalt.",
        "Overleg via Teams en WhatsApp, rapportage in Nedap Ons.",  # products
        "De kringloop is op zaterdag open.",
        "Taxi bestellen kan via de receptie. De taxi komt om 9 uur.",  # a verb after the trade
        "Een BV of VOF oprichten? Een Besloten Vennootschap BV is anders.",
        "Hij werkt bij Henk Bouwman Transport als chauffeur.",  # a person's name before it
        "Een CIZ-indicatie is aangevraagd; het UWV-loket is dicht.",  # joined to a word
        "De voetbalclub is dicht en de sportvereniging ook.",
        "Teamoverleg afdeling Psychiatrie. De Spoedeisende afd. is vol.",  # a department
        "Zij werkt op de Chirurgie afdeling sinds mei.",
    ],
)
def test_no_organisation_of_round_14b(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "instelling") == []


@pytest.mark.parametrize(
    ("text", "grown"),
    [
        # a place after one word is the place of the house, not part of its name
        ("Ontslagbericht / Rijnhorst Arnhem, afd. Geriatrie", "Rijnhorst Arnhem"),
        ("Sallanda Zwolle \u2013 Ontslagbrief Cardiologie", "Sallanda Zwolle"),
        # a team of an organisation (no area): the team word stays outside
        ("Notitie ambulant FACT-team Emergo\nCliënt: dhr. Asante", "FACT-team Emergo"),
        # a name after the insurer's kind: the word before it is no part of the name
        (
            "Van: Klantenservice Zorgverzekeraar Noordpolder <info@example.nl>",
            "Klantenservice Zorgverzekeraar Noordpolder",
        ),
    ],
)
def test_not_grown_over(engine: PrivacyEngine, text: str, grown: str) -> None:
    assert grown not in labelled(engine, text, "instelling")
