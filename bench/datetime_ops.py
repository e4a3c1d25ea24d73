# datetime arithmetic, comparison and formatting: the work of log timestamps
# and schedules (timedelta sums, isoformat, strftime, fromisoformat).
from datetime import datetime, timedelta, timezone

start = datetime(2020, 1, 1, tzinfo=timezone.utc)
step = timedelta(minutes=7, seconds=13, microseconds=250)
t = start
total = timedelta(0)
count = 0
for i in range(200000):
    t = t + step
    total += t - start
    if t.weekday() == 6 and t.hour == 12:
        count += 1
print(t.isoformat(), total.days, count)

texts = [(start + timedelta(hours=h)).isoformat() for h in range(50000)]
parsed = [datetime.fromisoformat(s) for s in texts]
print(len(parsed), parsed[-1], max(parsed) - min(parsed))
out = [d.strftime("%Y-%m-%d %H:%M:%S") for d in parsed[:50000]]
print(out[-1], sum(len(s) for s in out))
