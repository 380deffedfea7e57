"""How the app names things, for each audience: regions, sides, muscles (no Dash)."""

from __future__ import annotations

from explorer.data.model import BOTH, MIDLINE, Atlas

PATIENT, CLINICIAN, STUDENT = "patient", "clinician", "student"
AUDIENCES = {PATIENT: "Patient", CLINICIAN: "Clinician", STUDENT: "Student"}
DEFAULT_AUDIENCE = PATIENT
UNKNOWN = "Not recorded in our sources."


def side_words(side: str) -> str:
    """'right side', 'left side', 'both sides' or 'middle'."""
    return {MIDLINE: "middle", BOTH: "both sides"}.get(side, f"{side} side")


def region_name(atlas: Atlas, region_id: str, side: str, audience: str = STUDENT) -> str:
    """A region as the audience reads it: 'Temple, right' (patient), 'Temporal region, right' (clinician), both (student)."""
    region = atlas.regions[region_id]
    where = "" if side == MIDLINE else f", {side}"
    if audience == PATIENT:
        return f"{region.plain_label}{where}"
    if audience == CLINICIAN:
        return f"{region.label}{where}"
    clinical = f" – {region.label}" if region.label.lower() != region.plain_label.lower() else ""
    return f"{region.plain_label}{where}{clinical}"


def muscle_title(atlas: Atlas, muscle_id: str, audience: str) -> tuple[str, str]:
    """(heading, subheading) for a muscle: the plain name leads for patients, the anatomical name otherwise."""
    muscle = atlas.muscles[muscle_id]
    plain = muscle.plain_name[0].upper() + muscle.plain_name[1:]
    if audience == PATIENT:
        return plain, muscle.name
    return muscle.name, plain


def choir_codes(atlas: Atlas, marks) -> list[str]:
    """The CHOIR body-map codes that a drawing falls in, front codes first."""
    codes: set[str] = set()
    for region_id, side in marks:
        region = atlas.regions[region_id]
        codes.update(region.choir_left if side == "left" else region.choir_right)
    return sorted(codes, key=lambda c: (c[0] != "f", c))
