import xml.etree.ElementTree as ET

src = '<a xmlns="urn:x" xmlns:p="urn:p" p:k="1"><p:b>text</p:b><c/><d xmlns="">plain</d></a>'
root = ET.fromstring(src)
print(root.tag, root.attrib, [c.tag for c in root])
print(ET.tostring(root))
print(root.find("{urn:p}b").text, root.find("p:b", {"p": "urn:p"}).text)
print([e.tag for e in root.findall("{*}c")], [e.tag for e in root.findall("x:c", {"x": "urn:x"})])
ET.register_namespace("pp", "urn:p")
print(ET.tostring(root, encoding="unicode"))
e = ET.Element("{http://www.w3.org/1999/xhtml}html")
ET.SubElement(e, "{http://www.w3.org/1999/xhtml}body")
print(ET.tostring(e, encoding="unicode"))
print(ET.tostring(e, encoding="unicode", default_namespace="http://www.w3.org/1999/xhtml"))
x = ET.Element("{urn:one}r", {"{urn:two}at": "v"})
print(ET.tostring(x, encoding="unicode"))
events = [(ev, el if ev.endswith("ns") else el.tag) for ev, el in ET.iterparse(__import__("io").BytesIO(src.encode()), events=("start", "end", "start-ns", "end-ns"))]
print(events)
