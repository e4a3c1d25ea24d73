print('single', "double")
print('''triple
single''')
print("""triple
double""")
print("escapes: tab[\t] newline-escaped[\\n] quote[\"] apos[\']")
print("\x41\u00e9\u20ac\N{GREEK SMALL LETTER ALPHA}\101")
print(r"raw \n stays \t")
print(R"RAW\d+")
print(b"bytes", B"BYTES", b"\x00\xff")
print(rb"raw\bytes", br"\n")
print("adjacent " "literals " 'concatenate')
print(len("\n"), len(r"\n"))
print("a\
b")
s = "it's"
t = 'say "hi"'
print(s, t)
print(repr(s), repr(t), repr('both \' and "'))
print(u"unicode prefix")
print("" == '', len(""))
