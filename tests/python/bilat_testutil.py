# SPDX-License-Identifier: LGPL-2.1-or-later
"""Shared set-up of the Python GI tests: the typelib of the build tree."""

import gi

gi.require_version("GLib", "2.0")
gi.require_version("Gio", "2.0")
gi.require_version("Bilat", "1.0")

from gi.repository import Bilat, Gio, GLib  # noqa: E402,F401
