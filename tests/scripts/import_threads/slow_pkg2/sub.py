import it_gate

it_gate.pause(__name__)
from . import helper

value = helper.VALUE * 2
