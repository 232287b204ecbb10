"""The camera coach's pure parts, run in the browser (the player's own modules, imported by the page):
the words for a glide score and a half-repetition, a watched step's summary, and the one-cue-at-a-time voice.
"""
STEP_SUMMARY = "/static/lumbar/player/step_summary.js"
COACH_VOICE = "/static/lumbar/player/coach_voice.js"


def run(page, body: str):
    page.goto("/about/")
    return page.evaluate(f"""async () => {{
        const words = await import('{STEP_SUMMARY}');
        const {{CoachVoice}} = await import('{COACH_VOICE}');
        {body}
    }}""")


def test_each_half_gets_one_plain_direction_word_a_glide_word_and_its_score(page, running_app):
    texts = run(page, """
        const halves = [['flatten', 82], ['arch', 45], ['cat', 75], ['cow', 74], ['arch', 40], ['flatten', 39],
                        ['cow', null], ['sideways', 90]];
        return halves.map(([direction, glide]) => words.halfText({direction, glide}));
    """)
    assert texts == ["Tilt: smooth 82", "Back down: a bit stop-and-go 45", "Round up: smooth 75",
                     "Dip down: a bit stop-and-go 74", "Back down: a bit stop-and-go 40", "Tilt: stop-and-go 39",
                     "Dip down: not scored", "Move: smooth 90"]


def test_a_step_sums_up_in_one_line_with_the_one_thing_to_try_next(page, running_app):
    lines = run(page, """
        const rep = (n, up, down) => [{rep: n, half: 1, direction: 'flatten', glide: up},
                                      {rep: n, half: 2, direction: 'arch', glide: down}];
        const tilt = (extra) => words.summariseStep({name: 'Pelvic tilt', counts: true, tempo: 4, cues: [], ...extra});
        return [
            tilt({reps: 3, halves: [...rep(1, 90, 80), ...rep(2, 85, 30), ...rep(3, 88, 50)]}),
            tilt({reps: 2, halves: [...rep(1, 90, 80), ...rep(2, 85, 95)]}),
            tilt({reps: 2, halves: [...rep(1, 90, 80), ...rep(2, 85, 95)], cues: ['range', 'tempo', 'tempo']}),
            tilt({reps: 1, halves: [...rep(1, 20, 90), ...rep(2, 10, 10)]}),
            tilt({reps: 0, halves: []}),
            words.summariseStep({name: "Child's pose", counts: false, hold_seen: 0.834}),
        ].map((s) => [s.reps, s.glided, s.line]);
    """)
    assert lines == [
        [3, 1, "Pelvic tilt: 3 repetitions seen, 1 glided. Next time: keep the glide on the way back down."],
        [2, 2, "Pelvic tilt: 2 repetitions seen, 2 glided. Every repetition glided. Lovely: keep it just like that."],
        [2, 2, "Pelvic tilt: 2 repetitions seen, 2 glided. Next time: go slower, about 4 seconds each way."],
        [1, 0, "Pelvic tilt: 1 repetition seen, 0 glided. Next time: keep the glide as you tilt."],
        [0, 0, "Pelvic tilt: No repetitions seen. Next time: check that your whole body is in the picture, side-on."],
        [0, 0, "Child's pose: Hold seen 83% of the time. Well held."],
    ]


def test_the_coach_says_one_short_cue_at_a_time_and_only_into_silence(page, running_app):
    said = run(page, """
        const said = [];
        const voice = {idle: false, say: (text) => { said.push(text); return Promise.resolve(); }};
        let working = false;
        const coach = new CoachVoice(voice, () => working);
        coach.offer('A little slower.', 'tempo');
        coach.offer('Smaller is fine.', 'range');          // takes the one slot: nothing queues
        coach.tick();                                       // not while the pose is read out
        working = true;
        coach.tick();                                       // not over the player's own line
        const whileBusy = said.length;
        voice.idle = true;
        coach.tick();
        coach.offer('Long neck.', 'neck');                  // too soon after the last one
        coach.tick();
        coach.tick();
        return {whileBusy, said};
    """)
    assert said == {"whileBusy": 0, "said": ["Smaller is fine."]}
