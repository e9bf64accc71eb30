"""Consistency checks for Deploy/ that no generic linter knows, for
Scripts/check-deploy.sh (which runs yamllint and kubernetes-validate first).

  check_deploy.py REPOSITORY_ROOT

Checks, offline and without Docker or a cluster:
  - the compose file: services, KRaft settings, topics, worker wiring;
  - every NEWSWIRE_* variable set in compose or the ConfigMap is one that
    `newswire run` reads: every flag of Sources/newswire/Commands/RunCommand.swift
    (and of its option groups) reads NEWSWIRE_<FLAG> (EnvironmentArguments);
  - the topics created are the ones the worker writes
    (Sources/Pipeline/Schemas/OutputTopics.swift);
  - the KEDA ScaledObject, a custom resource kubernetes-validate cannot know:
    required fields, string-only trigger metadata, and agreement with the
    Deployment, the ConfigMap and the partition count;
  - the Kubernetes objects agree with each other (names, labels, ports, user);
  - the Dockerfile: stages, base images, the resource bundles Package.swift
    declares (none while the data is compiled in), non-root user, health
    check, entry point;
  - .dockerignore keeps build folders and tools out of the context.

Prints one line per failure and exits 1 if any, else prints a summary.
"""
import base64
import os
import re
import sys

import yaml

# Runtime bases known to ship librdkafka >= 2.2 (2.0.2 cannot parse some
# brokers' ApiVersions replies; fixed in 2.2.0). Sources: packages.ubuntu.com
# (noble: librdkafka 2.3.0-1build2), packages.debian.org (trixie: 2.8.0-1).
RUNTIME_LIBRDKAFKA = {
    "ubuntu:24.04": (2, 3, 0),
    "ubuntu:noble": (2, 3, 0),
    "debian:trixie": (2, 8, 0),
    "debian:trixie-slim": (2, 8, 0),
    "debian:13": (2, 8, 0),
    "debian:13-slim": (2, 8, 0),
}
MINIMUM_LIBRDKAFKA = (2, 2, 0)


class Checker:
    def __init__(self, root):
        self.root = root
        self.failures = []
        self.passed = 0

    def path(self, relative):
        return os.path.join(self.root, relative)

    def read(self, relative):
        with open(self.path(relative), encoding="utf-8") as f:
            return f.read()

    def load_yaml(self, relative):
        with open(self.path(relative), encoding="utf-8") as f:
            return yaml.safe_load(f)

    def expect(self, condition, where, message):
        if condition:
            self.passed += 1
        else:
            self.failures.append(f"{where}: {message}")
        return condition


def kebab(name):
    """swift-argument-parser's default long name for a property."""
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"-\1", name).lower()


def environment_name(flag):
    return "NEWSWIRE_" + flag.upper().replace("-", "_")


def declared_flags(source):
    """The long names of the @Option and @Flag properties in Swift source."""
    flags = set()
    for match in re.finditer(r"@(?:Option|Flag)(?:\((?P<args>(?:[^()]|\([^()]*\))*)\))?\s*var\s+(?P<name>\w+)", source):
        custom = re.search(r'\.customLong\("([^"]+)"\)', match.group("args") or "")
        flags.add(custom.group(1) if custom else kebab(match.group("name")))
    return flags


def run_command_environment(c):
    """The NEWSWIRE_* names `newswire run` reads: every flag it declares,
    directly or through an @OptionGroup, since EnvironmentArguments puts each
    NEWSWIRE_<FLAG> on the command line before parsing. Returns (readable, ignored)."""
    where = "Sources/newswire/Commands/RunCommand.swift"
    source = c.read(where)
    flags = declared_flags(source)
    groups = re.findall(r"@OptionGroup\s+var\s+\w+:\s*(\w+)", source)
    for folder, _, files in os.walk(c.path("Sources/newswire")):
        for name in files:
            text = c.read(os.path.relpath(os.path.join(folder, name), c.root)) if name.endswith(".swift") else ""
            if any(re.search(rf"struct\s+{group}\s*:", text) for group in groups):
                flags |= declared_flags(text)
    c.expect(flags, where, "found no @Option or @Flag properties to derive NEWSWIRE_* names from")
    c.expect("EnvironmentArguments" in c.read("Sources/newswire/Newswire.swift"), "Sources/newswire/Newswire.swift",
             "main no longer applies EnvironmentArguments, so flags would not read NEWSWIRE_<FLAG>")
    return {environment_name(flag) for flag in flags}, set()


