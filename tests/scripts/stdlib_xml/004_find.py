import xml.etree.ElementTree as ET

doc = ET.fromstring("""<lib>
  <shelf id="s1" kind="fiction">
    <book id="b1" lang="en"><title>Dune</title><year>1965</year></book>
    <book id="b2"><title>Solaris</title><year>1961</year></book>
  </shelf>
  <shelf id="s2">
    <book id="b3" lang="de"><title>Steppenwolf</title></book>
    <magazine id="m1"><title>Wired</title></magazine>
  </shelf>
</lib>""")


def ids(elems):
    return [e.get("id") or e.tag for e in elems]


print(ids(doc.findall("shelf")))
print(ids(doc.findall("shelf/book")))
print(ids(doc.findall("shelf/*")))
print(ids(doc.findall(".//book")))
print(ids(doc.findall(".//title")))
print(ids(doc.findall("./shelf/book[@lang]")))
print(ids(doc.findall(".//book[@lang='de']")))
print(ids(doc.findall(".//*[@id='m1']")))
print(ids(doc.findall(".//book[year]")))
print(ids(doc.findall(".//book[title='Dune']")))
print(ids(doc.findall("shelf/book[1]")))
print(ids(doc.findall("shelf/book[2]")))
print(ids(doc.findall("shelf/book[last()]")))
print(ids(doc.findall(".//title/..")))
print(ids(doc.findall(".")))
print(ids(doc.findall("nothing")))
print(doc.find("shelf").get("id"), doc.find("zzz"))
print(doc.findtext(".//book/title"), repr(doc.findtext("shelf")), doc.findtext("zzz"), doc.findtext("zzz", "dflt"))
print(ids(doc.iterfind(".//magazine")))
print([t.text for t in doc.iter("title")])
try:
    doc.findall("/shelf")
except SyntaxError as e:
    print("SyntaxError", e)
tree = ET.ElementTree(doc)
print(tree.getroot() is doc, ids(tree.findall("shelf")), tree.findtext("shelf/book/year"))
