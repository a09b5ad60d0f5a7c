"""The store's schema as ordered migrations, each recorded in ``schema_migrations`` when applied.

A migration is a version number, a name and a list of SQL statements; they run in order, each in its own
transaction together with its row in ``schema_migrations``. Never edit a released migration: add a new one.
Spans are ``[start, end)`` character offsets into ``documents.text``; lists of spans are ``INTEGER[][]``.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import duckdb


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    statements: tuple[str, ...]


_TABLES = (
    """CREATE TABLE schema_migrations (
        version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)""",
    # one row per article; ``text`` is the cleaned body text every span points into
    """CREATE TABLE documents (
        id VARCHAR PRIMARY KEY, record_id VARCHAR, url VARCHAR, canonical_url VARCHAR, source VARCHAR,
        title VARCHAR, language VARCHAR, published VARCHAR, published_day DATE, published_origin VARCHAR,
        published_confidence DOUBLE, published_evidence INTEGER[][], text VARCHAR NOT NULL, sentences INTEGER[][],
        warnings VARCHAR, input VARCHAR, content_hash VARCHAR NOT NULL, dup_group VARCHAR NOT NULL,
        shingles INTEGER, minhash BLOB, extra VARCHAR, extractor VARCHAR, ingested_at TIMESTAMP NOT NULL)""",
    """CREATE TABLE actors (
        doc_id VARCHAR NOT NULL, id VARCHAR NOT NULL, seq INTEGER, name VARCHAR, type VARCHAR, country VARCHAR,
        sector VARCHAR, role VARCHAR, code VARCHAR, key VARCHAR, mentions INTEGER[][], extra VARCHAR,
        PRIMARY KEY (doc_id, id))""",
    """CREATE TABLE places (
        doc_id VARCHAR NOT NULL, id VARCHAR NOT NULL, seq INTEGER, text VARCHAR, span_start INTEGER, span_end INTEGER,
        name VARCHAR, geonameid BIGINT, lat DOUBLE, lon DOUBLE, country VARCHAR, feature VARCHAR, precision VARCHAR,
        extra VARCHAR, PRIMARY KEY (doc_id, id))""",
    """CREATE TABLE times (
        doc_id VARCHAR NOT NULL, id VARCHAR NOT NULL, seq INTEGER, text VARCHAR, span_start INTEGER, span_end INTEGER,
        type VARCHAR, value VARCHAR, value_end VARCHAR, extra VARCHAR, PRIMARY KEY (doc_id, id))""",
    """CREATE TABLE quotes (
        doc_id VARCHAR NOT NULL, id VARCHAR NOT NULL, seq INTEGER, speaker VARCHAR, speaker_start INTEGER,
        speaker_end INTEGER, cue VARCHAR, cue_start INTEGER, cue_end INTEGER, text VARCHAR, span_start INTEGER,
        span_end INTEGER, kind VARCHAR, extra VARCHAR, PRIMARY KEY (doc_id, id))""",
    # one row per event found in an article (the record's ``events``); ``event_id`` is the event it belongs to
    """CREATE TABLE event_mentions (
        id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, local_id VARCHAR NOT NULL, seq INTEGER, event_id VARCHAR,
        cameo VARCHAR, root VARCHAR, plover VARCHAR, quad_class INTEGER, goldstein DOUBLE, modality VARCHAR,
        mclass VARCHAR, date VARCHAR, date_value VARCHAR, day_lo DATE, day_hi DATE, coarse VARCHAR,
        place VARCHAR, source VARCHAR[], target VARCHAR[], source_keys VARCHAR[], target_keys VARCHAR[],
        actor_index VARCHAR[],
        sentence INTEGER, trigger_start INTEGER, trigger_end INTEGER, evidence_start INTEGER, evidence_end INTEGER,
        evidence_hash VARCHAR, lead BOOLEAN, confidence DOUBLE, extra VARCHAR)""",
    # one row per event across articles: the representative values of its mentions, counts and agreement
    """CREATE TABLE events (
        id VARCHAR PRIMARY KEY, num BIGINT NOT NULL, cameo VARCHAR, root VARCHAR, plover VARCHAR,
        quad_class INTEGER, goldstein DOUBLE, modality VARCHAR, date VARCHAR, day_start DATE, day_end DATE,
        place_name VARCHAR, geonameid BIGINT, lat DOUBLE, lon DOUBLE, place_country VARCHAR, place_feature VARCHAR,
        source_key VARCHAR, source_name VARCHAR, source_code VARCHAR, source_country VARCHAR, source_sector VARCHAR,
        target_key VARCHAR, target_name VARCHAR, target_code VARCHAR, target_country VARCHAR, target_sector VARCHAR,
        actor_text VARCHAR, countries VARCHAR[], sites VARCHAR[], mentions INTEGER, articles INTEGER,
        sources INTEGER, independent INTEGER, agree_code DOUBLE, agree_date DOUBLE, agree_place DOUBLE,
        agree_source DOUBLE, agree_target DOUBLE, agree_modality DOUBLE, lead BOOLEAN, confidence DOUBLE,
        first_published VARCHAR, url VARCHAR, first_added TIMESTAMP, updated_at TIMESTAMP)""",
    # near-duplicate articles (syndicated copies, small edits): one row per pair, doc_id < other_id
    """CREATE TABLE duplicates (
        doc_id VARCHAR NOT NULL, other_id VARCHAR NOT NULL, similarity DOUBLE, containment DOUBLE,
        PRIMARY KEY (doc_id, other_id))""",
    # MinHash bands (locality-sensitive hashing): documents sharing a band are near-duplicate candidates
    """CREATE TABLE doc_bands (doc_id VARCHAR NOT NULL, band SMALLINT NOT NULL, hash BIGINT NOT NULL)""",
    # inputs that could not become documents, with their error
    """CREATE TABLE errors (
        input VARCHAR PRIMARY KEY, record_id VARCHAR, code VARCHAR, message VARCHAR, attempts INTEGER,
        first_seen TIMESTAMP, last_seen TIMESTAMP)""",
)

_VIEWS = (
    # each mention with its article and the words of its evidence, for ``eventwire sql``
    """CREATE VIEW mention_details AS
        SELECT m.id, m.event_id, m.doc_id, d.title, d.url, d.source, d.published, m.cameo, m.plover, m.modality,
               m.date_value, m.sentence, m.trigger_start, m.trigger_end,
               substr(d.text, m.trigger_start + 1, m.trigger_end - m.trigger_start) AS trigger_text,
               substr(d.text, m.evidence_start + 1, m.evidence_end - m.evidence_start) AS evidence_text
        FROM event_mentions m JOIN documents d ON d.id = m.doc_id""",
    """CREATE VIEW quote_details AS
        SELECT q.doc_id, q.id, a.name AS speaker_name, a.code AS speaker_code, q.cue, q.kind, q.text,
               d.title, d.url, d.source, d.published
        FROM quotes q JOIN documents d ON d.id = q.doc_id
        LEFT JOIN actors a ON a.doc_id = q.doc_id AND a.id = q.speaker""",
)

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "tables: documents, actors, places, times, quotes, event_mentions, events, duplicates, errors",
              _TABLES),
    Migration(2, "views: mention_details, quote_details", _VIEWS),
)

LATEST = MIGRATIONS[-1].version


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    """The highest migration applied (0 for an empty database)."""
    exists = con.execute("SELECT count(*) FROM information_schema.tables "
                         "WHERE table_name = 'schema_migrations' AND table_schema = 'main'").fetchall()[0][0]
    if not exists:
        return 0
    return int(con.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchall()[0][0])


def migrate(con: duckdb.DuckDBPyConnection, upto: int = LATEST) -> list[int]:
    """Apply the pending migrations up to ``upto``; returns the versions applied."""
    applied = []
    for migration in MIGRATIONS:
        if migration.version <= current_version(con) or migration.version > upto:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            for statement in migration.statements:
                con.execute(statement)
            con.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)",
                        [migration.version, migration.name, datetime.now(UTC).replace(tzinfo=None)])
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        applied.append(migration.version)
    return applied


TABLES = ("documents", "actors", "places", "times", "quotes", "event_mentions", "events", "duplicates", "doc_bands",
          "errors", "schema_migrations")
