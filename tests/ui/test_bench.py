"""ui.bench measures what it says on a filled database (figures are reported, not asserted)."""
from __future__ import annotations

import pytest

from ui.bench import TARGETS, run_ui_bench

pytestmark = pytest.mark.slow


def test_ui_bench_reports_every_figure(qapp, demo_location):
    result = run_ui_bench(demo_location, messages=400, fake_posts=2, cold_runs=2)
    fake = result["fake_to_inbox_ms"]
    assert fake["arrived"] == 2 and 0 < fake["p50"] <= fake["max"] < 30_000, fake
    assert result["cases"] == result["rows_in_view"] > 300
    for key in TARGETS:
        assert isinstance(result[key], (int, float)) and result[key] > 0, (key, result.get("cold_start_error"))
    assert result["exit_code"] == 0 and result["cold_start_screen"] == "MainWindow"
    assert result["cold_start_ms"] == max(result["cold_start_runs_ms"]) and len(result["cold_start_runs_ms"]) == 2
    assert set(result["filter_repaint_ms"]) >= {"view_unassigned", "search_container", "clear"}
    frames = result["scroll_frames_ms"]
    worst = result["scroll_worst_frame"]
    assert worst["wall_ms"] == max(frames["down"] + frames["up"] + frames["up_after_jump"])
    assert 0 < worst["cpu_ms"] and isinstance(worst["collections"], list)
    assert set(result["within_targets"]) == set(TARGETS)
    cold = result["from_cold_cache"]  # a short list needs no landmarks: nothing to wait for
    assert cold["first_paint_ms"] > 0 and cold["jump_to_middle_ms"] > 0 and cold["jump_with_landmarks_ms"] > 0
    assert cold["landmarks_ready_s"] is None


def test_cold_start_reaches_the_first_screen_of_an_empty_database(tmp_path):
    from ui.bench import cold_start_ms

    outcome = cold_start_ms(tmp_path / "empty", None)  # nobody in it yet: the welcome screen is the first screen
    assert outcome["exit_code"] == 0 and outcome["cold_start_ms"] > 0, outcome
    assert outcome["cold_start_screen"] == "WelcomeDialog"