def output_topics(c):
    """articles.<stem>.v1 for every stem OutputTopics names."""
    where = "Sources/Pipeline/Schemas/OutputTopics.swift"
    source = c.read(where)
    prefix = re.search(r'prefix:\s*String\s*=\s*"([^"]+)"', source)
    stems = re.findall(r'stem\s*=\s*"([^"]+)"', source)
    c.expect(prefix and stems, where, "could not read the topic prefix and stems")
    return {f"{prefix.group(1)}.{stem}.v1" for stem in stems} if prefix else set()


def seconds(text):
    match = re.fullmatch(r"(\d+)(s|m)?", str(text).strip())
    if not match:
        return None
    return int(match.group(1)) * (60 if match.group(2) == "m" else 1)


def kafka_property_prefix(c):
    """The prefix of the variables that carry librdkafka properties
    (NEWSWIRE_KAFKA_SASL_PASSWORD is sasl.password), as KafkaProperties names it."""
    match = re.search(r'environmentPrefix\s*=\s*"([^"]+)"', c.read("Sources/newswire/Support/KafkaProperties.swift"))
    return match.group(1) if match else None


def check_variables(c, where, variables, readable, ignored):
    prefix = kafka_property_prefix(c)
    for name in sorted(variables):
        if not name.startswith("NEWSWIRE_"):
            continue
        if prefix and name.startswith(prefix) and name not in readable:
            continue
        if name in ignored:
            c.expect(False, where, f"{name} is set, but `newswire run` does not read that flag from the environment")
        else:
            c.expect(name in readable, where,
                     f"{name} is not a variable `newswire run` reads (it reads {', '.join(sorted(readable))})")


