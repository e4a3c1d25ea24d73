import random

def show(label, values):
    print(label, [round(v, 10) for v in values])

random.seed(12345)
show("random", [random.random() for _ in range(3)])
show("uniform", [random.uniform(-2, 5) for _ in range(3)] + [random.uniform(5, 5)])
show("triangular", [random.triangular(), random.triangular(0, 10, 9), random.triangular(3, 3), random.triangular(1, 2, 1)])
show("gauss", [random.gauss() for _ in range(3)] + [random.gauss(10, 0.5)])
show("normal", [random.normalvariate() for _ in range(2)] + [random.normalvariate(100, 15)])
show("lognorm", [random.lognormvariate(0, 0.5) for _ in range(2)])
show("expo", [random.expovariate(0.5) for _ in range(3)])
show("vonmises", [random.vonmisesvariate(0, 4), random.vonmisesvariate(3, 0.5), random.vonmisesvariate(1, 0)])
show("gamma<1", [random.gammavariate(0.3, 2) for _ in range(3)])
show("gamma=1", [random.gammavariate(1.0, 3)])
show("gamma>1", [random.gammavariate(5, 0.5) for _ in range(3)])
show("beta", [random.betavariate(2, 5) for _ in range(3)])
show("pareto", [random.paretovariate(2.5) for _ in range(2)])
show("weibull", [random.weibullvariate(1.5, 3) for _ in range(2)])
print(random.random())
