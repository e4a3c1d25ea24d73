# Conversions both ways at pseudo-random instants in a few well-known zones.
import random
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

random.seed(7)
keys = ["America/New_York", "Europe/London", "Europe/Berlin", "Asia/Tokyo",
        "Australia/Sydney", "America/Sao_Paulo", "Pacific/Auckland",
        "America/Los_Angeles", "Africa/Cairo", "Asia/Kolkata"]
for key in keys:
    z = ZoneInfo(key)
    for _ in range(30):
        u = datetime(1975, 1, 1, tzinfo=timezone.utc) + timedelta(
            seconds=random.randrange(0, 45 * 365 * 86400))
        local = u.astimezone(z)
        wall = local.replace(tzinfo=None)
        offsets = [wall.replace(tzinfo=z, fold=f).utcoffset() for f in (0, 1)]
        print(key, local, local.fold, local.dst(), local.tzname(), offsets,
              local.astimezone(timezone.utc) == u)
