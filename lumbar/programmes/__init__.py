"""The personal programme (issue 4): profile, exclusions, the 12-week generator, the direction check and
the adaptation rules, with a plain-language changelog; and the one per-person decision every route that puts
a pose in front of a person asks. The rules are pure Python: they read the pose files, never the database;
person.profile_for(user) gathers the facts about a person from the database, in one place.

  profile.parse_profile(dict) -> Profile           (ProfileError names every problem)
  person.profile_for(user) -> Profile              (programme answers, screening, kneeling, stopped directions)
  exclusions.may_do(profile, slug) -> Decision     (allowed, variation, why, cautions: as a programme uses it)
  exclusions.check_step(profile, slug, variation) -> StepCheck   (allowed, why, cautions, ease_to: a chosen version)
  sequence_rules.walk(profile, steps, fix)         (time on the back in pregnancy, rounded poses with thin bones)
  core.core_steps(profile, steps)                  (the core session as it is played for this person)
  generator.generate(profile) -> {"sessions", "left_out", "core"}   (what `lumbar plan --json` prints)
  direction_check.check_sessions / record_check
  state.ProgrammeState; adaptation.adapt / next_session / resume
  player_steps.sequence_steps(session) -> steps for lumbar.practice.plan.plan_for_steps
  cli.add_plan_command(subparsers)                 (`lumbar plan`, `lumbar check-sequence`)
"""
