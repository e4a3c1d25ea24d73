"""xml.dom.minidom: a small DOM (Document, Element, Text, Comment, Attr)
built from the same _expat events as xml.etree, with toxml and
toprettyxml written as CPython 3.11 writes them."""

import io as _io

import _expat
from xml.dom import Node, NotFoundErr


def _escape(text, attribute=False):
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;") if attribute else text


class _NodeBase(Node):
    parentNode = None
    nodeValue = None
    ownerDocument = None

    def __init__(self):
        self.childNodes = []

    @property
    def firstChild(self):
        return self.childNodes[0] if self.childNodes else None

    @property
    def lastChild(self):
        return self.childNodes[-1] if self.childNodes else None

    def _sibling(self, step):
        parent = self.parentNode
        if parent is None:
            return None
        siblings = parent.childNodes
        for i, node in enumerate(siblings):
            if node is self:
                j = i + step
                return siblings[j] if 0 <= j < len(siblings) else None
        return None

    @property
    def nextSibling(self):
        return self._sibling(1)

    @property
    def previousSibling(self):
        return self._sibling(-1)

    def hasChildNodes(self):
        return bool(self.childNodes)

    def appendChild(self, node):
        if node.parentNode is not None:
            node.parentNode.removeChild(node)
        self.childNodes.append(node)
        node.parentNode = self
        return node

    def insertBefore(self, node, reference):
        if reference is None:
            return self.appendChild(node)
        for i, child in enumerate(self.childNodes):
            if child is reference:
                if node.parentNode is not None:
                    node.parentNode.removeChild(node)
                self.childNodes.insert(i, node)
                node.parentNode = self
                return node
        raise NotFoundErr()

    def removeChild(self, node):
        for i, child in enumerate(self.childNodes):
            if child is node:
                del self.childNodes[i]
                node.parentNode = None
                return node
        raise NotFoundErr()

    def getElementsByTagName(self, name):
        found = []
        for child in self.childNodes:
            if child.nodeType == Node.ELEMENT_NODE:
                if name == "*" or child.tagName == name:
                    found.append(child)
                found.extend(child.getElementsByTagName(name))
        return found

    def toxml(self, encoding=None, standalone=None):
        return self.toprettyxml("", "", encoding, standalone)

    def toprettyxml(self, indent="\t", newl="\n", encoding=None, standalone=None):
        out = _io.StringIO()
        if self.nodeType == Node.DOCUMENT_NODE:
            self.writexml(out, "", indent, newl, encoding, standalone)
        else:
            self.writexml(out, "", indent, newl)
        text = out.getvalue()
        return text if encoding is None else text.encode(encoding, "xmlcharrefreplace")

    def unlink(self):
        for child in self.childNodes:
            child.unlink()
        self.childNodes = []
        self.parentNode = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.unlink()


class Attr:
    nodeType = Node.ATTRIBUTE_NODE

    def __init__(self, name, value):
        self.name = self.nodeName = name
        self.value = self.nodeValue = value


class Text(_NodeBase):
    nodeType = Node.TEXT_NODE
    nodeName = "#text"

    def __init__(self, data):
        super().__init__()
        self.data = data

    nodeValue = property(lambda self: self.data)

    def writexml(self, writer, indent="", addindent="", newl=""):
        writer.write(f"{indent}{_escape(self.data)}{newl}")

    def __repr__(self):
        shown = self.data if len(self.data) <= 10 else self.data[:10] + "..."
        return f"<DOM Text node {shown!r}>"


class Comment(_NodeBase):
    nodeType = Node.COMMENT_NODE
    nodeName = "#comment"

    def __init__(self, data):
        super().__init__()
        self.data = data

    nodeValue = property(lambda self: self.data)

    def writexml(self, writer, indent="", addindent="", newl=""):
        writer.write(f"{indent}<!--{self.data}-->{newl}")


class ProcessingInstruction(_NodeBase):
    nodeType = Node.PROCESSING_INSTRUCTION_NODE

    def __init__(self, target, data):
        super().__init__()
        self.target = self.nodeName = target
        self.data = data

    def writexml(self, writer, indent="", addindent="", newl=""):
        writer.write(f"{indent}<?{self.target} {self.data}?>{newl}")