def check_compose(c, readable, ignored, topics):
    where = "Deploy/compose.yaml"
    compose = c.load_yaml(where)
    services = compose.get("services", {})
    for name in ("kafka", "topics", "worker"):
        c.expect(name in services, where, f"service '{name}' is missing")
    kafka = services.get("kafka", {})
    c.expect(str(kafka.get("image", "")).startswith("apache/kafka:"), where, "kafka must use the official apache/kafka image")
    env = {k: str(v) for k, v in (kafka.get("environment") or {}).items()}
    roles = set(env.get("KAFKA_PROCESS_ROLES", "").split(","))
    c.expect(roles == {"broker", "controller"}, where, "KAFKA_PROCESS_ROLES must be broker,controller (single KRaft node)")
    node = env.get("KAFKA_NODE_ID", "")
    voters = env.get("KAFKA_CONTROLLER_QUORUM_VOTERS", "")
    c.expect(re.fullmatch(rf"{re.escape(node)}@[\w.-]+:\d+", voters) is not None, where,
             f"KAFKA_CONTROLLER_QUORUM_VOTERS '{voters}' must name node {node} as id@host:port")
    controller = env.get("KAFKA_CONTROLLER_LISTENER_NAMES", "")
    listeners = dict(re.findall(r"(\w+)://[^:,]*:(\d+)", env.get("KAFKA_LISTENERS", "")))
    protocols = dict(item.split(":") for item in env.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "").split(",") if ":" in item)
    c.expect(controller in listeners, where, f"KAFKA_LISTENERS has no {controller or 'controller'} listener")
    c.expect(voters.endswith(":" + listeners.get(controller, "?")), where, "the quorum voter's port is not the controller listener's")
    for name in listeners:
        c.expect(name in protocols, where, f"listener {name} has no entry in KAFKA_LISTENER_SECURITY_PROTOCOL_MAP")
    advertised = dict(re.findall(r"(\w+)://([^,]+)", env.get("KAFKA_ADVERTISED_LISTENERS", "")))
    c.expect(controller not in advertised, where, "the controller listener must not be advertised to clients")
    c.expect(env.get("KAFKA_INTER_BROKER_LISTENER_NAME", "PLAINTEXT") in listeners, where,
             "KAFKA_INTER_BROKER_LISTENER_NAME is not one of KAFKA_LISTENERS")
    cluster_id = env.get("CLUSTER_ID", "")
    try:
        valid_id = len(cluster_id) == 22 and len(base64.urlsafe_b64decode(cluster_id + "==")) == 16
    except ValueError:
        valid_id = False
    c.expect(valid_id, where, f"CLUSTER_ID '{cluster_id}' is not a 22-character base64url UUID")
    c.expect(env.get("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR") == "1", where,
             "a single node needs KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR 1")

    creator = services.get("topics", {})
    script = " ".join(creator.get("command") or []) if isinstance(creator.get("command"), list) else str(creator.get("command"))
    c.expect("--create" in script and "--if-not-exists" in script, where, "topics must run kafka-topics.sh --create --if-not-exists")
    for topic in sorted(topics | {"articles.raw"}):
        c.expect(topic in script, where, f"topics does not create {topic}")
    creator_env = creator.get("environment") or {}
    partitions = creator_env.get("INPUT_PARTITIONS")
    c.expect(isinstance(partitions, int) and partitions > 0, where, "topics needs INPUT_PARTITIONS, a positive number")
    c.expect((creator.get("depends_on") or {}).get("kafka", {}).get("condition") == "service_healthy", where,
             "topics must wait for kafka to be healthy")

    worker = services.get("worker", {})
    build = worker.get("build") or {}
    dockerfile = os.path.normpath(os.path.join("Deploy", build.get("context", "."), build.get("dockerfile", "Dockerfile")))
    c.expect(dockerfile == "Deploy/Dockerfile", where, f"worker builds {dockerfile}, not Deploy/Dockerfile")
    c.expect(os.path.normpath(os.path.join("Deploy", build.get("context", "."))) == ".", where,
             "the worker's build context must be the repository root")
    c.expect((worker.get("deploy") or {}).get("replicas") == 3, where, "worker needs deploy.replicas: 3")
    c.expect("container_name" not in worker, where, "worker cannot have container_name: it stops --scale")
    for port in worker.get("ports") or []:
        c.expect(":" not in str(port), where, f"worker port '{port}' fixes a host port: scaled replicas would collide")
    depends = worker.get("depends_on") or {}
    c.expect(depends.get("kafka", {}).get("condition") == "service_healthy", where, "worker must wait for kafka healthy")
    c.expect(depends.get("topics", {}).get("condition") == "service_completed_successfully", where,
             "worker must wait for topics to complete")
    c.expect("/healthz" in " ".join((worker.get("healthcheck") or {}).get("test") or []), where, "worker healthcheck must call /healthz")
    grace = seconds(worker.get("stop_grace_period", ""))
    c.expect(grace is not None and grace >= 30, where, "worker needs stop_grace_period of at least 30s for the drain")
    worker_env = {k: str(v) for k, v in (worker.get("environment") or {}).items()}
    shutdown = seconds(worker_env.get("NEWSWIRE_SHUTDOWN_GRACE", "50s"))
    c.expect(shutdown is not None and grace is not None and shutdown < grace, where,
             f"NEWSWIRE_SHUTDOWN_GRACE must be below stop_grace_period ({grace}s), or Docker kills a worker still draining")
    env = {k: str(v) for k, v in (worker.get("environment") or {}).items()}
    for name in ("NEWSWIRE_BROKERS", "NEWSWIRE_GROUP", "NEWSWIRE_STATS_ADDRESS"):
        c.expect(name in env, where, f"worker does not set {name}")
    c.expect(env.get("NEWSWIRE_STATS_ADDRESS", "").startswith("0.0.0.0:"), where,
             "NEWSWIRE_STATS_ADDRESS must listen on 0.0.0.0 inside a container")
    brokers = env.get("NEWSWIRE_BROKERS", "")
    c.expect(brokers in advertised.values(), where,
             f"NEWSWIRE_BROKERS '{brokers}' is not an address kafka advertises ({', '.join(advertised.values())})")
    check_variables(c, where, env, readable, ignored)

    if "prometheus" in services:
        config = c.load_yaml("Deploy/prometheus.yml")
        jobs = config.get("scrape_configs") or []
        c.expect(any((j.get("metrics_path") or "/metrics") == "/metrics" for j in jobs), "Deploy/prometheus.yml",
                 "no job scrapes /metrics")
    return grace, partitions


