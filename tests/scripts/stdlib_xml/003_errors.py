import xml.etree.ElementTree as ET

for src in ["<a>", "<a></b>", "", "<a x='1' x='2'/>", "<a>&foo;</a>", "<a/><b/>", "<a>\n <b>\n</a>", "<a:b/>", "<a><</a>"]:
    try:
        ET.fromstring(src)
        print("parsed", repr(src))
    except ET.ParseError as e:
        print(repr(src), "->", e, e.code, e.position)
print(issubclass(ET.ParseError, SyntaxError))
p = ET.XMLParser()
p.feed("<a>")
try:
    p.feed("</b>")
except ET.ParseError as e:
    print("feed:", e)
