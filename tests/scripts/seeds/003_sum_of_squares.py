def cpu_task(n):
    return sum(i * i for i in range(n))

def crunch(data):
    return sum(x**2 for x in data)

print(cpu_task(10_000), cpu_task(20_000))
print(list(map(cpu_task, [10_000, 20_000])))
print([cpu_task(10**5)] * 2)
print(crunch(range(1000)), crunch([1.5, 2.5]))
print(sum(i * i for i in range(10**6)))
