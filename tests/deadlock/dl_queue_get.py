import queue
jobs = queue.Queue()
print(jobs.get())
