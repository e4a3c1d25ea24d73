"""xml.etree.ElementTree: XML documents as trees of Element objects.

Parsing goes through _expat (native), which reports start/end/data/...
events; TreeBuilder turns them into Elements. Serialization is written
here: escaping, namespace prefixes (ns0, ns1, ... for URIs without a
registered prefix) and the xml declaration follow CPython's output.
"""

import io as _io
import sys as _sys

import _expat
from . import ElementPath

__all__ = [
    "Comment", "dump", "Element", "ElementTree", "fromstring", "fromstringlist",
    "indent", "iselement", "iterparse", "parse", "ParseError", "PI",
    "ProcessingInstruction", "QName", "SubElement", "tostring", "tostringlist",
    "TreeBuilder", "VERSION", "XML", "XMLID", "XMLParser", "XMLPullParser",
    "register_namespace",
]

VERSION = "1.3.0"


class ParseError(SyntaxError):
    """A document expat could not parse; `code` is expat's error number
    and `position` the (line, column) where it stopped."""


ParseError.__module__ = "xml.etree.ElementTree"


# --- Element ---------------------------------------------------------------

class Element:
    """One XML element: a tag, an attribute dict, text, tail and children."""

    def __init__(self, tag, attrib={}, **extra):
        if not isinstance(attrib, dict):
            raise TypeError(f"attrib must be dict, not {type(attrib).__name__}")
        self.tag = tag
        self.attrib = {**attrib, **extra}
        self.text = None
        self.tail = None
        self._children = []

    def __repr__(self):
        return "<%s %r at %#x>" % (type(self).__name__, self.tag, id(self))

    def makeelement(self, tag, attrib):
        return type(self)(tag, attrib)

    def __copy__(self):
        clone = self.makeelement(self.tag, self.attrib)
        clone.text = self.text
        clone.tail = self.tail
        clone[:] = self
        return clone

    def __deepcopy__(self, memo):
        clone = self.makeelement(self.tag, dict(self.attrib))
        clone.text = self.text
        clone.tail = self.tail
        for child in self._children:
            clone.append(child.__deepcopy__(memo))
        return clone

    def __len__(self):
        return len(self._children)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self._children[index]
        try:
            return self._children[index]
        except IndexError:
            raise IndexError("child index out of range") from None

    def __setitem__(self, index, element):
        if isinstance(index, slice):
            for e in element:
                self._check(e)
        else:
            self._check(element)
        self._children[index] = element

    def __delitem__(self, index):
        del self._children[index]

    def __iter__(self):
        return iter(self._children)

    @staticmethod
    def _check(e):
        if not isinstance(e, Element):
            raise TypeError(
                f"expected an Element, not {type(e).__name__}")

    def append(self, subelement, /):
        if not isinstance(subelement, Element):
            raise TypeError("append() argument must be xml.etree.ElementTree.Element, "
                            f"not {type(subelement).__name__}")
        self._children.append(subelement)

    def extend(self, elements, /):
        for e in elements:
            self._check(e)
            self._children.append(e)

    def insert(self, index, subelement, /):
        if not isinstance(subelement, Element):
            raise TypeError("insert() argument 2 must be xml.etree.ElementTree.Element, "
                            f"not {type(subelement).__name__}")
        self._children.insert(index, subelement)

    def remove(self, subelement, /):
        for i, child in enumerate(self._children):
            if child is subelement:
                del self._children[i]
                return
        raise ValueError("list.remove(x): x not in list")

    def clear(self):
        self.attrib.clear()
        self._children = []
        self.text = self.tail = None

    def get(self, key, default=None):
        return self.attrib.get(key, default)

    def set(self, key, value, /):
        self.attrib[key] = value

    def keys(self):
        return self.attrib.keys()

    def items(self):
        return self.attrib.items()

    def find(self, path, namespaces=None):
        return ElementPath.find(self, path, namespaces)

    def findtext(self, path, default=None, namespaces=None):
        return ElementPath.findtext(self, path, default, namespaces)

    def findall(self, path, namespaces=None):
        return ElementPath.findall(self, path, namespaces)

    def iterfind(self, path, namespaces=None):
        return ElementPath.iterfind(self, path, namespaces)

    def iter(self, tag=None):
        if tag == "*":
            tag = None
        pending = [self]
        while pending:
            elem = pending.pop()
            if tag is None or elem.tag == tag:
                yield elem
            pending.extend(reversed(elem._children))

    def itertext(self):
        if not isinstance(self.tag, str) and self.tag is not None:
            return
        if self.text:
            yield self.text
        for child in self._children:
            yield from child.itertext()
            if child.tail:
                yield child.tail


