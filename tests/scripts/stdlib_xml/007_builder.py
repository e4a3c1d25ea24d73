import xml.etree.ElementTree as ET
e = ET.Element("a", k="x\ty\rz")
print(ET.tostring(e))
print([(e.tag, e.get("n")) for e in ET.fromstring("<a><b n=\"1\"/><c/><b n=\"2\"/></a>").findall("b[2]")])
try:
    ET.fromstring("<a/>").findall(".//.")
except SyntaxError as e:
    print("SyntaxError", e)
r = ET.fromstring("<a>t<!--c-->u<b/>v</a>")
print(r.text, r[0].tail, len(r))
tb = ET.TreeBuilder(insert_comments=True)
p = ET.XMLParser(target=tb); p.feed("<a>t<!--c-->u</a>"); r = p.close()
print(r.text, r[0].text, r[0].tail, ET.tostring(r))
class T:
    def __init__(self): self.log = []
    def start(self, tag, attrib): self.log.append(("start", tag, attrib))
    def end(self, tag): self.log.append(("end", tag))
    def data(self, d): self.log.append(("data", d))
    def close(self): return self.log
p = ET.XMLParser(target=T()); p.feed("<a x='1'>hi<b/></a>"); print(p.close())
print(ET.fromstring("<a>\u00e9</a>").text, ET.tostring(ET.fromstring("<a>x</a>"), encoding="UTF-8"))
