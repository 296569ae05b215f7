"""Read the practice pages as a learner sees them: the tick boxes of an AI answer with their
labels, and the feedback per unit (pure HTML parsing, no browser)."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser


@dataclass
class Box:
    value: str
    label: str = ""
    checked: bool = False


@dataclass
class ReviewItem:
    status: str  # found | missed | false_alarm | right
    text: str  # everything the item says: the unit, then its verdict and explanation


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.boxes: dict[str, Box] = {}  # by input id, in page order
        self.headings: list[str] = []
        self.review: list[ReviewItem] = []
        self._label_for: str | None = None
        self._heading = False
        self._item: ReviewItem | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "input" and a.get("name") == "ticked":
            self.boxes[a["id"] or ""] = Box(value=a["value"] or "", checked="checked" in a)
        elif tag == "label" and a.get("for") in self.boxes:
            self._label_for = a["for"]
        elif tag == "p" and "carai-answer__heading" in classes:
            self._heading = True
            self.headings.append("")
        elif tag == "li" and "carai-answer-review__unit" in classes:
            status = next(c.split("--")[1] for c in classes if "--" in c)
            self._item = ReviewItem(status=status, text="")

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self._label_for = None
        elif tag == "p":
            self._heading = False
        elif tag == "li" and self._item is not None:
            self._item.text = " ".join(self._item.text.split())
            self.review.append(self._item)
            self._item = None

    def handle_data(self, data: str) -> None:
        if self._label_for is not None:
            box = self.boxes[self._label_for]
            box.label = " ".join((box.label + data).split())
        if self._heading:
            self.headings[-1] = " ".join((self.headings[-1] + data).split())
        if self._item is not None:
            self._item.text += data


def read_page(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


def boxes(html: str) -> list[Box]:
    """The tick boxes of an exercise page, in the order shown."""
    return list(read_page(html).boxes.values())


def headings(html: str) -> list[str]:
    return read_page(html).headings


def review(html: str) -> list[ReviewItem]:
    """The feedback page's units, in the order shown."""
    return read_page(html).review
