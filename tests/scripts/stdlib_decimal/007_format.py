from decimal import Decimal as D
vals = ["0", "-0", "1", "1.5", "-1.5", "1234567.891", "0.000012345", "1E+10", "1.23E-10", "100", "2.50", "-0.005", "Infinity", "-Infinity", "NaN", "999.995"]
specs = ["", ".2f", ".0f", "f", ",", ",.2f", "_.3f", "10.2f", "<10", "^12", "=+10.1f", "+.3f", " .2f", "010.3f", "e", ".3e", "E", ".2E", "g", ".3g", ".10g", "G", "%", ".1%", ".2%", "012,.2f", "*>15,.2f", "n", ".4"]
for v in vals:
    out = []
    for s in specs:
        try:
            out.append(format(D(v), s))
        except Exception as e:
            out.append(type(e).__name__)
    print(v, out)
