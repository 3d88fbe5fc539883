"""How far a publish has got, for a webmaster on a slow connection: files and bytes done of the total.

On a terminal one line is rewritten a few times a second; in a log (CI, a file) a line is written
at each tenth of the bytes and at most every half minute, so the log stays short.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

from .plan import human_bytes

TERMINAL_INTERVAL = 0.25
LOG_INTERVAL = 30.0
LOG_STEPS = 10


class Progress:
    def __init__(
        self,
        files: int,
        size: int,
        stream: TextIO,
        *,
        terminal: bool,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.total_files, self.total_bytes = files, size
        self.files = self.bytes = 0
        self.stream, self.terminal, self.clock = stream, terminal, clock
        self.started = self.shown_at = clock()
        self.shown_step = 0

    def sent(self, size: int) -> None:
        """``size`` more bytes reached the server."""
        self.bytes += size
        self._maybe_show()

    def file_done(self) -> None:
        self.files += 1
        self._maybe_show()

    def line(self) -> str:
        elapsed = max(self.clock() - self.started, 1e-6)
        rate = human_bytes(int(self.bytes / elapsed))
        return (
            f"ส่งแล้ว/sent {self.files}/{self.total_files} ไฟล์/files, "
            f"{human_bytes(self.bytes)}/{human_bytes(self.total_bytes)} ({rate}/s)"
        )

    def _maybe_show(self) -> None:
        now = self.clock()
        if self.terminal:
            if now - self.shown_at >= TERMINAL_INTERVAL:
                self._show(now)
            return
        step = self.bytes * LOG_STEPS // self.total_bytes if self.total_bytes else 0
        if step > self.shown_step or now - self.shown_at >= LOG_INTERVAL:
            self.shown_step = step
            self._show(now)

    def _show(self, now: float) -> None:
        self.shown_at = now
        if self.terminal:
            self.stream.write("\r\x1b[K" + self.line())
        else:
            self.stream.write(self.line() + "\n")
        self.stream.flush()

    def finish(self) -> None:
        """The last figures, whatever was shown before; the terminal's line is ended."""
        self._show(self.clock())
        if self.terminal:
            self.stream.write("\n")
            self.stream.flush()