Element.__module__ = "xml.etree.ElementTree"


def SubElement(parent, tag, attrib={}, **extra):
    child = parent.makeelement(tag, {**attrib, **extra})
    parent.append(child)
    return child


def Comment(text=None):
    elem = Element(Comment)
    elem.text = text
    return elem


def ProcessingInstruction(target, text=None):
    elem = Element(ProcessingInstruction)
    elem.text = target if not text else f"{target} {text}"
    return elem


PI = ProcessingInstruction


class QName:
    """A qualified name that serializes as its prefixed form."""

    def __init__(self, text_or_uri, tag=None):
        self.text = "{%s}%s" % (text_or_uri, tag) if tag else text_or_uri

    def __repr__(self):
        return f"<QName {self.text!r}>"

    def __str__(self):
        return self.text

    def __hash__(self):
        return hash(self.text)

    def __eq__(self, other):
        return self.text == (other.text if isinstance(other, QName) else other)


def iselement(element):
    return hasattr(element, "tag")


# --- Serialization ---------------------------------------------------------

# The prefixes serialization uses for well-known namespaces (uri -> prefix).
_namespace_map = {uri: prefix for prefix, uri in (
    ("xml", "http://www.w3.org/XML/1998/namespace"),
    ("html", "http://www.w3.org/1999/xhtml"),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("wsdl", "http://schemas.xmlsoap.org/wsdl/"),
    ("xs", "http://www.w3.org/2001/XMLSchema"),
    ("xsi", "http://www.w3.org/2001/XMLSchema-instance"),
    ("dc", "http://purl.org/dc/elements/1.1/"),
)}


def register_namespace(prefix, uri):
    import re
    if re.match(r"ns\d+$", prefix):
        raise ValueError("Prefix format reserved for internal use")
    for known_uri, known_prefix in list(_namespace_map.items()):
        if known_uri == uri or known_prefix == prefix:
            del _namespace_map[known_uri]
    _namespace_map[uri] = prefix


_TEXT_REFS = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"))
_ATTR_REFS = _TEXT_REFS + (('"', "&quot;"), ("\r", "&#13;"), ("\n", "&#10;"), ("\t", "&#09;"))


def _replace_all(text, refs):
    for raw, ref in refs:
        if raw in text:
            text = text.replace(raw, ref)
    return text


def _escape_text(text):
    return _replace_all(text, _TEXT_REFS)


def _escape_attr(text):
    return _replace_all(text, _ATTR_REFS)


class _Names:
    """Maps the '{uri}local' names of one tree to 'prefix:local'."""

    def __init__(self, default_namespace):
        self.default = default_namespace
        self.prefixes = {}  # uri -> prefix, in order of first use
        self.names = {}

    def qualify(self, name, is_attr=False):
        if isinstance(name, QName):
            name = name.text
        cached = self.names.get((name, is_attr))
        if cached is not None:
            return cached
        if name[:1] == "{":
            uri, local = name[1:].split("}", 1)
            if uri == self.default and not is_attr:
                qualified = local
            else:
                prefix = self.prefixes.get(uri)
                if prefix is None:
                    prefix = _namespace_map.get(uri)
                    if prefix is None:
                        prefix = "ns%d" % len(self.prefixes)
                    self.prefixes[uri] = prefix
                qualified = f"{prefix}:{local}"
        else:
            if self.default and not is_attr:
                raise ValueError(
                    "cannot use non-qualified names with default_namespace option")
            qualified = name
        self.names[(name, is_attr)] = qualified
        return qualified

    def collect(self, root):
        for elem in root.iter():
            tag = elem.tag
            if isinstance(tag, (str, QName)):
                self.qualify(tag)
            elif tag is not None and tag is not Comment and tag is not PI:
                raise TypeError(f"cannot serialize {tag!r} (type {type(tag).__name__})")
            for key in elem.attrib:
                self.qualify(key, True)

    def declarations(self):
        decls = []
        if self.default:
            decls.append(("xmlns", self.default))
        for uri, prefix in sorted(self.prefixes.items(), key=lambda item: item[1]):
            if prefix != "xml":
                decls.append(("xmlns:" + prefix, uri))
        return decls


