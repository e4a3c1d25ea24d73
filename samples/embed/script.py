"""The script half of samples/embed/host.cpp.

It runs inside the host, which provides the `inventory` module and the
`host_log` function; the host then calls make_report() and checkout().
"""
import inventory


def make_report(items):
    """Stock value per item: {name: price * stock}."""
    host_log(f"report for {len(items)} items")
    return {name: inventory.price(name) * inventory.stock(name) for name in items}


def checkout(name):
    host_log(f"checking out {name}")
    return inventory.price(name)  # KeyError (raised by the host) for unknown items
