"""The path language of Element.find/findall/findtext/iterfind.

A path is a sequence of steps separated by '/': a tag ('{uri}local',
'prefix:local' with a namespaces map, '{*}local' for any namespace), '*'
for any element, '.' for the current element, '..' for its parent and an
empty step ('//') for "any depth below". A step may carry predicates:
[@name], [@name='value'], [tag], [tag='text'], [.='text'], [n] (1-based),
[last()] and [last()-n]. Paths are parsed once into a list of functions
that map a selection (a list of elements) to the next one.
"""

_cache = {}


class _Context:
    """What a step may need besides the selection: the parent of every
    element below the one the search started from."""

    def __init__(self, root):
        self.root = root
        self._parents = None

    def parent(self, elem):
        if self._parents is None:
            self._parents = {}
            for node in self.root.iter():
                for child in node:
                    self._parents[id(child)] = node
        return self._parents.get(id(elem))


def _tokens(path):
    """Splits a path into tag names, '/', '//', '[', ']', '@', '=',
    '(', ')' and quoted strings, keeping '{uri}' names whole."""
    out = []
    i, n = 0, len(path)
    while i < n:
        ch = path[i]
        if ch == "/":
            if path.startswith("//", i):
                out.append("//")
                i += 2
            else:
                out.append("/")
                i += 1
        elif ch in "[]@=()":
            out.append(ch)
            i += 1
        elif ch in "'\"":
            end = path.find(ch, i + 1)
            if end < 0:
                raise SyntaxError("invalid path")
            out.append(("str", path[i + 1:end]))
            i = end + 1
        elif ch.isspace():
            i += 1
        else:
            start = i
            while i < n:
                c = path[i]
                if c == "{":
                    close = path.find("}", i)
                    if close < 0:
                        raise SyntaxError("invalid path")
                    i = close + 1
                elif c in "/[]@=()'\"" or c.isspace():
                    break
                else:
                    i += 1
            out.append(path[start:i])
    return out


def _qualify(name, namespaces):
    if name[:1] == "{" or ":" not in name:
        if name[:1] != "{" and namespaces and "" in namespaces and name not in ("*", ".", ".."):
            return "{%s}%s" % (namespaces[""], name)
        return name
    prefix, local = name.split(":", 1)
    if not namespaces or prefix not in namespaces:
        raise SyntaxError(f"prefix {prefix!r} not found in prefix map")
    return "{%s}%s" % (namespaces[prefix], local)


def _tag_matcher(tag):
    if tag == "*":
        return lambda elem: isinstance(elem.tag, str)
    if tag.startswith("{*}"):
        local = tag[3:]
        return lambda elem: isinstance(elem.tag, str) and (
            elem.tag == local or elem.tag.endswith("}" + local))
    if tag.endswith("}*"):
        space = tag[:-1]
        return lambda elem: isinstance(elem.tag, str) and elem.tag.startswith(space)
    return lambda elem: elem.tag == tag


def _children_step(matches):
    def step(ctx, selection):
        return [child for elem in selection for child in elem if matches(child)]
    return step


def _descendants_step(matches):
    def step(ctx, selection):
        found = []
        for elem in selection:
            for node in elem.iter():
                if node is not elem and matches(node):
                    found.append(node)
        return found
    return step


def _self_step(ctx, selection):
    return list(selection)


def _parent_step(ctx, selection):
    parents = []
    for elem in selection:
        parent = ctx.parent(elem)
        if parent is not None:
            parents.append(parent)
    return parents


def _filter(keep):
    def step(ctx, selection):
        return [elem for elem in selection if keep(elem)]
    return step


def _position(index):
    """[n], [last()], [last()-n]: among the selected children of one parent."""
    def step(ctx, selection):
        groups = {}
        order = []
        for elem in selection:
            parent = ctx.parent(elem)
            key = id(parent)
            if key not in groups:
                groups[key] = []
                order.append(key)
            groups[key].append(elem)
        picked = []
        for key in order:
            members = groups[key]
            at = index if index >= 0 else len(members) + index
            if 0 <= at < len(members):
                picked.append(members[at])
        return picked
    return step


def _text_of(elem):
    return "".join(elem.itertext())


