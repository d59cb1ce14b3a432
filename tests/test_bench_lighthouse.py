"""`make lighthouse` reads Lighthouse's JSON report into a score, metrics and the points lost."""

from __future__ import annotations

from typing import Any

from bench import lighthouse


def report(score: float | None, audits: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """A Lighthouse JSON report with the five weighted metrics and the given extra audits."""
    metrics = {
        key: {"id": key, "score": 1, "scoreDisplayMode": "numeric", "displayValue": f"{key} v"}
        for key, _ in lighthouse.METRICS
    }
    extra = {key: {"id": key, **audit} for key, audit in audits.items()}
    return {"categories": {"performance": {"score": score}}, "audits": {**metrics, **extra}}


def test_score_is_a_percentage() -> None:
    """Lighthouse's 0-1 performance score is shown as 0-100, as its own report does."""
    assert lighthouse.read_report("home", report(0.946, {})).score == 95


def test_metrics_keep_lighthouse_wording() -> None:
    """Each weighted metric is shown with the value Lighthouse displayed."""
    metrics = lighthouse.read_report("home", report(1, {})).metrics
    assert metrics["LCP"] == "largest-contentful-paint v"
    assert list(metrics) == ["FCP", "LCP", "TBT", "CLS", "SI"]


def test_only_failing_scored_audits_count_as_losses() -> None:
    """An audit below 0.9 is listed with its value; passing and informative ones are not."""
    audits = {
        "unused-css-rules": {
            "title": "Reduce unused CSS",
            "score": 0.5,
            "scoreDisplayMode": "metricSavings",
            "displayValue": "16 KiB",
        },
        "uses-http2": {"title": "HTTP/2", "score": 1, "scoreDisplayMode": "metricSavings"},
        "diagnostics": {"title": "Diagnostics", "score": None, "scoreDisplayMode": "informative"},
    }
    assert lighthouse.read_report("home", report(0.9, audits)).losses == [
        "Reduce unused CSS (16 KiB)"
    ]


def test_a_missing_score_counts_as_zero() -> None:
    """A run Lighthouse could not score (score null) fails any threshold."""
    assert lighthouse.read_report("home", report(None, {})).score == 0
