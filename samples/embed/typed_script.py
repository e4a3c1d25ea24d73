"""The script half of samples/embed/typed_host.cpp.

`bank` is a module the host made: Account is a C++ class, transfer() and
treasury() are typed C++ functions. Bad arguments raise the TypeErrors a
builtin would.
"""
import bank

accounts = [bank.Account("ada", 50_00), bank.Account(owner="bob")]
ada, bob = accounts
treasury = bank.treasury()  # shared with the host, not a copy

print(bank.transfer(treasury, ada, 25_00, memo="grant"), ada)
bank.transfer(ada, bob, 10_00)
bob.history = bob.history + ["from ada"]
print(bob, bob.history, isinstance(bob, bank.Account))
print("treasury now holds", fmt_cents(treasury.cents))

for bad in (lambda: bank.transfer(ada, bob, "ten"),
            lambda: bank.transfer(ada, 5, 1),
            lambda: bank.transfer(ada, bob, 10**30),
            lambda: ada.deposit(-1),
            lambda: bob.withdraw(cents=1_000_00),
            lambda: bank.Account()):
    try:
        bad()
    except (TypeError, ValueError, OverflowError) as e:
        print(f"{type(e).__name__}: {e}")


def balances():
    return {a.owner: a.cents for a in accounts + [treasury]}
