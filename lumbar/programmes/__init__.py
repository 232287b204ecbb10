"""The personal programme (issue 4): profile, exclusions, the 12-week generator, the direction check and
the adaptation rules. Pure Python: it reads the pose files, never the database.

Public API: profile.parse_profile, exclusions.may_do, generator.generate, direction_check.check_sessions,
adaptation.adapt / next_session, cli.add_plan_command.
"""
