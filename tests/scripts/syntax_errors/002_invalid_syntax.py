print("never runs")
x = 5 +* 3