def _predicate(tokens, namespaces):
    """One [...] predicate (the tokens between the brackets) as a step."""
    kinds = ["s" if isinstance(t, tuple) else t for t in tokens]
    if kinds[:1] == ["@"] and len(tokens) == 2:
        name = _qualify(tokens[1], namespaces)
        return _filter(lambda e: e.get(name) is not None)
    if kinds[:1] == ["@"] and len(tokens) == 4 and kinds[2] == "=" and kinds[3] == "s":
        name, value = _qualify(tokens[1], namespaces), tokens[3][1]
        return _filter(lambda e: e.get(name) == value)
    if len(tokens) == 1 and isinstance(tokens[0], str):
        word = tokens[0]
        if word.isdigit() or word.startswith("-"):
            try:
                number = int(word)
            except ValueError:
                raise SyntaxError("invalid node predicate") from None
            if number < 1:
                raise SyntaxError("XPath position >= 1 expected")
            return _position(number - 1)
        matches = _tag_matcher(_qualify(word, namespaces))
        return _filter(lambda e: any(matches(c) for c in e))
    if len(tokens) == 3 and kinds[1] == "=" and kinds[2] == "s":
        word, value = tokens[0], tokens[2][1]
        if word == ".":
            return _filter(lambda e: _text_of(e) == value)
        matches = _tag_matcher(_qualify(word, namespaces))
        return _filter(lambda e: any(matches(c) and _text_of(c) == value for c in e))
    if kinds[:3] == ["last", "(", ")"]:
        rest = tokens[3:]
        if not rest:
            return _position(-1)
        if len(rest) == 1 and isinstance(rest[0], str) and rest[0].startswith("-"):
            try:
                back = int(rest[0][1:])
            except ValueError:
                raise SyntaxError("unsupported function") from None
            return _position(-1 - back)
        raise SyntaxError("unsupported function")
    raise SyntaxError("invalid predicate")


def _compile(path, namespaces):
    tokens = _tokens(path)
    if tokens[:1] == ["/"] or tokens[:1] == ["//"]:
        raise SyntaxError("cannot use absolute path on element")
    steps = []
    i = 0
    descend = False
    expect_name = True
    while i < len(tokens):
        token = tokens[i]
        if token == "/":
            if expect_name:
                raise SyntaxError("invalid path")
            expect_name = True
            i += 1
            continue
        if token == "//":
            if expect_name and steps:
                raise SyntaxError("invalid path")
            descend = True
            expect_name = True
            if not steps:
                steps.append(_self_step)
            i += 1
            continue
        if token == "[":
            if expect_name:
                raise SyntaxError("invalid predicate")
            close = i + 1
            while close < len(tokens) and tokens[close] != "]":
                close += 1
            if close == len(tokens):
                raise SyntaxError("invalid predicate")
            steps.append(_predicate(tokens[i + 1:close], namespaces))
            i = close + 1
            continue
        if not isinstance(token, str) or not expect_name or token in "]@=()":
            raise SyntaxError("invalid path")
        if descend and token in (".", ".."):
            raise SyntaxError("invalid descendant")
        if token == ".":
            steps.append(_self_step)
        elif token == "..":
            steps.append(_parent_step)
        else:
            matches = _tag_matcher(_qualify(token, namespaces))
            steps.append(_descendants_step(matches) if descend else _children_step(matches))
        descend = False
        expect_name = False
        i += 1
    if expect_name:
        raise SyntaxError("path ends with a separator" if descend else "invalid path")
    return steps


def _steps(path, namespaces):
    key = (path, tuple(sorted(namespaces.items())) if namespaces else None)
    steps = _cache.get(key)
    if steps is None:
        if len(_cache) > 100:
            _cache.clear()
        steps = _cache[key] = _compile(path, namespaces)
    return steps


def iterfind(elem, path, namespaces=None):
    steps = _steps(path, namespaces)
    ctx = _Context(elem)
    selection = [elem]
    for step in steps:
        selection = step(ctx, selection)
    seen = set()
    for found in selection:
        if id(found) not in seen:
            seen.add(id(found))
            yield found


def find(elem, path, namespaces=None):
    return next(iterfind(elem, path, namespaces), None)


def findall(elem, path, namespaces=None):
    return list(iterfind(elem, path, namespaces))


def findtext(elem, path, default=None, namespaces=None):
    found = find(elem, path, namespaces)
    if found is None:
        return default
    return found.text or ""
