class Parser:
    def parse(self, text):
        return [self.convert(tok) for tok in text.split(",")]

    def convert(self, tok):
        return int(tok)

p = Parser()
print(p.parse("1,2,3"))
print(p.parse("4,five,6"))
