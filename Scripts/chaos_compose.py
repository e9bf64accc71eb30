"""What Deploy/compose.yaml says about the workers and topics, read from the
file itself so the chaos run exercises the deploy files instead of a copy.

The chaos run starts workers as plain processes on one host, so two things a
container gets from Docker are mapped, and only these:
  - the broker: `NEWSWIRE_BROKERS` names the compose network's Kafka
    (`kafka:9092`); here it is the chaos run's own broker;
  - the stats port: each replica's container listens on the same port, which
    Compose publishes on a random host port (`ports: ["8080"]`); here each
    process gets a free port on the same host address.
Everything else in the worker's `environment:` is passed unchanged.
"""
import re

import yaml


class ComposeWorker:
    """The worker service of the compose file."""

    def __init__(self, path):
        with open(path) as f:
            document = yaml.safe_load(f)
        services = document["services"]
        worker = services["worker"]
        self.path = path
        self.environment = {str(k): str(v) for k, v in (worker.get("environment") or {}).items()}
        command = worker.get("command") or []
        self.command = [command] if isinstance(command, str) else [str(part) for part in command]
        deploy = worker.get("deploy") or {}
        self.replicas = int(deploy.get("replicas", 1))
        self.memory_limit_bytes = parse_size(((deploy.get("resources") or {}).get("limits") or {}).get("memory"))
        self.stop_grace_seconds = parse_duration(worker.get("stop_grace_period", "10s"))
        self.restart = worker.get("restart", "no")
        self.topics = topics_created(services.get("topics") or {})

    def environment_for(self, brokers, stats_port, overrides=None):
        """The environment of one worker process: the compose file's, with the
        broker address and stats port mapped as the module doc explains."""
        env = dict(self.environment)
        env["NEWSWIRE_BROKERS"] = brokers
        host = env.get("NEWSWIRE_STATS_ADDRESS", "127.0.0.1:8080").rsplit(":", 1)[0]
        env["NEWSWIRE_STATS_ADDRESS"] = "%s:%d" % (host, stats_port)
        env.update(overrides or {})
        return env

    @property
    def input_topic(self):
        return self.environment.get("NEWSWIRE_INPUT_TOPIC", "articles.raw")

    @property
    def group(self):
        return self.environment.get("NEWSWIRE_GROUP", "newswire")


def topics_created(service):
    """The topics the compose file's `topics` job creates: the input topic from
    its `create NAME …` line and the outputs from its `for topic in …` loop."""
    script = "\n".join(service.get("command") or [])
    inputs = re.findall(r"^\s*create\s+([A-Za-z0-9._-]+)\s", script, re.M)
    outputs = []
    for loop in re.findall(r"for\s+topic\s+in\s+([^;\n]+);", script):
        outputs += loop.split()
    return {"input": inputs, "output": outputs}


def parse_size(text):
    if text is None:
        return None
    match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?", str(text).strip().lower())
    if not match:
        raise ValueError("compose: cannot read the memory size %r" % text)
    scale = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3, "t": 1024**4}[match.group(2)]
    return int(float(match.group(1)) * scale)


def parse_duration(text):
    total = 0.0
    for amount, unit in re.findall(r"(\d+(?:\.\d+)?)(ms|us|h|m|s)", str(text)):
        total += float(amount) * {"us": 1e-6, "ms": 1e-3, "s": 1, "m": 60, "h": 3600}[unit]
    return total