def _text_value(value):
    if isinstance(value, QName):
        return value.text
    if not isinstance(value, str):
        raise TypeError(f"cannot serialize {value!r} (type {type(value).__name__})")
    return value


def _write_element(write, elem, names, decls, short_empty):
    tag = elem.tag
    if tag is Comment:
        write(f"<!--{elem.text}-->")
    elif tag is ProcessingInstruction:
        write(f"<?{elem.text}?>")
    elif tag is None:
        if elem.text:
            write(_escape_text(elem.text))
        for child in elem:
            _write_element(write, child, names, None, short_empty)
    else:
        qualified = names.qualify(tag)
        write("<" + qualified)
        for key, value in decls or ():
            write(f' {key}="{_escape_attr(value)}"')
        for key, value in elem.attrib.items():
            write(f' {names.qualify(key, True)}="{_escape_attr(_text_value(value))}"')
        if elem.text or len(elem) or not short_empty:
            write(">")
            if elem.text:
                write(_escape_text(_text_value(elem.text)))
            for child in elem:
                _write_element(write, child, names, None, short_empty)
            write(f"</{qualified}>")
        else:
            write(" />")
    if elem.tail:
        write(_escape_text(elem.tail))


def _serialize(root, write, default_namespace, short_empty, method):
    if method == "text":
        for piece in root.itertext():
            write(piece)
        return
    if method not in ("xml", "html"):
        raise ValueError(f"unknown method {method!r}")
    names = _Names(default_namespace)
    names.collect(root)
    _write_element(write, root, names, names.declarations(), short_empty)


def _encoder(encoding):
    """How text becomes the output's bytes: unencodable characters as
    character references, as CPython's xmlcharrefreplace."""
    def encode(text):
        return text.encode(encoding, "xmlcharrefreplace")
    return encode


def _feed_all(parser, stream):
    for chunk in iter(lambda: stream.read(1 << 16), b""):
        if not chunk:
            break
        parser.feed(chunk)


class ElementTree:
    """A whole document: a root element, with parse and write."""

    def __init__(self, element=None, file=None):
        self._root = element
        if file is not None:
            self.parse(file)

    def getroot(self):
        return self._root

    def _setroot(self, element):
        self._root = element

    def parse(self, source, parser=None):
        feeder = parser or XMLParser()
        if hasattr(source, "read"):
            _feed_all(feeder, source)
        else:
            with open(source, "rb") as stream:
                _feed_all(feeder, stream)
        self._root = feeder.close()
        return self._root

    def iter(self, tag=None):
        return self._root.iter(tag)

    def _relative(self, path):
        if path[:1] == "/":
            path = "." + path
        return path

    def find(self, path, namespaces=None):
        return self._root.find(self._relative(path), namespaces)

    def findtext(self, path, default=None, namespaces=None):
        return self._root.findtext(self._relative(path), default, namespaces)

    def findall(self, path, namespaces=None):
        return self._root.findall(self._relative(path), namespaces)

    def iterfind(self, path, namespaces=None):
        return self._root.iterfind(self._relative(path), namespaces)

    def write(self, file_or_filename, encoding=None, xml_declaration=None,
              default_namespace=None, method=None, *, short_empty_elements=True):
        if not method:
            method = "xml"
        if not encoding:
            encoding = "utf-8" if method == "c14n" else "us-ascii"
        text_mode = encoding.lower() == "unicode"
        opened = False
        if hasattr(file_or_filename, "write"):
            stream = file_or_filename
        else:
            stream = open(file_or_filename, "w" if text_mode else "wb",
                          **({"encoding": "utf-8"} if text_mode else {}))
            opened = True
        try:
            if text_mode:
                write = stream.write
            else:
                encode = _encoder(encoding)
                write = lambda text: stream.write(encode(text))
            wants_decl = xml_declaration or (
                xml_declaration is None and method == "xml" and not text_mode
                and encoding.lower() not in ("utf-8", "us-ascii"))
            if wants_decl:
                shown = encoding if not text_mode else "utf-8"
                write(f"<?xml version='1.0' encoding='{shown}'?>\n")
            _serialize(self._root, write, default_namespace, short_empty_elements, method)
        finally:
            if opened:
                stream.close()


