#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# The layering of lib/: no file may depend, directly or indirectly, on a
# file that depends on it.
#
# "Depends" is read from the object files, not from the #includes: file A
# depends on file B when A's object refers to a symbol that B's object
# defines (nm: an undefined symbol of A, a global definition of B). The
# files and their references make a directed graph, which must have no
# cycle. There are no exceptions: a reference that points up the layering
# is fixed where it is made (by moving what both sides need below both),
# not listed.
#
# Usage: check-layering.py NM LIBRARY.a
# Prints TAP; exits non-zero when the layering is broken.

import collections
import os
import subprocess
import sys


def object_name(member):
    """path/bilat-store.c.o -> bilat-store"""
    member = os.path.basename(member)
    for suffix in (".c.o", ".o"):
        if member.endswith(suffix):
            return member[: -len(suffix)]
    return member


def read_symbols(nm, archive):
    """The global definitions and the undefined references of each lib/ object."""
    out = subprocess.run(
        [nm, "-A", "--defined-only", "-g", archive],
        check=True, capture_output=True, text=True).stdout
    defined = {}
    for line in out.splitlines():
        # "lib.a:member.o:0000000000000000 T symbol"
        where, _, rest = line.rpartition(":")
        member = where.rpartition(":")[2]
        fields = rest.split()
        if len(fields) == 3:
            defined.setdefault(fields[2], object_name(member))
    out = subprocess.run(
        [nm, "-A", "--undefined-only", archive],
        check=True, capture_output=True, text=True).stdout
    references = collections.defaultdict(set)
    for line in out.splitlines():
        where, _, rest = line.rpartition(":")
        member = where.rpartition(":")[2]
        fields = rest.split()
        if fields and fields[0] == "U":
            references[object_name(member)].add(fields[-1])
    return defined, references


def strongly_connected(nodes, graph):
    """Tarjan's algorithm, iterative; returns the components of two or more."""
    index, low, on_stack, stack, found = {}, {}, set(), [], []
    counter = 0
    for root in sorted(nodes):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, successors = work[-1]
            advanced = False
            for succ in successors:
                if succ not in index:
                    index[succ] = low[succ] = counter
                    counter += 1
                    stack.append(succ)
                    on_stack.add(succ)
                    work.append((succ, iter(sorted(graph[succ]))))
                    advanced = True
                    break
                if succ in on_stack:
                    low[node] = min(low[node], index[succ])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def a_cycle(component, graph):
    """One cycle through the first file of @component, as a list of files."""
    members = set(component)
    start = component[0]
    parent = {start: None}
    queue = collections.deque([start])
    while queue:
        node = queue.popleft()
        for succ in sorted(graph[node]):
            if succ == start:
                path = [node]
                while parent[path[-1]] is not None:
                    path.append(parent[path[-1]])
                return list(reversed(path)) + [start]
            if succ in members and succ not in parent:
                parent[succ] = node
                queue.append(succ)
    return component


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: check-layering.py NM LIBRARY.a")
    nm, archive = sys.argv[1:]
    defined, references = read_symbols(nm, archive)

    files = {f for f in set(defined.values()) | set(references) if f.startswith("bilat-")}
    graph = collections.defaultdict(set)
    why = collections.defaultdict(set)
    for source in files:
        for symbol in references[source]:
            target = defined.get(symbol)
            if target in files and target != source:
                graph[source].add(target)
                why[(source, target)].add(symbol)

    print("1..1")
    cycles = strongly_connected(files, graph)
    if cycles:
        print("not ok 1 - the files of lib/ depend on each other without a cycle")
        for component in cycles:
            cycle = a_cycle(component, graph)
            print(f"# cycle among {len(component)} files: {' -> '.join(cycle)}")
            for source, target in zip(cycle, cycle[1:]):
                symbols = sorted(why[(source, target)])
                shown = ", ".join(symbols[:4]) + (" …" if len(symbols) > 4 else "")
                print(f"#   {source} -> {target}: {shown}")
    else:
        edges = sum(len(v) for v in graph.values())
        print(f"ok 1 - the files of lib/ depend on each other without a cycle "
              f"({len(files)} files, {edges} dependencies)")
    return 1 if cycles else 0


if __name__ == "__main__":
    sys.exit(main())
