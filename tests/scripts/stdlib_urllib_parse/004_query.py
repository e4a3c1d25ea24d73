from urllib.parse import urlencode, parse_qs, parse_qsl, quote

print(urlencode({"a": 1, "b": "two words", "c": "ü&="}))
print(urlencode([("x", "1"), ("x", "2"), ("y", b"by tes")]))
print(urlencode({"seq": [1, 2, 3]}))
print(urlencode({"seq": [1, 2, 3], "s": "str", "n": 5}, doseq=True))
print(urlencode({"k": "a/b c"}, safe="/"))
print(urlencode({"k": "a b"}, quote_via=quote))
print(urlencode({}), urlencode([]))
print(urlencode({b"k": "v", 1: None, "t": (1, "x")}))
for bad in ["abc", [1, 2], 5]:
    try:
        urlencode(bad)
    except TypeError as e:
        print("TypeError", e)

for qs in ["a=1&b=2&a=3", "a=&b", "a=1&&b=2", "x=%20y+z&%41=B", "", "k=v=w",
           "a=1;b=2", "name=%E6%97%A5"]:
    print(repr(qs), parse_qsl(qs), parse_qs(qs), parse_qs(qs, keep_blank_values=True),
          parse_qsl(qs, keep_blank_values=True))
print(parse_qsl("a=1;b=2", separator=";"))
print(parse_qs(b"a=1&b=%20"))
for args in [("a=1&b", dict(strict_parsing=True)), ("a=1&&b=2", dict(strict_parsing=True)),
             ("a=1&b=2&c=3", dict(max_num_fields=2)), ("a=1", dict(separator=""))]:
    try:
        print(parse_qsl(args[0], **args[1]))
    except ValueError as e:
        print("ValueError", e)
