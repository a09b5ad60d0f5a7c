"""Near-duplicate articles (syndicated copies, small edits): MinHash signatures, LSH bands kept in the database.

Each document's text is cut into word 3-grams; its MinHash signature (datasketch, 128 permutations, 32-bit
values) is stored with the document, and its 32 bands of 4 values are stored in ``doc_bands``. Documents that
share a band are candidates; a candidate is a near-duplicate when the estimated Jaccard similarity of the two
shingle sets is at least 0.5, or when the smaller text is at least 80% contained in the larger (a copy with a
paragraph trimmed). Linked documents form groups (connected components); ``documents.dup_group`` is the smallest
id in the group.
"""
from __future__ import annotations

import hashlib
import re
import zlib
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

import duckdb
import numpy as np
import pyarrow as pa
from datasketch import MinHash

from .ids import normalized_text

NUM_PERM = 128
BANDS, ROWS = 32, 4  # candidates from a Jaccard similarity of about (1/32) ** (1/4) = 0.42 up
SHINGLE_WORDS = 3
MIN_JACCARD = 0.5
MIN_CONTAINMENT = 0.8
MAX_LINKS = 20  # near-duplicate links recorded per new document

_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(normalized_text(text))
    if len(words) <= SHINGLE_WORDS:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + SHINGLE_WORDS]).encode("utf-8") for i in range(len(words) - SHINGLE_WORDS + 1)}


def signature(text: str) -> tuple[int, bytes]:
    """(number of distinct shingles, MinHash values as bytes) of a text."""
    grams = shingles(text)
    template = _template()
    minhash = MinHash(num_perm=NUM_PERM, hashfunc=zlib.crc32, permutations=template.permutations,
                      scheme=template.scheme)
    minhash.update_batch(grams)
    return len(grams), minhash.hashvalues.astype(np.uint32).tobytes()


@lru_cache(maxsize=1)
def _template() -> MinHash:
    """A MinHash whose permutations every signature shares (drawing them is the costly part of a new one)."""
    return MinHash(num_perm=NUM_PERM, hashfunc=zlib.crc32)  # CRC-32 is enough before MinHash's permutations


def band_hashes(values: bytes) -> list[int]:
    """One signed 64-bit hash per band of the signature."""
    size = len(values) // BANDS
    return [int.from_bytes(hashlib.blake2b(values[i * size:(i + 1) * size], digest_size=8).digest(), "big",
                           signed=True) for i in range(BANDS)]


def similarity(a: bytes, b: bytes, size_a: int, size_b: int) -> tuple[float, float]:
    """(estimated Jaccard similarity, estimated containment of the smaller set in the larger)."""
    va, vb = np.frombuffer(a, dtype=np.uint32), np.frombuffer(b, dtype=np.uint32)
    jaccard = float(np.mean(va == vb))
    if not size_a or not size_b:
        return jaccard, 0.0
    common = jaccard * (size_a + size_b) / (1 + jaccard)
    return jaccard, min(1.0, common / min(size_a, size_b))


def band_rows(doc_id: str, values: bytes) -> list[tuple[str, int, int]]:
    return [(doc_id, band, value) for band, value in enumerate(band_hashes(values))]


def insert_bands(con: duckdb.DuckDBPyConnection, rows: list[tuple[str, int, int]]) -> None:
    if not rows:
        return
    doc_ids, bands, hashes = zip(*rows, strict=True)
    table = pa.table({"doc_id": pa.array(doc_ids, pa.string()), "band": pa.array(bands, pa.int16()),
                      "hash": pa.array(hashes, pa.int64())})
    con.register("_new_bands", table)
    try:
        con.execute("INSERT INTO doc_bands SELECT doc_id, band, hash FROM _new_bands")
    finally:
        con.unregister("_new_bands")


