#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# The README's examples, as a new user runs them after `meson install`.
#
# For each case of the README's "Install" section (system-wide /usr, the
# default /usr/local, a prefix of one's own), this runs the case's shell
# block as written, with `meson` and `ldconfig` standing in for the real
# ones so that everything is installed into a temporary DESTDIR (or, for
# the prefix of one's own, into a temporary HOME), then runs the README's
# Python and GJS examples, taken from README.md itself, with only the
# environment that block exports.
#
# A DESTDIR is not where the system looks, so for /usr and /usr/local the
# folders the system would search by itself are mapped into it: this
# Python's site folders, the dynamic loader's folders (its cache's only
# after the block ran `ldconfig`) and GI's typelib folder, each where it
# lies under the prefix. Nothing else is given.
#
# Usage: installed.py SOURCE_ROOT PYTHON [GJS]

import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

source_root, python = sys.argv[1], sys.argv[2]
gjs = sys.argv[3] if len(sys.argv) > 3 else None
import importlib.util  # noqa: E402

spec = importlib.util.spec_from_file_location(
    "install_env", os.path.join(source_root, "build-aux", "install-env.py"))
install_env = importlib.util.module_from_spec(spec)
spec.loader.exec_module(install_env)

failures = 0
n = 0


def tap(ok, name, detail=""):
    global failures, n
    n += 1
    print(("ok" if ok else "not ok") + f" {n} - {name}")
    if not ok:
        failures += 1
        for line in detail.rstrip().splitlines():
            print("# " + line)


def readme_sections():
    """The README's sections in order: (level, heading, [(language, code)])."""
    with open(os.path.join(source_root, "README.md"), encoding="utf-8") as f:
        text = f.read()
    sections = [(1, "", [])]
    for match in re.finditer(r"^(#{2,3}) (.*?)$|^```(\w*)\n(.*?)^```$", text, re.M | re.S):
        if match.group(1):
            sections.append((len(match.group(1)), match.group(2).strip(), []))
        else:
            sections[-1][2].append((match.group(3), match.group(4)))
    return sections


def first_block(sections, heading, language):
    for _, name, blocks in sections:
        if name == heading:
            return next((code for lang, code in blocks if lang == language), None)
    return None


def install_cases(sections):
    """The "### " cases of "## Install": (heading, first sh block)."""
    cases = []
    inside = False
    for level, name, blocks in sections:
        if level == 2:
            inside = name == "Install"
        elif inside and level == 3:
            code = next((code for lang, code in blocks if lang == "sh"), None)
            if code is not None:
                cases.append((name, code))
    return cases


def run(cmd, **kwargs):
    return subprocess.run(cmd, capture_output=True, text=True, **kwargs)


def gi_typelibdir():
    out = run(["pkg-config", "--variable=typelibdir", "gobject-introspection-1.0"])
    return out.stdout.strip()


def system_dirs(prefix, ran_ldconfig):
    """What the system searches by itself under @prefix, per variable."""
    out = run([python, "-E", "-s", "-c", "import site, json; print(json.dumps(site.getsitepackages()))"])
    site_dirs = json.loads(out.stdout)
    loader = install_env.loader_system_dirs()
    if ran_ldconfig:
        loader += install_env.loader_cache_dirs()
    return {
        "PYTHONPATH": [d for d in site_dirs if install_env.under(d, prefix)],
        "LD_LIBRARY_PATH": [d for d in loader if install_env.under(d, prefix)],
        "GI_TYPELIB_PATH": [d for d in [gi_typelibdir()] if d and install_env.under(d, prefix)],
    }


# A stand-in for meson in the README's blocks: `setup build ARGS` configures
# the one build tree of this test with ARGS (the library is compiled once),
# `compile` builds it, `install` installs it into $BILAT_TEST_DESTDIR.
MESON_SHIM = r'''
meson() {
  case "$1" in
    setup)
      shift; shift
      case " $* " in *" --libdir"*) ;; *) set -- "$@" "--libdir=$BILAT_TEST_LIBDIR";; esac
      case " $* " in *" --prefix"*) ;; *) set -- "$@" "--prefix=/usr/local";; esac
      command meson configure "$BILAT_TEST_BUILD" "$@" >>"$BILAT_TEST_LOG" 2>&1 ;;
    compile)
      command meson compile -C "$BILAT_TEST_BUILD" >>"$BILAT_TEST_LOG" 2>&1 ;;
    install)
      if [ -n "$BILAT_TEST_DESTDIR" ]; then
        command meson install -C "$BILAT_TEST_BUILD" --destdir "$BILAT_TEST_DESTDIR" >>"$BILAT_TEST_LOG" 2>&1
      else
        command meson install -C "$BILAT_TEST_BUILD" >>"$BILAT_TEST_LOG" 2>&1
      fi ;;
    *) echo "meson $1: not expected in the README's install blocks" >&2; return 1 ;;
  esac
}
ldconfig() { : > "$BILAT_TEST_LDCONFIG"; }
'''


