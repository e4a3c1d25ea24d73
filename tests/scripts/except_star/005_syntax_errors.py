# The compile-time errors of except*.
sources = {
    "mixed": "try:\n    pass\nexcept* ValueError:\n    pass\nexcept TypeError:\n    pass\n",
    "mixed2": "try:\n    pass\nexcept ValueError:\n    pass\nexcept* TypeError:\n    pass\n",
    "no type": "try:\n    pass\nexcept*:\n    pass\n",
    "break": "for i in x:\n    try:\n        pass\n    except* ValueError:\n        break\n",
    "continue": "for i in x:\n    try:\n        pass\n    except* ValueError:\n        continue\n",
    "return": "def f():\n    try:\n        pass\n    except* ValueError:\n        return\n",
    "return value": "def f():\n    try:\n        pass\n    except* ValueError:\n        return 1\n",
    "return expr": "def f():\n    try:\n        pass\n    except* ValueError:\n        return 'h' + repr(e)\n",
    "loop inside ok": "try:\n    pass\nexcept* ValueError:\n    for i in x:\n        break\n",
    "def inside ok": "try:\n    pass\nexcept* ValueError:\n    def g():\n        return 1\n",
    "space star": "try:\n    pass\nexcept *ValueError:\n    pass\n",
}
for name, src in sources.items():
    try:
        compile(src, "<test>", "exec")
    except SyntaxError as e:
        print(f"{name}: {e.msg} (line {e.lineno}, offset {e.offset})")
    else:
        print(f"{name}: ok")
