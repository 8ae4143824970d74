# A small object-oriented scheduler simulation (in the spirit of richards): queues, state, dispatch.


class Task:
    def __init__(self, name, pri, work):
        self.name, self.pri, self.work, self.done = name, pri, work, 0

    def step(self, sched):
        self.done += 1
        if self.done >= self.work:
            return "finished"
        if self.done % 3 == 0:
            return "yield"
        return "continue"


class IOTask(Task):
    def step(self, sched):
        r = super().step(sched)
        if r == "yield":
            sched.log.append(f"{self.name} io-wait")
            return "wait"
        return r


class Scheduler:
    def __init__(self):
        self.queue = []
        self.waiting = []
        self.log = []

    def add(self, t):
        self.queue.append(t)
        self.queue.sort(key=lambda t: -t.pri)

    def run(self, max_steps):
        steps = 0
        while (self.queue or self.waiting) and steps < max_steps:
            steps += 1
            if not self.queue:
                self.queue.append(self.waiting.pop(0))
            t = self.queue.pop(0)
            r = t.step(self)
            if r == "finished":
                self.log.append(f"{t.name} done@{steps}")
            elif r == "wait":
                self.waiting.append(t)
            else:
                self.add(t)
        return steps


for n in (3, 5, 8):
    s = Scheduler()
    for i in range(n):
        cls = IOTask if i % 2 else Task
        s.add(cls(f"t{i}", pri=i % 3, work=2 + i))
    steps = s.run(500)
    print(n, steps, s.log[:6], len(s.log))
