"""Coded errors.

    EventwireError                 base class; ``code`` is a short stable string, ``str()`` a sentence
    ├── InputProblem               an input cannot become an article (empty, binary, undecodable, too large,
    │                              malformed JSONL line, unknown kind); becomes an error record, the run goes on
    └── UsageError                 the command was called wrongly (no such file, bad --published); exit status 2

Stages never raise for a bad article: the pipeline turns an unexpected exception into an error record
(code ``extract_failed``) so that one article never stops a run.
"""
from __future__ import annotations


class EventwireError(Exception):
    code = "error"

    def __init__(self, message: str, code: str | None = None):
        super().__init__(message)
        if code:
            self.code = code

    @property
    def message(self) -> str:
        return str(self)


class InputProblem(EventwireError):
    code = "bad_input"


class UsageError(EventwireError):
    code = "usage"
