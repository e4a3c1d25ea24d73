# How linecache reads files: universal newlines, a missing final newline,
# the UTF-8 BOM, PEP 263 coding cookies, undecodable files, empty files.
import linecache
import os

FILES = {
    "lc_tmp_newlines.py": b"a = 1\r\nb = 2\rc = 3\n\nd = 4",
    "lc_tmp_empty.py": b"",
    "lc_tmp_latin.py": b"# -*- coding: latin-1 -*-\ns = '\xe9'\n",
    "lc_tmp_second.py": b"#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-1 :\nt = '\xe9'\n",
    "lc_tmp_late.py": b"x = 1\n# coding: latin-1\nu = '\xe9'\n",
    "lc_tmp_bom.py": b"\xef\xbb\xbfv = 1\n",
    "lc_tmp_bom_cookie.py": b"\xef\xbb\xbf# coding: utf-8\nw = 2\n",
    "lc_tmp_bom_clash.py": b"\xef\xbb\xbf# coding: latin-1\nw = 2\n",
    "lc_tmp_unknown.py": b"# coding: no-such-codec\nz = 1\n",
    "lc_tmp_utf8.py": "q = '\u00e9\u4e2d'\n".encode("utf-8"),
    "lc_tmp_tabs.py": b"\tx\f = 1\x0b\n",
}
for name, data in FILES.items():
    with open(name, "wb") as f:
        f.write(data)
try:
    for name in FILES:
        print(name, linecache.getlines(name), name in linecache.cache)
    print(linecache.cache["lc_tmp_empty.py"][:1], linecache.cache["lc_tmp_empty.py"][2:])
finally:
    for name in FILES:
        os.remove(name)
