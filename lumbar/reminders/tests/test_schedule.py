"""When reminders fall: chosen days and time in the person's own zone, across a daylight-saving change."""
from datetime import datetime, time, timezone

from lumbar.reminders.schedule import planned_times


def test_the_next_reminders_are_on_the_chosen_days_at_the_chosen_local_time():
    now = datetime(2026, 12, 7, 17, 0, tzinfo=timezone.utc)  # a Monday, 18:00 in Madrid
    times = planned_times([0, 3], time(18, 30), "Europe/Madrid", now, weeks=2)
    assert [(t.strftime("%a %d %H:%M"), t.utcoffset().total_seconds() / 3600) for t in times] == [
        ("Mon 07 18:30", 1), ("Thu 10 18:30", 1), ("Mon 14 18:30", 1), ("Thu 17 18:30", 1)]


def test_a_time_already_past_today_starts_next_week_and_summer_time_keeps_the_local_clock():
    now = datetime(2027, 3, 22, 20, 0, tzinfo=timezone.utc)  # Monday 21:00 in Madrid, a week before the change
    times = planned_times([0], time(18, 30), "Europe/Madrid", now, weeks=2)
    assert [t.strftime("%Y-%m-%d %H:%M %z") for t in times] == ["2027-03-29 18:30 +0200", "2027-04-05 18:30 +0200"]


def test_a_local_time_the_clock_skips_moves_on_by_the_gap():
    now = datetime(2027, 3, 27, 12, 0, tzinfo=timezone.utc)
    times = planned_times([6], time(2, 30), "Europe/Madrid", now, weeks=1)  # 02:30 does not exist on 28 March
    assert times[0].strftime("%Y-%m-%d %H:%M %z") == "2027-03-28 03:30 +0200"
