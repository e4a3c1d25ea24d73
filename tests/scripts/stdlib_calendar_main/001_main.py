# calendar's command line: `python -m calendar [options] [year] [month]`
# (run as a module in a child process) and calendar.main(argv) in-process:
# text years and months with widths, lines, spacing and months per row, an
# HTML page, an encoding, and argparse's errors.
import calendar
import subprocess
import sys

run = subprocess.run([sys.executable, "-m", "calendar", "2026"], capture_output=True)
print(run.returncode, run.stdout.decode())
run = subprocess.run([sys.executable, "-m", "calendar", "-t", "html", "2026", "3"],
                     capture_output=True)
print(run.returncode, run.stdout, run.stderr.decode().splitlines()[-1])
run = subprocess.run([sys.executable, "-m", "calendar", "-L", "C", "2026"], capture_output=True)
print(run.returncode, run.stderr.decode().splitlines()[-1])

for argv in (["2024", "2"], ["-w", "3", "-l", "2", "2025", "12"],
             ["-s", "2", "-m", "4", "1999"], ["-w", "1", "-m", "6", "2000"]):
    calendar.main(["calendar.py"] + argv)
    print("--")
    sys.stdout.flush()
calendar.main(["calendar.py", "-e", "latin-1", "2026", "1"])
sys.stdout.flush()
calendar.main(["calendar.py", "-t", "html", "-c", "my.css", "-e", "ascii", "2021"])
sys.stdout.flush()
page = calendar.HTMLCalendar().formatyearpage(2010, width=4, css=None)
print(type(page).__name__, len(page), page[:60], page[-40:])
