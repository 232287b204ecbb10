"""The held-out set: only for the figures benchmarks/motion_accuracy.py reports; never tune on it."""
from varied import clips

CLIPS = clips(77031, "held", {"tilt": 10, "catcow": 3, "child": 3})
