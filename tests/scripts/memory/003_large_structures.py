big = [i * 2 for i in range(1_000_000)]
print(len(big), big[-1], sum(big))
del big
d = {i: str(i) for i in range(200_000)}
print(len(d), d[199_999])
d.clear()
s = "x" * 10_000_000
print(len(s))
del s
chunks = ["chunk%d" % i for i in range(100_000)]
joined = "".join(chunks)
print(len(joined), joined[:20])
nested = [[j for j in range(10)] for i in range(50_000)]
print(sum(map(sum, nested)))
