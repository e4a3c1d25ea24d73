import copy
import xml.etree.ElementTree as ET

root = ET.Element("root", {"a": "1"}, b="2")
print(root.tag, root.attrib, root.text, root.tail, len(root))
child = ET.SubElement(root, "child", name="x")
child.text = "hello"
child.tail = "after"
other = ET.Element("other")
root.append(other)
root.insert(0, ET.Element("first"))
root.extend([ET.Element("e1"), ET.Element("e2")])
print([e.tag for e in root], len(root), root[1].tag, [e.tag for e in root[1:3]])
root.remove(other)
print([e.tag for e in root])
print(root.get("a"), root.get("zz"), root.get("zz", "dflt"))
root.set("c", "3")
print(sorted(root.keys()), sorted(root.items()))
del root[0]
root[0].set("k", "v")
print([e.tag for e in root], root[0].attrib)
for bad in (lambda: root.append(1), lambda: root.remove(ET.Element("nope")), lambda: root[10]):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print([e.tag for e in root.iter()], [e.tag for e in root.iter("e1")])
print(list(root.itertext()))
print(repr(root).startswith("<Element 'root' at 0x"))
print(ET.iselement(root), ET.iselement("x"))
c = copy.copy(root)
print(c.tag, c.attrib, len(c), c[0] is root[0])
d = copy.deepcopy(root)
print(d.tag, len(d), d[0] is root[0], d[0].text == root[0].text)
root.clear()
print(root.attrib, len(root), root.text)
