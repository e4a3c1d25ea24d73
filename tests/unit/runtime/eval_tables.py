#!/usr/bin/env python3
"""Checks (or prints) the expression tables of the runtime unit tests.

The tests in this folder list cases as {R"~(python expression)~", R"~(expected)~"}
rows, evaluated by tests/unit/runtime/mini_eval.hpp. This script evaluates
each expression with the CPython running it (3.11 is the reference) and
reports rows whose expected text differs: the repr of the result, or
"ExceptionType: message".

    python3 tests/unit/runtime/eval_tables.py tests/unit/runtime/str_test.cpp
    python3 tests/unit/runtime/eval_tables.py --emit 'expr' ...   # prints rows
"""
import re
import sys

ROW = re.compile(r'\{R"~\((.*?)\)~",\s*R"~\((.*?)\)~"\}', re.S)


def evaluate(expr):
    try:
        return repr(eval(expr, {}))
    except Exception as e:  # noqa: BLE001 - any exception is an expected outcome
        text = str(e)
        return f'{type(e).__name__}: {text}' if text else type(e).__name__


def main(argv):
    if argv and argv[0] == '--emit':
        for expr in argv[1:]:
            print(f'    {{R"~({expr})~", R"~({evaluate(expr)})~"}},')
        return 0
    bad = 0
    for path in argv:
        for expr, expected in ROW.findall(open(path, encoding='utf-8').read()):
            got = evaluate(expr)
            if got != expected:
                bad += 1
                print(f'{path}: {expr}\n  table:   {expected}\n  python3: {got}')
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
