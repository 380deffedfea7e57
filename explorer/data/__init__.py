"""Loading and validation of the atlas data files."""

from explorer.data.loader import DEFAULT_DATA_DIR, FILES, load_atlas
from explorer.data.model import Atlas, Muscle, RedFlag, Referral, Region, TriggerPoint
from explorer.data.problems import DataValidationError, Problem

__all__ = [
    "DEFAULT_DATA_DIR",
    "FILES",
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
