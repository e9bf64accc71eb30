#!/usr/bin/env bash
# Checks Deploy/ without Docker or a cluster (Scripts/test.sh runs it before
# the Swift tests):
#   1. yamllint (strict, Deploy/.yamllint) on every YAML file in Deploy/;
#   2. the compose file against the Compose Specification schema
#      (check-jsonschema's bundled copy);
#   3. kubernetes-validate --strict on the Kubernetes manifests, against two
#      Kubernetes versions whose schemas ship inside the package (offline);
#      the KEDA ScaledObject is a custom resource it has no schema for, so it
#      is left out here and checked by step 4;
#   4. Scripts/check_deploy.py: what ties the files to each other and to the
#      code (env names, topics, bundles, ports, user, partitions).
# Installs yamllint and kubernetes-validate into .tools/venv once (pinned, so
# the bundled Kubernetes schemas do not change under us); after that it needs
# no network. Exits non-zero, naming every failure, if any step fails.
set -uo pipefail
cd "$(dirname "$0")/.."

# Kubernetes versions to validate against: the oldest we claim to support
# (PodDisruptionBudget.unhealthyPodEvictionPolicy is GA from 1.31, beta and on
# by default from 1.27) and the newest kubernetes-validate 1.37.0 bundles.
kubernetes_versions=(1.30.0 1.37.0)

setup_log=$(mktemp)
if ! Scripts/setup-tools.sh yamllint==1.38.0 kubernetes-validate==1.37.0 >"$setup_log" 2>&1; then
    cat "$setup_log" >&2
    rm -f "$setup_log"
    echo "check-deploy: FAIL could not install yamllint and kubernetes-validate into .tools/venv (Scripts/setup-tools.sh)" >&2
    exit 2
fi
rm -f "$setup_log"
venv=.tools/venv/bin

failed=()

echo "== check-deploy 1/4: yamllint Deploy/"
if ! "$venv/yamllint" --strict -c Deploy/.yamllint Deploy/; then
    failed+=("yamllint found problems in Deploy/ (listed above)")
fi

echo "== check-deploy 2/4: Deploy/compose.yaml against the Compose Specification"
if ! "$venv/check-jsonschema" --builtin-schema vendor.compose-spec Deploy/compose.yaml; then
    failed+=("Deploy/compose.yaml does not follow the Compose Specification (see above)")
fi

echo "== check-deploy 3/4: kubernetes-validate --strict (Kubernetes ${kubernetes_versions[*]})"
manifests=()
for file in Deploy/kubernetes/*.yaml; do
    [ "$(basename "$file")" = kustomization.yaml ] && continue
    manifests+=("$file")
done
version_flags=()
for version in "${kubernetes_versions[@]}"; do
    version_flags+=(-k "$version")
done
validation=$("$venv/kubernetes-validate" --strict --quiet "${version_flags[@]}" "${manifests[@]}" 2>&1)
status=$?
[ -n "$validation" ] && echo "$validation"
# kubernetes-validate only warns (exit 0) on a kind it has no schema for;
# for these built-in kinds that means a wrong apiVersion or kind, so it fails.
if [ "$status" -ne 0 ] || grep -q '^WARN' <<<"$validation"; then
    failed+=("kubernetes-validate rejected a manifest in Deploy/kubernetes (see above)")
else
    echo "${#manifests[@]} manifests valid; skipped: Deploy/kubernetes/keda/scaledobject.yaml (KEDA CRD, checked in step 4)"
fi

echo "== check-deploy 4/4: consistency (Scripts/check_deploy.py)"
if ! "$venv/python" Scripts/check_deploy.py .; then
    failed+=("Deploy/ files disagree with each other or with the code (FAIL lines above)")
fi

if [ "${#failed[@]}" -gt 0 ]; then
    for reason in "${failed[@]}"; do
        echo "check-deploy: FAIL $reason" >&2
    done
    exit 1
fi
echo "check-deploy: all Deploy/ checks passed"