ElementTree.__module__ = "xml.etree.ElementTree"


def tostring(element, encoding=None, method=None, *, xml_declaration=None,
             default_namespace=None, short_empty_elements=True):
    text_mode = encoding is not None and encoding.lower() == "unicode"
    stream = _io.StringIO() if text_mode else _io.BytesIO()
    ElementTree(element).write(stream, encoding, xml_declaration=xml_declaration,
                               default_namespace=default_namespace, method=method,
                               short_empty_elements=short_empty_elements)
    return stream.getvalue()


def tostringlist(element, encoding=None, method=None, *, xml_declaration=None,
                 default_namespace=None, short_empty_elements=True):
    return [tostring(element, encoding, method, xml_declaration=xml_declaration,
                     default_namespace=default_namespace,
                     short_empty_elements=short_empty_elements)]


def dump(elem):
    if not isinstance(elem, ElementTree):
        elem = ElementTree(elem)
    elem.write(_sys.stdout, encoding="unicode")
    tail = elem.getroot().tail
    if not tail or tail[-1] != "\n":
        _sys.stdout.write("\n")


def indent(tree, space="  ", level=0):
    if isinstance(tree, ElementTree):
        tree = tree.getroot()
    if level < 0:
        raise ValueError(f"Initial indentation level must be >= 0, got {level}")
    if len(tree):
        _indent_children(tree, space, level)


def _indent_children(elem, space, level):
    inner = "\n" + space * (level + 1)
    if not elem.text or not elem.text.strip():
        elem.text = inner
    for child in elem:
        if len(child):
            _indent_children(child, space, level + 1)
        if not child.tail or not child.tail.strip():
            child.tail = inner
    last = elem[-1]
    if not last.tail or not last.tail.strip():
        last.tail = "\n" + space * level


# --- Parsing ---------------------------------------------------------------

class TreeBuilder:
    """Builds Elements from start/end/data calls; close() returns the root."""

    def __init__(self, element_factory=None, *, comment_factory=None, pi_factory=None,
                 insert_comments=False, insert_pis=False):
        self._factory = element_factory or Element
        self._comment_factory = comment_factory or Comment
        self._pi_factory = pi_factory or ProcessingInstruction
        self._insert_comments = insert_comments
        self._insert_pis = insert_pis
        self._stack = []
        self._last = None
        self._root = None
        self._text = []
        self._tail = False  # whether pending text is the tail of _last

    def _flush(self):
        if not self._text:
            return
        text = "".join(self._text)
        self._text = []
        if self._last is None:
            return
        if self._tail:
            self._last.tail = (self._last.tail or "") + text
        else:
            self._last.text = (self._last.text or "") + text

    def data(self, data):
        self._text.append(data)

    def start(self, tag, attrs):
        self._flush()
        elem = self._factory(tag, attrs)
        if self._stack:
            self._stack[-1].append(elem)
        elif self._root is None:
            self._root = elem
        self._stack.append(elem)
        self._last = elem
        self._tail = False
        return elem

    def end(self, tag):
        self._flush()
        self._last = self._stack.pop()
        self._tail = True
        return self._last

    def _leaf(self, elem, insert):
        self._flush()
        if insert and self._stack:
            self._stack[-1].append(elem)
            self._last = elem
            self._tail = True
        return elem

    def comment(self, text):
        return self._leaf(self._comment_factory(text), self._insert_comments)

    def pi(self, target, text=None):
        return self._leaf(self._pi_factory(target, text), self._insert_pis)

    def close(self):
        self._flush()
        if self._root is None:
            raise AssertionError("missing toplevel element")
        return self._root


def _full_name(name):
    return "{" + name if "}" in name else name


