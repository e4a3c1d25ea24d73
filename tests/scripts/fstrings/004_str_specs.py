s = "text"
print(f"[{s:>8}]|[{s:<8}]|[{s:^10}]|[{s:*<6}]|[{s:->9}]|[{s:.2}]|[{s:^9.3}]")
print(f"[{s:8}]|[{'':5}]|[{'toolong':3}]")
for item, price in [("apple", 0.5), ("banana", 0.25), ("cherry", 3.0)]:
    print(f"{item:<10}{price:>8.2f}")
print(f"{'=' * 18}")
print(f"{'left':<{6}}|{'right':>{7}}|")
