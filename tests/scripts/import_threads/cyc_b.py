import it_gate

it_gate.started("cyc_b").set()
it_gate.started("cyc_a").wait()
import cyc_a

saw_complete = hasattr(cyc_a, "done")
done = True
