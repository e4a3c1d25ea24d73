"""Shared by tools/gen_re_table.py (run under python3, writes re_table.json)
and 090_conformance.py (run under gilt): one case of the conformance table
run and described as text, so both interpreters describe results the same way.

A case is [pattern, flags, subject, op, extra]; a pattern or subject written
as ["b", text] is the bytes text.encode("latin-1").
"""

import re


def decode(item):
    if isinstance(item, list) and item and item[0] == "b":
        return item[1].encode("latin-1")
    return item


def describe_match(m):
    if m is None:
        return "None"
    return "span=%r groups=%r lastindex=%r lastgroup=%r dict=%r" % (
        m.span(), m.groups(), m.lastindex, m.lastgroup, m.groupdict())


def run_case(case):
    pattern, flags, subject, op, extra = case
    pattern = decode(pattern)
    subject = decode(subject)
    extra = decode(extra)
    try:
        p = re.compile(pattern, flags)
        if op == "compile":
            return "groups=%r index=%r flags=%r" % (p.groups, sorted(p.groupindex.items()), int(p.flags))
        if op == "match":
            return describe_match(p.match(subject))
        if op == "search":
            return describe_match(p.search(subject))
        if op == "fullmatch":
            return describe_match(p.fullmatch(subject))
        if op == "findall":
            return repr(p.findall(subject))
        if op == "finditer":
            return repr([(m.span(), m.lastindex) for m in p.finditer(subject)])
        if op == "sub":
            return repr(p.subn(extra, subject))
        if op == "split":
            return repr(p.split(subject))
        if op == "window":
            pos, endpos = extra
            found = [describe_match(p.search(subject, pos, endpos)),
                     describe_match(p.match(subject, pos, endpos)),
                     describe_match(p.fullmatch(subject, pos, endpos)),
                     p.findall(subject, pos, endpos),
                     [m.span() for m in p.finditer(subject, pos, endpos)]]
            return repr(found)
        if op == "split1":
            return repr(p.split(subject, 1))
        return "unknown op " + op
    except re.error as e:
        return "re.error: %s | pos=%r" % (e, e.pos)
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)
