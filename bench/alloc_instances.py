# Many small instances with the cycle collector on: a list of a million
# two-attribute objects (the allocation pattern of object-heavy programs;
# each instance is a tracked container, so the collector's cost shows).
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


points = [Point(i, i + 1) for i in range(1_000_000)]
print(len(points), sum(p.x for p in points[::1000]), points[-1].y)
