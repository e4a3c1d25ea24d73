# A package whose __init__ is held, imported through the package and through
# its submodule; then a submodule that is held while its package is complete.
import it_driver
import it_gate


def via_package():
    import slow_pkg
    return slow_pkg.ready


def via_submodule():
    import slow_pkg.sub
    return slow_pkg.ready


def via_from():
    from slow_pkg import sub
    return sub.leaf()


def mixed(i=[0]):
    i[0] += 1
    return [via_package, via_submodule, via_from][i[0] % 3]()


print(sorted(set(it_driver.run("slow_pkg", mixed, count=9))))
print("slow_pkg runs:", it_gate.runs["slow_pkg"])


def sub_dotted():
    import slow_pkg2.sub
    return slow_pkg2.sub.value


def sub_from():
    from slow_pkg2.sub import value
    return value


def sub_mixed(i=[0]):
    i[0] += 1
    return (sub_dotted if i[0] % 2 else sub_from)()


print(sorted(set(it_driver.run("slow_pkg2.sub", sub_mixed))))
print("slow_pkg2.sub runs:", it_gate.runs["slow_pkg2.sub"])