class Element(_NodeBase):
    nodeType = Node.ELEMENT_NODE

    def __init__(self, tagName):
        super().__init__()
        self.tagName = self.nodeName = tagName
        self._attrs = {}

    @property
    def attributes(self):
        return {name: Attr(name, value) for name, value in self._attrs.items()}

    def getAttribute(self, name):
        return self._attrs.get(name, "")

    def setAttribute(self, name, value):
        self._attrs[name] = value

    def hasAttribute(self, name):
        return name in self._attrs

    def removeAttribute(self, name):
        if name not in self._attrs:
            raise NotFoundErr()
        del self._attrs[name]

    def writexml(self, writer, indent="", addindent="", newl=""):
        writer.write(indent + "<" + self.tagName)
        for name, value in self._attrs.items():
            writer.write(f' {name}="{_escape(value, True)}"')
        children = self.childNodes
        if not children:
            writer.write("/>" + newl)
            return
        writer.write(">")
        if len(children) == 1 and children[0].nodeType in (Node.TEXT_NODE,
                                                            Node.CDATA_SECTION_NODE):
            children[0].writexml(writer, "", "", "")
        else:
            writer.write(newl)
            for child in children:
                child.writexml(writer, indent + addindent, addindent, newl)
            writer.write(indent)
        writer.write(f"</{self.tagName}>{newl}")

    def __repr__(self):
        return f"<DOM Element: {self.tagName} at {id(self):#x}>"


class Document(_NodeBase):
    nodeType = Node.DOCUMENT_NODE
    nodeName = "#document"

    @property
    def documentElement(self):
        for child in self.childNodes:
            if child.nodeType == Node.ELEMENT_NODE:
                return child
        return None

    def _owned(self, node):
        node.ownerDocument = self
        return node

    def createElement(self, tagName):
        return self._owned(Element(tagName))

    def createTextNode(self, data):
        if not isinstance(data, str):
            raise TypeError("node contents must be a string")
        return self._owned(Text(data))

    def createComment(self, data):
        return self._owned(Comment(data))

    def createProcessingInstruction(self, target, data):
        return self._owned(ProcessingInstruction(target, data))

    def writexml(self, writer, indent="", addindent="", newl="", encoding=None,
                 standalone=None):
        declaration = '<?xml version="1.0"'
        if encoding is not None:
            declaration += f' encoding="{encoding}"'
        if standalone is not None:
            declaration += f' standalone="{"yes" if standalone else "no"}"'
        writer.write(declaration + "?>" + newl if encoding or standalone is not None
                     else declaration + " ?>" + newl)
        for child in self.childNodes:
            child.writexml(writer, indent, addindent, newl)

    def __repr__(self):
        return f"<xml.dom.minidom.Document object at {id(self):#x}>"


class _Builder:
    def __init__(self):
        self.document = Document()
        self.stack = [self.document]

    def apply(self, events):
        doc = self.document
        for event in events:
            kind = event[0]
            top = self.stack[-1]
            if kind == "start":
                elem = doc.createElement(event[1])
                flat = event[2]
                for i in range(0, len(flat), 2):
                    elem.setAttribute(flat[i], flat[i + 1])
                top.appendChild(elem)
                self.stack.append(elem)
            elif kind == "end":
                self.stack.pop()
            elif kind == "data":
                last = top.lastChild
                if last is not None and last.nodeType == Node.TEXT_NODE:
                    last.data += event[1]
                else:
                    top.appendChild(doc.createTextNode(event[1]))
            elif kind == "comment":
                top.appendChild(doc.createComment(event[1]))
            elif kind == "pi":
                top.appendChild(doc.createProcessingInstruction(event[1], event[2]))


def _parse_pieces(pieces):
    from xml.parsers.expat import ExpatError
    native = _expat.create(False)
    builder = _Builder()
    for data, final in pieces:
        events, error = native.feed(data, final)
        builder.apply(events)
        if error is not None:
            code, message, line, column = error
            exc = ExpatError(f"{message}: line {line}, column {column}")
            exc.code, exc.lineno, exc.offset = code, line, column
            raise exc
    return builder.document


def parseString(string, parser=None):
    return _parse_pieces([(string, True)])


def parse(file, parser=None, bufsize=None):
    if hasattr(file, "read"):
        return _parse_pieces([(file.read(), True)])
    with open(file, "rb") as stream:
        return _parse_pieces([(stream.read(), True)])


def getDOMImplementation(features=None):
    return _Implementation()


class _Implementation:
    def createDocument(self, namespaceURI, qualifiedName, doctype):
        doc = Document()
        if qualifiedName:
            doc.appendChild(doc.createElement(qualifiedName))
        return doc
