"""Minutes are minutes, except under the demo clock, where they last a second."""

from datetime import timedelta

from app.domain import timeunit


def test_minutes_are_minutes_until_the_demo_clock_is_on():
    assert not timeunit.demo_clock_on()
    assert timeunit.minutes(5) == timedelta(minutes=5)
    timeunit.use_demo_clock()
    try:
        assert timeunit.demo_clock_on()
        assert timeunit.minutes(5) == timedelta(seconds=5)
        assert timeunit.minutes(0.5) == timedelta(seconds=0.5)
    finally:
        timeunit.reset()
    assert not timeunit.demo_clock_on()
    assert timeunit.minutes(5) == timedelta(minutes=5)