def link(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> list[tuple[str, str, float, float]]:
    """Find and record the near-duplicates of ``doc_ids`` (whose bands are stored); returns the new pairs."""
    if not doc_ids:
        return []
    con.register("_linking", pa.table({"id": pa.array(doc_ids, pa.string())}))
    try:
        candidates = con.execute(
            "SELECT DISTINCT n.doc_id, o.doc_id FROM doc_bands n JOIN _linking l ON l.id = n.doc_id "
            "JOIN doc_bands o ON o.band = n.band AND o.hash = n.hash AND o.doc_id <> n.doc_id").fetchall()
    finally:
        con.unregister("_linking")
    pairs = {tuple(sorted(pair)) for pair in candidates}
    if not pairs:
        return []
    involved = sorted({d for pair in pairs for d in pair})
    signatures = {row[0]: (row[1], row[2]) for row in con.execute(
        "SELECT id, minhash, shingles FROM documents WHERE list_contains(?, id)", [involved]).fetchall()}
    scored = []
    for a, b in sorted(pairs):
        if a not in signatures or b not in signatures:
            continue
        jaccard, containment = similarity(signatures[a][0], signatures[b][0], signatures[a][1], signatures[b][1])
        if jaccard >= MIN_JACCARD or containment >= MIN_CONTAINMENT:
            scored.append((a, b, round(jaccard, 4), round(containment, 4)))
    # each new document keeps its MAX_LINKS closest links: enough for groups, bounded for boilerplate-heavy sites
    found, kept = [], Counter()
    new = set(doc_ids)
    for a, b, jaccard, containment in sorted(scored, key=lambda p: (-p[2], -p[3], p[0], p[1])):
        owners = [d for d in (a, b) if d in new]
        if all(kept[d] >= MAX_LINKS for d in owners):
            continue
        kept.update(owners)
        found.append((a, b, jaccard, containment))
    if found:  # new documents' pairs are new: their old pairs went with their old versions
        a, b, jaccard, containment = zip(*found, strict=True)
        con.register("_pairs", pa.table({"a": pa.array(a, pa.string()), "b": pa.array(b, pa.string()),
                                         "j": pa.array(jaccard, pa.float64()),
                                         "c": pa.array(containment, pa.float64())}))
        try:
            con.execute("INSERT INTO duplicates SELECT a, b, j, c FROM _pairs")
        finally:
            con.unregister("_pairs")
    return found


def neighbours(con: duckdb.DuckDBPyConnection, doc_ids: Iterable[str]) -> set[str]:
    ids = sorted(set(doc_ids))
    if not ids:
        return set()
    rows = con.execute("SELECT doc_id, other_id FROM duplicates WHERE list_contains(?, doc_id) "
                       "OR list_contains(?, other_id)", [ids, ids]).fetchall()
    return {d for row in rows for d in row}


def regroup(con: duckdb.DuckDBPyConnection, doc_ids: Iterable[str]) -> set[str]:
    """Recompute ``dup_group`` for the groups that contain ``doc_ids``; returns the documents whose group changed."""
    doc_ids = set(doc_ids)
    linked = neighbours(con, doc_ids)
    # a document without near-duplicates is its own group
    alone = sorted(doc_ids - linked)
    changed = {r[0] for r in con.execute("SELECT id FROM documents WHERE list_contains(?, id) AND dup_group <> id",
                                         [alone]).fetchall()} if alone else set()
    if changed:
        con.execute("UPDATE documents SET dup_group = id WHERE list_contains(?, id)", [sorted(changed)])
    pending = doc_ids & linked
    while pending:
        component = {pending.pop()}
        frontier = set(component)
        while frontier:
            frontier = neighbours(con, frontier) - component
            component |= frontier
        pending -= component
        group = min(component)
        rows = con.execute("SELECT id FROM documents WHERE list_contains(?, id) AND dup_group <> ?",
                           [sorted(component), group]).fetchall()
        if rows:
            ids = [r[0] for r in rows]
            con.execute("UPDATE documents SET dup_group = ? WHERE list_contains(?, id)", [group, ids])
            changed.update(ids)
    return changed