class XMLParser:
    """Feeds text to expat and drives a target (a TreeBuilder by default)."""

    def __init__(self, *, target=None, encoding=None):
        self._native = _expat.create(True)
        self.target = target if target is not None else TreeBuilder()
        self._encoding = encoding
        self._events = None  # set by XMLPullParser: a list to report into
        self._wanted = ()
        self.version = "Expat %s" % _expat.EXPAT_VERSION[6:]
        self.entity = {}

    def _dispatch(self, events):
        target = self.target
        report = self._events
        for event in events:
            kind = event[0]
            if kind == "data":
                if hasattr(target, "data"):
                    target.data(event[1])
            elif kind == "start":
                flat = event[2]
                attrs = {_full_name(flat[i]): flat[i + 1] for i in range(0, len(flat), 2)}
                start = getattr(target, "start", None)
                elem = start(_full_name(event[1]), attrs) if start is not None else None
                if report is not None and "start" in self._wanted:
                    report.append(("start", elem))
            elif kind == "end":
                end = getattr(target, "end", None)
                elem = end(_full_name(event[1])) if end is not None else None
                if report is not None and "end" in self._wanted:
                    report.append(("end", elem))
            elif kind == "comment":
                comment = getattr(target, "comment", None)
                made = comment(event[1]) if comment is not None else None
                if report is not None and "comment" in self._wanted:
                    report.append(("comment", made))
            elif kind == "pi":
                pi = getattr(target, "pi", None)
                made = pi(event[1], event[2]) if pi is not None else None
                if report is not None and "pi" in self._wanted:
                    report.append(("pi", made))
            elif kind == "start-ns":
                start_ns = getattr(target, "start_ns", None)
                if start_ns is not None:
                    start_ns(event[1], event[2])
                if report is not None and "start-ns" in self._wanted:
                    report.append(("start-ns", (event[1], event[2])))
            elif kind == "end-ns":
                end_ns = getattr(target, "end_ns", None)
                if end_ns is not None:
                    end_ns(event[1])
                if report is not None and "end-ns" in self._wanted:
                    report.append(("end-ns", None))

    def _feed(self, data, final):
        if isinstance(data, (bytes, bytearray)) and self._encoding:
            data = data.decode(self._encoding)
        events, error = self._native.feed(data, final)
        self._dispatch(events)
        if error is not None:
            code, message, line, column = error
            exc = ParseError(f"{message}: line {line}, column {column}")
            exc.code = code
            exc.position = (line, column)
            raise exc

    def feed(self, data):
        self._feed(data, False)

    def close(self):
        self._feed(b"", True)
        close = getattr(self.target, "close", None)
        if close is not None:
            return close()
        return None


XMLParser.__module__ = "xml.etree.ElementTree"


def XML(text, parser=None):
    if parser is None:
        parser = XMLParser(target=TreeBuilder())
    parser.feed(text)
    return parser.close()


fromstring = XML


def fromstringlist(sequence, parser=None):
    if parser is None:
        parser = XMLParser(target=TreeBuilder())
    for text in sequence:
        parser.feed(text)
    return parser.close()


def XMLID(text, parser=None):
    root = XML(text, parser)
    ids = {}
    for elem in root.iter():
        key = elem.get("id")
        if key:
            ids[key] = elem
    return root, ids


def parse(source, parser=None):
    tree = ElementTree()
    tree.parse(source, parser)
    return tree


class XMLPullParser:
    """Feed text, then read_events() for (event, element) pairs."""

    def __init__(self, events=None, *, _parser=None):
        self._parser = _parser or XMLParser(target=TreeBuilder())
        self._parser._events = self._pending = []
        wanted = ("end",) if events is None else tuple(events)
        for name in wanted:
            if name not in ("start", "end", "comment", "pi", "start-ns", "end-ns"):
                raise ValueError(f"unknown event {name!r}")
        self._parser._wanted = wanted
        self._root = None

    def feed(self, data):
        parser = self._parser
        if parser is None:
            raise ValueError("feed() called after end of stream")
        if not data:
            return
        try:
            parser.feed(data)
        except ParseError as error:
            # Reported by read_events(), after the events before it.
            self._pending.append(error)

    def close(self):
        self._root = self._parser.close()
        self._parser = None

    def read_events(self):
        pending = self._pending
        while pending:
            event = pending.pop(0)
            if isinstance(event, Exception):
                raise event
            yield event


class _IterParse:
    def __init__(self, source, events):
        self._pull = XMLPullParser(events)
        self._close_source = not hasattr(source, "read")
        self._source = open(source, "rb") if self._close_source else source
        self.root = None
        self._events = self._run()

    def _run(self):
        try:
            while True:
                yield from self._pull.read_events()
                if self._pull._parser is None:
                    break
                data = self._source.read(16 * 1024)
                if data:
                    self._pull.feed(data)
                else:
                    self._pull.close()
            self.root = self._pull._root
        finally:
            if self._close_source:
                self._source.close()

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._events)


def iterparse(source, events=None, parser=None):
    return _IterParse(source, events)
