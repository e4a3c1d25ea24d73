# csv.Sniffer on common samples: delimiter, quote character, doubled
# quotes, spaces after delimiters, and has_header.
import csv
S = csv.Sniffer()
samples = ['a,b,c\n1,2,3\n4,5,6\n', 'a;b;c\n1;2;3\n', 'a\tb\tc\n1\t2\t3\n', '"a","b"\n"1","2"\n',
           "'x y';'z'\n'1';'2'\n", 'name, age, city\nann, 30, paris\nbob, 25, rome\n', 'a:b:c\n1:2:3\n',
           'a|b|c\n1|2|3\n', '"he said ""hi""",2\n"x",3\n', 'one two three\n1 2 3\n',
           'x,y\n1.5,2\n3.5,4\n', 'id,name\n1,ann\n2,bob\n', '1,2\n3,4\n', 'ab,cd\nef,gh\n',
           'name;value\n"a;b";1\n"c";2\n', 'w,x\n10,abc\n20,defg\n']
for smp in samples:
    try:
        d = S.sniff(smp)
        print(repr(smp[:20]), repr(d.delimiter), repr(d.quotechar), d.doublequote, d.skipinitialspace,
              repr(d.lineterminator), d.quoting, d.escapechar, S.has_header(smp))
    except csv.Error as e:
        print(repr(smp[:20]), 'Error', e)
print(S.sniff('a,b;c\n1,2;3\n', delimiters=';').delimiter, S.sniff('a,b\n').__mro__[1])
d = S.sniff('x;y\n1;2\n')
print(list(csv.reader(['1;2'], d)))
