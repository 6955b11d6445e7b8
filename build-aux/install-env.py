#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Where an installed libbilat is found without help, and what a user must
# export where it is not. Run by meson at configure time with the Python
# that has gi (as `python -E -s`, so that the caller's PYTHONPATH and user
# site do not count), and by tests/consumer/installed.py.
#
# Usage: install-env.py PREFIX LIBDIR TYPELIBDIR GI_TYPELIBDIR
#   LIBDIR, TYPELIBDIR: where the library and its typelib are installed
#   (absolute); GI_TYPELIBDIR: the folder GI searches by default
#   (pkg-config --variable=typelibdir gobject-introspection-1.0).
#
# Prints KEY=VALUE lines:
#   overrides        the folder for the PyGObject overrides: in the first of
#                    this Python's site folders in PREFIX/lib*, or nothing
#                    (meson then uses its own choice, and PYTHONPATH must
#                    name it)
#   ldconfig         "yes" when the library folder is one the dynamic
#                    loader finds only through its cache (ld.so.conf)
#   LD_LIBRARY_PATH, GI_TYPELIB_PATH: what to export, or nothing
# The PYTHONPATH line is printed by meson, which knows its fallback folder.

import glob
import os
import site
import subprocess
import sys


def under(path, prefix):
    path = os.path.normpath(path)
    prefix = os.path.normpath(prefix)
    return path == prefix or path.startswith(prefix.rstrip(os.sep) + os.sep)


def interpreter(program):
    """The dynamic loader an ELF program names (PT_INTERP), or None."""
    try:
        with open(program, "rb") as f:
            data = f.read(1 << 16)
    except OSError:
        return None
    if data[:4] != b"\x7fELF":
        return None
    is64 = data[4] == 2
    order = "little" if data[5] == 1 else "big"

    def word(offset, size):
        return int.from_bytes(data[offset:offset + size], order)

    if is64:
        phoff, phentsize, phnum = word(32, 8), word(54, 2), word(56, 2)
    else:
        phoff, phentsize, phnum = word(28, 4), word(42, 2), word(44, 2)
    for i in range(phnum):
        entry = phoff + i * phentsize
        if word(entry, 4) != 3:  # PT_INTERP
            continue
        offset = word(entry + 8, 8) if is64 else word(entry + 4, 4)
        size = word(entry + 32, 8) if is64 else word(entry + 16, 4)
        return data[offset:offset + size].rstrip(b"\0").decode("utf-8", "replace")
    return None


def loader_system_dirs():
    """The folders the dynamic loader searches without its cache."""
    dirs = []
    loader = interpreter(os.path.realpath(sys.executable))
    if loader is not None:
        try:
            out = subprocess.run([loader, "--help"], capture_output=True, text=True,
                                 timeout=10).stdout
        except (OSError, subprocess.SubprocessError):
            out = ""
        for line in out.splitlines():
            line = line.strip()
            if line.endswith("(system search path)"):
                dirs.append(os.path.normpath(line.split()[0]))
    return dirs or ["/lib", "/usr/lib"]


def loader_cache_dirs(conf="/etc/ld.so.conf", seen=None):
    """The folders ld.so.conf lists (and the files it includes)."""
    seen = set() if seen is None else seen
    if conf in seen:
        return []
    seen.add(conf)
    dirs = []
    try:
        with open(conf, encoding="utf-8", errors="replace") as f:
            lines = f.read().splitlines()
    except OSError:
        return dirs
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("include "):
            pattern = line.split(None, 1)[1].strip()
            if not os.path.isabs(pattern):
                pattern = os.path.join(os.path.dirname(conf), pattern)
            for included in sorted(glob.glob(pattern)):
                dirs += loader_cache_dirs(included, seen)
        else:
            dirs.append(os.path.normpath(line))
    return dirs


def main():
    prefix, libdir, typelibdir, gi_typelibdir = sys.argv[1:5]
    overrides = ""
    for folder in site.getsitepackages():
        # /usr/local/lib/… is under /usr, but it is /usr/local's.
        relative = os.path.relpath(os.path.normpath(folder), os.path.normpath(prefix))
        if under(folder, prefix) and relative.split(os.sep)[0] in ("lib", "lib64", "lib32"):
            overrides = os.path.join(os.path.normpath(folder), "gi", "overrides")
            break
    libdir = os.path.normpath(libdir)
    ldconfig = ""
    ld_library_path = ""
    if libdir not in loader_system_dirs():
        if libdir in loader_cache_dirs():
            ldconfig = "yes"
        else:
            ld_library_path = libdir
    gi_typelib_path = ""
    if os.path.normpath(typelibdir) != os.path.normpath(gi_typelibdir):
        gi_typelib_path = os.path.normpath(typelibdir)
    print(f"overrides={overrides}")
    print(f"ldconfig={ldconfig}")
    print(f"LD_LIBRARY_PATH={ld_library_path}")
    print(f"GI_TYPELIB_PATH={gi_typelib_path}")


if __name__ == "__main__":
    main()
