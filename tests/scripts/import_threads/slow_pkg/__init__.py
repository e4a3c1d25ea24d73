import it_gate

it_gate.pause(__name__)
from . import sub

ready = sub.leaf()
