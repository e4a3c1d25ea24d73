import it_gate

it_gate.pause(__name__)
value = 42


def answer():
    return "complete"
