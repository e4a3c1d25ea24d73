# time.struct_time's tm_zone and tm_gmtoff: attributes only (len stays 9),
# set by localtime/gmtime, None from strptime and from a struct_time made
# from a 9-tuple; n_fields 11 beside n_sequence_fields 9.
import time, os
os.environ["TZ"] = "America/New_York"
time.tzset()
for t in (time.localtime(0), time.localtime(1700000000), time.localtime(1690000000), time.gmtime(0)):
    print(t, len(t), t.tm_zone, t.tm_gmtoff)
p = time.strptime("2024-03-01 10:00", "%Y-%m-%d %H:%M")
print(p.tm_zone, p.tm_gmtoff, len(p), tuple(p)[:3])
s = time.struct_time((2020, 1, 2, 3, 4, 5, 3, 2, 0))
print(s, s.tm_zone, s.tm_gmtoff, time.struct_time.n_fields, time.struct_time.n_sequence_fields)
print(time.mktime(time.localtime(1700000000)), time.strftime("%Y %Z", time.localtime(1700000000)))
a, b = time.localtime(5), time.localtime(5)
print(a == b, a == tuple(a), hash(a) == hash(tuple(a)))