def main():
    sections = readme_sections()
    python_example = first_block(sections, "Using it from Python", "python")
    gjs_example = first_block(sections, "Using it from GJS", "js")
    tap(python_example is not None, "the README has a Python example")
    tap(gjs_example is not None, "the README has a GJS example")
    cases = install_cases(sections)
    tap(len(cases) == 3, f"the README's Install section has three cases ({len(cases)})")

    with tempfile.TemporaryDirectory(prefix="bilat-installed.") as work:
        build = os.path.join(work, "build")
        log = os.path.join(work, "meson.log")
        with open(log, "w") as f:
            setup = subprocess.run(["meson", "setup", build, source_root, "-Dtests=false", "-Ddocs=false",
                                    "-Dplot=disabled"],
                                   stdout=f, stderr=subprocess.STDOUT)
            if setup.returncode == 0:
                setup = subprocess.run(["meson", "compile", "-C", build], stdout=f, stderr=subprocess.STDOUT)
        if setup.returncode != 0:
            with open(log) as f:
                tap(False, "the library builds", f.read()[-4000:])
            return
        options = json.loads(run(["meson", "introspect", "--buildoptions", build]).stdout)
        default_libdir = next(o["value"] for o in options if o["name"] == "libdir")

        examples = os.path.join(work, "examples")
        os.mkdir(examples)
        with open(os.path.join(examples, "example.py"), "w") as f:
            f.write(python_example or "")
        with open(os.path.join(examples, "drills.js"), "w") as f:
            f.write(gjs_example or "")

        for index, (heading, block) in enumerate(cases):
            home = os.path.join(work, f"home{index}")
            os.mkdir(home)
            match = re.search(r"--prefix=(\S+)", block)
            own_prefix = match is not None and "$" in match.group(1)
            destdir = "" if own_prefix else os.path.join(work, f"destdir{index}")
            ldconfig_mark = os.path.join(work, f"ldconfig{index}")
            base = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home, "LANG": "C.UTF-8"}
            shell_env = dict(base, BILAT_TEST_BUILD=build, BILAT_TEST_LOG=log,
                             BILAT_TEST_DESTDIR=destdir, BILAT_TEST_LIBDIR=default_libdir,
                             BILAT_TEST_LDCONFIG=ldconfig_mark)
            script = MESON_SHIM + "set -e\n" + block + "\nenv -0\n"
            result = subprocess.run(["sh", "-c", script], env=shell_env, capture_output=True)
            if result.returncode != 0:
                with open(log) as f:
                    tap(False, f"{heading}: the block runs",
                        result.stderr.decode(errors="replace") + f.read()[-4000:])
                continue
            exported = dict(item.split("=", 1) for item in result.stdout.decode().split("\0") if "=" in item)
            exported = {k: v for k, v in exported.items()
                        if not k.startswith("BILAT_TEST_") and k not in base and k not in ("PWD", "SHLVL", "_")
                        and k in ("GI_TYPELIB_PATH", "LD_LIBRARY_PATH", "PYTHONPATH")}
            options = json.loads(run(["meson", "introspect", "--buildoptions", build]).stdout)
            prefix = next(o["value"] for o in options if o["name"] == "prefix")

            env = dict(base)
            for key, value in exported.items():
                parts = [p for p in value.split(":") if p]
                env[key] = ":".join(destdir + p if destdir and p.startswith("/") else p for p in parts)
            if destdir:
                for key, dirs in system_dirs(prefix, os.path.exists(ldconfig_mark)).items():
                    mapped = [destdir + d for d in dirs]
                    env[key] = ":".join([p for p in env.get(key, "").split(":") if p] + mapped)
            described = " ".join(f"{k}={shlex.quote(v)}" for k, v in sorted(exported.items())) or "no variable"
            print(f"# {heading}: prefix {prefix}, {described}")

            if python_example is not None:
                out = run([python, os.path.join(examples, "example.py")], env=env, cwd=examples)
                ok = (out.returncode == 0 and "friendship-2016" in out.stdout
                      and re.search(r"^2015 \d+ ", out.stdout, re.M) is not None)
                tap(ok, f"{heading}: the Python example runs",
                    f"exit {out.returncode}\n{out.stdout[-2000:]}\n{out.stderr[-3000:]}")
            if gjs_example is not None and gjs is not None:
                out = run([gjs, "-m", os.path.join(examples, "drills.js")], env=env, cwd=examples)
                ok = out.returncode == 0 and re.search(r"^2016\S*\s+friendship-2016$", out.stdout, re.M) is not None
                tap(ok, f"{heading}: the GJS example runs",
                    f"exit {out.returncode}\n{out.stdout[-2000:]}\n{out.stderr[-3000:]}")
            # The bilat package (bilat.dask) lies beside gi/overrides.
            out = run([python, "-c", "import bilat, os; print(os.path.dirname(bilat.__file__))"],
                      env=env, cwd=examples)
            ok = out.returncode == 0 and (not destdir or out.stdout.strip().startswith(destdir))
            tap(ok, f"{heading}: the bilat Python package is found",
                f"exit {out.returncode}\n{out.stdout[-500:]}\n{out.stderr[-2000:]}")


main()
print(f"1..{n}")
sys.exit(1 if failures else 0)
