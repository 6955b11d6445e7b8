# SPDX-License-Identifier: LGPL-2.1-or-later
"""Runs the bilat tool with standard output on a pseudo-terminal of a given
width, as a user at a terminal would, so that tests can check how tables fit
it. Standard error stays a pipe, so that messages are kept apart."""

import fcntl
import os
import select
import struct
import subprocess
import termios
import time


class TtyResult:
    def __init__(self, status, out, err):
        self.status = status
        # Strict decoding: output must never be cut inside a character.
        # The terminal turns "\n" into "\r\n"; undo that.
        self.out = out.decode("utf-8").replace("\r\n", "\n")
        self.err = err.decode("utf-8")

    @property
    def lines(self):
        return self.out.splitlines()


def run_tty(bilat, args, width, height=24, env=None, timeout=60):
    """Runs @bilat with @args on a terminal of @width columns."""
    master, slave = os.openpty()
    try:
        fcntl.ioctl(slave, termios.TIOCSWINSZ,
                    struct.pack("HHHH", height, width, 0, 0))
        env = dict(os.environ if env is None else env)
        # The terminal's own size must win over a stale $COLUMNS.
        env["COLUMNS"] = "33"
        process = subprocess.Popen([bilat, *args], stdin=subprocess.DEVNULL,
                                   stdout=slave, stderr=subprocess.PIPE,
                                   env=env)
    finally:
        os.close(slave)

    out = bytearray()
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 1.0)
            if not ready:
                if process.poll() is not None:
                    break
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            out += chunk
        err = process.stderr.read()
        status = process.wait(timeout=max(1.0, deadline - time.monotonic()))
    finally:
        os.close(master)
        if process.poll() is None:
            process.kill()
        process.stderr.close()
    return TtyResult(status, bytes(out), err)