def documents(c, relative):
    with open(c.path(relative), encoding="utf-8") as f:
        return [d for d in yaml.safe_load_all(f) if d]


def check_kubernetes(c, readable, ignored, compose_grace, partitions, dockerfile_user):
    base = "Deploy/kubernetes"
    objects = {}
    kustomization = c.load_yaml(f"{base}/kustomization.yaml")
    listed = kustomization.get("resources") or []
    present = sorted(f for f in os.listdir(c.path(base)) if f.endswith(".yaml") and f != "kustomization.yaml")
    c.expect(sorted(listed) == present, f"{base}/kustomization.yaml",
             f"resources {sorted(listed)} differ from the manifests present {present}")
    for name in present:
        for document in documents(c, f"{base}/{name}"):
            objects[document.get("kind")] = (f"{base}/{name}", document)
    for kind in ("Namespace", "ConfigMap", "Deployment", "Service", "PodDisruptionBudget"):
        c.expect(kind in objects, base, f"no {kind} manifest")
    if not all(kind in objects for kind in ("ConfigMap", "Deployment", "Service", "PodDisruptionBudget")):
        return

    where, configmap = objects["ConfigMap"]
    data = configmap.get("data") or {}
    for name in ("NEWSWIRE_BROKERS", "NEWSWIRE_GROUP", "NEWSWIRE_STATS_ADDRESS"):
        c.expect(name in data, where, f"ConfigMap does not set {name}")
    check_variables(c, where, data, readable, ignored)
    stats_port = int(str(data.get("NEWSWIRE_STATS_ADDRESS", ":0")).rsplit(":", 1)[1])
    c.expect(str(data.get("NEWSWIRE_STATS_ADDRESS", "")).startswith("0.0.0.0:"), where,
             "NEWSWIRE_STATS_ADDRESS must listen on 0.0.0.0 so probes reach it")

    where, deployment = objects["Deployment"]
    spec = deployment["spec"]
    pod = spec["template"]["spec"]
    labels = spec["template"]["metadata"].get("labels") or {}
    c.expect(spec.get("replicas") == 3, where, "Deployment needs 3 replicas")
    c.expect(all(labels.get(k) == v for k, v in spec["selector"]["matchLabels"].items()), where,
             "the selector does not match the pod labels")
    annotations = spec["template"]["metadata"].get("annotations") or {}
    c.expect(annotations.get("prometheus.io/scrape") == "true" and annotations.get("prometheus.io/port") == str(stats_port),
             where, "pod needs prometheus.io/scrape and prometheus.io/port annotations for the stats port")
    grace = pod.get("terminationGracePeriodSeconds", 30)
    shutdown = seconds(str(data.get("NEWSWIRE_SHUTDOWN_GRACE", "50s")))
    c.expect(shutdown is not None and shutdown < grace, where,
             f"the ConfigMap's NEWSWIRE_SHUTDOWN_GRACE must be below terminationGracePeriodSeconds ({grace}s)")
    c.expect(grace >= (compose_grace or 30), where,
             f"terminationGracePeriodSeconds {grace} is shorter than the compose drain allowance {compose_grace}s")
    security = pod.get("securityContext") or {}
    c.expect(security.get("runAsNonRoot") is True, where, "pod must set runAsNonRoot: true")
    if dockerfile_user is not None:
        c.expect(security.get("runAsUser") == dockerfile_user, where,
                 f"runAsUser {security.get('runAsUser')} differs from the image's USER {dockerfile_user}")
    containers = pod.get("containers") or []
    c.expect(len(containers) == 1, where, "expected one container")
    container = containers[0] if containers else {}
    refs = [e.get("configMapRef", {}).get("name") for e in container.get("envFrom") or []]
    c.expect(configmap["metadata"]["name"] in refs, where, "the container does not load the ConfigMap (envFrom)")
    check_variables(c, where, {e["name"] for e in container.get("env") or []}, readable, ignored)
    ports = {p.get("name"): p.get("containerPort") for p in container.get("ports") or []}
    c.expect(stats_port in ports.values(), where, f"no containerPort {stats_port} (NEWSWIRE_STATS_ADDRESS)")

    def probe_path(probe):
        http = (container.get(probe) or {}).get("httpGet") or {}
        port = http.get("port")
        return http.get("path"), ports.get(port, port)
    c.expect(probe_path("livenessProbe") == ("/healthz", stats_port), where, "livenessProbe must GET /healthz on the stats port")
    c.expect(probe_path("readinessProbe") == ("/readyz", stats_port), where, "readinessProbe must GET /readyz on the stats port")
    resources = container.get("resources") or {}
    for kind in ("requests", "limits"):
        amounts = resources.get(kind) or {}
        c.expect({"cpu", "memory"} <= set(amounts.keys()), where, f"resources.{kind} needs cpu and memory")
        for name, amount in amounts.items():
            c.expect(re.fullmatch(r"\d+(\.\d+)?(m|k|M|G|T|Ki|Mi|Gi|Ti)?", str(amount)) is not None, where,
                     f"resources.{kind}.{name} '{amount}' is not a Kubernetes quantity (e.g. 500m, 256Mi)")
    csc = container.get("securityContext") or {}
    c.expect(csc.get("readOnlyRootFilesystem") is True, where, "container needs readOnlyRootFilesystem: true")
    c.expect(csc.get("allowPrivilegeEscalation") is False, where, "container needs allowPrivilegeEscalation: false")
    c.expect("ALL" in ((csc.get("capabilities") or {}).get("drop") or []), where, "container must drop ALL capabilities")

    for kind in ("Service", "PodDisruptionBudget"):
        where, obj = objects[kind]
        selector = obj["spec"]["selector"]
        selector = selector.get("matchLabels", selector)
        c.expect(selector and all(labels.get(k) == v for k, v in selector.items()), where, f"{kind} selector does not match the worker pods")
    where, service = objects["Service"]
    c.expect(any(p.get("port") == stats_port for p in service["spec"].get("ports") or []), where, "Service does not expose the stats port")

    check_scaled_object(c, f"{base}/keda/scaledobject.yaml", deployment, data, partitions)


