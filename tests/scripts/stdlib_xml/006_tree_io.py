import io
import os
import tempfile
import xml.etree.ElementTree as ET

root = ET.Element("config")
for name, value in [("host", "localhost"), ("port", "8080")]:
    ET.SubElement(root, "option", name=name).text = value
nested = ET.SubElement(root, "group")
ET.SubElement(nested, "leaf")
ET.indent(root)
print(ET.tostring(root, encoding="unicode"))
tree = ET.ElementTree(root)
path = os.path.join(tempfile.mkdtemp(), "c.xml")
tree.write(path, encoding="utf-8", xml_declaration=True)
with open(path, "rb") as f:
    print(f.read())
tree.write(path)
with open(path, "rb") as f:
    print(f.read()[:30])
parsed = ET.parse(path)
print(parsed.getroot().tag, [o.get("name") for o in parsed.iter("option")])
buf = io.BytesIO()
parsed.write(buf, encoding="iso-8859-1")
print(buf.getvalue()[:60])
sbuf = io.StringIO()
parsed.write(sbuf, encoding="unicode")
print(sbuf.getvalue()[:40])
os.remove(path)
try:
    ET.indent(root, level=-1)
except ValueError as e:
    print("ValueError", e)
ET.indent(root, space="\t")
print(ET.tostring(root, encoding="unicode"))
data = io.BytesIO(b"<r><a>1</a><b><c>2</c></b></r>")
for event, elem in ET.iterparse(data, events=("start", "end")):
    print(event, elem.tag, elem.text)
it = ET.iterparse(io.BytesIO(b"<r><a/></r>"))
print([(ev, el.tag) for ev, el in it], it.root.tag)
pull = ET.XMLPullParser(events=("end",))
pull.feed("<r><a>x</a>")
print([(ev, el.tag) for ev, el in pull.read_events()])
pull.feed("<b/></r>")
pull.close()
print([(ev, el.tag) for ev, el in pull.read_events()])
try:
    list(ET.iterparse(io.BytesIO(b"<r><a></r>")))
except ET.ParseError as e:
    print("ParseError", e)
