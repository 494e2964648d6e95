from django.apps import AppConfig


class BenchConfig(AppConfig):
    """The benchmark: a large deterministic data set and the measurements (docs/performance.md)."""

    name = "bench"
    verbose_name = "Benchmark"
