"""Benchmarks: speed targets are measured here and written down in bench/README.md, not tested."""
