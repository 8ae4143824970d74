# Assigning obj.__class__ mid-loop changes which methods run at the same call site.


class Cat:
    def speak(self):
        return "meow"

    def name(self):
        return "cat"


class Dog:
    def speak(self):
        return "woof"

    def name(self):
        return "dog"


def talk(animal):
    return animal.speak() + "/" + animal.name()


def loop():
    pet = Cat()
    out = []
    for i in range(8):
        out.append(talk(pet))
        if i % 3 == 1:
            pet.__class__ = Dog if type(pet) is Cat else Cat
    return out


for _ in range(3):
    print(loop())
try:
    x = Cat()
    x.__class__ = int
except TypeError as e:
    print("TypeError:", e)
