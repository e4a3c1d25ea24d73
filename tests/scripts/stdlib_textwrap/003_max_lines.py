import textwrap

text = "Hello world, this is a fairly long sentence that needs several lines to show."
for lines in (1, 2, 3, 10):
    print(lines, textwrap.wrap(text, 20, max_lines=lines))
print(textwrap.wrap(text, 20, max_lines=2, placeholder="..."))
print(textwrap.wrap(text, 12, max_lines=2, placeholder=" <more>"))
print(textwrap.wrap("aaaaaaaaaa bbbbbbbbbbbbbbbbbbbb", 10, max_lines=2, placeholder=" [..]"))
print(textwrap.fill(text, 25, max_lines=2, initial_indent="> ", subsequent_indent=">> "))
print(textwrap.shorten(text, 30))
print(textwrap.shorten("  lots   of\t\tspace  \n here ", 80))
print(textwrap.shorten(text, 25, placeholder="~"))
print(textwrap.shorten("Hello  world!", width=12), textwrap.shorten("Hello world!", 11))
for bad in (lambda: textwrap.wrap("x", 0), lambda: textwrap.wrap("x", -3),
            lambda: textwrap.shorten(text, 3), lambda: textwrap.wrap("a b", 5, max_lines=2, subsequent_indent="    ")):
    try:
        print(bad())
    except ValueError as exc:
        print("ValueError", exc)
w = textwrap.TextWrapper(width=8, max_lines=2)
print(w.width, w.max_lines, w.placeholder, w.break_on_hyphens, w.tabsize, w.drop_whitespace)
