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
        const halves = [['flatten', 82], ['arch', 45], ['cat', 75], ['cow', 74], ['arch', 50], ['flatten', 24],
                        ['cow', null], ['sideways', 90]];
        return halves.map(([direction, glide]) => words.halfText({direction, glide}));
    """)
    assert texts == ["Tilt: smooth 82", "Back down: a bit stop-and-go 45", "Round up: smooth 75",
                     "Dip down: mostly smooth 74", "Back down: mostly smooth 50", "Tilt: stop-and-go 24",
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
        [3, 2, "Pelvic tilt: 3 repetitions seen, 2 glided. Next time: keep the glide on the way back down."],
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


def test_the_status_line_says_what_is_true_at_every_turn_of_the_session(page, running_app):
    page.goto("/about/")
    said = page.evaluate("""async () => {
        const {cameraStatus} = await import('/static/lumbar/player/coach_status.js');
        const live = {enabled: true, started: true, watched: true, cameraActive: true, modelReady: true, live: true,
                      view: 'full', settled: true, phase: 'before', nextName: null, unavailable: null};
        const at = (changes) => cameraStatus({...live, ...changes})[0];
        return {
            setUp: at({started: false}),
            starting: at({cameraActive: false, live: false}),
            loading: at({live: false, modelReady: false}),
            nextPoseLive: at({}),                              // the picture is live: never "Starting the camera"
            nextPoseLiveNobodyYet: at({view: 'none', settled: false}),
            nobody: at({view: 'none'}),
            counting: at({phase: 'work'}),
            cue: at({phase: 'work', cue: 'Smaller is fine.'}),
            paused: at({phase: 'paused'}),
            rest: at({watched: false, phase: 'rest', nextName: "Child's pose"}),
            nonCameraStep: at({watched: false, phase: 'none', nextName: "Child's pose"}),
            noMore: at({watched: false}),
            lost: at({watched: false, lostHere: true}),
            over: at({ended: true, watched: false}),
            off: at({enabled: false}),
        };
    }""")
    assert said == {
        "setUp": "The camera is on. Get into your starting position and check that your whole body is in view.",
        "starting": "Starting the camera…",
        "loading": "Loading the body-point finder on this device…",
        "nextPoseLive": "You are in view. The camera starts counting when you hear “Begin”.",
        "nextPoseLiveNobodyYet": "Looking for you in the picture…",
        "nobody": "Nobody found yet. Put the camera at floor level, side-on, 2 to 3 metres away, so your whole body is in view.",
        "counting": "Counting. Only body-point positions go to Lumbar.",
        "cue": "Smaller is fine.",
        "paused": "Paused: the camera is not counting.",
        "rest": "The camera is resting while you rest.",
        "nonCameraStep": "The camera is resting. It watches again for Child's pose.",
        "noMore": "The camera is resting: no more poses for it in this session.",
        "lost": "The camera coach lost its connection to Lumbar, so the session carries on by the clock.",
        "over": "The session is over, so the camera is off.",
        "off": "The camera is off. The session runs by the clock as usual.",
    }


def test_the_floor_space_seen_by_the_camera_sits_beside_what_was_felt_in_plain_words(page, running_app):
    said = run(page, """
        const label = (value) => ({wide: 'A flat hand slides under easily', fingers: 'Only fingers fit under',
                                   little: 'Hardly any space'})[value];
        const beside = (change, before, after) => words.floorBeside(
            change && {before: 0.05, after: 0.04, change}, {before, after, label});
        return {
            seen: ['flatter', 'same', 'more curved', 'sideways', null].map((c) => words.floorSeen(c && {change: c})),
            flatterLess: beside('flatter', 'wide', 'fingers'),
            sameLess: beside('same', 'fingers', 'little'),
            sameSame: beside('same', 'little', 'little'),
            curvedMore: beside('more curved', 'little', 'wide'),
            flatterMore: beside('flatter', 'fingers', 'wide'),
            afterOnly: beside('same', null, 'fingers'),
            notYet: beside('flatter', 'wide', null),
            noCamera: beside(null, 'wide', 'fingers'),
            summary: words.summariseStep({name: 'Pelvic tilt', counts: true, reps: 0, halves: [], cues: [],
                                          floor_space: {before: 0.1, after: 0.08, change: 'flatter'}}).floor,
            noSummary: words.summariseStep({name: 'Pelvic tilt', counts: true, reps: 0, halves: [], cues: []}).floor,
        };
    """)
    outline = "This is the outline the camera saw, not a measurement of your spine."
    looked = "From the side, your lower back looked "
    assert said["seen"][:3] == [
        {"change": "flatter", "seen": looked + "a little flatter after the tilts than before.", "note": outline},
        {"change": "same", "seen": looked + "about the same before and after the tilts.", "note": outline},
        {"change": "more curved", "seen": looked + "a little more curved after the tilts than before.", "note": outline},
    ]
    assert said["seen"][3:] == [None, None]
    differ = "The camera and your feeling do not match, and that is fine. Both are worth noticing. What you feel is what counts."
    less, same, more = ("You felt: less space under your lower back after the tilts.",
                        "You felt: about the same space before and after.",
                        "You felt: more space under your lower back after the tilts.")
    for key, felt, agree in (("flatterLess", less, True), ("sameLess", less, False), ("sameSame", same, True),
                             ("curvedMore", more, True), ("flatterMore", more, False)):
        assert said[key]["felt"] == felt and said[key]["agree"] is agree, key
        assert said[key]["differ"] == (None if agree else differ), key
    assert said["afterOnly"]["felt"] == "You felt after the tilts: Only fingers fit under." and said["afterOnly"]["differ"] is None
    assert said["notYet"]["felt"] is None and said["notYet"]["seen"].startswith(looked)
    assert said["noCamera"] is None
    assert said["summary"]["change"] == "flatter" and said["noSummary"] is None
