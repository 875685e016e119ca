class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return '...'
    def intro(self):
        return f'{self.name} says {self.speak()}'
class Dog(Animal):
    def speak(self):
        return 'woof'
class Puppy(Dog):
    def speak(self):
        return super().speak() + '!'
for a in [Animal('generic'), Dog('rex'), Puppy('bit')]:
    print(a.intro())
print(isinstance(Puppy('x'), Animal), issubclass(Dog, Animal), issubclass(Animal, Dog))
