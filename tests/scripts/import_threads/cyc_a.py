import it_gate

it_gate.started("cyc_a").set()
it_gate.started("cyc_b").wait()
import cyc_b

saw_complete = hasattr(cyc_b, "done")
done = True
