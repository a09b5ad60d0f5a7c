"""What a write did: ``IngestSummary`` (counts, timings) and one ``Outcome`` per result."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Outcome:
    record_id: str  # the record's own id (file name, JSONL id, URL)
    doc_id: str | None  # the store's id (None for an error)
    status: str  # added | replaced | unchanged | skipped | error
    code: str | None = None  # error code
    message: str | None = None  # error message


@dataclass
class IngestSummary:
    added: int = 0
    replaced: int = 0
    unchanged: int = 0  # already stored with the same content: nothing written
    errors: int = 0
    mentions: int = 0  # event mentions written
    events_touched: int = 0  # events created or updated
    near_duplicates: int = 0  # near-duplicate links found
    seconds: float = 0.0
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def processed(self) -> int:
        return self.added + self.replaced + self.unchanged + self.errors

    @property
    def documents(self) -> list[str]:
        """The store ids of the documents added, replaced or found unchanged, in input order."""
        return [o.doc_id for o in self.outcomes if o.doc_id]

    def merge(self, other: IngestSummary) -> None:
        for name in ("added", "replaced", "unchanged", "errors", "mentions", "events_touched", "near_duplicates"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.outcomes.extend(other.outcomes)

    def to_dict(self, outcomes: bool = True) -> dict[str, Any]:
        out = {k: v for k, v in asdict(self).items() if k != "outcomes"}
        out["seconds"] = round(self.seconds, 3)
        if outcomes:
            out["outcomes"] = [asdict(o) for o in self.outcomes]
        return out

    def line(self) -> str:
        """One line for the terminal."""
        rate = self.processed / self.seconds if self.seconds else 0.0
        return (f"{self.processed} articles: {self.added} added, {self.replaced} replaced, {self.unchanged} "
                f"unchanged, {self.errors} errors; {self.mentions} event mentions, {self.events_touched} events "
                f"touched, {self.near_duplicates} near-duplicates; {self.seconds:.1f} s ({rate:.1f} articles/s)")
