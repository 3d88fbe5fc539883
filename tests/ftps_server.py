"""A throwaway FTPS server for the publishing tests (pyftpdlib, TLS required on every channel).

    python tests/ftps_server.py PORT ROOT USER PASSWORD CERTFILE KEYFILE [DIE_AFTER_BYTES|plain]

``reader`` (same password) may only read. With DIE_AFTER_BYTES the server kills itself once that
many bytes of uploads have arrived, mid-file: every connection drops at once, as on a cut line.
``plain`` serves FTP without TLS, as an old host might.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sys

from pyftpdlib.authorizers import DummyAuthorizer
from pyftpdlib.handlers import DTPHandler, FTPHandler, TLS_DTPHandler, TLS_FTPHandler
from pyftpdlib.servers import FTPServer

received = 0


class DyingDTPHandler(TLS_DTPHandler):  # type: ignore[misc]
    budget: int | None = None

    def handle_read_event(self) -> None:  # what the I/O loop calls (DTPHandler aliases it to handle_read)
        global received
        before = self.tot_bytes_received
        super().handle_read_event()
        received += self.tot_bytes_received - before
        if self.budget is not None and received > self.budget:
            os.kill(os.getpid(), signal.SIGKILL)

    def handle_error(self) -> None:
        """pyftpdlib's TLS data channel drops a failed upload without a word (and waits on a TLS goodbye
        the client, still sending, never gives); its plain one answers "426 <why>" (a full disk: "No
        space left on device"), as real servers do. That answer, given here, and the channel closed."""
        error = sys.exc_info()[1]
        if isinstance(error, OSError) and not error.errno and error.args:
            error = error.args[0]  # pyftpdlib wraps the file's own error
        why = os.strerror(error.errno) if isinstance(error, OSError) and error.errno else "Internal error"
        self._resp = (f"426 {why}; transfer aborted.", logging.warning)
        if self.file_obj is not None:
            with contextlib.suppress(OSError):  # the rest of its buffer does not fit either; closed all the same
                self.file_obj.close()
        DTPHandler.close(self)


def main(port: str, root: str, user: str, password: str, certfile: str, keyfile: str, budget: str = "") -> None:
    authorizer = DummyAuthorizer()
    authorizer.add_user(user, password, root, perm="elradfmwMT")
    authorizer.add_user("reader", password, root, perm="elr")
    handler = TLS_FTPHandler
    handler.certfile, handler.keyfile = certfile, keyfile
    handler.authorizer = authorizer
    handler.tls_control_required = True
    handler.tls_data_required = True
    handler.auth_failed_timeout = 0.2  # a wrong password is still refused, the tests need not wait 3 s
    DyingDTPHandler.budget = int(budget) if budget.isdigit() else None
    handler.dtp_handler = DyingDTPHandler
    if budget == "plain":
        FTPHandler.authorizer = authorizer
        FTPServer(("127.0.0.1", int(port)), FTPHandler).serve_forever()
    server = FTPServer(("127.0.0.1", int(port)), handler)
    server.serve_forever()


if __name__ == "__main__":
    main(*sys.argv[1:8])
