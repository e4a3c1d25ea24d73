from fractions import Fraction as F
import math

def show(e):
    try:
        print(e, '->', repr(eval(e)))
    except Exception as x:
        print(e, '!!', type(x).__name__, x)

for e in ['F("3/4")','F(" -1.5e3 ")','F("1_000.5")','F("abc")','F(1,0)','F(0.1)','F(float("nan"))','F(float("inf"))','F("inf")','F(1.5, 2)','F([1])','F(1j)','F(F(1,2),F(1,3))','F("1/0")','F(" 3 / 4")','F("3/-4")','F("+3/4")','F(".5")','F("5.")','F("1e-3")','F("-.5E+2")','F("")','F(".")','F.from_float("a")','F.from_float(3)','F.from_float(0.25)','F(1,3).limit_denominator(0)','F(3.141592653589793).limit_denominator(100)','F(3.141592653589793).limit_denominator(1000)','F(3.141592653589793).limit_denominator()','F(1,3).limit_denominator(10)','F(-7,3).limit_denominator(2)','F(-7,3)//2','divmod(F(7,3),F(1,2))','F(7,3)%-2','F(1,2)**-2','F(-2,3)**-3','F(0)**-1','F(4,9)**F(1,2)','2**F(2)','2**F(-2)','2**F(1,2)','F(1,2)+0.5','F(1,2)+1j','F(1,2)==0.5','F(1,2)<float("inf")','F(1,2)==float("nan")','F(1,2)==complex(0.5,0)','round(F(5,2))','round(F(7,2))','round(F(-5,2))','round(F(1234,1000),2)','round(F(1255,10),-1)','math.floor(F(-7,2))','math.ceil(F(-7,2))','int(F(-7,2))','math.trunc(F(7,2))','hash(F(1,2))==hash(0.5)','hash(F(5))==hash(5)','hash(F(-5))==hash(-5)','hash(F(1,3))','hash(F(-1,3))','F(1,3).__reduce__()','str(F(5,1))','repr(F(-5,3))','F(1,3)*3','F(1,2)/0','F(1,2)//0','F(1,2)%0','abs(F(-1,2))','+F(1,2)','-F(1,2)','F(1,2).as_integer_ratio()','bool(F(0))','bool(F(1,9))','F(10,4).numerator','F(10,4).denominator','F(1,2)<F(2,3)','F(1,2)>1','F(1,2)<"a"','F(1,3)+F(1,6)','1-F(1,3)','F(1,3)-1','3/F(1,3)','F(3)**2','format(F(1,3))','F(1,2)**0.5','F(-8)**F(1,3)','(-8)**F(1,3)','F(2)**F(2)','float(F(1,3))','complex(F(1,2))','F(1,3) == F(2,6)','F(10**30, 3)','F(1, -2)','F(-1, -2)','F(0, -5)','F(2.5) == F(5,2)','F(1,2) % 0.3','0.5 // F(1,3)','divmod(1.5, F(1,3))','F(True)','F(1, True)','F(1,2) == "x"','F(1,2) != 2','sorted([F(1,2), 0.3, 1, F(-1,7)])','sum([F(1,n) for n in range(1, 10)])','max(F(1,3), 0.33)','F(1,3) >= F(1,3)','F(1,3) <= 0.3','1.5 < F(3,2)']:
    show(e)
