import it_gate

it_gate.pause(__name__)
raise ValueError("body failed")
