"""Dash callback requests built from Dash's own list of callbacks (`GET /_dash-dependencies`), as the browser sends them."""

from __future__ import annotations


def outputs_of(callback: dict) -> list[dict]:
    """The outputs of a callback as the request lists them."""
    spec = callback["output"]
    parts = spec.strip(".").split("...") if spec.startswith("..") else [spec]
    return [{"id": part.rsplit(".", 1)[0], "property": part.rsplit(".", 1)[1]} for part in parts]


def find(dependencies: list, input_id: str, input_property: str, output_part: str | None = None) -> dict:
    """The server callback that listens to an input (and, if given, writes an output)."""
    for callback in dependencies:
        if callback.get("clientside_function"):
            continue
        listens = any(i["id"] == input_id and i["property"] == input_property for i in callback["inputs"])
        if listens and (output_part is None or output_part in callback["output"]):
            return callback
    raise LookupError(f"no server callback listens to {input_id}.{input_property}")


def request(callback: dict, values: dict[str, object], changed: str, state_values: dict[str, object] | None = None) -> dict:
    """The body of POST /_dash-update-component for one callback: `values` maps 'id.property' to input values."""
    state_values = state_values or {}
    return {
        "output": callback["output"],
        "outputs": outputs_of(callback) if callback["output"].startswith("..") else outputs_of(callback)[0],
        "inputs": [{"id": i["id"], "property": i["property"], "value": values.get(f"{i['id']}.{i['property']}")} for i in callback["inputs"]],
        "changedPropIds": [changed],
        "state": [{"id": s["id"], "property": s["property"], "value": state_values.get(f"{s['id']}.{s['property']}")} for s in callback["state"]],
    }
