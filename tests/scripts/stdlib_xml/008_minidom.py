from xml.dom import minidom
from xml.parsers.expat import ExpatError

d = minidom.parseString('<root a="1" b="x&amp;&quot;&lt;"><b>text &amp; &lt;</b><c/><!--note--><d>t1<e/>t2</d></root>')
print(repr(d.toxml()))
print(d.toprettyxml())
print(repr(d.toprettyxml(indent="  ")))
print(d.toxml("utf-8"))
root = d.documentElement
print(root.tagName, [n.nodeName for n in root.childNodes], root.getAttribute("a"), repr(root.getAttribute("zz")))
print([e.toxml() for e in d.getElementsByTagName("e")], d.getElementsByTagName("b")[0].firstChild.data)
print(d.getElementsByTagName("b")[0].firstChild.nodeType, root.childNodes[0].nodeValue, d.nodeType, root.nodeType, root.childNodes[2].nodeType)
x = d.createElement("new")
x.setAttribute("k", "v")
x.appendChild(d.createTextNode("hi"))
root.appendChild(x)
print(x.toxml(), x.hasAttribute("k"), x.parentNode.tagName, root.lastChild.tagName)
print(root.attributes["a"].value, len(root.attributes))
root.removeChild(x)
print(x.parentNode, [n.nodeName for n in root.childNodes])
print(root.firstChild.nextSibling.nodeName, root.lastChild.previousSibling.nodeName)
print(minidom.parseString(b"<p><q>1</q><q>2</q></p>").toprettyxml(indent=" "))
try:
    minidom.parseString("<a><b></a>")
except ExpatError as e:
    print("ExpatError", e, e.code, e.lineno, e.offset)
