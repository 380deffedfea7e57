"""Hostile requests: every server callback Dash lists, with arbitrary values; malformed callback requests;
arbitrary addresses and paths; oversized and deeply nested bodies. Never a server error, never slow,
nothing long echoed back, and nothing the client sent (nor a traceback) in the log."""

from __future__ import annotations

import json
import logging
import time
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explorer import guard
from explorer.app import create_app
from explorer.features import screen
from explorer.state import ScreenState

FAST_SECONDS = 1.0  # a generous bound: the worst answer measured is under 0.1 s
ECHO_LIMIT = 40  # explorer.state.clip: the longest piece of a sent value a notice may quote


@pytest.fixture(scope="module")
def app(atlas):
    return create_app(atlas=atlas)


@pytest.fixture(scope="module")
def client(app):
    return app.server.test_client()


@pytest.fixture(scope="module")
def callbacks(client):
    listed = client.get("/_dash-dependencies").get_json()
    server_side = [c for c in listed if not c.get("clientside_function")]
    assert len(server_side) >= 6
    return server_side


@pytest.fixture(scope="module")
def ids(atlas):
    regions = sorted(atlas.regions)
    return {"tp": sorted(atlas.trigger_points), "regions": regions, "muscles": sorted(atlas.muscles), "views": sorted(atlas.views)}


class LogRecorder(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record):
        text = record.getMessage()
        if record.exc_info:
            text += "\nTraceback " + logging.Formatter().formatException(record.exc_info)
        self.lines.append(text)


@pytest.fixture(scope="module")
def server_log(app):
    recorder = LogRecorder()
    loggers = [logging.getLogger(), app.server.logger, logging.getLogger("werkzeug")]
    for logger in loggers:
        logger.addHandler(recorder)
    yield recorder
    for logger in loggers:
        logger.removeHandler(recorder)


words = st.sampled_from(["", "x", "temple.r", "temple.l", "temple", "trapezius_tp1", "trapezius_tp1|right", "|", ".", "right", "both", "<script>alert(1)</script>", "\x00", "é" * 3, "💥"])
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(2**70), max_value=2**70) | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=30) | words,
    lambda inner: st.lists(inner, max_size=6) | st.dictionaries(st.text(max_size=8) | words, inner, max_size=6),
    max_leaves=25,
)


@st.composite
def plausible_store(draw, ids):
    """A screen state as the browser holds it, each field either valid, junk or missing."""
    fields = ScreenState().to_store()
    store = {}
    for key in fields:
        choice = draw(st.integers(0, 3))
        if choice == 0:
            continue
        if choice == 1:
            store[key] = draw(json_values)
        elif key in ("pain", "marks", "compare"):
            store[key] = draw(st.lists(st.sampled_from(ids["regions"]).map(lambda r: r + draw(st.sampled_from([".r", ".l", ".m", "", ".x"]))) | words, max_size=8))
        elif key in ("tp", "card"):
            store[key] = draw(st.sampled_from(ids["tp"])) + draw(st.sampled_from(["", "|right", "|left", "|x"]))
        elif key == "view":
            store[key] = draw(st.sampled_from(ids["views"]) | words)
        elif key == "answer":
            store[key] = draw(st.sampled_from(ids["muscles"]) | words)
        else:
            store[key] = draw(st.sampled_from(["explore", "pain", "patient", "clinician", "student", "which-muscle", "paint-zone", "right", "left", "both", 0, 1, True]) | json_values)
    return store


@st.composite
def plausible_progress(draw, ids):
    """A quiz progress store, valid in shape or not."""
    cards = draw(st.dictionaries(st.sampled_from(ids["tp"]).map(lambda t: t + "|right") | words, st.lists(json_values, max_size=3) | json_values, max_size=5))
    kind = {"turn": draw(json_values | st.integers(-5, 10**9)), "right": draw(json_values), "wrong": draw(json_values), "cards": cards}
    return draw(st.sampled_from([{"which-muscle": kind}, {"paint-zone": kind, "which-muscle": None}, kind, None]))


def value_for(draw, spec, ids):
    component, prop = spec["id"], spec["property"]
    if component == "screen-state":
        return draw(plausible_store(ids) | json_values)
    if component == "quiz-progress":
        return draw(plausible_progress(ids) | json_values)
    if prop in ("search_value", "search"):
        return draw(st.text(max_size=200) | words | st.just("trapezius " * 5_000) | json_values)
    return draw(json_values)


