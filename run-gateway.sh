#!/usr/bin/env bash
# Builds and starts the gateway with its embedded defaults: the example PKI in certs-example/ (not for
# production), an H2 database and an Artemis broker under data/. Partner port 8443, management port 9443,
# both HTTPS with client certificates required. Extra arguments go to the gateway, for example
# --server.port=18443. Needs only a JDK (17 or later).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

if [[ ! -f certs-example/ca/root-ca.crt ]]; then
  certs-example/generate.sh
fi

./mvnw -q -B -DskipTests -pl gateway -am package

java="java"
if [[ -n "${JAVA_HOME:-}" ]]; then
  java="${JAVA_HOME}/bin/java"
fi

# exec: the gateway gets this script's process id, so stopping that process stops the gateway.
exec "${java}" -jar gateway/target/pouch-gateway-*.jar "$@"
