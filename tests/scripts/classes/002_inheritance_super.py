class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
class Dog(Animal):
    sound = "woof"
class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return super().speak() + f" (age {self.age})"
for a in (Animal("generic"), Dog("rex"), Puppy("bit", 1)):
    print(a.speak())
print(issubclass(Puppy, Animal), isinstance(Puppy("p", 2), Dog), issubclass(Animal, Dog))
print(Puppy.__bases__[0].__name__, Dog.__base__.__name__)
class Base:
    def hello(self):
        return "base"
class Child(Base):
    def hello(self):
        return "child+" + super(Child, self).hello()
print(Child().hello())
