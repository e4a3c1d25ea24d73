import string
print(string.ascii_lowercase, string.ascii_uppercase)
print(string.digits, string.hexdigits, string.octdigits)
print(repr(string.punctuation))
print(string.ascii_letters == string.ascii_lowercase + string.ascii_uppercase)
print(string.capwords("hello   big world"))
print(string.Template("$who likes $what").substitute(who="tim", what="pie"))
