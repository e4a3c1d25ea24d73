print("this line is fine")
x = (1, 2,
y = 3
