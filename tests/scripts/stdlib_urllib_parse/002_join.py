from urllib.parse import urljoin

base = "http://a/b/c/d;p?q"
refs = ["g:h", "g", "./g", "g/", "/g", "//g", "?y", "g?y", "#s", "g#s", "g?y#s",
        ";x", "g;x", "g;x?y#s", "", ".", "./", "..", "../", "../g", "../..",
        "../../", "../../g", "../../../g", "../../../../g", "/./g", "/../g",
        "g.", ".g", "g..", "..g", "./../g", "./g/.", "g/./h", "g/../h",
        "g;x=1/./y", "g;x=1/../y", "g?y/./x", "g?y/../x", "g#s/./x",
        "g#s/../x", "http:g", "https://other/x"]
for r in refs:
    print(repr(r), urljoin(base, r))

print(urljoin("http://example.com", "page"))
print(urljoin("http://example.com/", "/a/b"))
print(urljoin("http://example.com/dir/", "sub/file.html"))
print(urljoin("http://example.com/dir/index.html", "../up.html"))
print(urljoin("", "x"), urljoin("http://h/x", ""))
print(urljoin("mailto:a@b", "c"))
print(urljoin(b"http://h/a/b", b"../c"))
print(urljoin("http://h/a", "http://h2/b"))
print(urljoin("http://h/a/b", "c", allow_fragments=False))
print(urljoin("http://h/a/b?q", "#frag"))
