"""Pathological input for the privacy check: how the time grows with the length of a text.

    python -m benchmarks.privacy.worst_case [--lengths 1000 5000 20000] [--kinds KIND ...]
                                            [--profile KIND LENGTH]

A user can paste anything into the Privacycheck or "Mag dit?", and both run the engine inside
the web request. For each kind of text below (all made up: no real names or addresses) and
each length, this prints the least CPU time of three runs of our engine
(``PrivacyEngine.spans``) and of deduce's steps alone as the engine runs them
(``PrivacyEngine._deduce_document``: deduce's processors with its context step bounded;
deduce as shipped recurses once per word of a run of names and took over ten minutes and
18 GB on 20,000 characters of names, so it is not timed here), and the growth from the first
length to the last. Linear growth from 1,000 to 20,000 characters is 20x. ``--profile`` runs
cProfile on one kind and length and prints the top functions.
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import pstats
import random
import time
from collections.abc import Callable

from benchmarks.privacy.common import loaded_engine


def _repeat(piece: str) -> Callable[[int], str]:
    def make(length: int) -> str:
        return (piece * (length // len(piece) + 1))[:length]

    return make


def _random_unicode(length: int) -> str:
    rng = random.Random(16)  # noqa: S311 - the same made-up text on every run
    ranges = [(0x20, 0x7E), (0xC0, 0x24F), (0x370, 0x3FF), (0x400, 0x4FF), (0x4E00, 0x4FFF)]
    ranges += [(0x1F300, 0x1F5FF), (0x2000, 0x206F)]
    chars = []
    for _ in range(length):
        low, high = rng.choice(ranges)
        chars.append(chr(rng.randint(low, high)))
    return "".join(chars)


def _random_words(length: int) -> str:
    """Capitalised and lower-case made-up words, spaces and punctuation in random order."""
    rng = random.Random(12)  # noqa: S311 - the same made-up text on every run
    out: list[str] = []
    size = 0
    while size < length:
        word = "".join(rng.choice("aeioubdklmnprstvz") for _ in range(rng.randint(2, 9)))
        if rng.random() < 0.6:
            word = word.capitalize()
        word += rng.choice([" ", " ", " ", ". ", ", ", "-", "\n"])
        out.append(word)
        size += len(word)
    return "".join(out)[:length]


REPORT = (
    "Mevrouw J. de Vries (84) woont te Zwolle aan de Lindelaan 4, 8011 AB. "
    "Vanochtend onrustig, at weinig. Metformine 500 mg 2dd gegeven om 08:00. "
    "Dochter Anouk belde via 06-12345678 over het bezoek van 12 maart. "
    "Wond aan het linkeronderbeen verzorgd, geen tekenen van infectie. "
    "Overleg met huisartsenpraktijk De Linde, BSN 123.456.782 nagevraagd. "
    "Ziekte van Parkinson bekend; valrisico besproken in het team.\n"
)

# Every name, street and number here is invented.
KINDS: dict[str, Callable[[int], str]] = {
    "names": _repeat("Jan Piet Klaas Bakker "),
    "names-particles": _repeat("Jan van der Berg de Vries van 't Hoff ter Laan "),
    "names-lower": _repeat("jan piet klaas bakker "),
    "names-commas": _repeat("Jan Bakker, Piet de Vries, Klaas van Dam, "),
    "initials": _repeat("J.P.K. Bakker A.B. de Vries "),
    "initials-only": _repeat("A.B.C.D.E.F.G.H. "),
    "cues": _repeat("mevrouw dhr. mevr. meneer "),
    "cues-names": _repeat("mevrouw Bakker dhr. de Vries mevr. Jansen "),
    "addresses": _repeat("Lindelaan 4, 8011 AB Zwolle "),
    "postcodes": _repeat("8011 AB 1234 CD "),
    "digits": _repeat("1234567890"),
    "digits-spaced": _repeat("12 34 56 78 90 "),
    "one-word": _repeat("Zorgverlening"),
    "brackets": _repeat("(Jan) [Piet] (Klaas (Bakker)) "),
    "hyphens": _repeat("Jan-Piet-Klaas-Bakker-"),
    "hyphens-digits": _repeat("--1"),  # one word of joints: round 12b's code scan
    "dots": _repeat("Jan.Piet.Klaas.Bakker."),
    "capitalised-words": _repeat("Het Was Een Mooie Dag In De Tuin "),
    "institutions": _repeat("Zorggroep De Linde Thuiszorg Zuid Ziekenhuis "),
    "dates": _repeat("12-03-2024 12 maart 2024 "),
    "emails": _repeat("jan.bakker@voorbeeld.nl "),
    "chat": _repeat("hoi priya thx rik lars ben je er al "),
    "newlines": _repeat("Jan\nPiet\n\nKlaas\n"),
    "report": _repeat(REPORT),
    "random-words": _random_words,
    "random-unicode": _random_unicode,
}


def _cpu(run: Callable[[], object]) -> float:
    """The least CPU time of three runs (one run if it takes over three seconds): other work on
    the machine can only add to a run's time."""
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
        if best > 3:
            break
    return best


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lengths", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--kinds", nargs="+", choices=sorted(KINDS), default=list(KINDS))
    parser.add_argument("--profile", nargs=2, metavar=("KIND", "LENGTH"))
    args = parser.parse_args()
    engine, _ = loaded_engine()  # frozen: no full collection lands on a timed text
    engine.spans(REPORT)  # warm
    if args.profile:
        kind, length = args.profile
        text = KINDS[kind](int(length))
        profile = cProfile.Profile()
        profile.runcall(engine.spans, text)
        pstats.Stats(profile).sort_stats("cumulative").print_stats(30)
        return 0
    first, last = args.lengths[0], args.lengths[-1]
    head = " ".join(f"{n:>8}" for n in args.lengths)
    print("CPU seconds per text (time.process_time)")
    print(f"{'kind':<18} {'engine':<7} {head} {'growth':>7}")
    worst: dict[str, float] = {"ours": 0.0, "deduce": 0.0}
    for kind in args.kinds:
        texts = [KINDS[kind](n) for n in args.lengths]
        for name, run in (("ours", engine.spans), ("deduce", engine._deduce_document)):
            seconds = [_cpu(functools.partial(run, text)) for text in texts]
            growth = seconds[-1] / max(seconds[0], 1e-4)
            worst[name] = max(worst[name], seconds[-1])
            cells = " ".join(f"{s:8.3f}" for s in seconds)
            print(f"{kind:<18} {name:<7} {cells} {growth:6.1f}x", flush=True)
    print(f"slowest at {last:,} characters: ours {worst['ours']:.2f} s, ", end="")
    print(f"deduce {worst['deduce']:.2f} s")
    print(f"(growth: time at {last:,} / at {first:,} characters; linear is {last / first:.0f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
