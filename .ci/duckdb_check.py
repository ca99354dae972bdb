#!/usr/bin/env python3
"""Queries the Parquet files of `examples/export.rs` with DuckDB and checks
them against the report's `--json` figures for the same input.

usage: duckdb_check.py DIR REPORT_JSON

Checks: the count of events; the nearest-rank p50 and p90 of the time to
resolve of the incidents, over all and by impact (the recipe of the docs of
`incident_model::formats::arrow`); each component's total weighted downtime
(the sum of its intervals against the sum of the report's rows, within the
report's truncation to the millisecond per row). Runs the documented 90-day
uptime recipe and checks each figure is in [0, 1].

Exits 0 when every check holds, 1 otherwise, printing each breach.
"""
import json
import math
import os
import sys

import duckdb


def nearest_rank(values, percentile):
    if not values:
        return None
    values = sorted(values)
    rank = max(1, math.ceil(percentile * len(values) / 100))
    return values[rank - 1]


def main(folder, report_path):
    with open(report_path, encoding="utf-8") as file:
        report = json.load(file)
    events = os.path.join(folder, "events.parquet")
    intervals = os.path.join(folder, "component_intervals.parquet")
    db = duckdb.connect()
    breaches = []

    def check(what, got, expected):
        if got != expected:
            breaches.append(f"{what}: duckdb {got!r}, report {expected!r}")

    rows = report["incidents"]
    summary = report["summary"]
    (count,) = db.execute(f"SELECT count(*) FROM '{events}'").fetchone()
    check("events", count, len(rows))
    check("events", count, summary["incidents"] + summary["maintenances"])

    # Nearest rank: the 1-based rank ceil(p n) of the sorted sample, as the recipe.
    percentile = """
        SELECT {key} AS key, count(*) AS n,
               list_sort(list(time_to_resolve_s))[greatest(1, ceil(0.5 * count(*))::BIGINT)] AS p50,
               list_sort(list(time_to_resolve_s))[greatest(1, ceil(0.9 * count(*))::BIGINT)] AS p90
        FROM '{events}'
        WHERE kind = 'incident' AND time_to_resolve_s IS NOT NULL
        GROUP BY ALL"""
    overall = db.execute(percentile.format(key="'all'", events=events)).fetchall()
    figures = summary["time_to_resolve"]
    got = overall[0][1:] if overall else (0, None, None)
    check("time to resolve (count, p50, p90)", tuple(got), (figures["count"], figures["p50"], figures["p90"]))
    by_impact = {key: (n, p50, p90) for key, n, p50, p90 in db.execute(percentile.format(key="impact", events=events)).fetchall()}
    expected_by_impact = {
        impact: (group["time_to_resolve"]["count"], group["time_to_resolve"]["p50"], group["time_to_resolve"]["p90"])
        for impact, group in summary["by_impact"].items()
        if group["time_to_resolve"]["count"] > 0
    }
    check("time to resolve by impact", by_impact, expected_by_impact)
    # The report's summary agrees with its own rows, by the same rule.
    resolve = [row["time_to_resolve_s"] for row in rows if row["kind"] == "incident" and row["time_to_resolve_s"] is not None]
    if figures["p90"] != nearest_rank(resolve, 90):
        breaches.append(f"the report's p90 {figures['p90']} is not the nearest rank of its rows, {nearest_rank(resolve, 90)}")

    # Each component's total weighted downtime.
    downtime = dict(db.execute(f"SELECT component_id, sum(weighted_downtime_s) FROM '{intervals}' GROUP BY ALL").fetchall())
    expected, pieces = {}, {}
    for row in rows:
        for component in row["affected_components"]:
            key = component["id"]
            expected[key] = expected.get(key, 0.0) + component["weighted_downtime_s"]
            pieces[key] = pieces.get(key, 0) + 1
    for key in sorted(set(downtime) | set(expected)):
        got, want = downtime.get(key, 0.0), expected.get(key, 0.0)
        # The report truncates each row's figure to the millisecond.
        if not (want - 1e-6 <= got < want + 0.001 * pieces.get(key, 1) + 1e-6):
            breaches.append(f"weighted downtime of {key}: duckdb {got}, report {want}")

    # The documented uptime recipe runs, and gives ratios.
    uptime = UPTIME.format(events=events, intervals=intervals)
    for page, component, ratio in db.execute(uptime).fetchall():
        if not 0.0 <= ratio <= 1.0:
            breaches.append(f"90-day uptime of {page}/{component}: {ratio}")

    for breach in breaches:
        print(breach)
    print(
        f"duckdb: {count} events, {figures['count']} resolved incidents (p50 {figures['p50']} s, "
        f"p90 {figures['p90']} s), {len(downtime)} components with downtime: "
        + ("mismatch" if breaches else "equal to the report")
    )
    return 1 if breaches else 0


# The 90-day uptime recipe of the docs (`src/formats/arrow/mod.rs`).
UPTIME = """
WITH window_end AS (SELECT max(measured_until) AS t FROM '{events}'),
clipped AS (
  SELECT page, component_id, weight,
         greatest(since, t - INTERVAL 90 DAY) AS since, least(until, t) AS until
  FROM '{intervals}', window_end
  WHERE until > t - INTERVAL 90 DAY AND since < t),
cuts AS (SELECT page, component_id, since AS cut FROM clipped
         UNION SELECT page, component_id, until FROM clipped),
pieces AS (
  SELECT page, component_id, cut AS since,
         lead(cut) OVER (PARTITION BY page, component_id ORDER BY cut) AS until
  FROM cuts),
weighed AS (
  SELECT p.page, p.component_id, p.since, p.until, max(c.weight) AS weight
  FROM pieces p JOIN clipped c
    ON c.page = p.page AND c.component_id = p.component_id
   AND c.since <= p.since AND c.until >= p.until
  WHERE p.until IS NOT NULL
  GROUP BY ALL)
SELECT page, component_id,
       1 - sum(weight * epoch(until - since)) / (90 * 86400) AS uptime
FROM weighed GROUP BY ALL ORDER BY page, component_id
"""

if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
