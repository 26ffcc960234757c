"""The compute process: real child processes, the real stages up to repair or structure (no
model), and stand-in runners (runners.py) for a record that hangs or kills the process."""

from __future__ import annotations

import base64
import json
import threading
import time

import pytest

from agents.compute import ComputeError, ComputeProcess, allowance
from agents.contracts import problems
from agents.errors import ConfigError
from agents.pipeline import Job, RecordResult
from agents.settings import Settings
from tests.unit.compute.runners import CRASH, HANG

RUNNERS = "tests.unit.compute.runners"
STORY = "Ferry resumes\n\nThe ferry resumed on Monday after a storm, the operator said.\n"


def _jobs(*values: bytes) -> list[Job]:
    return [Job(v[:8], v, {"path": f"record-{n}"}) for n, v in enumerate(values)]


def _story(n: int) -> bytes:
    return json.dumps({"id": f"story-{n}", "text": STORY}).encode()


def _letter(result: RecordResult) -> dict:
    (output,) = [o for o in result.outputs if o.role == "dlq"]
    letter = json.loads(output.value)
    assert problems(letter, "dead-letter/1") == []
    return letter


@pytest.fixture
def settings() -> Settings:
    return Settings.from_env({}, record_deadline=0.5)


def test_compute_runs_each_record_through_the_stages_in_order(settings: Settings) -> None:
    with ComputeProcess(settings, "structure") as compute:
        results = compute.run(_jobs(_story(0), b"{broken", _story(1)))
    assert [r.kind for r in results] == [None, "invalid_json", None]
    assert [o.role for o in results[0].outputs] == ["repaired", "structured"]
    assert json.loads(results[2].outputs[1].value)["id"] == "story-1"
    assert set(results[0].ms) == {"repair", "structure"}
    letter = _letter(results[1])
    assert (letter["stage"], letter["origin"]) == ("intake", {"path": "record-1"})


def test_compute_dead_letters_a_record_past_its_deadline_and_runs_the_rest(
    settings: Settings,
) -> None:
    hanging = HANG + b" and then the article text"
    with ComputeProcess(settings, "repair", runner=f"{RUNNERS}:hangs_in_repair") as compute:
        first = compute.pid
        results = compute.run(_jobs(_story(0), hanging, _story(1), _story(2)))
        assert compute.pid != first  # replaced
        assert compute.status.restarts == 1
        # The new process takes the next batch as the old one did.
        (after,) = compute.run(_jobs(_story(3)))
    assert [r.kind for r in results] == [None, "deadline", None, None]
    assert [r.outputs[0].role for r in results] == ["repaired", "dlq", "repaired", "repaired"]
    letter = _letter(results[1])
    assert (letter["kind"], letter["stage"]) == ("deadline", "repair")
    assert base64.b64decode(letter["value_b64"]) == hanging
    assert (
        letter["ran_ms"]
        >= letter["deadline_ms"]
        == pytest.approx(allowance(len(hanging), 0.5) * 1000, abs=1)
    )
    assert "deadline" in letter["reason"] and "COPYDESK_RECORD_DEADLINE" in letter["reason"]
    assert after.kind is None


def test_compute_finds_the_record_that_held_up_a_group(settings: Settings) -> None:
    values = [_story(0), _story(1), HANG + b" text", _story(2), _story(3)]
    with ComputeProcess(settings, "repair", runner=f"{RUNNERS}:hangs_in_a_group") as compute:
        results = compute.run(_jobs(*values))
        status = compute.status.snapshot()
    assert [r.kind for r in results] == [None, None, "deadline", None, None]
    assert _letter(results[2])["stage"] == "entities"
    # The group overran, then the records ran alone up to the culprit, which overran alone.
    assert status["restarts"] == 2
    assert status["dead_letters"] == {"entities/deadline": 1}


def test_compute_sets_aside_a_record_that_kills_the_process(settings: Settings) -> None:
    runner = f"{RUNNERS}:crashes_in_structure"
    with ComputeProcess(settings, "structure", runner=runner) as compute:
        results = compute.run(_jobs(_story(0), CRASH + b" text", _story(1)))
    assert [r.kind for r in results] == [None, "stage_error", None]
    letter = _letter(results[1])
    assert letter["stage"] == "structure" and "ran_ms" not in letter
    assert "died (killed by signal 9)" in letter["reason"]


def test_compute_reports_a_model_it_cannot_load_as_a_config_error() -> None:
    settings = Settings.from_env({}, model="no_such_spacy_model")
    with (
        ComputeProcess(settings, "entities") as compute,
        pytest.raises(ConfigError, match="'no_such_spacy_model' is not installed"),
    ):
        compute.start()


def test_compute_close_ends_a_run_in_progress() -> None:
    settings = Settings.from_env({}, record_deadline=600)
    compute = ComputeProcess(settings, "repair", runner=f"{RUNNERS}:hangs_in_repair")
    compute.start()
    raised: list[BaseException] = []

    def run() -> None:
        try:
            compute.run(_jobs(HANG))
        except BaseException as exc:
            raised.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    while compute.status.snapshot()["stage"] != "repair":
        time.sleep(0.01)
    compute.close()
    thread.join(30)
    assert not thread.is_alive()
    assert isinstance(raised[0], ComputeError)


def test_compute_status_counts_records_by_stage_and_outcome(settings: Settings) -> None:
    with ComputeProcess(settings, "structure") as compute:
        compute.run(_jobs(_story(0), b"", _story(1)))
        compute.run(_jobs(_story(2)))
        status = compute.status.snapshot()
    assert status["ready"] is True and compute.status.snapshot()["ready"] is False  # closed
    assert status["batches"] == 2 and status["batch_sizes"] == {3: 1, 1: 1}
    assert status["records"] == {
        "repair/ok": 3,
        "structure/ok": 3,
        "intake/dead_letter": 1,
    }
    assert status["dead_letters"] == {"intake/empty": 1}
    assert status["busy_for"] is None and status["restarts"] == 0


def test_compute_until_repair_loads_no_later_stage(settings: Settings) -> None:
    with ComputeProcess(settings, "repair", runner=f"{RUNNERS}:reports_modules") as compute:
        (result,) = compute.run(_jobs(_story(0)))
    assert result.outputs[-1].key == b"modules"
    assert result.outputs[-1].value == b""  # none of spaCy, thinc, trafilatura, lxml, geonames
