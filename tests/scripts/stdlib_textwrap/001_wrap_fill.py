import textwrap

text = ("The quick brown fox jumps over the lazy dog. Pack my box with five "
        "dozen liquor jugs!  How vexingly quick daft zebras jump.")
for width in (10, 25, 40, 70, 200):
    print(width, textwrap.wrap(text, width))
print(textwrap.fill(text, 30))
print(textwrap.fill(text, width=35, initial_indent="* ", subsequent_indent="  "))
print(textwrap.wrap(""), textwrap.wrap("   "), textwrap.fill("one"))
print(textwrap.wrap("  leading and trailing  ", 10))
print(textwrap.wrap("  leading and trailing  ", 10, drop_whitespace=False))
print(textwrap.wrap("tabs\there\tand\tthere", 12))
print(textwrap.wrap("tabs\there", 30, expand_tabs=False, replace_whitespace=False))
print(textwrap.wrap("tabs\there", 30, tabsize=4))
print(textwrap.wrap("new\nline\r\nand\x0bvt", 40))
print(textwrap.wrap("new\nline", 40, replace_whitespace=False))
