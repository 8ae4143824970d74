# A small OOP program: accounts with validation, transfers raising custom errors, class-level counters.


class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner} cannot withdraw {amount} (balance {account.balance})")


class Account:
    opened = 0

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []
        Account.opened += 1

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("dep", amount))

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(("wd", amount))

    def __repr__(self):
        return f"Account({self.owner!r}, {self.balance!r})"


class Savings(Account):
    rate = 0.02

    def add_interest(self):
        self.deposit(round(self.balance * self.rate, 2))


def transfer(src, dst, amount):
    try:
        src.withdraw(amount)
        dst.deposit(amount)
        return "ok"
    except InsufficientFunds as e:
        return f"failed: {e}"
    except ValueError as e:
        src.balance += amount
        return f"rolled back: {e}"


a, b = Account("ann", 100), Savings("bob", 50.0)
for amount in (30, 80, 0, 10 ** 20, 25.5, -5):
    print(amount, transfer(a, b, amount), a, b)
    b.add_interest()
print(Account.opened, a.history, b.history[-3:], isinstance(b, Account), Savings.opened)