def check_scaled_object(c, where, deployment, data, partitions):
    """KEDA's ScaledObject is a CRD: its schema is KEDA's, not Kubernetes', so
    kubernetes-validate skips it. These are the fields KEDA requires, and the
    kafka trigger's metadata, which KEDA types as map[string]string."""
    if not c.expect(os.path.exists(c.path(where)), where, "missing"):
        return
    found = documents(c, where)
    if not c.expect(len(found) == 1, where, "expected exactly one document"):
        return
    scaled = found[0]
    c.expect(scaled.get("apiVersion") == "keda.sh/v1alpha1", where, "apiVersion must be keda.sh/v1alpha1")
    c.expect(scaled.get("kind") == "ScaledObject", where, "kind must be ScaledObject")
    metadata = scaled.get("metadata") or {}
    c.expect(metadata.get("name"), where, "metadata.name is required")
    c.expect(metadata.get("namespace") == deployment["metadata"].get("namespace"), where,
             "must live in the Deployment's namespace (KEDA scales targets in its own namespace only)")
    spec = scaled.get("spec") or {}
    target = spec.get("scaleTargetRef") or {}
    c.expect(target.get("name") == deployment["metadata"]["name"], where, "scaleTargetRef.name must be the Deployment's name")
    c.expect(target.get("kind", "Deployment") == "Deployment", where, "scaleTargetRef.kind must be Deployment")
    low, high = spec.get("minReplicaCount", 0), spec.get("maxReplicaCount", 100)
    c.expect(isinstance(low, int) and isinstance(high, int) and 0 <= low <= high, where,
             "need 0 <= minReplicaCount <= maxReplicaCount")
    if isinstance(partitions, int):
        c.expect(isinstance(high, int) and high <= partitions, where,
                 f"maxReplicaCount {high} exceeds articles.raw's {partitions} partitions: the extra workers would be idle")
    triggers = spec.get("triggers") or []
    if not c.expect(len(triggers) >= 1, where, "spec.triggers needs at least one trigger"):
        return
    kafka = [t for t in triggers if t.get("type") == "kafka"]
    if not c.expect(len(kafka) == 1, where, "needs exactly one trigger of type kafka"):
        return
    meta = kafka[0].get("metadata") or {}
    for key, value in meta.items():
        c.expect(isinstance(value, str), where, f"trigger metadata {key} must be a string (quote it): KEDA rejects {type(value).__name__}")
    for key in ("bootstrapServers", "consumerGroup", "topic", "lagThreshold"):
        c.expect(meta.get(key), where, f"kafka trigger needs metadata.{key}")
    c.expect(str(meta.get("lagThreshold", "")).isdigit() and int(meta["lagThreshold"]) > 0, where, "lagThreshold must be a positive integer")
    c.expect(meta.get("bootstrapServers") == data.get("NEWSWIRE_BROKERS"), where,
             "bootstrapServers differs from the ConfigMap's NEWSWIRE_BROKERS")
    c.expect(meta.get("consumerGroup") == data.get("NEWSWIRE_GROUP", "newswire"), where,
             "consumerGroup differs from the ConfigMap's NEWSWIRE_GROUP")
    c.expect(meta.get("topic") == data.get("NEWSWIRE_INPUT_TOPIC", "articles.raw"), where,
             "topic differs from the ConfigMap's NEWSWIRE_INPUT_TOPIC")
    c.expect(meta.get("offsetResetPolicy", "latest") in ("earliest", "latest"), where, "offsetResetPolicy must be earliest or latest")


