#!/usr/bin/env bash
# The unit, integration and page tests again at moments where date code goes wrong (the year
# changing in the person's zone, 29 February, the spring clock change; see tests/conftest.py).
# The three runs go side by side. Each leaves out what cannot depend on the date (modules marked
# `timeless`) and the PostgreSQL variants of storage tests (the same date code on another
# backend, which the main run covers), so the three take about two minutes on two cores.
# Usage: tests/at_awkward_moments.sh [python]
set -uo pipefail
python=${1:-python3}
moments=(new-year leap-day clocks-change)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pids=()
for moment in "${moments[@]}"; do
	"$python" -m pytest -q --no-header -p no:cacheprovider --clock "$moment" \
		-m "not timeless" -k "not postgresql" \
		--basetemp "$work/tmp-$moment" tests/unit tests/integration tests/app \
		>"$work/$moment.log" 2>&1 &
	pids+=("$!")
done
status=0
for index in "${!moments[@]}"; do
	moment=${moments[$index]}
	if wait "${pids[$index]}"; then
		echo "At the awkward moment '$moment':"
		tail -n 1 "$work/$moment.log"
	else
		status=1
		echo "At the awkward moment '$moment' the tests failed:"
		cat "$work/$moment.log"
	fi
done
exit "$status"
