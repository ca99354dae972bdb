#!/usr/bin/env python3
"""The layout rules of DESIGN.md that the compiler does not check.

- no import circle between library files (a `use` of a name re-exported by a
  facade counts as a use of the file that defines it; the facade's own
  `pub use` and `mod` lines are not dependencies);
- an output never imports a format (src/output/ never names `formats`);
- no `pub(crate)` or `pub(super)` struct field;
- no `#[allow(clippy::too_many_lines)]`, and no library function over 100
  lines from its `fn` line to its closing brace, comments included (clippy's
  pedantic set counts code lines only).

Prints each breach and exits 1 when there is one.
"""
import os
import re
import sys

SRC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src")


def module_of(path):
    rel = os.path.relpath(path, SRC)[: -len(".rs")].split(os.sep)
    if rel[-1] in ("mod", "lib"):
        rel = rel[:-1]
    return tuple(rel)


def library_files():
    for root, _, names in os.walk(SRC):
        for name in names:
            if name.endswith(".rs"):
                yield os.path.join(root, name)


def strip_comments(text):
    text = re.sub(r"//[^\n]*", "", text)
    return re.sub(r"/\*.*?\*/", "", text, flags=re.S)


def use_trees(text):
    """Each `use` statement's tree, whether it is a `pub use`, and its indent."""
    for m in re.finditer(r"^([ \t]*)(pub(?:\([^)]*\))?\s+)?use\s+([^;]+);", text, re.M):
        yield m.group(3), bool(m.group(2)), len(m.group(1))


def expand(tree):
    """`a::{b, c::{d}}` -> [a::b, a::c::d] as lists of segments."""
    tree = re.sub(r"\s+", "", tree)
    if "{" not in tree:
        return [tree.split(" as ")[0].split("::")]
    head, rest = tree.split("{", 1)
    body = rest[: rest.rfind("}")]
    parts, depth, cur = [], 0, ""
    for ch in body:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    if cur:
        parts.append(cur)
    prefix = [s for s in head.split("::") if s]
    out = []
    for part in parts:
        for path in expand(part):
            out.append(prefix + [s for s in path if s])
    return out


def main():
    files = {module_of(p): p for p in library_files()}
    texts = {m: strip_comments(open(p, encoding="utf-8").read()) for m, p in files.items()}
    # Facades: a name re-exported by `pub use` from another module of the crate.
    reexports = {}
    for mod, text in texts.items():
        for tree, public, _ in use_trees(text):
            if not public:
                continue
            for path in expand(tree):
                target = absolute(mod, path, 0)
                if target and path[-1] not in ("*", "self"):
                    reexports[mod + (path[-1],)] = target
    edges = {m: set() for m in files}
    for mod, text in texts.items():
        paths = []
        for tree, public, indent in use_trees(text):
            if public:
                continue
            paths += [absolute(mod, p, indent) for p in expand(tree)]
        paths += [p.split("::") for p in re.findall(r"\bcrate(?:::\w+)+", text)]
        # A module's own children named in code (`read::document(..)`).
        for child in re.findall(r"^\s*(?:pub(?:\([^)]*\))?\s+)?mod\s+(\w+)\s*;", text, re.M):
            code = re.sub(r"^\s*(pub(\([^)]*\))?\s+)?(use|mod)\b[^;]*;", "", text, flags=re.M)
            if re.search(r"(?<![:\w])" + child + r"::\w", code):
                paths.append(["crate", *mod, child])
        for path in paths:
            if not path:
                continue
            target = resolve(path, files, reexports)
            if target is not None and target != mod:
                edges[mod].add(target)
    breaches = cycles(edges) + output_names_formats(texts) + fields_and_allows(files) + long_functions(files)
    for breach in breaches:
        print(breach)
    return 1 if breaches else 0


def absolute(mod, path, indent):
    """The crate-absolute segments of a `use` path seen from `mod`."""
    if not path:
        return None
    if path[0] == "crate":
        return ["crate"] + path[1:]
    if path[0] in ("core", "std", "alloc", "chrono", "serde", "serde_json", "thiserror", "uuid", "chrono_tz"):
        return None
    if path[0] not in ("super", "self"):
        # `use child::..`: a path relative to this module (edition 2018 and later).
        return ["crate"] + list(mod) + path
    if path[0] in ("super", "self"):
        base = list(mod)
        segments = list(path)
        # `use super::..` inside an inline module (indented) names the file's module.
        if indent > 0 and segments[0] == "super":
            segments = segments[1:]
        while segments and segments[0] in ("super", "self"):
            if segments[0] == "super":
                base = base[:-1]
            segments = segments[1:]
        return ["crate"] + base + segments
    return None


def resolve(path, files, reexports):
    """The file a crate path lands in: follow re-exports, else the longest module prefix."""
    segments = tuple(path[1:]) if path[0] == "crate" else None
    if segments is None:
        return None
    for _ in range(8):
        for n in range(len(segments), 0, -1):
            if segments[:n] in reexports and n == len(segments) or segments[:n] in reexports and segments[:n] not in files:
                target = reexports[segments[:n]]
                segments = tuple(target[1:]) + segments[n:]
                break
        else:
            break
    for n in range(len(segments), -1, -1):
        if segments[:n] in files:
            return segments[:n]
    return None


def cycles(edges):
    found, state, stack = [], {}, []

    def visit(node):
        state[node] = 1
        stack.append(node)
        for nxt in sorted(edges[node]):
            if state.get(nxt) == 1:
                cycle = stack[stack.index(nxt):] + [nxt]
                found.append("import circle: " + " -> ".join(name(m) for m in cycle))
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node)
    return found


def name(mod):
    return "/".join(mod) or "lib"


def output_names_formats(texts):
    return [
        f"src/{name(m)}: an output names a format"
        for m, text in texts.items()
        if m[:1] == ("output",) and re.search(r"\bformats\b", text)
    ]


def fields_and_allows(files):
    found = []
    for mod, path in files.items():
        text = open(path, encoding="utf-8").read()
        for i, line in enumerate(text.splitlines(), 1):
            if re.match(r"\s*pub\((crate|super)\)\s+\w+\s*:", line) or re.search(r"[(,]\s*pub\((crate|super)\)\s+[\w&']", line):
                found.append(f"{os.path.relpath(path, os.path.dirname(SRC))}:{i}: a pub(crate) struct field")
            if "too_many_lines" in line:
                found.append(f"{os.path.relpath(path, os.path.dirname(SRC))}:{i}: too_many_lines allowed")
    return found


def long_functions(files, limit=100):
    """Functions longer than `limit` lines, by rustfmt's layout: the body ends at
    the first line after the signature that is a `}` at the `fn` line's indent."""
    found = []
    head = re.compile(r"^(\s*)(?:pub(?:\([^)]*\))?\s+)?(?:const\s+)?(?:unsafe\s+)?fn\s+\w+")
    for path in files.values():
        lines = open(path, encoding="utf-8").read().splitlines()
        for i, line in enumerate(lines):
            m = head.match(line)
            if not m or line.rstrip().endswith((";", "}")):
                continue
            indent = m.group(1)
            for j in range(i + 1, len(lines)):
                if lines[j] == indent + "}":
                    if j - i + 1 > limit:
                        rel = os.path.relpath(path, os.path.dirname(SRC))
                        found.append(f"{rel}:{i + 1}: a function of {j - i + 1} lines")
                    break
    return found


if __name__ == "__main__":
    sys.exit(main())
