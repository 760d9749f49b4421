import threading

from app.gui.workers import start_worker


def test_result_progress_and_finished_arrive_in_the_gui_thread(qtbot):
    seen = []
    gui_thread = threading.current_thread()

    def work(n, *, progress, cancel):
        assert threading.current_thread() is not gui_thread
        for i in range(n):
            progress(i)
        return n * 10

    handle = start_worker(work, 3, name="test")
    handle.progress.connect(lambda v: seen.append(("progress", v, threading.current_thread() is gui_thread)))
    handle.result.connect(lambda v: seen.append(("result", v, threading.current_thread() is gui_thread)))
    with qtbot.waitSignal(handle.finished):
        pass
    assert ("result", 30, True) in seen
    assert [v for kind, v, _ in seen if kind == "progress"] == [0, 1, 2]
    assert all(in_gui for *_, in_gui in seen)
    assert not handle.is_running()


def test_error_is_reported_not_raised(qtbot):
    def work(*, progress, cancel):
        raise ValueError("no such mailbox")

    handle = start_worker(work)
    with qtbot.waitSignal(handle.error) as error, qtbot.waitSignal(handle.finished):
        pass
    assert isinstance(error.args[0], ValueError)


def test_cancellation_is_cooperative(qtbot):
    started = threading.Event()

    def work(*, progress, cancel):
        started.set()
        while not cancel.cancelled:
            threading.Event().wait(0.001)
        return "stopped"

    handle = start_worker(work)
    assert started.wait(5)
    assert handle.is_running()
    with qtbot.waitSignal(handle.result) as result:
        handle.cancel()
    assert result.args == ["stopped"] and handle.cancelled


def test_several_progress_values_come_as_one_tuple(qtbot):
    def work(*, progress, cancel):
        progress(1, 3, None)
        return None

    handle = start_worker(work)
    with qtbot.waitSignal(handle.progress) as progress:
        pass
    assert progress.args == [(1, 3, None)]
    qtbot.waitUntil(lambda: not handle.is_running())


def test_waiting_for_a_finished_worker_needs_no_event_loop(qtbot):
    """At shutdown the GUI thread's loop has ended: a worker that finished must still let its
    thread end, so that waiting for it returns at once instead of at its timeout."""
    import threading
    import time

    from app.gui.workers import cancel_all_and_wait

    done = threading.Event()

    def work(progress, cancel):
        done.set()
        return 1

    handle = start_worker(work)
    assert done.wait(5)
    started = time.perf_counter()
    assert handle.wait(5_000), "the thread ended without the GUI thread's loop"
    cancel_all_and_wait(5_000)
    assert time.perf_counter() - started < 2.0
    qtbot.waitUntil(lambda: not handle.is_running())  # the loop runs again: the handle lets go
