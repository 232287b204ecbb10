"""The personal programme (issue 4): profile, exclusions, the 12-week generator, the direction check and
the adaptation rules, with a plain-language changelog. Pure Python: it reads the pose files, never the database.

  profile.parse_profile(dict) -> Profile           (ProfileError names every problem)
  exclusions.may_do(profile, slug) -> Decision     (allowed, variation, why)
  generator.generate(profile) -> {"sessions", "left_out"}   (what `lumbar plan --json` prints)
  direction_check.check_sessions / record_check
  state.ProgrammeState; adaptation.adapt / next_session / resume
  player_steps.sequence_steps(session) -> steps for lumbar.practice.plan.plan_for_steps
  cli.add_plan_command(subparsers)
"""
