# The poll advice (reservation-service PollAdvice) as a model: python3 deploy/bench/poll-advice-model.py
# (docs/performance.md, the on-sale benchmark).
import random, math
# Polls of the pollAfterSeconds protocol vs the 1-2 s protocol, for N buyers admitted in position order at R/s
# (a constant rate; the estimate the server gives is exact). Also the notice latency (admission -> next poll).
def sim(N, R, seed=1):
    random.seed(seed)
    polls = 0; notice = []
    for pos in range(1, N + 1):
        admit_at = pos / R
        t = random.uniform(0, 2)  # the pre-queue's first poll after the opening, spread over 2 s
        while True:
            polls += 1
            if t >= admit_at:
                notice.append(t - admit_at); break
            ahead = max(0, math.ceil((admit_at - t) * R) - 1)
            eta = math.ceil((ahead + 1) / R)
            base = min(max(eta * 0.5, 1), 20)
            t += round(base * (1 + 0.2 * random.random()))
    notice.sort()
    return polls, notice[len(notice) // 2], notice[int(len(notice) * 0.99)]
for R in (20, 40, 70):
    N = 3000
    p, n50, n99 = sim(N, R)
    old_wait = sum(pos / R for pos in range(1, N + 1))
    print(f"R={R}/s: advised polls {p} ({p / N:.1f} per buyer, {p / (N / R):.0f}/s over the {N / R:.0f} s sale), "
          f"notice p50 {n50:.2f} s p99 {n99:.2f} s | 1-2 s status polls: {old_wait / 1.5:.0f} ({old_wait / 1.5 / (N / R):.0f}/s)")
