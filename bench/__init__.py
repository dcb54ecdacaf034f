"""The performance benchmark: `make bench` (see the Performance section of README.md)."""
