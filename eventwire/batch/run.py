"""The driver of a batch job: plan the partitions, skip those already written, run the rest on Ray, report.

Ray Data carries one row per partition to a pool of ``Extractor`` actors (``ActorPoolStrategy``), one task in
flight per actor so that the pool stays balanced to the end. A worker that dies (killed, out of memory) is
restarted by Ray and its partition retried (Ray Data's defaults). A partition whose task raises (the disk is full)
is left unwritten (``max_errored_blocks``) while the job goes on; the report names it and a re-run does it.
"""
from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import __version__
from ..config import Settings
from ..errors import EventwireError, UsageError
from ..records import SCHEMA
from .output import FORMATS, read_manifest, remove_leftovers, write_manifest, written_digests
from .plan import Partition, plan

EXTRA_HINT = 'pip install "eventwire[batch]" (in a checkout: pip install -e ".[batch]")'


#: articles parsed together in a worker unless set: a third of the peak memory of 32 at the same speed (measured
#: on the Wikinews corpus, docs/benchmarks.md), which is what counts with one worker per CPU
WORKER_BATCH_SIZE = 8


def worker_settings(batch_size: int | None = None, model: str | None = None) -> Settings:
    """The workers' settings: ``EVENTWIRE_*`` as for ``extract``, but ``WORKER_BATCH_SIZE`` articles per batch
    unless ``batch_size`` or ``EVENTWIRE_BATCH_SIZE`` says otherwise."""
    if batch_size is None and not os.environ.get("EVENTWIRE_BATCH_SIZE"):
        batch_size = WORKER_BATCH_SIZE
    return Settings.from_env(batch_size=batch_size, model=model)


class MissingExtra(UsageError):
    code = "missing_extra"


def require_batch_extra() -> None:
    """Raise ``MissingExtra`` naming the install command when Ray (with Ray Data) is missing."""
    try:
        import ray.data  # noqa: F401
    except ImportError as error:
        raise MissingExtra(f"eventwire batch needs Ray (ray[data]), which is not installed ({error}); install the "
                           f"batch extra: {EXTRA_HINT}") from None


@dataclass
class Progress:
    """What a job has done so far (passed to the progress callback after each partition)."""

    total: int
    skipped: int
    done: int = 0
    articles: int = 0
    errors: int = 0
    started: float = field(default_factory=time.perf_counter)
    last: Partition | None = None

    @property
    def rate(self) -> float:
        return self.articles / max(time.perf_counter() - self.started, 1e-9)

    def line(self) -> str:
        todo = self.total - self.skipped
        elapsed = time.perf_counter() - self.started
        left = elapsed / self.done * (todo - self.done) if self.done else 0.0
        where = f" ({self.last.describe()})" if self.last else ""
        return (f"eventwire: batch {self.done}/{todo} partitions{where}: {self.articles} articles, "
                f"{self.errors} errors, {self.rate:.1f}/s, about {left / 60:.0f} min left")


@dataclass
class BatchReport:
    output: Path
    partitions: int
    skipped: int
    written: int = 0
    articles: int = 0
    errors: int = 0
    failed: list[str] = field(default_factory=list)  # partitions not written (their worker died)
    stale: list[str] = field(default_factory=list)  # partition files in the folder that this job did not plan
    workers: int = 0
    ray_start_s: float = 0.0
    run_s: float = 0.0  # from Ray's start to the last partition
    work_s: float = 0.0  # from the first partition's start to the last partition's end (workers busy)
    cpu_s: float = 0.0  # CPU time the workers spent on partitions, all together
    busy_s: float = 0.0  # wall time the workers spent on partitions, all together (busy_s / work_s: workers busy)
    worker_peak_mb: float = 0.0
    worker_load_s: float = 0.0


def _start_ray(address: str | None, workers: int | None) -> bool:
    """Connect to (or start) Ray; True when this call started it and should shut it down."""
    import ray

    if ray.is_initialized():
        return False
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # never phone home from a local run
    options: dict[str, Any] = {"logging_level": logging.WARNING, "log_to_driver": True}
    if address is None and not os.environ.get("RAY_ADDRESS"):
        # a Ray of our own on this machine (never one that `ray start` left running), as many CPUs as workers
        address = "local"
        options.update(num_cpus=max(workers or 0, os.cpu_count() or 1), include_dashboard=False,
                       object_store_memory=300 * 1024 * 1024)
    try:
        ray.init(address=address, **options)
    except (ConnectionError, ValueError, RuntimeError) as error:
        target = address or os.environ.get("RAY_ADDRESS")
        where = "start a local Ray" if target == "local" else f"connect to Ray at {target}"
        raise UsageError(f"cannot {where}: {error}") from error
    return True


def _cluster_cpus() -> int:
    import ray

    return max(1, int(ray.cluster_resources().get("CPU", 1)))