def resource_bundles(c):
    """newswire_<Target>.resources for every target that declares resources."""
    source = c.read("Package.swift")
    bundles = set()
    for match in re.finditer(r'\.(?:target|executableTarget)\(\s*name:\s*"(\w+)"(?P<body>.*?)\n    \)', source, re.S):
        if "resources:" in match.group("body"):
            bundles.add(f"newswire_{match.group(1)}.resources")
    return bundles


def check_dockerfile(c, bundles):
    where = "Deploy/Dockerfile"
    text = c.read(where)
    joined = re.sub(r"\\\n", " ", text)
    lines = [l.strip() for l in joined.splitlines() if l.strip() and not l.strip().startswith("#")]
    args = dict(re.findall(r"^ARG\s+(\w+)=(\S+)", "\n".join(lines), re.M))
    stages = [re.sub(r"\$\{(\w+)\}", lambda m: args.get(m.group(1), m.group(0)), l.split()[1])
              for l in lines if l.upper().startswith("FROM ")]
    if not c.expect(len(stages) >= 2, where, "needs a build stage and a runtime stage"):
        return None
    c.expect(re.fullmatch(r"swift:6\.3(\.\d+)?-(noble|jammy|bookworm)", stages[0]) is not None, where,
             f"build stage '{stages[0]}' is not an official Swift 6.3 Debian/Ubuntu image")
    runtime = stages[-1]
    c.expect(not runtime.startswith("swift:"), where, "the runtime stage must not be the toolchain image")
    version = RUNTIME_LIBRDKAFKA.get(runtime)
    c.expect(version is not None and version >= MINIMUM_LIBRDKAFKA, where,
             f"runtime base '{runtime}' is not one known to ship librdkafka >= 2.2 ({', '.join(sorted(RUNTIME_LIBRDKAFKA))})")
    final = joined[joined.rfind("\nFROM "):]
    build = joined[:joined.rfind("\nFROM ")]
    c.expect(re.search(r"apt-get[^\n]*install[^\n]*librdkafka-dev", build) and "pkg-config" in build, where,
             "the build stage must install librdkafka-dev and pkg-config")
    c.expect(re.search(r"swift build -c release --product newswire --static-swift-stdlib", build), where,
             "the build stage must run swift build -c release --product newswire --static-swift-stdlib")
    c.expect(re.search(r"apt-get[^\n]*install[^\n]*librdkafka1", final), where, "the runtime stage must install librdkafka1")
    for bundle in sorted(bundles):
        c.expect(bundle in build, where, f"the build stage does not stage or check {bundle}")
    staged = re.search(r"^COPY\s+--from=build\b.*\s/staging/\s+/app/", final, re.M)
    copied = all(re.search(rf"^COPY\s+--from=build\b.*{re.escape(b)}", final, re.M) for b in bundles)
    c.expect(staged or copied, where, "the runtime stage must copy the resource bundles next to the binary")
    users = re.findall(r"^USER\s+(\S+)", final, re.M)
    user = users[-1].split(":")[0] if users else "root"
    c.expect(user not in ("root", "0"), where, "the runtime stage must end with a non-root USER")
    c.expect(re.search(r"^EXPOSE\s+8080\b", final, re.M), where, "EXPOSE 8080 is missing")
    c.expect(re.search(r'^ENTRYPOINT\s+\["newswire"\]', final, re.M), where, 'ENTRYPOINT ["newswire"] is missing')
    c.expect(re.search(r'^CMD\s+\["run"\]', final, re.M), where, 'CMD ["run"] is missing')
    c.expect("NEWSWIRE_STATS_ADDRESS=0.0.0.0:8080" in final, where, "ENV NEWSWIRE_STATS_ADDRESS=0.0.0.0:8080 is missing")
    health = re.search(r"^HEALTHCHECK\b.*?CMD\s+(.*)$", final, re.M)
    if c.expect(health and "/healthz" in health.group(1), where, "HEALTHCHECK must call /healthz"):
        tool = re.findall(r'[\w/.-]+', health.group(1))[0].rsplit("/", 1)[-1]
        c.expect(re.search(rf"apt-get[^\n]*install[^\n]*\b{re.escape(tool)}\b", final), where,
                 f"the HEALTHCHECK uses {tool}, which the runtime stage does not install")
    return int(user) if user.isdigit() else None


def check_dockerignore(c):
    where = ".dockerignore"
    if not c.expect(os.path.exists(c.path(where)), where, "missing: the whole .build folder would be sent to Docker"):
        return
    patterns = {l.strip() for l in c.read(where).splitlines() if l.strip() and not l.startswith("#")}
    for needed in (".build", ".build-*", ".build_*", ".tools", "Package.resolved"):
        c.expect(needed in patterns, where, f"does not exclude {needed}")


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    c = Checker(root)
    readable, ignored = run_command_environment(c)
    topics = output_topics(c)
    compose_grace, partitions = check_compose(c, readable, ignored, topics)
    user = check_dockerfile(c, resource_bundles(c))
    check_kubernetes(c, readable, ignored, compose_grace, partitions, user)
    check_dockerignore(c)
    if c.failures:
        for failure in c.failures:
            print(f"check-deploy: FAIL {failure}")
        print(f"check-deploy: {len(c.failures)} of {len(c.failures) + c.passed} consistency checks failed")
        return 1
    print(f"check-deploy: {c.passed} consistency checks passed "
          f"(env names read by `newswire run`: {', '.join(sorted(readable))}; output topics: {', '.join(sorted(topics))})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
