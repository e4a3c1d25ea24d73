s = "  \t padded \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "xxhixx".lstrip("x"), "xxhixx".rstrip("x"))
print("www.example.com".strip("cmowz."))
print(repr("".strip()), repr("   ".strip()))
print("abcba".strip("ab"), "12abc21".strip("12"))
print("prefix_name".removeprefix("prefix_"), "file.txt".removesuffix(".txt"))
print("name".removeprefix("x"), "name".removesuffix(""))
