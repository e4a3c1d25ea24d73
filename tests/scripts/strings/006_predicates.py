tests = ["123", "12.3", "abc", "abc123", "ABC", "Abc", "   ", "", " a ", "٣", "²", "Hello World", "hello_world", "MixedCase"]
for t in tests:
    print(f"{t!r:14}", t.isdigit(), t.isalpha(), t.isalnum(), t.isspace(), t.isupper(), t.islower(), t.istitle(), t.isdecimal(), t.isnumeric(), t.isidentifier(), t.isascii(), t.isprintable())