def run_batch(inputs: Sequence[str], output: str | os.PathLike[str], *, address: str | None = None,
              workers: int | None = None, fmt: str = "parquet", partition_size: int = 500,
              settings: Settings | None = None, published: str | None = None,
              progress: Callable[[Progress], None] | None = None) -> BatchReport:
    """Extract ``inputs`` into partition files under ``output``; partitions already there are skipped.

    With a Ray Client address (``ray://``), the job's driver runs as a task on the cluster (Ray Data cannot drive
    a job through Ray Client): paths are made absolute here and must name the same files there."""
    require_batch_extra()
    if address and address.startswith("ray://"):
        return _run_through_client(address, [os.path.abspath(p) for p in inputs], os.path.abspath(output),
                                   workers=workers, fmt=fmt, partition_size=partition_size, settings=settings,
                                   published=published, progress=progress is not None)
    if fmt not in FORMATS:
        raise UsageError(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if workers is not None and workers < 1:
        raise UsageError("--workers must be at least 1")
    settings = settings or worker_settings()
    if published:
        from ..ingest.readers import normalize_published

        try:
            normalize_published(published, "--published")
        except EventwireError as error:
            raise UsageError(str(error)) from error
    directory = Path(output)
    if directory.exists() and not directory.is_dir():
        raise UsageError(f"--output must be a folder: {directory} is a file")
    directory.mkdir(parents=True, exist_ok=True)
    previous = read_manifest(directory)
    if previous and previous.get("format") != fmt:
        raise UsageError(f"{directory} holds {previous.get('format')} output; use --format {previous.get('format')}"
                         " or another folder")

    partitions = plan(inputs, partition_size)
    written = written_digests(directory, fmt)
    planned = {p.digest for p in partitions}
    pending = [p for p in partitions if p.digest not in written]
    remove_leftovers(directory)
    write_manifest(directory, {
        "schema": SCHEMA, "eventwire": __version__, "format": fmt, "partition_size": partition_size,
        "model": settings.model, "inputs": list(map(str, inputs)),
        "partitions": [{"name": p.name, "kind": p.kind, "reads": p.describe()} for p in partitions],
    })
    report = BatchReport(directory, len(partitions), len(partitions) - len(pending),
                         stale=sorted(path.name for digest, path in written.items() if digest not in planned))
    if not pending:
        return report

    import ray
    from ray.data import ActorPoolStrategy, DataContext

    from .worker import Extractor

    started = time.perf_counter()
    owned = _start_ray(address, workers)
    report.ray_start_s = time.perf_counter() - started
    try:
        context = DataContext.get_current()
        context.enable_progress_bars = False
        context.max_errored_blocks = -1  # a partition whose worker died is reported, not fatal
        logging.getLogger("ray.data").setLevel(logging.WARNING)
        logging.getLogger("ray.data._internal.progress").setLevel(logging.ERROR)  # our lines replace the bars
        report.workers = min(workers or _cluster_cpus(), len(pending))
        dataset = ray.data.from_items([{"task": p.to_json()} for p in pending], override_num_blocks=len(pending))
        dataset = dataset.map_batches(
            Extractor, batch_size=1, num_cpus=1,
            compute=ActorPoolStrategy(size=report.workers, max_tasks_in_flight_per_actor=1),
            fn_constructor_kwargs={"output": str(directory.resolve()), "fmt": fmt, "settings": settings,
                                   "published": published, "cwd": os.getcwd()})
        by_name = {p.name: p for p in pending}
        state = Progress(total=len(partitions), skipped=report.skipped)
        seen = set()
        first_start = None
        for row in dataset.iter_rows():
            now = time.perf_counter()
            first_start = min(first_start or now, now - float(row["seconds"]))
            report.work_s = now - first_start
            seen.add(row["name"])
            state.done += 1
            state.articles += int(row["articles"])
            state.errors += int(row["errors"])
            state.last = by_name.get(row["name"])
            report.cpu_s += float(row["cpu_s"])
            report.busy_s += float(row["seconds"])
            report.worker_peak_mb = max(report.worker_peak_mb, float(row["peak_mb"]))
            report.worker_load_s = max(report.worker_load_s, float(row["load_s"]))
            if progress:
                progress(state)
        report.written, report.articles, report.errors = state.done, state.articles, state.errors
        report.failed = [p.name for p in pending if p.name not in seen]
    except EventwireError:
        raise
    except Exception as error:  # Ray's own failures (a worker that cannot import eventwire, a lost cluster)
        raise EventwireError(f"the batch job stopped: {type(error).__name__}: {error}. Partitions written so far "
                             f"are kept; a re-run does the rest. (Are eventwire and its batch extra installed on "
                             f"every worker? {EXTRA_HINT})", "batch_failed") from error
    finally:
        report.run_s = time.perf_counter() - started - report.ray_start_s
        if owned:
            ray.shutdown()
    return report


def _remote_job(inputs: list[str], output: str, progress: bool, **options: Any) -> BatchReport:
    """``run_batch`` inside the cluster (a Ray task); its progress lines reach the client as task output."""
    return run_batch(inputs, output, progress=print_progress if progress else None, **options)


def _run_through_client(address: str, inputs: list[str], output: str, progress: bool,
                        **options: Any) -> BatchReport:
    import ray

    started = time.perf_counter()
    owned = _start_ray(address, None)
    try:
        job = ray.remote(num_cpus=0, max_retries=0)(_remote_job)
        report = ray.get(job.remote(inputs, output, progress, **options))
    except EventwireError:
        raise
    except Exception as error:
        cause = getattr(error, "cause", None)
        if isinstance(cause, EventwireError):  # a usage error raised on the cluster
            raise cause from None
        raise EventwireError(f"the batch job stopped: {type(error).__name__}: {error}", "batch_failed") from error
    finally:
        if owned:
            ray.shutdown()
    report.ray_start_s = time.perf_counter() - started - report.run_s
    return report


def print_progress(state: Progress) -> None:
    print(state.line(), file=sys.stderr, flush=True)
