"""Ingest: inputs (files, folders, JSONL records, strings) to ``Article`` records or ``InputError``s."""
from .readers import article_from_record, article_from_text, expand, read_file, read_inputs, read_jsonl_text

__all__ = ["article_from_record", "article_from_text", "expand", "read_file", "read_inputs", "read_jsonl_text"]
