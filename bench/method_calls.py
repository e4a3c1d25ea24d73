# Objects with methods and attribute access in a loop.
class Vector:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def scale(self, k):
        self.x *= k
        self.y *= k
        return self

    def dot(self, other):
        return self.x * other.x + self.y * other.y

class Particle:
    def __init__(self, i):
        self.pos = Vector(i, -i)
        self.vel = Vector(1, 2)
        self.steps = 0

    def step(self):
        self.pos = self.pos.add(self.vel)
        self.steps += 1
        return self.pos.dot(self.vel)

particles = [Particle(i) for i in range(100)]
total = 0
for _ in range(12_000):
    for p in particles:
        total += p.step()
print(total, particles[7].pos.x, particles[7].pos.y, particles[0].steps)
