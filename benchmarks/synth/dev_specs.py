"""The development set: tune the motion core on these (see varied.py)."""
from varied import clips

CLIPS = clips(20261206, "dev", {"tilt": 10, "catcow": 3, "child": 3})
