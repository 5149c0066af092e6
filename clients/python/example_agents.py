"""Runs a random and a rule-based agent (most work remaining among the masked jobs) through whole job-shop
episodes on a plantwin server and prints one JSON line: mean returns, episodes, steps and HTTP steps per second.

    python3 example_agents.py http://127.0.0.1:8080 --jobs 6 --machines 6 --episodes 5
"""

import argparse
import json
import random
import sys
import time

from plantwin_env import PlantwinEnv

FEATURES = 5  # per job slot: waiting here, processing time here, remaining work, remaining ops, waiting time


def random_agent(rng):
    def act(obs, info):
        allowed = [i for i, m in enumerate(info["action_mask"]) if m]
        return rng.choice(allowed)
    return act


def most_work_remaining(obs, info):
    allowed = [i for i, m in enumerate(info["action_mask"]) if m]
    return max(allowed, key=lambda j: (obs[j * FEATURES + 2], -j))


def run(env, agent, seed):
    obs, info = env.reset(seed=seed)
    ret, steps, done = 0.0, 0, False
    while not done:
        obs, reward, terminated, truncated, info = env.step(agent(obs, info))
        ret += reward
        steps += 1
        done = terminated or truncated
    return ret, steps, info


def main(argv=None):
    p = argparse.ArgumentParser()
    p.add_argument("url")
    p.add_argument("--jobs", type=int, default=6)
    p.add_argument("--machines", type=int, default=6)
    p.add_argument("--episodes", type=int, default=5)
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args(argv)
    out = {"episodes": a.episodes}
    steps_total, t0 = 0, time.perf_counter()
    with PlantwinEnv(a.url, "jobshop", jobs=a.jobs, machines=a.machines) as env:
        out["observation_space"] = env.observation_space
        out["action_space"] = env.action_space
        for name, agent in (("random", random_agent(random.Random(a.seed))), ("mwkr", most_work_remaining)):
            returns, makespans = [], []
            for e in range(a.episodes):
                ret, steps, info = run(env, agent, a.seed + e)
                returns.append(ret)
                makespans.append(info["makespan"])
                steps_total += steps
            out[name] = {"returns": returns, "makespans": makespans, "mean_return": sum(returns) / len(returns)}
    seconds = time.perf_counter() - t0
    out["steps"] = steps_total
    out["steps_per_second"] = steps_total / seconds
    json.dump(out, sys.stdout)
    print()


if __name__ == "__main__":
    main()
