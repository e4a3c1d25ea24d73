import string

f = string.Formatter()
print(f.format("{} + {} = {:>5}", 1, 2, 3))
print(f.format("{0}{1}{0}", "ab", "-"), f.format("{name!r:^10}|{x:.3f}", name="n", x=3.14159))
print(f.format("{0[1]} {0[k]} {p.real} {p.imag}", {1: "one", "k": "kay"}, p=3 + 4j))
print(f.format("{:{}{}}", 3.5, ">", 8), f.format("{0:{fill}^{w}}", "mid", fill="*", w=9))
print(f.format("{{literal}} {{{0}}}", "x"), f.format("{!a} {!s}", "é", 7))
print(list(f.parse("a{{b}}c{0!r:>{w}}d")))
print(list(f.parse("{}{x.y[0]:spec}tail")), list(f.parse("")))
print(f.get_field("0.real", [5], {}), f.get_field("k[2]", [], {"k": "abcd"}))
print(f.get_value(0, ["zero"], {}), f.get_value("k", [], {"k": "kv"}))
print(f.convert_field(1, None), f.convert_field("x", "r"), f.convert_field("é", "a"), f.format_field(42, "04d"))
print(f.vformat("{a}-{0}", ["pos"], {"a": "kw"}))


class Strict(string.Formatter):
    def check_unused_args(self, used_args, args, kwargs):
        unused = set(range(len(args))) | set(kwargs)
        unused -= used_args
        if unused:
            raise ValueError("unused: %s" % sorted(map(str, unused)))


class Defaulting(string.Formatter):
    def get_value(self, key, args, kwargs):
        if isinstance(key, str):
            return kwargs.get(key, "<%s?>" % key)
        return super().get_value(key, args, kwargs)


class Upper(string.Formatter):
    def format_field(self, value, format_spec):
        return super().format_field(value, format_spec).upper()

    def convert_field(self, value, conversion):
        if conversion == "u":
            return str(value).upper()
        return super().convert_field(value, conversion)


print(Strict().format("{0}{k}", 1, k=2), Defaulting().format("{a} {b}", a=1))
print(Upper().format("{0} {1:x} {0!u}", "abc", 255))


def attempt(text, *args, **kwargs):
    try:
        print(repr(Strict().format(text, *args, **kwargs)))
    except Exception as exc:
        print(text, type(exc).__name__, exc)


for bad in ["{0}", "{} {0}", "{0} {}", "{", "}", "a}b", "{a", "{a!", "{a!rr}", "{a!}", "{a:", "{a{b}",
            "{0[}", "{0!x}", "{0.}", "{0[]}", "{0[1]x}", "{0:{1:{0:{1}}}}", "{x}", "{5}"]:
    attempt(bad, "abc", 4)
attempt("{0} {1}", "used", "unused")
