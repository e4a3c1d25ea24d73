import string

t = string.Template("$who likes ${what}s, costs $$${price}; $who_else")
print(t.template, t.delimiter, t.get_identifiers(), t.is_valid())
print(t.substitute(who="tim", what="kung pao", price=5, who_else="x"))
print(t.substitute({"who": "ann", "what": "tea", "price": 1.5}, who_else="kw", who="kw wins"))
print(t.safe_substitute(who="tim"))
print(t.safe_substitute({}))
print(string.Template("$a$b ${a}${b} $1 $ $").safe_substitute(a="A"))
print(string.Template("x $ y").is_valid(), string.Template("$$ only").is_valid(), string.Template("").get_identifiers())
print(string.Template("$a ${a} $b $_c9 ${D} $").get_identifiers())
print(string.Template("${a b} ${} ${9}").safe_substitute(a=1))


class Percent(string.Template):
    delimiter = "%"


print(Percent("%name: %% %{other}").substitute(name="n", other=[1]))


def attempt(fn):
    try:
        print(fn())
    except (KeyError, ValueError) as exc:
        print(type(exc).__name__, exc)


attempt(lambda: string.Template("$missing").substitute())
attempt(lambda: string.Template("${a}").substitute({"b": 1}))
attempt(lambda: string.Template("bad $").substitute())
attempt(lambda: string.Template("line one\nline $ two").substitute())
attempt(lambda: string.Template("a\r\nb\n  ${ x}").substitute(x=1))
attempt(lambda: string.Template("$9").substitute())
