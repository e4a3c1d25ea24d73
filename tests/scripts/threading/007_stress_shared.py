import threading

shared_list = []
shared_dict = {}
shared_set = set()
N = 10000


def work(k):
    for i in range(N):
        shared_list.append(i)
        shared_dict[(k, i)] = i
        shared_set.add(k * N + i)
        if i % 3 == 0:
            shared_dict.pop((k, i))


threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(shared_list), len(shared_dict), len(shared_set))
print(sum(shared_list) == 8 * sum(range(N)))
print(sorted(shared_set) == list(range(8 * N)))
