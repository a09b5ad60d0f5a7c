"""A readable summary of document records, for the terminal (``eventwire show``, ``eventwire demo``)."""
from __future__ import annotations

import textwrap
from collections.abc import Iterable
from typing import Any


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def _actor_label(actors: dict[str, dict], ids: list[str]) -> str:
    names = [actors[i].get("code") or actors[i].get("name") or i for i in ids if i in actors]
    return "+".join(names) if names else "-"


def _distinct(labels: Iterable[str]) -> list[str]:
    """Each label once, in first-seen order, with ``\u00d7N`` when it occurs N > 1 times."""
    counts: dict[str, int] = {}
    for label in labels:
        counts[label] = counts.get(label, 0) + 1
    return [f"{label} \u00d7{n}" if n > 1 else label for label, n in counts.items()]


def summarize(record: dict[str, Any], width: int = 100, limit: int = 8) -> str:
    """Several lines describing one record: date, counts, then the first events, quotes, places and times."""
    if "error" in record:
        return f"{record.get('id')}: ERROR [{record['error'].get('code')}] {record['error'].get('message')}"
    published = record.get("published") or {}
    head = (f"{record.get('id')}  {record.get('title') or ''}".rstrip() + "\n"
            f"  published {published.get('value') or 'unknown'} ({published.get('origin')}, "
            f"confidence {published.get('confidence')})  language {record.get('language')}  "
            f"{len(record.get('text') or '')} chars")
    lines = [head]
    for warning in record.get("warnings") or []:
        lines.append(f"  warning [{warning.get('code')}]: {warning.get('message')}")
    counts = ", ".join(f"{len(record.get(k) or [])} {k}" for k in ("actors", "events", "quotes", "times", "places"))
    lines.append(f"  {counts}")
    text = record.get("text") or ""
    actors = {a["id"]: a for a in record.get("actors") or []}
    places = {p["id"]: p for p in record.get("places") or []}
    events = record.get("events") or []
    if events:
        lines.append("  events:")
        for e in events[:limit]:
            date = (e.get("date") or {}).get("value") or "?"
            place = places.get(e.get("place") or "", {}).get("name") or ""
            trigger = text[e["trigger"][0]:e["trigger"][1]] if e.get("trigger") else ""
            lines.append(f"    {_actor_label(actors, e.get('source') or []):>12} -> "
                         f"{_actor_label(actors, e.get('target') or []):<12} {e.get('cameo'):<5} "
                         f"{(e.get('plover') or '-'):<10} {e.get('modality'):<12} {date:<10} {place:<12} "
                         f"'{_clip(trigger, 24)}'")
        if len(events) > limit:
            lines.append(f"    ... {len(events) - limit} more")
    quotes = record.get("quotes") or []
    if quotes:
        lines.append("  quotes:")
        for q in quotes[:limit]:
            speaker = actors.get(q.get("speaker") or "", {}).get("name") or "(unknown)"
            lines.append(f"    {speaker} ({q.get('kind')}, '{q.get('cue')}'): "
                         f"\u201c{_clip(q.get('text') or '', width - 30 - len(speaker))}\u201d")
        if len(quotes) > limit:
            lines.append(f"    ... {len(quotes) - limit} more")
    if record.get("places"):
        lines.append(textwrap.fill("  places: " + "; ".join(_distinct(
            f"{p.get('text')}\u2192{p.get('name') or '?'}"
            + (f" ({p['lat']:.2f},{p['lon']:.2f})" if p.get("lat") is not None else "") for p in record["places"])),
            width, subsequent_indent="    "))
    if record.get("times"):
        values = _distinct(f"{t.get('text')}={t.get('value')}" for t in record["times"])
        lines.append(textwrap.fill("  times: " + "; ".join(values), width, subsequent_indent="    "))
    return "\n".join(lines)


def summarize_all(records: Iterable[dict[str, Any]], width: int = 100) -> str:
    return "\n\n".join(summarize(r, width) for r in records)
