"""Benchmarks: a synthetic corpus generator and the `invoke bench` runner (see benchmarks/bench.py)."""
