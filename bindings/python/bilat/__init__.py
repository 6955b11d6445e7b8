# SPDX-License-Identifier: LGPL-2.1-or-later
"""Python helpers of libbilat beyond its GObject-introspection bindings.

The library itself is used through GI::

    import gi
    gi.require_version("Bilat", "1.0")
    from gi.repository import Bilat

This package holds what needs more than one process:

- ``bilat.dask``: series of event files computed on a Dask cluster.
"""