def _outputs(callback):
    key = callback["output"]
    parts = key.strip(".").split("...") if key.startswith("..") else [key]
    specs = [{"id": p.split(".", 1)[0], "property": p.split(".", 1)[1]} for p in parts]
    return specs if key.startswith("..") else specs[0]


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in [*_strings(k), *_strings(v)]]
    return []


def _post(client, body):
    start = time.perf_counter()
    response = client.post(guard.CALLBACK_PATH, data=json.dumps(body), content_type="application/json")
    return response, time.perf_counter() - start


def _assert_clean(server_log, sent_strings):
    text = "\n".join(server_log.lines)
    assert "Traceback" not in text
    for value in sent_strings:
        if len(value) >= 6 and value.strip() and value not in ("trapezius_tp1", "temple.r", "temple.l"):
            assert value not in text, f"the log quotes a value the client sent: {value[:60]!r}"


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_ho001_every_server_callback_answers_any_values_without_a_server_error(client, callbacks, ids, server_log, data):
    callback = data.draw(st.sampled_from(callbacks))
    inputs = [{"id": s["id"], "property": s["property"], "value": value_for(data.draw, s, ids)} for s in callback["inputs"]]
    state = [{"id": s["id"], "property": s["property"], "value": value_for(data.draw, s, ids)} for s in callback["state"]]
    body = {"output": callback["output"], "outputs": _outputs(callback), "inputs": inputs, "state": state, "changedPropIds": [f"{inputs[0]['id']}.{inputs[0]['property']}"]}
    response, seconds = _post(client, body)
    assert response.status_code in (200, 204), response.get_data()[:300]
    assert seconds < FAST_SECONDS
    if response.status_code == 200:
        assert response.mimetype == "application/json" and response.headers["X-Content-Type-Options"] == "nosniff"
        answer = response.get_data(as_text=True)
        json.loads(answer)
        sent = _strings([i["value"] for i in inputs + state])
        for value in sent:
            if len(value) > ECHO_LIMIT and value not in ids["tp"] and not value.startswith("trapezius "):
                assert json.dumps(value)[1:-1] not in answer, "a long value the client sent came back"
    _assert_clean(server_log, _strings([i["value"] for i in inputs + state]))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=json_values | st.dictionaries(st.sampled_from(["output", "outputs", "inputs", "state", "changedPropIds"]), json_values, max_size=5))
def test_ho002_a_malformed_callback_request_is_refused_with_a_reason(client, server_log, body):
    response, seconds = _post(client, body)
    assert response.status_code in (200, 204, 400), response.get_data()[:300]
    if response.status_code == 400:
        assert response.get_json()["error"] == "Malformed callback request" and response.get_json()["detail"]
    assert seconds < FAST_SECONDS
    _assert_clean(server_log, _strings(body))


def test_ho003_a_wrong_shape_names_the_field_and_bytes_that_are_not_json_are_refused(client, callbacks, server_log):
    search = next(c for c in callbacks if c["output"] == "tp-search.options")
    good = {"output": search["output"], "outputs": _outputs(search), "inputs": [{"id": "tp-search", "property": "search_value", "value": "trap"}], "state": [{"id": "tp-search", "property": "value", "value": None}], "changedPropIds": ["tp-search.search_value"]}
    assert _post(client, good)[0].status_code == 200
    cases = {
        "state": {**good, "state": []},
        "inputs": {**good, "inputs": [{"id": "tp-search", "property": "value", "value": 1}]},
        "output": {**good, "output": "paint-sink.data"},  # a clientside callback has no server side
        "outputs": {**good, "outputs": [{"id": "x", "property": "y"}]},
        "changedPropIds": {**good, "changedPropIds": ["screen-state.data"]},
    }
    for field, body in cases.items():
        response, _ = _post(client, body)
        assert response.status_code == 400 and field in response.get_json()["detail"], (field, response.get_json())
    for raw in (b"", b"not json", b"\xff\xfe", b"[" * 50_000, b'{"output": ' * 5_000):
        response = client.post(guard.CALLBACK_PATH, data=raw, content_type="application/json")
        assert response.status_code == 400
    assert client.get(guard.CALLBACK_PATH).status_code == 405
    _assert_clean(server_log, [])


