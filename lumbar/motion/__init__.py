"""Lumbar's motion core: landmarks -> exercise signal -> repetitions, holds, smoothness and form cues.

Pure Python with numpy and scipy; nothing here imports Django, so the live coach (lumbar.coach) and the
offline `lumbar analyze` command share it. Start at `analysis.MotionAnalyzer` (live, frame by frame) or
`analysis.analyze` (a whole landmarks file); `smoothness.sparc` and `smoothness.ldlj` are the metrics.
"""
