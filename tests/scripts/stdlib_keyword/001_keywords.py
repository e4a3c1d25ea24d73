# keyword: the exact lists, and the two predicates on keywords, soft
# keywords, near misses and unhashable arguments.
import keyword

print(keyword.kwlist)
print(keyword.softkwlist)
print(len(keyword.kwlist), type(keyword.kwlist).__name__, sorted(keyword.__all__))
for word in ["if", "True", "true", "await", "match", "case", "_", "print",
             "None", "nonlocal", "", "IF", "type", "__peg_parser__"]:
    print(repr(word), keyword.iskeyword(word), keyword.issoftkeyword(word))
print(keyword.iskeyword(5), keyword.issoftkeyword(None))
try:
    keyword.iskeyword([])
except TypeError as e:
    print("TypeError", e)
try:
    keyword.issoftkeyword({})
except TypeError as e:
    print("TypeError", e)
print(all(keyword.iskeyword(w) for w in keyword.kwlist))
print(any(keyword.iskeyword(w) for w in keyword.softkwlist))
