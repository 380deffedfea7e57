"""Load test: people loading the page, choosing trigger points and ranking pain drawings (run by bench/run.py).

Each simulated user opens the page (the page, its layout and its callback list), then, after a pause
like a person's, either selects a trigger point or marks a few painful areas: both are the one
server request the browser sends per action (the panel and the address for a new screen state).
"""

from __future__ import annotations

import json
import os
import random
import sys
from pathlib import Path

from locust import HttpUser, between, task

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench import dashreq  # noqa: E402

ATLAS = json.loads(os.environ.get("BENCH_ATLAS", '{"tps": [], "regions": []}'))
THINK = (float(os.environ.get("BENCH_THINK_MIN", 1)), float(os.environ.get("BENCH_THINK_MAX", 5)))


def render_request(dependencies: list, state: dict) -> dict:
    """The request the browser sends when the screen state changes."""
    callback = dashreq.find(dependencies, "screen-state", "data", "side-panel.children")
    return dashreq.request(callback, {"screen-state.data": state}, "screen-state.data")


class Visitor(HttpUser):
    wait_time = between(*THINK)

    def on_start(self):
        self.client.get("/", name="page")
        self.client.get("/_dash-layout", name="layout")
        self.dependencies = self.client.get("/_dash-dependencies", name="dependencies").json()

    def _render(self, state: dict, name: str) -> None:
        body = render_request(self.dependencies, state)
        with self.client.post("/_dash-update-component", json=body, name=name, catch_response=True) as response:
            if response.status_code != 200 or "side-panel" not in response.text:
                response.failure(f"status {response.status_code}")

    @task(3)
    def choose_trigger_point(self):
        tp = random.choice(ATLAS["tps"])
        self._render({"mode": "explore", "tp": tp, "side": random.choice(["right", "left"]), "pain": [], "region": None, "view": None}, "click")

    @task(2)
    def rank_pain_drawing(self):
        marks = random.sample(ATLAS["regions"], random.randint(2, 6))
        self._render({"mode": "pain", "tp": None, "side": "right", "pain": marks, "region": None, "view": None}, "rank")

    @task(1)
    def reload(self):
        self.client.get("/", name="page")
        self.client.get("/_dash-layout", name="layout")
