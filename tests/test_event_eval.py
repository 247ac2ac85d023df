"""Quality gate for the event coder on the shared gold sets (skips when ../shared/data is absent).

The floors sit a little under the scores measured when they were set; a floor may only be raised.
Subsets keep the run short: all 322 PLOVER GSR records, the first 500 ConfliBERT quad sentences, the
first 400 ConfliBERT actor sentences.
"""

from __future__ import annotations

import pytest

from conftest import GOLD
from floors import assert_above_floors
from frontlines.evaluation import EvalContext

pytestmark = pytest.mark.slow

FLOORS = {
    "plover_gsr": {"type_accuracy": 0.835, "actor_country_accuracy": 0.85, "source_country_accuracy": 0.885,
                   "target_country_accuracy": 0.81, "sector_accuracy": 0.695},
    "conflibert_quad": {"macro_f1": 0.90},
    "conflibert_actors": {"source_f1": 0.89, "target_f1": 0.66, "reciprocal_f1": 0.775},
}
LIMITS = {"plover_gsr": None, "conflibert_quad": 500, "conflibert_actors": 400}


@pytest.fixture(scope="module")
def ctx(resources):
    if not (GOLD / "events").is_dir():
        pytest.skip(f"shared gold data not found at {GOLD}")
    return EvalContext(gold_dir=GOLD, _resources=resources)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_event_scores_stay_above_floors(ctx, name):
    assert_above_floors(ctx, name, LIMITS[name], FLOORS[name])