def test_ho004_sizes_are_bounded_so_no_request_holds_a_worker(client, callbacks, server_log):
    too_big = client.post(guard.CALLBACK_PATH, data=b"x" * (guard.MAX_REQUEST_BYTES + 1), content_type="application/json")
    assert too_big.status_code == 413 and "64 KB" in too_big.get_json()["detail"]
    search = next(c for c in callbacks if c["output"] == "tp-search.options")
    long_search = "trapezius pain " * 3_000  # 45,000 characters, under the body limit
    body = {"output": search["output"], "outputs": _outputs(search), "inputs": [{"id": "tp-search", "property": "search_value", "value": long_search}], "state": [{"id": "tp-search", "property": "value", "value": None}], "changedPropIds": ["tp-search.search_value"]}
    worst = max(_post(client, body)[1] for _ in range(8))
    assert worst < FAST_SECONDS
    _assert_clean(server_log, [long_search])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=300) | st.lists(st.tuples(st.sampled_from(["tp", "side", "pain", "mode", "region", "view", "audience", "compare", "quiz", "card", "part", "x"]), st.text(max_size=40) | st.sampled_from(["temple.r", "trapezius_tp1", "both", "pain", "%00", "<b>x</b>"])), max_size=8).map(lambda pairs: "&".join(f"{k}={v}" for k, v in pairs)))
def test_ho005_any_address_opens_a_page_and_restores_a_screen(client, callbacks, server_log, query):
    search = "?" + query
    sent = quote(query, safe="=&,.|%")  # as a browser sends it
    page = client.get("/?" + sent, headers={"Accept": "text/html"})
    assert page.status_code == 200
    if len(sent) > 3:
        assert sent not in page.get_data(as_text=True)  # the page is the same for every address
    restore = next(c for c in callbacks if c["inputs"][0]["id"] == "url")
    state = [{"id": s["id"], "property": s["property"], "value": None} for s in restore["state"]]
    body = {"output": restore["output"], "outputs": _outputs(restore), "inputs": [{"id": "url", "property": "search", "value": search}], "state": state, "changedPropIds": ["url.search"]}
    response, seconds = _post(client, body)
    assert response.status_code in (200, 204) and seconds < FAST_SECONDS
    _assert_clean(server_log, [search])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.text(st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_ho006_any_path_is_a_page_a_file_or_a_clear_not_found(client, server_log, path):
    for prefix in ("/", "/assets/", "/_dash-component-suites/dash/", "/_dash-component-suites/", "/learn/"):
        response = client.get(prefix + quote(path, safe="/.%"), headers={"Accept": "text/html"})
        assert response.status_code in (200, 304, 404, 405), (prefix + path, response.status_code)
        if response.status_code == 404 and response.mimetype == "text/html":
            assert "Open the map" in response.get_data(as_text=True)
    _assert_clean(server_log, [path])


def test_ho007_development_tooling_is_absent_and_errors_never_show_a_traceback(client, callbacks, server_log, monkeypatch):
    assert client.get("/_reload-hash").status_code == 404
    page = client.get("/no-such-page", headers={"Accept": "text/html"})
    assert page.status_code == 404 and "no page at this address" in page.get_data(as_text=True)
    assert client.get("/_dash-component-suites/dash/../../etc/passwd").status_code == 404

    def bug(*_args):  # an unexpected bug in the app, with a client value in its message
        raise KeyError("temple.r,SENTINEL_VALUE")

    monkeypatch.setattr(screen, "panel_for", bug)
    render = next(c for c in callbacks if c["inputs"][0]["id"] == "screen-state" and c["output"].startswith(".."))
    body = {"output": render["output"], "outputs": _outputs(render), "inputs": [{"id": "screen-state", "property": "data", "value": {"tp": "SENTINEL_VALUE"}}], "state": [{"id": "quiz-progress", "property": "data", "value": None}], "changedPropIds": ["screen-state.data"]}
    response, _ = _post(client, body)
    assert response.status_code == 500 and response.get_json()["error"] == "Something went wrong"
    logged = "\n".join(server_log.lines)
    assert "Unhandled KeyError at explorer/features/screen.py" in logged  # type and place, for whoever runs the server
    assert "SENTINEL_VALUE" not in logged and "Traceback" not in logged
