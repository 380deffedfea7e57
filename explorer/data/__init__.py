"""Loading and validation of the atlas data files."""

from explorer.data.loader import DEFAULT_DATA_DIR, DataValidationError, Problem, load_atlas
from explorer.data.model import Atlas, Muscle, RedFlag, Referral, Region, TriggerPoint

__all__ = [
    "DEFAULT_DATA_DIR",
    "Atlas",
    "DataValidationError",
    "Muscle",
    "Problem",
    "RedFlag",
    "Referral",
    "Region",
    "TriggerPoint",
    "load_atlas",
]
