"""An event as an iCalendar file (RFC 5545), to add it to one's own calendar.

Pure text work: CRLF line ends, lines folded at 75 octets, TEXT values escaped
(backslash, semicolon, comma, new line), times in UTC with a ``Z``, a stable UID per event
and a DTSTAMP of when the file was made."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

PRODID = "-//CARAI//Community events//NL"


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    title: str
    starts_at: datetime
    ends_at: datetime
    description: str = ""
    location: str = ""
    url: str = ""


def ics_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def ics_text(value: str) -> str:
    """Escape a TEXT value (RFC 5545, 3.3.11)."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    for plain, escaped in (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\n", "\\n")):
        value = value.replace(plain, escaped)
    return value


def ics_fold(line: str) -> str:
    """Fold a content line into pieces of at most 75 octets (never inside a character)."""
    pieces: list[str] = []
    current = ""
    limit = 75
    for char in line:
        if len((current + char).encode()) > limit:
            pieces.append(current)
            current = char
            limit = 74  # continuation lines start with a space
        else:
            current += char
    pieces.append(current)
    return "\r\n ".join(pieces)


def ics_calendar(event: CalendarEvent, *, now: datetime) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{event.uid}",
        f"DTSTAMP:{ics_time(now)}",
        f"DTSTART:{ics_time(event.starts_at)}",
        f"DTEND:{ics_time(event.ends_at)}",
        f"SUMMARY:{ics_text(event.title)}",
    ]
    if event.description:
        lines.append(f"DESCRIPTION:{ics_text(event.description)}")
    if event.location:
        lines.append(f"LOCATION:{ics_text(event.location)}")
    if event.url:
        lines.append(f"URL:{event.url}")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "".join(ics_fold(line) + "\r\n" for line in lines)
