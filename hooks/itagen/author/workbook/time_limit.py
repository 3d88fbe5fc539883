"""A time limit on reading a workbook: whatever a hostile cell makes slow, the import stops in time.

The guards before openpyxl bound what a workbook can make the import hold; time has one guard more,
because a cell can make a regular expression or a parser slow in ways no size limit foresees (a
list cell of five thousand spaces took a minute). The limit is a timer signal, so it works only in
the main thread of the process, where ``make import`` runs it; elsewhere reading is not timed.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType

from ...problems import Location

READING_SECONDS = 20.0
"""A ten-year workbook reads in under a second; the import as a whole must end within 30 s."""
REPEAT_SECONDS = 0.5


class ReadingTooSlow(BaseException):
    """Reading ran past the limit; ``where`` is the cell being read then, when known. Not an
    ``Exception``, as KeyboardInterrupt is not: the handlers that turn a broken file's many errors
    into one message must let it through."""

    def __init__(self, where: Location | None = None) -> None:
        super().__init__("reading the workbook took too long")
        self.where = where


def _expired(signum: int, frame: FrameType | None) -> None:
    raise ReadingTooSlow


@contextlib.contextmanager
def reading_time_limit(seconds: float = READING_SECONDS) -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _expired)
    # Repeating: an exception raised while Python runs a finalizer (garbage collected mid-parse) is
    # printed and dropped, so one signal alone might be lost.
    signal.setitimer(signal.ITIMER_REAL, seconds, REPEAT_SECONDS)
    try:
        yield
    finally:
        while True:  # a signal that lands here must not leave the timer running after the block
            try:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
                break
            except ReadingTooSlow:
                continue
